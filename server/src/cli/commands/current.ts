// `current`: the database's alembic_version rows, read straight from the version table (no Python).
// Also the options and the read that `status` shares.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type * as DbModule from '../../node/db/index';
import type { VersionTableResult } from '../../node/db/index';
import type { OptionSpec } from '../args';
import { lastValue, UsageError } from '../args';
import type { CommandContext } from '../context';
import { ConfigError, EXIT, json, lines } from '../output';
import type { CommandResult } from '../output';
import type { CommandDef } from './types';

/** The password never goes on the command line (other users see it in `ps`): only here. */
export const PASSWORD_ENV = 'ALEMBIC_VSCODE_DB_PASSWORD';

export const DB_OPTIONS: readonly OptionSpec[] = [
  {
    key: 'url',
    long: '--url',
    value: 'URL',
    help: `the database's SQLAlchemy URL (postgresql://, mysql://, mariadb://, sqlite:///); password from $${PASSWORD_ENV}`,
  },
  { key: 'versionTable', long: '--version-table', value: 'TABLE', help: "env.py's version_table (default: alembic_version)" },
  { key: 'versionTableSchema', long: '--version-table-schema', value: 'SCHEMA', help: "env.py's version_table_schema (default: none)" },
  { key: 'timeout', long: '--timeout', value: 'SECONDS', help: 'give up connecting after SECONDS (default: 5)' },
];

export type RowsRead = Extract<VersionTableResult, { ok: true }>;

/**
 * The database reader is its own bundle (server/out/db.js, with knex and the drivers: megabytes the
 * other commands must not load), next to this one; run from the sources (tests), the sources.
 * The module paths are computed, so esbuild leaves these requires alone.
 */
function loadDb(): typeof DbModule {
  const bundle = path.join(__dirname, 'db.js');
  const sources = path.join(__dirname, '..', '..', 'node', 'db', 'index');
  const target = existsSync(bundle) ? bundle : sources;
  try {
    return runtimeRequire(target) as typeof DbModule;
  } catch (e) {
    throw new ConfigError(`cannot load the database reader ${target}: ${(e as Error).message.split('\n')[0]}. Rebuild (npm run build) or reinstall`);
  }
}

function runtimeRequire(id: string): unknown {
  return require(id);
}

/**
 * Reads the version table the options name. A database that cannot be read ends the command with
 * exit 2 and the reader's message (which names the server and the fix, never the password).
 */
export async function readRows(ctx: CommandContext, url: string): Promise<RowsRead | CommandResult> {
  const result = await loadDb().readVersionTable(
    { url, password: ctx.env[PASSWORD_ENV], baseDir: ctx.cwd },
    {
      table: lastValue(ctx.args, 'versionTable'),
      schema: lastValue(ctx.args, 'versionTableSchema'),
      timeoutMs: timeoutMs(ctx),
      passwordFix: `set the password in the ${PASSWORD_ENV} environment variable`,
    },
  );
  if (result.ok) return result;
  if (ctx.json) return json({ error: result.message, kind: result.kind }, EXIT.usage);
  throw new ConfigError(result.message);
}

export function isRead(value: RowsRead | CommandResult): value is RowsRead {
  return 'rows' in value;
}

function timeoutMs(ctx: CommandContext): number | undefined {
  const text = lastValue(ctx.args, 'timeout');
  if (text === undefined) return undefined;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`argument --timeout: expected a number of seconds, got '${text}'`);
  return Math.round(seconds * 1000);
}

export const current: CommandDef = {
  name: 'current',
  summary: "Display the database's current revision(s), read from its version table.",
  usage: '',
  positionals: { min: 0, max: 0 },
  options: DB_OPTIONS,
  notes: `
Reads the version table (SELECT version_num FROM alembic_version) of the database --url names and
prints one revision id per line, in the order the database returns them; nothing when the table
is empty or missing (a note on stderr says which). Reads only: SQLite files are opened read-only and
never created. Reads no migration files. A relative SQLite path (sqlite:///app.db) is resolved
against the current directory, as Alembic does.
The password: in the URL, or (better: it then stays out of the process list and shell history) in
$${PASSWORD_ENV}, which overrides the URL's.
--json: {"stamped": true|false (whether the version table exists), "rows": [ids]}.
When the database cannot be read (unreachable, timeout, wrong password, no such database, an
unsupported URL), prints the reason and the fix on stderr (with --json: {"error", "kind"} on
stdout) and exits 2.`,
  run: async (ctx) => {
    const url = lastValue(ctx.args, 'url');
    if (url === undefined) throw new UsageError('the following arguments are required: --url', 'current');
    const read = await readRows(ctx, url);
    if (!isRead(read)) return read;
    if (ctx.json) return json({ stamped: read.stamped, rows: read.rows });
    const table = lastValue(ctx.args, 'versionTable') || 'alembic_version';
    const note = read.stamped
      ? read.rows.length ? '' : `note: ${table} is empty: no revision is applied\n`
      : `note: no ${table} table: the database was never stamped (or give --version-table/--version-table-schema)\n`;
    return { stdout: lines(read.rows), stderr: note, code: EXIT.ok };
  },
};
