// The engine's answers for a fixture, in one shape whatever produced them:
//   cli     the CLI's `... --json` answers, its `runCli` run in this process on the sources (default:
//           ~1300 questions, a process each would cost minutes on 2 cores; cli-bundle.test.ts checks
//           that the built bundle answers exactly like these sources);
//   bundle  `node server/out/cli.js ... --json`, a process per question (the shipped artifact);
//   engine  the engine modules called directly (more detail: plan steps, real heads, labels).
// ALEMBIC_IT_BACKEND=bundle|cli|engine picks one; by default cli, else engine while there is no CLI.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/alembic';
import type { Fixture } from './fixtures';
import type { PlanQuery } from './oracleTypes';

export interface EngineRevision {
  id: string;
  file: string;
  down_revisions: string[];
  depends_on: string[];
  branch_labels: string[];
  /** Effective labels (engine backend only). */
  labels?: string[];
  message: string;
}

export interface EngineProblem {
  code: string;
  severity: string;
  message: string;
}

export interface EngineGraph {
  revisions: EngineRevision[];
  heads: string[];
  bases: string[];
  branchpoints: string[];
  mergepoints: string[];
  history: string[];
  /** engine backend only */
  realHeads?: string[];
  realBases?: string[];
  problems: EngineProblem[];
}

export interface EngineStep {
  kind: string;
  revision: string | null;
  from: string[];
  to: string[];
  rowsAfter: string[];
}

export interface EnginePlan {
  revisions: string[];
  versionTableAfter: string[];
  /** engine backend only */
  steps?: EngineStep[];
}

export type EngineOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Thrown when the backend cannot answer this kind of question yet (a module not written yet). */
export class Unavailable extends Error {}

export interface EngineBackend {
  name: 'bundle' | 'cli' | 'engine';
  graph(fx: Fixture): Promise<EngineGraph>;
  resolve(fx: Fixture, id: string): Promise<EngineOutcome<string[]>>;
  history(fx: Fixture, range: string): Promise<EngineOutcome<string[]>>;
  plan(fx: Fixture, q: PlanQuery): Promise<EngineOutcome<EnginePlan>>;
}

export const CLI_BUNDLE = join(REPO_ROOT, 'server', 'out', 'cli.js');

let chosen: Promise<EngineBackend> | undefined;

export function chooseBackend(): Promise<EngineBackend> {
  chosen ??= pick();
  return chosen;
}

async function pick(): Promise<EngineBackend> {
  const wanted = process.env.ALEMBIC_IT_BACKEND;
  if (wanted && !['bundle', 'cli', 'engine'].includes(wanted)) {
    throw new Error(`ALEMBIC_IT_BACKEND=${wanted}: expected bundle, cli or engine`);
  }
  const { bundleBackend, inProcessCliBackend } = await import('./cliBackend');
  const { engineBackend } = await import('./engineBackend');
  if (wanted === 'bundle') {
    if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
    return bundleBackend();
  }
  if (wanted === 'engine') return engineBackend();
  const cli = await inProcessCliBackend();
  if (cli) return cli;
  if (wanted === 'cli') throw new Error('server/src/cli/run.ts has no runCli');
  return engineBackend();
}
