// Scratch databases for the database-reader tests: real PostgreSQL and MariaDB on this machine, SQLite
// files in temp dirs, each with a unique name and dropped afterwards; fixture project copies whose
// env.py also takes the version table's name and schema from `-x`; and real Alembic to stamp them.
//
// Also what those tests share: skipping when a component is missing, a database and a fixture copy
// removed after each test, a MariaDB user with a password, a port nothing listens on.
//
// A missing server or Alembic skips the tests that need it, with the reason printed, except on CI
// (CI=true), where it is an error: a green CI run must mean "read and compared".
import { spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';
import { createServer } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import type { Knex } from 'knex';
import { locateAlembic, REPO_ROOT } from '../helpers/alembic';

export const PG_ADMIN_URL = 'postgresql://postgres@127.0.0.1:5432';
export const MARIADB_ADMIN_URL = 'mysql://root@127.0.0.1:3306';

export type ServerKind = 'postgresql' | 'mariadb';

const QUIET = { warn() {}, error() {}, deprecate() {}, debug() {} };

function adminConnection(kind: ServerKind, database?: string): Knex {
  return kind === 'postgresql'
    ? knexFactory({ client: 'pg', log: QUIET, pool: { min: 0, max: 1 }, connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: database ?? 'postgres', connectionTimeoutMillis: 3000 } })
    : knexFactory({ client: 'mysql2', log: QUIET, pool: { min: 0, max: 1 }, connection: { host: '127.0.0.1', port: 3306, user: 'root', database, connectTimeout: 3000 } });
}

/** Runs statements as the server's admin (postgres / root), in order. */
export async function asAdmin(kind: ServerKind, statements: string[], database?: string): Promise<void> {
  const db = adminConnection(kind, database);
  try {
    for (const sql of statements) await db.raw(sql);
  } finally {
    await db.destroy();
  }
}

/** The tables a scratch database holds (to prove a read created none). */
export async function tablesIn(kind: ServerKind, database: string): Promise<string[]> {
  const db = adminConnection(kind, kind === 'postgresql' ? database : undefined);
  try {
    const sql =
      kind === 'postgresql'
        ? "SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?';
    const result = await db.raw(sql, kind === 'postgresql' ? [] : [database]);
    const rows = (kind === 'postgresql' ? result.rows : result[0]) as { name?: string; NAME?: string }[];
    return rows.map((r) => String(r.name ?? r.NAME)).sort();
  } finally {
    await db.destroy();
  }
}

const availability = new Map<string, Promise<string | undefined>>();

/** Why `what` cannot be tested here (printed), or undefined when it can. Throws on CI instead. */
export function skipReason(what: ServerKind | 'alembic'): Promise<string | undefined> {
  let pending = availability.get(what);
  if (!pending) {
    pending = probe(what).then((missing) => {
      if (missing === undefined) return undefined;
      if (process.env.CI === 'true') throw new Error(`database tests need ${what} on CI: ${missing}`);
      const reason = `${what} unavailable, its database tests skipped: ${missing}`;
      console.log(`# ${reason}`);
      return reason;
    });
    availability.set(what, pending);
  }
  return pending;
}

/** Skips the test (with the printed reason) when a component it needs is missing; CI fails instead. */
export async function skipIfMissing(t: TestContext, ...needs: (ServerKind | 'alembic')[]): Promise<boolean> {
  for (const need of needs) {
    const reason = await skipReason(need);
    if (reason) {
      t.skip(reason);
      return true;
    }
  }
  return false;
}

async function probe(what: ServerKind | 'alembic'): Promise<string | undefined> {
  if (what === 'alembic') {
    const found = locateAlembic();
    return 'missing' in found ? found.missing : undefined;
  }
  try {
    await asAdmin(what, ['SELECT 1']);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export interface Scratch {
  /** A SQLAlchemy URL for real Alembic and for the reader (no password). */
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(kind: ServerKind): Promise<Scratch> {
  const name = uniqueName('alembic_vscode_t');
  if (kind === 'postgresql') {
    await asAdmin(kind, [`CREATE DATABASE "${name}"`]);
    return { url: `${PG_ADMIN_URL}/${name}`, name, drop: () => asAdmin(kind, [`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`]) };
  }
  await asAdmin(kind, [`CREATE DATABASE \`${name}\``]);
  return { url: `mysql+pymysql://root@127.0.0.1:3306/${name}`, name, drop: () => asAdmin(kind, [`DROP DATABASE IF EXISTS \`${name}\``]) };
}

/**
 * A scratch MariaDB database and a user with `password` allowed to read it, as user@localhost,
 * user@127.0.0.1 and user@%; drop() removes the user and the database.
 */
export async function scratchMariadbWithUser(password: string): Promise<Scratch & { user: string }> {
  const db = await scratchDatabase('mariadb');
  const user = uniqueName('u').slice(0, 32);
  const hosts = ['localhost', '127.0.0.1', '%'];
  const drop = async () => {
    try {
      await asAdmin('mariadb', hosts.map((h) => `DROP USER IF EXISTS '${user}'@'${h}'`));
    } finally {
      await db.drop();
    }
  };
  try {
    await asAdmin('mariadb', hosts.flatMap((h) => [`CREATE USER '${user}'@'${h}' IDENTIFIED BY '${password}'`, `GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'${h}'`]));
  } catch (e) {
    await drop();
    throw e;
  }
  return { ...db, user, drop };
}

export function scratchSqlite(): Scratch & { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'alembic-vscode-sqlite-'));
  const file = join(dir, 'app.db');
  writeFileSync(file, ''); // an empty file is an empty SQLite database, as a new project's would be
  return { url: `sqlite:///${file}`, name: file, dir, file, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A port nothing listens on: bind one, then close it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface FixtureCopy {
  dir: string;
  remove(): void;
}

/**
 * A temp copy of test/fixtures/projects/<name> whose env.py also reads `-x version_table=` and
 * `-x version_table_schema=` (the fixtures' env.py reads only `-x url=`).
 */
export function fixtureCopy(name: string): FixtureCopy {
  const dir = mkdtempSync(join(tmpdir(), `alembic-vscode-db-${name}-`));
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'projects', name), dir, { recursive: true });
  const envPy = join(dir, 'migrations', 'env.py');
  const text = readFileSync(envPy, 'utf8');
  const configure = 'context.configure(connection=connection, target_metadata=target_metadata)';
  if (!text.includes(configure)) throw new Error(`${envPy}: the generic template's context.configure line is missing`);
  writeFileSync(
    envPy,
    text.replace(
      configure,
      'x_args = context.get_x_argument(as_dictionary=True)\n' +
        '        context.configure(connection=connection, target_metadata=target_metadata,\n' +
        '                          version_table=x_args.get("version_table", "alembic_version"),\n' +
        '                          version_table_schema=x_args.get("version_table_schema"))',
    ),
  );
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A scratch database (`db`, already being opened) and a fixture copy for one test, both removed after
 * `body`, also when it fails.
 */
export async function withScratch<S extends Scratch>(db: S | Promise<S>, fixture: string, body: (db: S, copy: FixtureCopy) => Promise<void>): Promise<void> {
  const opened = await db;
  let copy: FixtureCopy | undefined;
  try {
    copy = fixtureCopy(fixture);
    await body(opened, copy);
  } finally {
    copy?.remove();
    await opened.drop();
  }
}

/** Real Alembic on a fixture copy: `python -m alembic -c alembic.ini -x url=URL [-x k=v...] ARGS`, cwd = the copy. */
export function alembic(dir: string, url: string, args: string[], x: Record<string, string> = {}): void {
  const found = locateAlembic();
  if ('missing' in found) throw new Error(found.missing);
  const xArgs = Object.entries({ url, ...x }).flatMap(([k, v]) => ['-x', `${k}=${v}`]);
  const r = spawnSync(found.python, ['-m', 'alembic', '-c', 'alembic.ini', ...xArgs, ...args], {
    cwd: dir,
    shell: false,
    encoding: 'utf8',
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`alembic ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
}

export const CLI_PATH = join(REPO_ROOT, 'server', 'out', 'cli.js');
