// From a parsed SQLAlchemy URL to a knex configuration for one short, read-only visit: one
// connection at most, every timeout set, no logging (a driver warning must not reach a user's
// terminal or output channel), and the query options people put in SQLAlchemy URLs mapped to the
// node drivers' names.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import { DatabaseUrlError } from './url';
import type { DatabaseUrl } from './url';

export interface ConnectOptions {
  /** Overrides the URL's password (it comes from SecretStorage or the environment). */
  password?: string;
  /** Where a relative SQLite path is resolved: Alembic's working directory, the project root. */
  baseDir: string;
  timeoutMs: number;
}

export const DEFAULT_PORT = { postgresql: 5432, mysql: 3306 } as const;

const SILENT = { warn() {}, error() {}, deprecate() {}, debug() {} };

export function knexConfig(url: DatabaseUrl, options: ConnectOptions): Knex.Config {
  const common = {
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: options.timeoutMs,
    log: SILENT,
  };
  const password = options.password ?? url.password ?? undefined;
  switch (url.dialect) {
    case 'postgresql':
      return { ...common, client: 'pg', connection: postgresConnection(url, password, options.timeoutMs) };
    case 'mysql':
      return { ...common, client: 'mysql2', connection: mysqlConnection(url, password, options.timeoutMs) };
    case 'sqlite':
      return { ...common, client: 'sqlite3', useNullAsDefault: true, connection: sqliteConnection(sqliteFile(url, options.baseDir)) };
  }
}

/** The absolute SQLite file, or null for an in-memory database. */
export function sqliteFile(url: DatabaseUrl, baseDir: string): string | null {
  return url.database === null ? null : path.resolve(baseDir, url.database);
}

/**
 * knex always adds OPEN_READWRITE | OPEN_CREATE to its sqlite3 flags, so read-only is asked for in
 * a URI filename instead: `mode=ro` is stricter than those flags, which SQLite allows, and it
 * neither creates a missing file nor writes to an existing one.
 */
function sqliteConnection(file: string | null): Knex.Sqlite3ConnectionConfig {
  if (file === null) return { filename: ':memory:' };
  return { filename: `${pathToFileURL(file).href}?mode=ro`, flags: ['OPEN_URI'] };
}

function postgresConnection(url: DatabaseUrl, password: string | undefined, timeoutMs: number): Knex.PgConnectionConfig {
  const q = url.query;
  return {
    // libpq's `?host=/var/run/postgresql` names a Unix socket directory; node-pg takes it as host.
    host: q.host ?? url.host ?? undefined,
    port: url.port ?? DEFAULT_PORT.postgresql,
    user: url.user ?? undefined,
    password,
    database: url.database ?? undefined,
    ssl: postgresSsl(q),
    connectionTimeoutMillis: timeoutMs,
    application_name: q.application_name ?? 'alembic-vscode',
    // `options` may carry a search_path: it decides where an unqualified alembic_version is found.
    // Nothing else is added to the startup packet: poolers such as PgBouncer refuse unknown ones.
    ...(q.options ? { options: q.options } : {}),
  } as Knex.PgConnectionConfig;
}

/** libpq's sslmode. Without one, node-pg follows PGSSLMODE like libpq; it cannot try SSL and fall back. */
function postgresSsl(q: Record<string, string>): Knex.PgConnectionConfig['ssl'] {
  const mode = q.sslmode;
  const files = certificateFiles(q.sslrootcert, q.sslcert, q.sslkey);
  switch (mode) {
    case undefined:
      return Object.keys(files).length ? { ...files, rejectUnauthorized: true } : undefined;
    case 'disable':
    case 'allow':
    case 'prefer':
      return false;
    case 'require':
      return { ...files, rejectUnauthorized: false };
    case 'verify-ca':
      // The certificate must be signed by the CA; the host name is not checked.
      return { ...files, rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ...files, rejectUnauthorized: true };
    default:
      throw new DatabaseUrlError(
        `unknown sslmode '${mode}' in the URL: use disable, allow, prefer, require, verify-ca or verify-full`,
      );
  }
}

function mysqlConnection(url: DatabaseUrl, password: string | undefined, timeoutMs: number): Knex.MySql2ConnectionConfig {
  const q = url.query;
  const connection: Knex.MySql2ConnectionConfig = {
    host: url.host ?? undefined,
    port: url.port ?? DEFAULT_PORT.mysql,
    user: url.user ?? undefined,
    password,
    database: url.database ?? undefined,
    connectTimeout: timeoutMs,
  };
  if (q.unix_socket) connection.socketPath = q.unix_socket;
  if (q.charset) connection.charset = q.charset;
  const ssl = mysqlSsl(q);
  if (ssl) connection.ssl = ssl;
  return connection;
}

/** mysqlclient's ssl_mode, and the ssl_ca/ssl_cert/ssl_key options PyMySQL and mysqlclient share. */
function mysqlSsl(q: Record<string, string>): Record<string, unknown> | undefined {
  const files = certificateFiles(q.ssl_ca, q.ssl_cert, q.ssl_key);
  const mode = q.ssl_mode?.toUpperCase();
  if (mode === 'DISABLED') return undefined;
  if (mode === 'VERIFY_CA' || mode === 'VERIFY_IDENTITY' || (mode === undefined && Object.keys(files).length)) {
    return { ...files, rejectUnauthorized: true };
  }
  if (mode === 'REQUIRED' || mode === 'PREFERRED') return { ...files, rejectUnauthorized: false };
  if (mode !== undefined) {
    throw new DatabaseUrlError(`unknown ssl_mode '${q.ssl_mode}' in the URL: use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY`);
  }
  return undefined;
}

function certificateFiles(ca?: string, cert?: string, key?: string): { ca?: string; cert?: string; key?: string } {
  const out: { ca?: string; cert?: string; key?: string } = {};
  if (ca) out.ca = readCertificate(ca);
  if (cert) out.cert = readCertificate(cert);
  if (key) out.key = readCertificate(key);
  return out;
}

function readCertificate(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new DatabaseUrlError(`cannot read the certificate file ${file} named in the URL: ${(e as Error).message}`);
  }
}
