// `alembic history` order: ScriptDirectory.walk_revisions(base, head) = iterate_revisions(head, base,
// inclusive=True, implicit_base=False, assert_relative_length=False), newest first (semantics doc §3.3, §4.3).
import type { RevisionMap } from '../types';
import { RevOps } from './ops';
import { collectUpgrade, sortCollected } from '../plan/collect';
import { loadError } from './loadfail';
import { topologicalSort } from './toposort';
import type { PyVal } from './reverr';

export function walkRevisions(ops: RevOps, base: PyVal, head: string | readonly string[]): number[] {
  return sortCollected(ops, collectUpgrade(ops, head, base, true, false, false));
}

/**
 * The full history (no range). Where Alembic would fail (broken map, duplicate ids, cycles) this still
 * returns every revision once, in a best-effort order: the same walk from the real heads, then whatever
 * it could not reach (cycles without a head), from the top of each remaining part.
 */
export function computeHistory(map: RevisionMap): string[] {
  const ops = new RevOps(map);
  if (!loadError(map)) {
    try {
      return walkRevisions(ops, 'base', 'heads').map((r) => ops.id(r));
    } catch {
      // fall through to the best-effort order
    }
  }
  const ix = ops.ix;
  const left = new Uint8Array(ix.n).fill(1);
  const order: number[] = [];
  let starts = [...new Set(ix.realHeads)];
  for (let remaining = ix.n; remaining > 0; ) {
    const { order: part } = topologicalSort(ix, left, starts);
    for (const r of part) left[r] = 0;
    order.push(...part);
    remaining -= part.length;
    if (remaining === 0) break;
    // Start again from the last-loaded revision not yet listed that no remaining revision points down to.
    const pointed = new Uint8Array(ix.n);
    for (let r = 0; r < ix.n; r++) if (left[r]) for (const p of ix.ndown[r]) if (p !== r) pointed[p] = 1;
    let next = -1;
    for (let r = ix.n - 1; r >= 0 && next < 0; r--) if (left[r] && !pointed[r]) next = r;
    if (next < 0) for (let r = ix.n - 1; r >= 0 && next < 0; r--) if (left[r]) next = r;
    starts = [next];
  }
  return order.map((r) => ops.id(r));
}
