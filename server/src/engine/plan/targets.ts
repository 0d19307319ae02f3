// Relative and absolute upgrade/downgrade targets (RevisionMap._parse_upgrade_target and
// _parse_downgrade_target; semantics doc §3.2), including their exact error texts.
import { isRevision, type RevOps, type RevRef } from '../graph/ops';
import { assertionError, revisionError, type PyVal } from '../graph/reverr';
import { pyInt } from '../pystr';

/**
 * Alembic's `_relative_destination`, `(?:(.+?)@)?(\w+)?((?:\+|-)\d+)`, applied with re.match: anchored at
 * the start only, so trailing text is ignored. Python's `.` stops at `\n` only; its `\w` is Unicode-aware.
 * (Digits are ASCII here; Python also accepts other Unicode decimal digits.)
 */
const RELATIVE = /^(?:([^\n]+?)@)?([\p{L}\p{N}_]+)?([+-][0-9]+)/u;

export interface RelativeTarget {
  label: string | null;
  symbol: string | null;
  /** The signed count as written (`+1`, `-02`). */
  relative: string;
  count: number;
}

export function matchRelative(target: string): RelativeTarget | null {
  const m = RELATIVE.exec(target);
  if (!m) return null;
  return { label: m[1] ?? null, symbol: m[2] ?? null, relative: m[3], count: pyInt(m[3])! };
}

/** util.to_tuple: None stays None, a str becomes a 1-tuple. */
function toTuple(v: PyVal): string[] | null {
  if (v === null) return null;
  return typeof v === 'string' ? [v] : [...v];
}

const didNotProduce = (shown: string | number, count: number) =>
  revisionError(`Relative revision ${shown} didn't produce ${Math.abs(count)} migrations`);

export function parseUpgradeTarget(
  ops: RevOps,
  current: PyVal,
  target: string | readonly string[],
  assertLength: boolean,
): RevRef[] {
  const m = typeof target === 'string' ? matchRelative(target) : null;
  if (!m) return ops.getRevisions(target);
  const { label, symbol, count } = m;
  if (count > 0) {
    if (symbol !== null) {
      return [ops.walk(ops.getRevision(symbol), count, label, assertLength)];
    }
    let cur: (string | null)[] | null = toTuple(current);
    if (!cur || cur.length === 0) cur = [null];
    let starts: (string | number | null)[] = cur;
    if (label) {
      starts = ops.filterForLineage(ops.getRevisions(cur).map(isRevision), label);
      if (starts.length === 0) {
        // The branch is not among the current heads: start from the tips of what is applied on it.
        const applied = ops.getRevisions(cur).map(isRevision);
        const seen = new Set<number>();
        const stack = [...applied];
        const all: number[] = [];
        while (stack.length) {
          const x = stack.pop()!;
          if (seen.has(x)) continue;
          seen.add(x);
          all.push(x);
          for (const p of ops.ix.ndown[x]) stack.push(p);
        }
        const onBranch = ops.filterForLineage(all, label);
        const below = new Set(onBranch.flatMap((r) => ops.ix.ndown[r]));
        starts = onBranch.filter((r) => !below.has(r));
        if (starts.length === 0) starts = [null];
      }
    }
    if (starts.length > 1) throw revisionError('Ambiguous upgrade from multiple current revisions');
    const rev = ops.walk(starts[0], count, label, assertLength);
    if (rev === null) throw didNotProduce(m.relative, count);
    return [rev];
  }
  if (symbol === null) throw didNotProduce(count, count);
  const start = label === null ? ops.getRevision(symbol) : ops.getRevision(`${label}@${symbol}`);
  return [ops.walk(start, count, null, assertLength)];
}

export const AMBIGUOUS_DOWNGRADE_WARNING =
  'downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.';

/** Returns [branch label, target revision]; the target is null for base. */
export function parseDowngradeTarget(
  ops: RevOps,
  current: PyVal,
  target: string | null,
  assertLength: boolean,
): [string | null, RevRef] {
  if (target === null) return [null, null];
  const m = matchRelative(target);
  if (!m) {
    // Absolute: the branch part is split at the LAST '@' here (rpartition), unlike get_revisions.
    const at = target.lastIndexOf('@');
    const label = at >= 0 ? target.slice(0, at) : '';
    return [label || null, ops.getRevision(at >= 0 ? target.slice(at + 1) : target)];
  }
  let { label, symbol } = m;
  const count = m.count;
  if (count >= 0) {
    if (symbol === null) throw didNotProduce(m.relative, count);
    const rev = ops.walk(symbol, count, label, assertLength);
    if (rev === null) throw revisionError('Walked too far');
    return [label, rev];
  }
  const fromCurrent = symbol === null;
  if (fromCurrent) {
    const rows = toTuple(current) ?? [];
    if (label) {
      let candidates = ops.filterForLineage(rows, label);
      if (candidates.length === 0) {
        candidates = ops.filterForLineage(ops.getAllCurrent(rows), label).map((r) => ops.id(r));
      }
      if (candidates.length !== 1) throw assertionError();
      symbol = candidates[0];
    } else {
      if (rows.length === 0) throw didNotProduce(m.relative, count);
      if (new Set(rows).size > 1) ops.warnings.push(AMBIGUOUS_DOWNGRADE_WARNING);
      symbol = rows[0];
      label = symbol;
    }
  }
  const start = label === null ? ops.getRevision(symbol) : ops.getRevision(`${label}@${symbol}`);
  const rev = ops.walk(start, count, null, assertLength);
  if (rev === null) throw fromCurrent ? didNotProduce(m.relative, count) : revisionError('Walked too far');
  return [label, rev];
}


/**
 * Target errors Alembic raises before it first touches the revision map (so even in a project whose map
 * cannot be built): `upgrade -N`, `downgrade +N`, and `downgrade -N` with no rows.
 */
export function earlyTargetError(command: 'upgrade' | 'downgrade', target: string, rows: readonly string[]): Error | null {
  const m = matchRelative(target);
  if (!m || m.symbol !== null) return null;
  if (command === 'upgrade') {
    if (m.count <= 0) return didNotProduce(m.count, m.count);
    return !m.label && rows.length > 1 ? revisionError('Ambiguous upgrade from multiple current revisions') : null;
  }
  if (m.count >= 0) return didNotProduce(m.relative, m.count);
  return !m.label && rows.length === 0 ? didNotProduce(m.relative, m.count) : null;
}
