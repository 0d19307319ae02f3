// What test/e2e/workspaces.mjs prepared for one run (one VS Code start): the workspace kind, its
// suites, the fixture folders and databases. Written as JSON next to the workspace and named by the
// ALEMBIC_E2E_CONTEXT environment variable, which reaches the extension host from the runner.
import { readFileSync } from 'node:fs';

/** A component a test needs, or why it is missing on this machine. */
export type Availability = { ok: true } | { ok: false; missing: string };

export interface E2EContext {
  /** `ini`, `pyproject`, `multiroot`, `fixes`, `none`, `untrusted`. */
  kind: string;
  /** Suite names in run order: `<name>.test.js` next to index.js. */
  suites: string[];
  /** CI=true: a missing component fails the test instead of skipping it. */
  ci: boolean;
  /** The folder or .code-workspace file VS Code opened. */
  workspace: string;
  /** Fixture name -> its temp copy. */
  folders: Record<string, string>;
  /** Debian's Python that has Alembic (`python -m alembic`). */
  python: string;
  alembic: Availability;
  /** The SQLite connection `dev` configured in the workspace settings. */
  sqlite?: { name: string; url: string; file: string };
  /** The PostgreSQL connection `pg` (scratch database, trust auth, no password). */
  postgres?: { name: string; url: string; database: string } | { name: string; missing: string };
  /** Where index.js writes `{passed, failed, skipped}` for the runner. */
  resultsFile?: string;
}

let cached: E2EContext | undefined;

export function e2eContext(): E2EContext {
  if (cached) return cached;
  const file = process.env.ALEMBIC_E2E_CONTEXT;
  if (!file) throw new Error('ALEMBIC_E2E_CONTEXT is not set: start the suites with node test/e2e/run.mjs (or test/e2e/electron.mjs).');
  cached = JSON.parse(readFileSync(file, 'utf8')) as E2EContext;
  return cached;
}
