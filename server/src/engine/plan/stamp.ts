// ScriptDirectory._stamp_revs (semantics doc §4.6): the stamp steps for some destinations, given the rows.
import { isRevision, type RevOps } from '../graph/ops';
import type { Step } from './rows';
import { assertionError } from '../graph/reverr';

export function stampSteps(ops: RevOps, destinations: readonly string[], rows: readonly string[]): Step[] {
  const rowRevs = ops.getRevisions(rows).map(isRevision);
  const revision: readonly string[] = destinations.length ? destinations : ['base'];

  // The rows sharing lineage (dependencies included) with any destination; `base` keeps them all.
  const filtered: number[] = [];
  for (const dest of revision) {
    if (!dest) continue;
    for (const r of ops.filterForLineage(rowRevs, dest, true)) if (!filtered.includes(r)) filtered.push(r);
  }
  const filteredIds = filtered.map((r) => ops.id(r));

  const resolved = ops.getRevisions(revision);
  const dests: (number | null)[] = resolved.length ? resolved.map((r) => (r === null ? null : isRevision(r))) : [null];
  const steps: Step[] = [];
  for (const dest of dests) {
    if (dest === null) {
      for (const h of filteredIds) steps.push({ kind: 'stamp', from: [h], to: [], isUpgrade: false, branchMove: true });
      continue;
    }
    if (filtered.includes(dest)) continue;
    const descendantsOfDest = ops.descendants(dest, true);
    const ancestorsOfDest = ops.ancestors(dest, true);
    const dest_ = ops.id(dest);
    if (filtered.some((r) => descendantsOfDest[r])) {
      // rows above the destination: one "downgrade" step collapsing all of them into it
      if (filtered.some((r) => ancestorsOfDest[r])) throw assertionError();
      steps.push({ kind: 'stamp', from: filteredIds, to: [dest_], isUpgrade: false, branchMove: false });
    } else if (filtered.some((r) => ancestorsOfDest[r])) {
      // rows below it: one "upgrade" step (an earlier destination may have moved them: then an INSERT)
      steps.push({ kind: 'stamp', from: filteredIds, to: [dest_], isUpgrade: true, branchMove: false });
    } else {
      steps.push({ kind: 'stamp', from: [], to: [dest_], isUpgrade: true, branchMove: true });
    }
  }
  return steps;
}
