// Finding Debian's real Alembic and running the oracle (test/integration/oracle.py) with it.
// The integration tests compare the engine with what this Python process answers.
//
// Where no Python with Alembic exists, the integration tests are skipped with the reason printed,
// except on CI (CI=true), where a missing Alembic is an error: a green CI run must mean "compared".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { limiter } from '../integration/limit';
import type { OracleResult } from '../integration/oracleTypes';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ORACLE_SCRIPT = join(REPO_ROOT, 'test', 'integration', 'oracle.py');

export interface AlembicPython {
  python: string;
  version: string;
}

/** `/usr/bin/python3` first (Debian's, where python3-alembic lives), then every python3 on PATH. */
function candidates(): string[] {
  const found = ['/usr/bin/python3'];
  const which = spawnSync('which', ['-a', 'python3'], { encoding: 'utf8', shell: false });
  if (which.status === 0) {
    for (const line of which.stdout.split('\n')) {
      const p = line.trim();
      if (p && !found.includes(p)) found.push(p);
    }
  }
  return found;
}

let located: AlembicPython | { missing: string } | undefined;

/** The first Python that can import alembic and sqlalchemy, or why none could. Cached. */
export function locateAlembic(): AlembicPython | { missing: string } {
  if (located) return located;
  const tried: string[] = [];
  for (const python of candidates()) {
    if (python.startsWith('/') && !existsSync(python)) {
      tried.push(`${python}: not found`);
      continue;
    }
    const probe = spawnSync(python, ['-c', 'import alembic, sqlalchemy; print(alembic.__version__)'], {
      encoding: 'utf8',
      shell: false,
      timeout: 30_000,
    });
    if (probe.status === 0) {
      located = { python, version: probe.stdout.trim() };
      return located;
    }
    const why = (probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`).trim();
    tried.push(`${python}: ${why}`);
  }
  located = {
    missing: `no Python with alembic + sqlalchemy (install Debian's python3-alembic). Tried: ${tried.join('; ')}`,
  };
  return located;
}

/**
 * The skip reason for the integration tests, or undefined when Alembic is there. On CI a missing
 * Alembic throws instead, so the suite fails loudly rather than passing without comparing anything.
 */
export function integrationSkipReason(): string | undefined {
  const found = locateAlembic();
  if (!('missing' in found)) return undefined;
  if (process.env.CI === 'true') throw new Error(`integration tests need real Alembic on CI: ${found.missing}`);
  const reason = `real Alembic unavailable, integration tests skipped: ${found.missing}`;
  console.log(`# ${reason}`);
  return reason;
}

// ---------------------------------------------------------------------------------------------
// Running the oracle: one Python process per fixture (isolation: a fixture's env.py or package
// import cannot leak into the next), at most ORACLE_PARALLEL at a time, each result cached for the
// rest of the run (it is the slow part).

const ORACLE_PARALLEL = 2;
const ORACLE_TIMEOUT_MS = 120_000;
const cache = new Map<string, Promise<OracleResult>>();
const slot = limiter(ORACLE_PARALLEL);

function spawnOracle(python: string, fixtureDir: string): Promise<OracleResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [ORACLE_SCRIPT, fixtureDir], {
      shell: false,
      cwd: fixtureDir,
      env: { ...process.env, PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), ORACLE_TIMEOUT_MS);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      if (code !== 0) {
        const tail = Buffer.concat(err).toString('utf8').split('\n').slice(-15).join('\n');
        reject(new Error(`oracle failed on ${fixtureDir} (${signal ?? `exit ${code}`}):\n${tail}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as OracleResult);
      } catch (e) {
        reject(new Error(`oracle printed no JSON for ${fixtureDir}: ${(e as Error).message}`));
      }
    });
  });
}

/** Real Alembic's answers for one fixture project (cached per run). */
export function runOracle(fixtureDir: string): Promise<OracleResult> {
  let pending = cache.get(fixtureDir);
  if (!pending) {
    const found = locateAlembic();
    if ('missing' in found) return Promise.reject(new Error(found.missing));
    pending = slot(() => spawnOracle(found.python, fixtureDir));
    pending.catch(() => undefined); // awaited later by the test that needs it
    cache.set(fixtureDir, pending);
  }
  return pending;
}
