// SQLAlchemy database URLs (`dialect[+driver]://user:password@host:port/database?key=value`), read
// the way SQLAlchemy reads them, so that a URL copied from alembic.ini or env.py means the same
// database here. Pure: no file system, no network, no driver.
import { redactUrl } from '../../redactUrl';
import { expandEnvVars } from '../../envVars';

export { redactUrl };

/** The databases this tool can read; each speaks one wire protocol (MariaDB speaks MySQL's). */
export type Dialect = 'postgresql' | 'mysql' | 'sqlite';

export interface DatabaseUrl {
  dialect: Dialect;
  /** The scheme as written, lower-cased (`postgresql+psycopg2`, `mariadb+pymysql`, `sqlite`). */
  scheme: string;
  user: string | null;
  /** From the URL only; a password given separately (SecretStorage, environment) overrides it. */
  password: string | null;
  host: string | null;
  port: number | null;
  /** Server databases: the database name. SQLite: the file path as written; null for an in-memory database. */
  database: string | null;
  /** Query options (`?sslmode=require&charset=utf8mb4`); a repeated key keeps its last value. */
  query: Record<string, string>;
}

/** A URL this tool cannot use. The message never contains the password. */
export class DatabaseUrlError extends Error {}

const SUPPORTED_TEXT =
  'this tool reads PostgreSQL (postgresql://, postgres://), MySQL and MariaDB (mysql://, mariadb://) and SQLite (sqlite://) databases';

const DIALECTS: Record<string, Dialect> = {
  postgresql: 'postgresql',
  // SQLAlchemy 1.4 dropped this alias, but hosting providers still hand out postgres:// URLs.
  postgres: 'postgresql',
  mysql: 'mysql',
  mariadb: 'mysql',
  sqlite: 'sqlite',
};

const SCHEME = /^([A-Za-z][A-Za-z0-9_]*)(?:\+([A-Za-z0-9_]+))?:\/\/(.*)$/s;

// After `scheme://`: [user[:password]@][host | [ipv6]][:port][/database][?query]. As in SQLAlchemy,
// the user stops at ':' or '/', the password at the first '@' (so a '@' inside a password must be
// written %40), and the database runs to the '?'.
const REST = /^(?:([^:/]*)(?::([^@]*))?@)?(?:\[([^\]/?]+)\]|([^/:?]+))?(?::([^/?]*))?(?:\/([^?]*))?(?:\?(.*))?$/s;

export function parseDatabaseUrl(url: string): DatabaseUrl {
  const text = url.trim();
  const scheme = SCHEME.exec(text);
  if (!scheme) {
    throw new DatabaseUrlError(
      'not a database URL: expected dialect://user@host:port/database, e.g. postgresql://user@localhost:5432/mydb or sqlite:///app.db',
    );
  }
  const [, name, driver, rest] = scheme;
  const dialect = DIALECTS[name.toLowerCase()];
  if (dialect === undefined) throw new DatabaseUrlError(unsupportedMessage(name, redactUrl(text)));
  const parts = REST.exec(rest);
  if (!parts) throw new DatabaseUrlError(`cannot read the URL ${redactUrl(text)}: expected ${name}://user@host:port/database`);
  const [, user, password, ipv6, host, port, database, query] = parts;
  return {
    dialect,
    scheme: (driver ? `${name}+${driver}` : name).toLowerCase(),
    user: user ? decode(user) : null,
    password: password === undefined ? null : decode(password),
    host: ipv6 ?? host ?? null,
    port: parsePort(port, text),
    database: databaseOf(dialect, database),
    query: parseQuery(query),
  };
}

function unsupportedMessage(name: string, shown: string): string {
  if (name.toLowerCase() === 'driver') {
    return `the URL ${shown} is still alembic.ini's placeholder: set sqlalchemy.url to your database's URL or give one with --url`;
  }
  return `unsupported database '${name}' in ${shown}: ${SUPPORTED_TEXT}`;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // a stray '%' is taken literally, as Python's unquote does
  }
}

function parsePort(port: string | undefined, url: string): number | null {
  if (port === undefined || port === '') return null;
  if (!/^\d+$/.test(port) || Number(port) > 65535) {
    throw new DatabaseUrlError(`the port in ${redactUrl(url)} is not a number from 0 to 65535: '${port}'`);
  }
  return Number(port);
}

function databaseOf(dialect: Dialect, database: string | undefined): string | null {
  if (database === undefined || database === '') return null;
  // SQLAlchemy's pysqlite dialect: `sqlite://` and `sqlite:///:memory:` are both in-memory databases.
  if (dialect === 'sqlite' && database === ':memory:') return null;
  return database;
}

function parseQuery(query: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!query) return out;
  for (const [key, value] of new URLSearchParams(query)) out[key] = value;
  return out;
}

/** `host:port` (or the Unix socket) for messages; the user and database are named apart. */
export function describeServer(url: DatabaseUrl, defaultPort: number): string {
  const host = url.query.host ?? url.query.unix_socket ?? url.host ?? 'localhost';
  if (host.startsWith('/')) return host;
  return `${host.includes(':') ? `[${host}]` : host}:${url.port ?? defaultPort}`;
}

/** A `${env:NAME}` the environment does not define. */
export class MissingEnvVarError extends Error {
  constructor(readonly variable: string) {
    super(`environment variable ${variable} is not set (the connection URL uses \${env:${variable}}): set it, or edit the connection`);
  }
}

/**
 * Replaces each `${env:NAME}` with that environment variable (envVars.ts). A variable set to ''
 * expands to ''. Throws MissingEnvVarError naming the first variable that is not set.
 */
export function expandEnv(text: string, env: Readonly<Record<string, string | undefined>>): string {
  const { value, missing } = expandEnvVars(text, env);
  if (missing.length > 0) throw new MissingEnvVarError(missing[0]);
  return value;
}
