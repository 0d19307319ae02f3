// Driver errors (node-pg, mysql2, sqlite3, knex) sorted into the few kinds a user acts on, each with a
// message that names the server and the fix. The password never appears: the messages are built
// from our own words, the user and host, and the server's reply, then scrubbed of every secret.
import type { Dialect } from './url';

export type FailureKind = 'unreachable' | 'timeout' | 'auth' | 'no-database' | 'unsupported-url' | 'error';

export interface Failure {
  kind: FailureKind;
  message: string;
}

export interface ErrorContext {
  dialect: Dialect;
  /** `host:port` (or a Unix socket), or the SQLite file. */
  server: string;
  user: string | null;
  database: string | null;
  table: string;
  timeoutMs: number;
  /** How long the attempt took: a dropped connection at the deadline is the deadline's doing. */
  elapsedMs: number;
  /** How to give the right password where this runs (the extension, the CLI). */
  passwordFix: string;
  secrets: readonly string[];
}

const NAMES: Record<Dialect, string> = { postgresql: 'PostgreSQL', mysql: 'MySQL/MariaDB', sqlite: 'SQLite' };

/** True when the error says the version table does not exist: then the database is simply not stamped. */
export function isMissingTable(error: unknown): boolean {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown };
  if (e?.code === '42P01' || e?.code === 'ER_NO_SUCH_TABLE' || e?.errno === 1146) return true;
  return typeof e?.message === 'string' && /\bno such table\b/i.test(e.message);
}

export function classifyError(error: unknown, ctx: ErrorContext): Failure {
  const failure = describe(error, ctx);
  return { kind: failure.kind, message: scrub(failure.message, ctx.secrets) };
}

function describe(error: unknown, ctx: ErrorContext): Failure {
  const e = (error ?? {}) as { code?: unknown; errno?: unknown; name?: unknown; message?: unknown; errors?: unknown };
  const code = networkCode(e);
  const said = serverText(e);
  const where = `${NAMES[ctx.dialect]} at ${ctx.server}${ctx.database && ctx.dialect !== 'sqlite' ? ` (database ${ctx.database})` : ''}`;
  const user = ctx.user ?? '(default user)';
  const seconds = `${Math.round(ctx.timeoutMs / 100) / 10} s`;

  if (code === 'ECONNREFUSED') {
    return { kind: 'unreachable', message: `cannot reach ${where}: connection refused. Check that the server is running and that the host and port in the URL are right` };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'unreachable', message: `cannot reach ${where}: the host name does not resolve. Check the host in the URL` };
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ECONNRESET' || code === 'EPIPE') {
    return { kind: 'unreachable', message: `cannot reach ${where} (${code}). Check the host and port in the URL, your network, VPN or firewall` };
  }
  const dropped = /Connection terminated|Connection lost|closed the connection/i.test(said);
  const late = ctx.elapsedMs >= ctx.timeoutMs * 0.9;
  if (code === 'ETIMEDOUT' || e.name === 'KnexTimeoutError' || /timeout|timed out/i.test(said) || (dropped && late)) {
    return {
      kind: 'timeout',
      message: `no answer from ${where} within ${seconds}. Check the host and port, that the server is running, and that no firewall or VPN is in the way`,
    };
  }
  if (/unexpected .*message|protocol|packets out of order|malformed/i.test(said) && !/^\d/.test(String(e.code ?? ''))) {
    return { kind: 'unreachable', message: `${ctx.server} does not answer like a ${NAMES[ctx.dialect]} server (${said}): check the port and the scheme of the URL` };
  }
  if (dropped) {
    return { kind: 'unreachable', message: `${ctx.server} closed the connection at once: check that the host and port in the URL are those of a ${NAMES[ctx.dialect]} server` };
  }
  // PostgreSQL SQLSTATEs and MySQL error codes.
  if (e.code === '28P01' || e.code === 'ER_ACCESS_DENIED_ERROR' || e.code === 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR') {
    return { kind: 'auth', message: `wrong password (or unknown user) for user ${user} on ${where}: check the user in the URL and ${ctx.passwordFix}` };
  }
  if (/client password must be a string|password is required|no password supplied/i.test(said)) {
    return { kind: 'auth', message: `${where} asks for a password for user ${user} and none was given: ${ctx.passwordFix}` };
  }
  if (e.code === '28000') {
    const ssl = /no encryption|SSL off|SSL required/i.test(said) ? ' If the server requires SSL, add ?sslmode=require to the URL.' : '';
    return { kind: 'auth', message: `${where} refuses user ${user}: ${said}.${ssl}` };
  }
  if (e.code === 'ER_DBACCESS_DENIED_ERROR') {
    return { kind: 'auth', message: `user ${user} may not use database ${ctx.database ?? ''} on ${ctx.server}: grant it access, or use another user` };
  }
  if (e.code === '42501' || e.code === 'ER_TABLEACCESS_DENIED_ERROR') {
    return { kind: 'auth', message: `user ${user} may not read ${ctx.table} on ${where}: GRANT SELECT ON ${ctx.table} TO that user, or use another user` };
  }
  if (e.code === '3D000' || e.code === 'ER_BAD_DB_ERROR') {
    return { kind: 'no-database', message: `database ${ctx.database ?? user} does not exist on ${NAMES[ctx.dialect]} at ${ctx.server}: check the database name in the URL, or create the database` };
  }
  if (e.code === 'ER_NO_DB_ERROR') {
    return { kind: 'no-database', message: `the URL names no database on ${ctx.server}: add it after the host, e.g. mysql://user@host:3306/mydb` };
  }
  if (e.code === 'SQLITE_CANTOPEN') {
    return { kind: 'no-database', message: `cannot open the SQLite database ${ctx.server}: check the path in the URL and that the file is readable` };
  }
  if (e.code === 'SQLITE_NOTADB') {
    return { kind: 'error', message: `${ctx.server} is not a SQLite database (${said}): check the path in the URL` };
  }
  if (e.code === '42703' || e.code === 'ER_BAD_FIELD_ERROR' || /no such column/i.test(said)) {
    return { kind: 'error', message: `${ctx.table} on ${where} has no version_num column: it is not Alembic's version table. Check the version table name` };
  }
  if (e.code === 'MODULE_NOT_FOUND' || /Cannot find module/i.test(said)) {
    return { kind: 'error', message: `the database driver for ${NAMES[ctx.dialect]} could not be loaded (${said.split('\n')[0]}): reinstall alembic-vscode` };
  }
  return { kind: 'error', message: `reading ${ctx.table} from ${where} failed: ${said || String(error)}` };
}

/** Node ≥ 20 tries IPv6 and IPv4 for `localhost`: the cause is then inside an AggregateError. */
function networkCode(e: { code?: unknown; errors?: unknown }): string | undefined {
  if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return e.code;
  if (Array.isArray(e.errors)) {
    const inner = e.errors.find((x: { code?: unknown }) => typeof x?.code === 'string');
    if (inner) return String((inner as { code: string }).code);
  }
  return undefined;
}

/** The driver's message without the SQL knex puts in front of it (`select ... - <message>`). */
function serverText(e: { message?: unknown }): string {
  return typeof e.message === 'string' ? e.message.replace(/^select [^]*? - /i, '').trim() : '';
}

/** Removes each secret (and its URL-encoded form) from text. Very short secrets are left alone: they would mangle every word. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('***');
  }
  return out;
}
