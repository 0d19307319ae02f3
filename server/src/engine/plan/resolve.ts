// Identifier resolution (semantics doc §3.1, §3.3, §3.4): what `alembic show <id>` resolves, and which
// revisions `alembic history -r <range>` prints, with the CLI's error texts.
import type { Outcome, RevisionMap } from '../types';
import { BASE, RevOps } from '../graph/ops';
import { catchRevisionErrors, internalMessage, pythonError, cliFailure, type PyVal } from '../graph/reverr';
import { loadError } from '../graph/loadfail';
import { walkRevisions } from '../graph/history';
import { earlyTargetError } from './targets';

export interface ResolveOptions {
  /** Resolve even when Alembic could not build the map at all (useful for hovers in a broken project). */
  ignoreLoadErrors?: boolean;
}

function resolveWith(ops: RevOps, identifier: string, options: ResolveOptions): string[] {
  if (!options.ignoreLoadErrors) {
    const failure = loadError(ops.ix.map);
    if (failure) throw failure;
  }
  return ops.getRevisions(identifier).map((r) => {
    // `show` then prints each result's log entry; None or the pseudo-revision "base" crash there.
    if (r === null) throw pythonError("AttributeError: 'NoneType' object has no attribute 'log_entry'");
    if (r === BASE) throw pythonError("AttributeError: 'str' object has no attribute 'log_entry'");
    return ops.id(r);
  });
}

/** The revisions an absolute identifier names (`alembic show`, ScriptDirectory.get_revisions). */
export function resolveRevisions(map: RevisionMap, identifier: string, options: ResolveOptions = {}): Outcome<string[]> {
  const ops = new RevOps(map);
  return catchRevisionErrors(() => resolveWith(ops, identifier, options));
}

/** Like resolveRevisions, also giving the message Alembic's Python API raises (before the CLI rewrites it). */
export function explainResolution(
  map: RevisionMap,
  identifier: string,
  options: ResolveOptions = {},
): { ok: true; value: string[] } | { ok: false; error: string; internal: string; pythonError?: boolean } {
  const ops = new RevOps(map);
  try {
    return { ok: true, value: resolveWith(ops, identifier, options) };
  } catch (err) {
    return { ...cliFailure(err), internal: internalMessage(err) };
  }
}

/** One revision (`get_revision`): `head` etc. must name exactly one; `base` gives null. */
export function resolveSingleRevision(map: RevisionMap, identifier: string): Outcome<string | null> {
  const ops = new RevOps(map);
  return catchRevisionErrors(() => {
    const failure = loadError(map);
    if (failure) throw failure;
    const r = ops.getRevision(identifier);
    return r === null || r === BASE ? null : ops.id(r);
  });
}

export const HISTORY_RANGE_ERROR = 'History range requires [start]:[end], [start]:, or :[end]';

/**
 * The ids `alembic history -r <range>` prints, newest first. `current` on either side stands for the
 * database rows, which must then be given.
 */
export function historyRange(map: RevisionMap, range: string, currentRows?: readonly string[]): Outcome<string[]> {
  if (!range.includes(':')) return { ok: false, error: HISTORY_RANGE_ERROR };
  const parts = range.trim().split(':');
  if (parts.length !== 2) {
    const message = parts.length > 2 ? 'too many values to unpack (expected 2)' : 'not enough values to unpack (expected 2, got 1)';
    return { ok: false, error: `ValueError: ${message}`, pythonError: true };
  }
  const [start, end] = parts;
  let base: PyVal = start;
  let head: PyVal = end;
  if (start === 'current' || end === 'current') {
    if (!currentRows) return { ok: false, error: "history with 'current' needs the database rows" };
    if (end === 'current') head = [...currentRows];
    else base = [...currentRows];
  }
  const baseArg: PyVal = base && base.length ? base : 'base';
  const headArg: string | readonly string[] = head && head.length ? head : 'heads';
  const ops = new RevOps(map);
  return catchRevisionErrors(
    () => {
      const before = typeof headArg === 'string' ? earlyTargetError('upgrade', headArg, []) : null;
      if (before) throw before;
      const failure = loadError(map);
      if (failure) throw failure;
      return walkRevisions(ops, baseArg, headArg).map((r) => ops.id(r));
    },
    { start: baseArg, end: headArg },
  );
}

