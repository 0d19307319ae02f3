// Building a SQLAlchemy URL from the answers of "Add Connection…" (kind, host, port, database, user),
// without the password, which goes to SecretStorage. The drivers are the ones a plain Python
// installation most often has: psycopg2 for PostgreSQL, PyMySQL for MySQL and MariaDB.
import type { DatabaseKind } from './urls';

export interface ConnectionAnswers {
  kind: DatabaseKind;
  /** sqlite: the database file (relative to the project folder, or absolute). Others: the database name. */
  database: string;
  host?: string;
  port?: number;
  user?: string;
}

export const DEFAULT_PORTS: Record<Exclude<DatabaseKind, 'sqlite'>, number> = { postgresql: 5432, mysql: 3306, mariadb: 3306 };

const SCHEMES: Record<DatabaseKind, string> = {
  sqlite: 'sqlite',
  postgresql: 'postgresql',
  mysql: 'mysql+pymysql',
  mariadb: 'mariadb+pymysql',
};

export function buildConnectionUrl(a: ConnectionAnswers): string {
  if (a.kind === 'sqlite') {
    // sqlite:///relative.db, sqlite:////absolute/path.db (the fourth slash is the path's own).
    const file = a.database.replace(/\\/g, '/');
    return `sqlite:///${file}`;
  }
  const user = a.user ? `${encodeURIComponent(a.user)}@` : '';
  const host = a.host?.trim() || '127.0.0.1';
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host; // IPv6 literal
  const port = a.port && a.port !== DEFAULT_PORTS[a.kind] ? `:${a.port}` : '';
  return `${SCHEMES[a.kind]}://${user}${hostPart}${port}/${encodeURIComponent(a.database)}`;
}

/** Why a port answer is not usable, or null. */
export function portProblem(text: string): string | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n > 0 && n < 65536 ? null : 'A port is a whole number from 1 to 65535.';
}

/** Why a connection name is not usable among the others of its project, or null. */
export function nameProblem(name: string, taken: readonly string[]): string | null {
  const n = name.trim();
  if (n === '') return 'Give the connection a name, e.g. dev, staging or prod.';
  if (taken.includes(n)) return `This project already has a connection named "${n}"; pick another name.`;
  return null;
}
