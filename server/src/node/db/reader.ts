// Reads a database's Alembic version table, and nothing else: one plain SELECT of version_num, no
// DDL, no transaction of its own, SQLite opened read-only. Every failure is an answer (never a
// throw) that names the server and the fix, and never the password.
import { statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Knex } from 'knex';
import { classifyError, isMissingTable } from './errors';
import type { ErrorContext, FailureKind } from './errors';
import { DEFAULT_PORT, knexConfig, sqliteFile } from './knexConfig';
import { loadKnex } from './loadKnex';
import { DatabaseUrlError, describeServer, parseDatabaseUrl } from './url';
import type { DatabaseUrl } from './url';

export interface DatabaseTarget {
  /** A SQLAlchemy URL. */
  url: string;
  /** Overrides the URL's password. */
  password?: string;
  /** Where a relative SQLite path is resolved (Alembic's working directory); default: process.cwd(). */
  baseDir?: string;
}

export interface ReadOptions {
  /** env.py's `version_table` (default `alembic_version`). */
  table?: string;
  /** env.py's `version_table_schema` (PostgreSQL schema, MySQL database, SQLite attached name). */
  schema?: string;
  /** Connect timeout, also the query's (default 5000). */
  timeoutMs?: number;
  /** The end of a wrong-password message: how to fix the password where the caller runs. */
  passwordFix?: string;
}

export type VersionTableResult =
  | { ok: true; stamped: boolean; rows: string[] }
  | { ok: false; kind: FailureKind; message: string };

export const DEFAULT_VERSION_TABLE = 'alembic_version';
export const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_PASSWORD_FIX = "update the password with 'Alembic: Edit Connection'";

export async function readVersionTable(target: DatabaseTarget, options: ReadOptions = {}): Promise<VersionTableResult> {
  const table = options.table || DEFAULT_VERSION_TABLE;
  const schema = options.schema || undefined;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const baseDir = target.baseDir ?? process.cwd();
  let url: DatabaseUrl;
  let config: Knex.Config;
  try {
    url = parseDatabaseUrl(target.url);
    config = knexConfig(url, { password: target.password, baseDir, timeoutMs });
  } catch (e) {
    const message = e instanceof DatabaseUrlError ? e.message : `cannot use the URL: ${(e as Error).message}`;
    return { ok: false, kind: 'unsupported-url', message };
  }
  const ctx: ErrorContext = {
    dialect: url.dialect,
    server: url.dialect === 'sqlite' ? (sqliteFile(url, baseDir) ?? ':memory:') : describeServer(url, DEFAULT_PORT[url.dialect]),
    user: url.user,
    database: url.database,
    table: schema ? `${schema}.${table}` : table,
    timeoutMs,
    elapsedMs: 0,
    passwordFix: options.passwordFix ?? DEFAULT_PASSWORD_FIX,
    secrets: [target.password, url.password].filter((s): s is string => !!s),
  };
  const early = precheck(url, baseDir, schema, ctx);
  if (early) return early;
  const started = Date.now();
  let db: Knex | undefined;
  try {
    db = loadKnex()(config);
    const rows = await withDeadline(selectVersions(db, table, schema, timeoutMs), 2 * timeoutMs + 1000);
    return { ok: true, stamped: true, rows };
  } catch (e) {
    if (isMissingTable(e)) return { ok: true, stamped: false, rows: [] };
    return { ok: false, ...classifyError(e, { ...ctx, elapsedMs: Date.now() - started }) };
  } finally {
    if (db) await destroyQuietly(db);
  }
}

/** Answers that need no connection; above all, a missing SQLite file is reported, never created. */
function precheck(url: DatabaseUrl, baseDir: string, schema: string | undefined, ctx: ErrorContext): VersionTableResult | null {
  if (url.dialect === 'sqlite') {
    const file = sqliteFile(url, baseDir);
    // A new in-memory database is empty by definition: nothing was ever stamped in it.
    if (file === null) return { ok: true, stamped: false, rows: [] };
    const stat = statSync(file, { throwIfNoEntry: false });
    if (stat === undefined) {
      const relative = url.database !== null && !isAbsolute(url.database) ? ` (a relative path is resolved against ${baseDir})` : '';
      return { ok: false, kind: 'no-database', message: `no SQLite database at ${file}${relative}: check the path in the URL` };
    }
    if (!stat.isFile()) return { ok: false, kind: 'no-database', message: `${file} is not a file: the SQLite URL must name the database file` };
  }
  if (url.dialect === 'mysql' && url.database === null && schema === undefined) {
    return {
      kind: 'no-database',
      ok: false,
      message: `the URL names no database on ${ctx.server}: add it after the host, e.g. ${url.scheme}://user@host:3306/mydb`,
    };
  }
  return null;
}

/** Alembic's own read (`SELECT version_num FROM alembic_version`), in the order the database returns. */
async function selectVersions(db: Knex, table: string, schema: string | undefined, timeoutMs: number): Promise<string[]> {
  const query = schema ? db.withSchema(schema).select('version_num').from(table) : db.select('version_num').from(table);
  const rows = (await query.timeout(timeoutMs)) as { version_num: unknown }[];
  return rows.filter((r) => r.version_num !== null && r.version_num !== undefined).map((r) => String(r.version_num));
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('operation timed out'), { name: 'KnexTimeoutError' })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Closing must not hang the caller either (a half-open socket): give it a second, then move on. */
async function destroyQuietly(db: Knex): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 1000);
    timer.unref();
  });
  await Promise.race([db.destroy().catch(() => undefined), grace]);
  clearTimeout(timer);
}
