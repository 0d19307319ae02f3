// Branch-label inheritance, as Alembic's RevisionMap._add_branches does it once the graph is built:
// for each labelled revision L (Alembic: set order; here: load order),
//   1. every versioned descendant of L gets L's current labels;
//   2. from the LAST node that depth-first walk visited, walk down single down_revision links adding the
//      labels, stopping at the first real branch point (>1 child counting dependents) or merge point.
// So in a linear history the ancestors of L get its labels down to (not including) the nearest
// branch/merge point. Where L's descendants branch, "last visited" depends on Python set order; here the
// children are pushed in load order (the last-loaded child is explored first), a fixed choice.

export interface LabelGraph {
  n: number;
  /** The nodes declaring labels, in node order. */
  labelledKeys: number[];
  /** A node's declared labels. */
  declared: (node: number) => string[];
  parents: number[][];
  /** nextrev: versioned children, load order. */
  children: number[][];
  /** _all_nextrev: children counting dependents (only their number is read). */
  allChildren: number[][];
  /** len(down_revision as written), for is_merge_point. */
  rawDownLength: (node: number) => number;
  /**
   * Labelled losing duplicates: Alembic spreads their labels too, walking down from their own parent
   * (`from`, -1 for none). Their own label set is not kept anywhere, since the id means the winner.
   */
  extra?: { labels: string[]; from: number }[];
}

/**
 * Effective labels per node; null for a node without any. The sets are read-only and shared between
 * nodes that carry the same labels (a labelled line of 10k revisions holds one set, not 10k): a node
 * gets its own copy only when it must differ from the set it shares.
 */
export function inheritLabels(g: LabelGraph): (Set<string> | null)[] {
  const n = g.n;
  const labels = new Array<Set<string> | null>(n).fill(null);
  const owned = new Uint8Array(n);
  for (const r of g.labelledKeys) {
    labels[r] = new Set(g.declared(r));
    owned[r] = 1;
  }
  let spreadSet: Set<string> = new Set();
  const add = (x: number, spread: string[]) => {
    const set = labels[x];
    if (set === null) {
      labels[x] = spreadSet;
      return;
    }
    if (set === spreadSet || hasAll(set, spread)) return;
    const mine = owned[x] ? set : new Set(set);
    for (let i = 0; i < spread.length; i++) mine.add(spread[i]);
    labels[x] = mine;
    owned[x] = 1;
  };
  const seen = new Int32Array(n);
  let stamp = 0;
  for (const r of g.labelledKeys) {
    const spread = [...labels[r]!];
    spreadSet = new Set(spread);
    stamp++;
    let last = r;
    const stack = [r];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen[x] === stamp) continue;
      seen[x] = stamp;
      const cs = g.children[x];
      for (let i = 0; i < cs.length; i++) if (seen[cs[i]] !== stamp) stack.push(cs[i]);
      if (labels[x] === null) labels[x] = spreadSet;
      else add(x, spread);
      last = x;
    }
    walkDown(last, spread);
  }
  for (const e of g.extra ?? []) {
    spreadSet = new Set(e.labels);
    walkDown(e.from, e.labels);
  }
  return labels;

  function walkDown(from: number, spread: string[]): void {
    stamp++; // a fresh mark for the downward walk, so a cycle cannot keep it going
    let p = from;
    while (p >= 0 && seen[p] !== stamp && g.allChildren[p].length <= 1 && g.rawDownLength(p) <= 1) {
      seen[p] = stamp;
      add(p, spread);
      p = g.parents[p].length ? g.parents[p][0] : -1;
    }
  }
}

function hasAll(set: Set<string>, items: string[]): boolean {
  for (let i = 0; i < items.length; i++) if (!set.has(items[i])) return false;
  return true;
}
