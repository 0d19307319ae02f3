// The engine's answers through the CLI's JSON output: either the built bundle in a child process or
// the same `runCli` in this process. Arguments are always arrays (never a shell string).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostFs } from '../../server/src/engine/types';
import { REPO_ROOT } from '../helpers/alembic';
import { CLI_BUNDLE } from './backend';
import type { EngineBackend, EngineGraph, EngineOutcome, EnginePlan } from './backend';
import type { Fixture } from './fixtures';
import { limiter } from './limit';
import type { PlanQuery } from './oracleTypes';

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number;
}

export type Runner = (argv: string[], cwd: string) => Promise<CliRun>;

/** The global options that point the CLI at the fixture's configuration, as a user would type them. */
export function configArgs(fx: Fixture): string[] {
  const c = fx.config;
  switch (c.kind) {
    case 'ini':
      return ['-c', c.file, '-n', c.section ?? 'alembic'];
    case 'pyproject':
      return ['-c', c.file];
    case 'ini+pyproject':
      return ['-c', c.file, '-c', c.pyproject, '-n', c.section ?? 'alembic'];
    case 'configless':
      // Flask-Migrate sets script_location in code; the CLI reaches such a project by its versions folder.
      return ['--version-location', join(c.scriptLocation, 'versions')];
  }
}

function parseJson<T>(run: CliRun, what: string): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`${what}: exit ${run.code}, no JSON on stdout.\nstdout: ${run.stdout.slice(0, 500)}\nstderr: ${run.stderr.slice(0, 500)}`);
  }
}

function outcome<T>(run: CliRun, what: string, pick: (j: Record<string, unknown>) => T): EngineOutcome<T> {
  // A configuration the CLI cannot use stops it before any JSON (exit 2, the reason on stderr).
  if (run.code === 2 && run.stdout.trim() === '') return { ok: false, error: run.stderr.trim() };
  const j = parseJson<Record<string, unknown>>(run, what);
  if (typeof j.error === 'string') return { ok: false, error: j.error };
  return { ok: true, value: pick(j) };
}

function cliBackend(name: 'bundle' | 'cli', run: Runner): EngineBackend {
  const call = (fx: Fixture, args: string[]) => run([...configArgs(fx), ...args], fx.dir);
  return {
    name,
    async graph(fx) {
      const r = await call(fx, ['graph', '--json']);
      const g = parseJson<EngineGraph & { problems: { code: string; severity: string; message: string }[] }>(r, `${fx.name}: graph`);
      return { ...g, problems: g.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message })) };
    },
    async resolve(fx, id) {
      const r = await call(fx, ['resolve', '--json', '--', id]);
      return outcome(r, `${fx.name}: resolve ${id}`, (j) => j.revisions as string[]);
    },
    async history(fx, range) {
      const r = await call(fx, ['history', '--json', `--rev-range=${range}`]);
      return outcome(r, `${fx.name}: history -r ${range}`, (j) => j.history as string[]);
    },
    async plan(fx, q: PlanQuery) {
      const targets = typeof q.target === 'string' ? [q.target] : q.target;
      const args = ['plan', q.command, '--json', `--from=${q.from.join(',')}`, ...(q.purge ? ['--purge'] : []), '--', ...targets];
      const r = await call(fx, args);
      return outcome(r, `${fx.name}: plan ${args.join(' ')}`, (j): EnginePlan => ({
        revisions: j.revisions as string[],
        versionTableAfter: j.version_table_after as string[],
      }));
    },
  };
}

const spawnSlot = limiter(2);

/** Runs the built bundle, a process per call (two at a time). */
export function bundleRunner(): Runner {
  return (argv, cwd) =>
    spawnSlot(
      () =>
        new Promise<CliRun>((resolve, reject) => {
          const child = spawn(process.execPath, [CLI_BUNDLE, ...argv], { cwd, shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
          const out: Buffer[] = [];
          const err: Buffer[] = [];
          child.stdout.on('data', (b: Buffer) => out.push(b));
          child.stderr.on('data', (b: Buffer) => err.push(b));
          child.on('error', reject);
          child.on('close', (code) =>
            resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1 }),
          );
        }),
    );
}

export function bundleBackend(): EngineBackend {
  return cliBackend('bundle', bundleRunner());
}

/** runCli from the sources, in this process; null while the CLI does not exist there. */
export async function inProcessRunner(): Promise<Runner | null> {
  const runPath = join(REPO_ROOT, 'server', 'src', 'cli', 'run.ts');
  const fsPath = join(REPO_ROOT, 'server', 'src', 'node', 'nodeFs.ts');
  if (!existsSync(runPath) || !existsSync(fsPath)) return null;
  // Loose types on purpose: these modules are written concurrently by other helpers.
  const runMod = (await import('../../server/src/cli/run')) as unknown as Record<string, unknown>;
  const fsMod = (await import('../../server/src/node/nodeFs')) as unknown as Record<string, unknown>;
  const runCli = runMod.runCli as ((input: Record<string, unknown>) => CliRun) | undefined;
  const nodeFs = fsMod.nodeFs as HostFs | undefined;
  if (typeof runCli !== 'function' || !nodeFs) return null;
  // The bundle's name and version, so that help and version text match it too.
  return async (argv, cwd) => runCli({ argv, cwd, env: {}, fs: nodeFs, prog: 'cli', version: PACKAGE_VERSION });
}

export async function inProcessCliBackend(): Promise<EngineBackend | null> {
  const run = await inProcessRunner();
  return run ? cliBackend('cli', run) : null;
}

const PACKAGE_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
