// The workspaces the end-to-end suites run in: temp copies of the fixture projects, one VS Code start
// per kind, with the workspace settings (Python, connections) and databases each kind needs. Real
// Alembic puts the databases at known revisions first; PostgreSQL gets a scratch database per run.
// Shared by run.mjs (code-server) and electron.mjs (@vscode/test-electron).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = join(ROOT, 'test/fixtures/projects');
export const PYTHON = '/usr/bin/python3';
// PostgreSQL with trust auth for user postgres; PGHOST/PGPORT point elsewhere.
const PG = { host: process.env.PGHOST || '127.0.0.1', port: Number(process.env.PGPORT || 5432), user: 'postgres' };

/** Each kind is one VS Code start; `suites` run in this order inside it. */
export const KINDS = [
  { name: 'ini', fixtures: ['merge'], suites: ['activation', 'views', 'database'], databases: ['sqlite', 'postgres'] },
  { name: 'pyproject', fixtures: ['pyproject-only'], suites: ['activation'] },
  { name: 'multiroot', fixtures: ['linear', 'branch-labels'], multiRoot: true, suites: ['activation', 'navigation', 'rename'] },
  { name: 'fixes', fixtures: ['multiple-heads', 'branchpoint', 'missing-parent', 'duplicate-id'], nested: true, suites: ['diagnostics', 'fixes'] },
  { name: 'none', fixtures: [], suites: ['noActivation'] },
  { name: 'untrusted', fixtures: ['linear'], trust: 'untrusted', suites: ['untrusted'], databases: ['sqlite'] },
];

/** Alembic, once per run: Debian's python3 with alembic + sqlalchemy. */
export function alembicAvailability() {
  const r = spawnSync(PYTHON, ['-c', 'import alembic, sqlalchemy'], { encoding: 'utf8', shell: false });
  return r.status === 0 ? { ok: true } : { ok: false, missing: `real Alembic unavailable (${PYTHON} -m alembic): ${(r.stderr || String(r.error)).trim().split('\n').pop()}` };
}

async function pgClient(database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ ...PG, database, connectionTimeoutMillis: 3000 });
  await client.connect();
  return client;
}

/** A fresh PostgreSQL database for this run, or why there is none. */
export async function createScratchDatabase() {
  const database = `alembic_e2e_${process.pid}_${Date.now().toString(36)}`;
  try {
    const c = await pgClient('postgres');
    try {
      await c.query(`CREATE DATABASE ${database}`);
    } finally {
      await c.end();
    }
    return { database, url: `postgresql://${PG.user}@${PG.host}:${PG.port}/${database}` };
  } catch (e) {
    return { missing: `PostgreSQL at ${PG.host}:${PG.port} (user ${PG.user}) unavailable: ${e.message}` };
  }
}

export async function dropScratchDatabase(database) {
  const c = await pgClient('postgres');
  try {
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/** Puts a database at a revision with real Alembic (as the user's earlier work would have). */
function alembicUpgrade(cwd, url, revision) {
  const r = spawnSync(PYTHON, ['-m', 'alembic', '-x', `url=${url}`, 'upgrade', revision], { cwd, encoding: 'utf8', shell: false, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`preparing ${url}: alembic upgrade ${revision} failed:\n${r.stderr}`);
}

/**
 * Prepares one kind under `base`. `shared` holds what the whole run shares: {ci, alembic, postgres}.
 * Returns what the runner needs to start VS Code on it.
 */
export function prepareKind(kind, base, shared) {
  const dir = join(base, kind.name);
  mkdirSync(dir, { recursive: true });
  const folders = {};
  const settings = {
    'alembic.pythonPath': PYTHON,
    // Only the language server's completions, not words from the file.
    'editor.wordBasedSuggestions': 'off',
  };
  if (kind.fixtures.length === 0) {
    folders.plain = join(dir, 'plain');
    mkdirSync(folders.plain);
    writeFileSync(join(folders.plain, 'app.py'), 'def main():\n    print("no migrations here")\n');
    writeFileSync(join(folders.plain, 'README.md'), '# A project without Alembic\n');
  }
  for (const name of kind.fixtures) {
    folders[name] = join(dir, name);
    cpSync(join(FIXTURES, name), folders[name], { recursive: true });
  }
  const context = { kind: kind.name, suites: kind.suites, ci: shared.ci, folders, python: PYTHON, alembic: shared.alembic, resultsFile: join(base, `${kind.name}.results.json`) };
  const project = folders[kind.fixtures[0]];
  const connections = [];
  if (kind.databases?.includes('sqlite')) {
    const file = join(dir, 'db', 'dev.db');
    mkdirSync(join(dir, 'db'));
    context.sqlite = { name: 'dev', url: `sqlite:///${file}`, file };
    connections.push({ name: 'dev', url: context.sqlite.url });
    // ini: at b2 so that the views have a position to show; untrusted: at a1, which must not move.
    if (shared.alembic.ok) alembicUpgrade(project, context.sqlite.url, kind.name === 'ini' ? 'b2b2b2b2b2b2' : 'a1a1a1a1a1a1');
  }
  if (kind.databases?.includes('postgres')) {
    const pg = shared.postgres;
    context.postgres = 'missing' in pg ? { name: 'pg', missing: pg.missing } : { name: 'pg', ...pg };
    if (!('missing' in pg)) {
      connections.push({ name: 'pg', url: pg.url });
      if (shared.alembic.ok) alembicUpgrade(project, pg.url, 'c3c3c3c3c3c3');
    }
  }
  if (connections.length > 0) settings['alembic.connections'] = connections;

  let workspace;
  if (kind.multiRoot) {
    workspace = join(dir, `${kind.name}.code-workspace`);
    writeFileSync(workspace, JSON.stringify({ folders: kind.fixtures.map((f) => ({ path: folders[f] })), settings }, null, 2));
  } else {
    workspace = kind.nested || kind.fixtures.length === 0 ? (kind.nested ? dir : folders.plain) : project;
    mkdirSync(join(workspace, '.vscode'), { recursive: true });
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  context.workspace = workspace;
  const contextFile = join(base, `${kind.name}.context.json`);
  writeFileSync(contextFile, JSON.stringify(context, null, 2));
  return { name: kind.name, workspace, trust: kind.trust ?? 'trusted', contextFile, resultsFile: context.resultsFile };
}

/** What the whole run shares; `cleanup()` drops the scratch database and the temp folders. */
export async function prepareRun({ ci, needPostgres }) {
  const base = mkdtempSync(join(tmpdir(), 'alembic-e2e-'));
  const alembic = alembicAvailability();
  const postgres = needPostgres ? await createScratchDatabase() : { missing: 'not needed by the selected kinds' };
  const cleanup = async () => {
    if (!('missing' in postgres)) await dropScratchDatabase(postgres.database).catch((e) => console.log(`could not drop ${postgres.database}: ${e.message}`));
    if (!process.env.KEEP_TMP) rmSync(base, { recursive: true, force: true });
  };
  return { base, shared: { ci, alembic, postgres }, cleanup };
}
