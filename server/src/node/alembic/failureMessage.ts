// The words for a failed run: what happened, where (file:line in the project), what the database is
// at now, and the fix. The bootstrap reports facts (kind, error, innermost project frame, steps);
// this file only phrases them.
import type { BootstrapResult } from './markers';
import type { DatabaseState, FailureKind, RunFailure, SourceLocation, StepEvent } from './types';

const KNOWN: ReadonlySet<string> = new Set<FailureKind>([
  'cancelled', 'env-error', 'script-error', 'unreachable', 'auth-failed', 'unknown-database', 'driver-missing',
  'bad-url', 'migration-failed', 'alembic-error', 'diffs-detected', 'unsupported', 'alembic-missing', 'error',
]);

export function whereText(w: SourceLocation | undefined): string {
  if (!w) return '';
  return `${w.relative ?? w.file}${w.line ? `:${w.line}` : ''}`;
}

const rows = (r: readonly string[]): string => (r.length ? r.join(', ') : 'no revision (empty version table)');

function stepText(s: Omit<StepEvent, 'phase'>): string {
  const id = s.revision ?? `${s.from.join(',') || 'base'} -> ${s.to.join(',') || 'base'}`;
  return `${s.kind} of ${id}${s.message ? ` (“${s.message}”)` : ''}`;
}

/**
 * How Alembic ran the steps, and so where the database should be after a failed online run: one
 * transaction for the whole run on a database with transactional DDL (PostgreSQL) means everything
 * was rolled back; otherwise each finished revision was committed on its own.
 */
function inference(r: BootstrapResult): { how: string; expected: string[] | null } {
  if (r.startHeads === null || r.startHeads === undefined) {
    return { how: 'Alembic had not started on the database, so nothing there was changed.', expected: null };
  }
  const finished = r.stepsFinished ?? 0;
  const partialDdl =
    r.failedStep && r.failedStep.kind !== 'stamp' && !r.transactionalDdl
      ? ' Schema changes the failed revision made before the error may remain (this database cannot roll back DDL); check them by hand.'
      : '';
  if (r.transactionalDdl && !r.transactionPerMigration) {
    const how = finished || r.failedStep ? 'The run was one transaction, so all of it was rolled back.' : 'Nothing was changed.';
    return { how, expected: r.startHeads };
  }
  if (finished) {
    const stays = finished === 1 ? 'step that finished stays' : `${finished} steps that finished stay`;
    return { how: `Each step is committed on its own, so the ${stays} applied.${partialDdl}`, expected: r.heads ?? [] };
  }
  return { how: `No step finished.${partialDdl}`, expected: r.startHeads };
}

/** The version table Alembic's own account implies after the run (null when it never got there). */
export function expectedRows(r: BootstrapResult): string[] | null {
  if (r.offline) return null;
  return r.ok ? r.heads ?? null : inference(r).expected;
}

function databaseSentence(r: BootstrapResult, read: DatabaseState | undefined, readError: string | undefined): string {
  if (r.offline) return 'Nothing was run against the database (offline SQL generation).';
  const { how, expected } = inference(r);
  if (read) return `${how} The version table now holds: ${rows(read.rows)}.`;
  const failedRead = readError ? ` (Reading the version table afterwards failed: ${readError}.)` : '';
  return expected ? `${how} The database should be at ${rows(expected)}.${failedRead}` : `${how}${failedRead}`;
}

/** A driver error on one line, without SQLAlchemy's "Background on this error" link; no final period. */
function oneLine(text: string): string {
  return text
    .replace(/\(Background on this error at: [^)]*\)/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/\.$/, '');
}

export interface FailureContext {
  title: string;
  python: string;
  /** Whether the run was given a URL (otherwise env.py used the project's own sqlalchemy.url or -x). */
  urlGiven: boolean;
  read?: DatabaseState;
  readError?: string;
  cancelled: boolean;
}

const CONNECTION_KINDS: ReadonlySet<FailureKind> = new Set(['unreachable', 'auth-failed', 'unknown-database', 'driver-missing', 'bad-url']);

export function failureFromResult(r: BootstrapResult, ctx: FailureContext): RunFailure {
  const kind: FailureKind = ctx.cancelled ? 'cancelled' : KNOWN.has(r.kind ?? '') ? (r.kind as FailureKind) : 'error';
  const raw = r.errorType ? `${r.errorType}: ${r.message ?? ''}`.trim() : r.message ?? '';
  const detail = oneLine(raw);
  const where = r.where ?? undefined;
  const at = whereText(where);
  const db = databaseSentence(r, ctx.read, ctx.readError);
  const failure: RunFailure = { kind, message: '', detail: raw };
  if (where) failure.where = where;
  if (r.failedStep) failure.failedStep = { phase: 'started', ...r.failedStep };
  const env = `the environment of ${ctx.python}`;
  switch (kind) {
    case 'cancelled':
      failure.message = `${ctx.title} was cancelled${r.failedStep ? ` during the ${stepText(r.failedStep)}` : ''}. ${db}`;
      break;
    case 'migration-failed':
      if (r.failedStep?.kind === 'stamp') {
        failure.message = `${ctx.title} failed while stamping ${r.failedStep.from.join(', ') || 'base'} -> ${r.failedStep.to.join(', ') || 'base'}: ${detail}. ${db}`;
        break;
      }
      failure.message =
        `${ctx.title} failed in the ${stepText(r.failedStep!)}${at ? ` at ${at}` : ''}: ${detail}. ${db} ` +
        'Fix the revision (or the data it trips on), then run the command again.';
      break;
    case 'env-error':
      failure.message =
        `${at || 'env.py'} raised an error before any migration ran: ${detail}. ` +
        `Fix env.py, or install what it imports into ${env}. Nothing was changed in the database.`;
      break;
    case 'script-error':
      failure.message = `${at || 'A migration script'} could not be loaded: ${detail}. Fix that file; nothing was changed in the database.`;
      break;
    case 'unreachable':
      failure.message = `Could not connect to the database: ${detail}. Check that the server is running and that the host, port (or file path) of the connection are right. Nothing was changed.`;
      break;
    case 'auth-failed':
      failure.message = `The database refused the login: ${detail}. Check the user name and password of the connection. Nothing was changed.`;
      break;
    case 'unknown-database':
      failure.message = `The database named in the connection does not exist: ${detail}. Create it, or fix the database name. Nothing was changed.`;
      break;
    case 'driver-missing':
      failure.message = `The database driver is not installed: ${detail}. Install it into ${env} (for example \`pip install psycopg2-binary\` for PostgreSQL or \`pip install pymysql\` for MySQL/MariaDB), and check the URL's dialect+driver.`;
      break;
    case 'bad-url':
      failure.message = `The connection URL is not valid: ${detail}. Fix the connection's URL (dialect+driver://user@host:port/database).`;
      break;
    case 'alembic-error':
      // Alembic's own refusal: the frame is only env.py calling into Alembic, so no file:line is given.
      failure.message = `Alembic refused ${ctx.title}: ${oneLine(r.message ?? raw)}. ${r.startHeads ? db : 'Nothing was changed.'}`;
      break;
    case 'diffs-detected':
      failure.message = `${ctx.title}: the models differ from the database: ${oneLine(r.message ?? raw)}. Generate a revision (alembic revision --autogenerate) for them.`;
      break;
    case 'unsupported':
      failure.message = r.message ?? detail;
      break;
    case 'alembic-missing':
      failure.message = `Alembic cannot be imported by ${ctx.python}: ${detail}. Install it there (\`${ctx.python} -m pip install alembic\`) or set \`alembic.pythonPath\`.`;
      break;
    default:
      failure.message = `${ctx.title} failed${at ? ` at ${at}` : ''}: ${detail}. ${db}`;
  }
  if (CONNECTION_KINDS.has(kind) && !ctx.urlGiven) {
    failure.message += ' No connection was chosen for this run, so the URL came from the project itself (sqlalchemy.url in its config, or what env.py builds).';
  }
  failure.message = failure.message.trimEnd();
  return failure;
}
