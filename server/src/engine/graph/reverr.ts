// Alembic's revision errors, and how its CLI turns them into text (ScriptDirectory._catch_revision_errors).
// The revision logic below mirrors Alembic's Python structure, so it raises these internally; every
// public entry point catches them and returns an Outcome, never throwing.
import type { Outcome } from '../types';
import { pyStrRepr } from '../pystr';

/** A Python value as Alembic formats it with `%s`: a str, a tuple of str (DB rows), or None. */
export type PyVal = string | readonly string[] | null;

export type RevErrorKind = 'resolution' | 'multiple-heads' | 'range' | 'revision' | 'python';

export class RevError extends Error {
  constructor(
    readonly kind: RevErrorKind,
    message: string,
    readonly info: { argument?: PyVal; heads?: string[]; lower?: PyVal; upper?: PyVal } = {},
  ) {
    super(message);
  }
}

/** Python's `'%s' % value` for the values Alembic formats into messages. */
export function pyStr(v: PyVal | undefined): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return v;
  if (v.length === 1) return `(${pyStrRepr(v[0])},)`;
  return `(${v.map(pyStrRepr).join(', ')})`;
}

/** Python truthiness of a PyVal. */
export function pyTruthy(v: PyVal | undefined): boolean {
  return v !== null && v !== undefined && v.length > 0;
}

export const resolutionError = (message: string, argument: string) =>
  new RevError('resolution', message, { argument });

export const multipleHeads = (heads: string[], argument: PyVal) =>
  new RevError('multiple-heads', `Multiple heads are present for given argument '${pyStr(argument)}'; ${heads.join(', ')}`, {
    heads,
    argument,
  });

export const rangeNotAncestor = (lower: PyVal, upper: PyVal) =>
  new RevError(
    'range',
    `Revision ${pyTruthy(lower) ? pyStr(lower) : 'base'} is not an ancestor of revision ${pyTruthy(upper) ? pyStr(upper) : 'base'}`,
    { lower, upper },
  );

export const revisionError = (message: string) => new RevError('revision', message);

/** An uncaught Python exception: Alembic prints a traceback whose last line is `line`. */
export const pythonError = (line: string) => new RevError('python', line);
export const assertionError = () => pythonError('AssertionError');
export const keyError = (key: string) => pythonError(`KeyError: ${pyStrRepr(key)}`);

export interface CatchOptions {
  /** Template for RangeNotAncestorError, with %(start)s and %(end)s. */
  ancestor?: string;
  /** Template for MultipleHeads, with %(head_arg)s. */
  multipleHeads?: string;
  start?: PyVal;
  end?: PyVal;
}

const DEFAULT_ANCESTOR =
  'Requested range %(start)s:%(end)s does not refer to ancestor/descendant revisions along the same branch';
const DEFAULT_MULTIPLE_HEADS =
  "Multiple head revisions are present for given argument '%(head_arg)s'; please specify a specific target revision, " +
  "'<branchname>@%(head_arg)s' to narrow to a specific head, or 'heads' for all heads";

/** The failure Outcome for an error, as the CLI shows it under `_catch_revision_errors(**options)`. */
export function cliFailure(err: unknown, o: CatchOptions = {}): { ok: false; error: string; pythonError?: boolean } {
  if (!(err instanceof RevError)) {
    // A bug in the engine, never an Alembic answer: say so rather than throw.
    return { ok: false, error: `internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
  switch (err.kind) {
    case 'range': {
      const start = o.start === undefined || o.start === null ? err.info.lower : o.start;
      const end = o.end === undefined || o.end === null ? err.info.upper : o.end;
      const text = (o.ancestor ?? DEFAULT_ANCESTOR).replace('%(start)s', pyStr(start)).replace('%(end)s', pyStr(end));
      return { ok: false, error: text };
    }
    case 'multiple-heads': {
      const headArg = pyTruthy(o.end) ? o.end : err.info.argument;
      return { ok: false, error: (o.multipleHeads ?? DEFAULT_MULTIPLE_HEADS).split('%(head_arg)s').join(pyStr(headArg)) };
    }
    case 'resolution':
      return { ok: false, error: `Can't locate revision identified by '${pyStr(err.info.argument)}'` };
    case 'revision':
      return { ok: false, error: err.message };
    case 'python':
      return { ok: false, error: err.message, pythonError: true };
  }
}

/** Runs `fn` the way a command runs inside `_catch_revision_errors`. */
export function catchRevisionErrors<T>(fn: () => T, o: CatchOptions = {}): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (err) {
    return cliFailure(err, o);
  }
}

/** The message Alembic's revision map raised internally (what the Python API shows, and a hover can). */
export function internalMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
