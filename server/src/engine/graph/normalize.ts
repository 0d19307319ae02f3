// Alembic's `_normalized_resolved_dependencies`: a revision's resolved depends_on minus every dependency
// that one of its strict versioned ancestors lists directly. Only direct listings count, not their ancestry.
//
// Alembic walks all ancestors of every dependent revision (quadratic on big maps). The answer only
// changes when another revision lists the same dependency, so only those "other listers" are searched
// for, and the walk is pruned by generation (a node below every candidate cannot lead to one).

const EMPTY: number[] = [];

/** Longest versioned path from a parentless node; Infinity for nodes on or above a cycle. */
export function generations(parents: number[][], children: number[][]): Float64Array {
  const n = parents.length;
  const gen = new Float64Array(n).fill(Infinity);
  const pending = new Int32Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) {
    const ps = parents[i];
    pending[i] = ps.length < 2 ? ps.length : ps.length === 2 ? (ps[0] === ps[1] ? 1 : 2) : new Set(ps).size;
    if (pending[i] === 0) {
      gen[i] = 0;
      queue.push(i);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const x = queue[q];
    const cs = children[x];
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      const g = gen[x] + 1;
      if (gen[c] === Infinity || g > gen[c]) gen[c] = g;
      if (--pending[c] === 0) queue.push(c);
    }
  }
  // Nodes never released sit on or above a cycle: keep them at Infinity so pruning never skips them.
  for (let i = 0; i < n; i++) if (pending[i] > 0) gen[i] = Infinity;
  return gen;
}

export function normalizedDependencies(
  parents: number[][],
  children: number[][],
  resolvedDeps: number[][],
): number[][] {
  const n = parents.length;
  const out: number[][] = new Array(n).fill(EMPTY);
  const listers = new Map<number, number[]>();
  for (let r = 0; r < n; r++) {
    const deps = resolvedDeps[r];
    for (let i = 0; i < deps.length; i++) {
      let l = listers.get(deps[i]);
      if (!l) listers.set(deps[i], (l = []));
      l.push(r);
    }
  }
  let gen: Float64Array | null = null;
  let seen: Int32Array | null = null;
  let stamp = 0;
  for (let r = 0; r < n; r++) {
    const deps = resolvedDeps[r];
    if (deps.length === 0) continue;
    // other revisions listing one of r's deps -> the deps they would remove
    const removers = new Map<number, number[]>();
    for (let i = 0; i < deps.length; i++) {
      const d = deps[i];
      const ls = listers.get(d)!;
      for (let j = 0; j < ls.length; j++) {
        const l = ls[j];
        if (l === r) continue;
        let ds = removers.get(l);
        if (!ds) removers.set(l, (ds = []));
        ds.push(d);
      }
    }
    if (removers.size === 0) {
      out[r] = deps;
      continue;
    }
    gen ??= generations(parents, children);
    seen ??= new Int32Array(n);
    let minGen = Infinity;
    for (const l of removers.keys()) minGen = Math.min(minGen, gen[l]);
    const removed = new Set<number>();
    stamp++;
    seen[r] = stamp;
    const stack = [...parents[r]];
    let left = removers.size;
    while (stack.length && left > 0) {
      const x = stack.pop()!;
      if (seen[x] === stamp) continue;
      seen[x] = stamp;
      if (gen[x] < minGen) continue;
      const ds = removers.get(x);
      if (ds) {
        for (const d of ds) removed.add(d);
        left--;
      }
      for (const p of parents[x]) if (seen[p] !== stamp) stack.push(p);
    }
    out[r] = removed.size ? deps.filter((d) => !removed.has(d)) : deps;
  }
  return out;
}
