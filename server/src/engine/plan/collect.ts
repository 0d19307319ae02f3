// Which revisions an upgrade/downgrade/history range touches (RevisionMap._collect_upgrade_revisions,
// _collect_downgrade_revisions, iterate_revisions; semantics doc §4.1-4.3).
import { BASE, isRevision, type RevOps, type RevRef } from '../graph/ops';
import { assertionError, rangeNotAncestor, revisionError, type PyVal } from '../graph/reverr';
import { parseDowngradeTarget, parseUpgradeTarget } from './targets';
import { topologicalSort } from '../graph/toposort';
import { reach } from '../graph/mapindex';

/**
 * _get_ancestor_nodes / _get_descendant_nodes with check=True: the reachable set, failing with
 * "Requested revision X overlaps with other requested revisions Y" when one target reaches another.
 */
export function reachChecked(ops: RevOps, targets: readonly number[], adj: number[][]): Uint8Array {
  const seen = new Uint8Array(ops.ix.n);
  const targetSet = new Set(targets);
  for (const t of targets) {
    const overlaps = new Set<number>();
    const stack = [t];
    while (stack.length) {
      const x = stack.pop()!;
      if (x !== t && targetSet.has(x)) overlaps.add(x);
      if (seen[x]) continue;
      seen[x] = 1;
      for (const y of adj[x]) stack.push(y);
    }
    if (overlaps.size) {
      const others = [...overlaps].sort((a, b) => a - b).map((x) => ops.id(x));
      throw revisionError(
        `Requested revision ${ops.id(t)} overlaps with other requested revisions ${others.join(', ')}`,
      );
    }
  }
  return seen;
}

export interface Collected {
  members: Uint8Array;
  /** The revisions the topological sort starts from. */
  starts: number[];
}

export function collectUpgrade(
  ops: RevOps,
  upper: string | readonly string[],
  lower: PyVal,
  inclusive: boolean,
  implicitBase: boolean,
  assertLength: boolean,
): Collected {
  const ix = ops.ix;
  let targets = parseUpgradeTarget(ops, lower, upper, assertLength).map(isRevision);
  if (typeof lower === 'string' && lower.includes('@')) {
    // A named start (history `label@...:`) keeps only the end targets carrying that label.
    let branch = lower.slice(0, lower.indexOf('@'));
    const branchRev = ops.getRevision(branch);
    if (branchRev !== null && branchRev !== BASE && ops.id(branchRev) === branch) {
      const own = [...ix.labels[branchRev]];
      if (own.length !== 1) throw assertionError();
      branch = own[0];
    }
    targets = [...new Set(targets.filter((t) => ix.labels[t].has(branch)))];
  }
  const required = reachChecked(ops, targets, ix.ndown);

  let current: RevRef[] = ops.getRevisions(lower as string | null | readonly string[]);
  if (!implicitBase && current.some((r) => r !== null && (r === BASE || !required[r]))) {
    throw rangeNotAncestor(lower, upper as PyVal);
  }
  let lowerNow: PyVal = lower;
  if (current.length && current[0] === null) {
    // A relative lower bound that get_revisions could not place: parse it as a downgrade target.
    const [, rev] = parseDowngradeTarget(ops, upper as PyVal, lower as string, assertLength);
    if (rev === null) throw assertionError();
    if (rev === BASE) {
      current = [];
      lowerNow = null;
    } else {
      current = [rev];
      lowerNow = ops.id(rev);
    }
  }
  const currentNums = current.map(isRevision);
  const applied = reachChecked(ops, currentNums, ix.ndown);
  const members = new Uint8Array(ix.n);
  for (let i = 0; i < ix.n; i++) members[i] = required[i] && !applied[i] ? 1 : 0;
  if (inclusive) {
    for (const r of ops.getRevisions(lowerNow as string | null | readonly string[])) members[isRevision(r)] = 1;
  }
  if (currentNums.length && !implicitBase) {
    const downstream = reachChecked(ops, currentNums, ix.children);
    for (let i = 0; i < ix.n; i++) if (!downstream[i]) members[i] = 0;
  }
  return { members, starts: targets };
}

export function collectDowngrade(ops: RevOps, rows: readonly string[], target: string, assertLength: boolean): Collected {
  const ix = ops.ix;
  const [label, parsed] = parseDowngradeTarget(ops, rows, target, assertLength);
  const targetRev = parsed === BASE ? null : parsed;
  let roots: number[];
  let rootCount: number;
  if (targetRev === null) {
    // Every revision whose down_revision is None; Alembic iterates its map values, where a base that
    // declares labels appears once more per label (which only matters for the count below).
    roots = [];
    rootCount = 0;
    ix.map.nodes.forEach((node, r) => {
      if (node.down.length === 0) {
        roots.push(r);
        rootCount++;
      }
    });
    for (const owner of ix.map.labelOwner.values()) {
      const r = ix.pos.get(owner);
      if (r !== undefined && ix.map.nodes[r].down.length === 0) rootCount++;
    }
  } else {
    roots = ix.children[targetRev];
    rootCount = roots.length;
  }
  if (label && rootCount > 1) {
    const onBranch = reach(ix, [ops.resolveBranch(label)], ix.parents);
    roots = roots.filter((r) => onBranch[r]);
    if (roots.length === 0) throw revisionError('Not a valid downgrade target from current heads');
  }
  const heads = ops.getRevisions(rows);
  const headNums = heads.map(isRevision);
  const dropped = reach(ix, roots, ix.allChildren);
  const active = reach(ix, headNums, ix.ndown);
  let any = false;
  for (let i = 0; i < ix.n; i++) {
    dropped[i] = dropped[i] && active[i] ? 1 : 0;
    if (dropped[i]) any = true;
  }
  if (targetRev !== null && !any && !headNums.includes(targetRev)) throw rangeNotAncestor('Nothing to drop', rows);
  return { members: dropped, starts: headNums };
}

export const ENDLESS =
  'Alembic never finishes here: it loops forever ordering revisions around a cycle its own check does not detect';

/** iterate_revisions: the collected set in topological order (newest first). */
export function sortCollected(ops: RevOps, c: Collected): number[] {
  const { order, incomplete, endless } = topologicalSort(ops.ix, c.members, c.starts);
  if (endless) throw revisionError(ENDLESS);
  if (incomplete) throw assertionError();
  return order;
}
