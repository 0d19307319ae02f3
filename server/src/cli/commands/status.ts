// `status`: is the database at the project's heads? Reads its version table, then asks the engine
// what `alembic upgrade heads` (and `upgrade <head>` for each head) would run from those rows.
import { databaseStatus } from '../../engine/plan/status';
import type { DatabaseStatus } from '../../engine/plan/status';
import type { IndexedProject } from '../../engine/index';
import { lastValue, UsageError } from '../args';
import type { CommandContext } from '../context';
import { loadProject } from '../context';
import { EXIT, failed, json, jsonError, lines } from '../output';
import type { CommandResult } from '../output';
import { alembicRefusal, alembicWarnings } from '../refusal';
import { DB_OPTIONS, isRead, PASSWORD_ENV, readRows } from './current';
import type { RowsRead } from './current';
import type { CommandDef } from './types';

export const status: CommandDef = {
  name: 'status',
  summary: "Tell whether the database is at the heads, and how many revisions it is behind.",
  usage: '',
  positionals: { min: 0, max: 0 },
  options: DB_OPTIONS,
  notes: `
Reads the database's version table (as \`current\` does; default URL: sqlalchemy.url from the
config) and compares its rows with the project's heads: which revisions \`alembic upgrade heads\`
would run, and for each head how many \`alembic upgrade <head>\` would run. Password from
$${PASSWORD_ENV}.
--json: {"state": "at-heads"|"behind"|"unknown-revisions"|"error", "stamped": bool,
"rows": [ids], "heads": [ids], "behind": N (scripts \`upgrade heads\` would run; 0 at the heads,
null when unknown), "pending": [those ids, in run order], "behind_by_head": [{"head", "behind"}],
"unknown_rows": [ids no migration file declares], "message": "<the text answer's first line>"}.
Exit status: 0 at the heads; 1 behind, or the table holds revisions no migration file declares
(the database is ahead of these files, or a file was deleted), or Alembic would refuse to upgrade
from those rows; 2 when the database cannot be read (the reason and the fix on stderr; with --json
{"error", "kind"} on stdout) or the config is unusable. A project Alembic
cannot load fails as the other commands do (FAILED:, exit 1).`,
  run: async (ctx) => {
    const project = loadProject(ctx);
    const refusal = alembicRefusal(project, ctx.cwd);
    if (refusal !== null) return ctx.json ? jsonError(refusal.message) : failed(refusal.message);
    const url = lastValue(ctx.args, 'url') ?? project.config.sqlalchemyUrl ?? undefined;
    if (url === undefined || url.trim() === '') {
      throw new UsageError('status needs the database: give --url URL, or set sqlalchemy.url in the config', 'status');
    }
    const read = await readRows(ctx, url);
    if (!isRead(read)) return read;
    const result = answer(ctx, project, read);
    const warnings = alembicWarnings(project, ctx.cwd).map((w) => `warning: ${w}\n`).join('');
    return { ...result, stderr: warnings + result.stderr };
  },
};

function answer(ctx: CommandContext, project: IndexedProject, read: RowsRead): CommandResult {
  const heads = project.map.heads;
  const found = databaseStatus(project.map, read.rows);
  const code = found.state === 'at-heads' ? EXIT.ok : EXIT.answerIsError;
  const text = statusLines(read, heads, found);
  if (!ctx.json) return { stdout: lines(text), stderr: '', code };
  return json(
    {
      state: found.state,
      stamped: read.stamped,
      rows: read.rows,
      heads: [...heads],
      behind: found.state === 'at-heads' ? 0 : found.state === 'behind' ? found.pending.length : null,
      pending: found.state === 'behind' ? found.pending : [],
      behind_by_head: heads.map((head) => ({ head, behind: behindOf(found, head) })),
      unknown_rows: found.state === 'unknown-revisions' ? found.unknown : [],
      message: text[0],
    },
    code,
  );
}

function behindOf(found: DatabaseStatus, head: string): number | null {
  if (found.state === 'at-heads') return 0;
  if (found.state === 'behind') return found.byHead.find((h) => h.head === head)?.behind ?? null;
  return null;
}

/** The verdict first (scripts may read one line), then the details. */
function statusLines(read: RowsRead, heads: readonly string[], found: DatabaseStatus): string[] {
  const rows = read.rows.length ? read.rows.join(', ') : read.stamped ? 'none (the version table is empty)' : 'none (no version table: never stamped)';
  const headText = heads.length ? heads.join(', ') : 'none (the project has no revisions)';
  const details = [`Database: ${rows}`, `Heads: ${headText}`];
  switch (found.state) {
    case 'at-heads':
      return [heads.length > 1 ? `Up to date: the database is at all ${heads.length} heads.` : 'Up to date: the database is at the head.', ...details];
    case 'behind': {
      const n = found.pending.length;
      const verdict = `Behind by ${n} revision${n === 1 ? '' : 's'}: \`alembic upgrade heads\` would run ${found.pending.join(', ')}.`;
      const perHead = heads.length > 1 ? found.byHead.map((h) => `  ${h.head}: ${distance(h.behind)}`) : [];
      return [verdict, ...details, ...(perHead.length ? ['Per head:', ...perHead] : [])];
    }
    case 'unknown-revisions': {
      const ids = found.unknown.join(', ');
      return [
        `Unknown revision${found.unknown.length === 1 ? '' : 's'} in the database: ${ids}. No migration file declares ` +
          `${found.unknown.length === 1 ? 'it' : 'them'}: the database is ahead of these files (migrated from another ` +
          'branch or a newer checkout), or the file was deleted. Check out the branch that has it, or restore the file.',
        ...details,
        `Alembic would fail: ${found.error}`,
      ];
    }
    case 'error':
      return [`Alembic would refuse to upgrade from these rows: ${found.error}`, ...details];
  }
}

function distance(behind: number | null): string {
  if (behind === null) return 'unknown (Alembic would refuse `upgrade` to this head)';
  if (behind === 0) return 'up to date';
  return `${behind} revision${behind === 1 ? '' : 's'} behind`;
}
