// The shared path of the commands that give Alembic's answers: load the project, refuse where
// Alembic would refuse (see refusal.ts), pass Alembic's warnings through, then answer.
import type { IndexedProject, Outcome } from '../../engine/index';
import { UsageError } from '../args';
import type { CommandContext } from '../context';
import { loadProject } from '../context';
import { EXIT, failed, jsonError } from '../output';
import type { CommandResult } from '../output';
import { alembicRefusal, alembicWarnings } from '../refusal';

export function answer(ctx: CommandContext, produce: (project: IndexedProject) => CommandResult): CommandResult {
  const project = loadProject(ctx);
  const refusal = alembicRefusal(project, ctx.cwd);
  if (refusal !== null) {
    if (ctx.json) return jsonError(refusal.message);
    // Not Alembic's failure but this tool's blind spot (a .pyc it cannot read): no FAILED: line.
    return refusal.alembicFails ? failed(refusal.message) : { stdout: '', stderr: `error: ${refusal.message}\n`, code: EXIT.answerIsError };
  }
  const result = produce(project);
  const warnings = alembicWarnings(project, ctx.cwd).map((w) => `warning: ${w}\n`).join('');
  return { ...result, stderr: warnings + result.stderr };
}

/** An engine answer that may be Alembic's failure: the error becomes `FAILED:` or `{"error"}`. */
export function fromOutcome<T>(ctx: CommandContext, outcome: Outcome<T>, render: (value: T) => CommandResult): CommandResult {
  if (outcome.ok) return render(outcome.value);
  // The engine's way of saying it has a bug (reverr.ts cliFailure): exit 70, not an Alembic answer.
  if (outcome.error.startsWith(INTERNAL_PREFIX)) throw new Error(outcome.error.slice(INTERNAL_PREFIX.length));
  if (ctx.json) return jsonError(outcome.error);
  // Alembic prints no FAILED: line here but dies with a traceback ending in this line.
  return failed(outcome.pythonError ? `${outcome.error} (Alembic itself stops here with this Python exception)` : outcome.error);
}

const INTERNAL_PREFIX = 'internal error: ';

/** `current` stands for the database's rows, which only `--current` can give here. */
export function requireRows(rows: string[] | undefined, why: string): string[] {
  if (rows === undefined) {
    throw new UsageError(`${why} needs the database's rows: give them with --current REV[,REV] ('' for an empty table); \`current --url URL\` prints them from the database`);
  }
  return rows;
}
