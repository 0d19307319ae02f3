// Lists of node numbers as the map builder (build.ts) makes and reads them: small, mostly of one
// item, never written into once handed out (a list that must change is replaced), so they are shared
// wherever two would hold the same items.

/** The empty list, shared; frozen so that a mistake throws. */
export const NO_NUMS = Object.freeze([]) as unknown as number[];

/**
 * The distinct items in first-seen order: `xs` itself when it has no repeat (nearly always), so the
 * thousands of one- or two-item lists a map holds are not copied. Callers never mutate the result.
 */
export function unique<T>(xs: T[]): T[] {
  if (xs.length < 2 || (xs.length === 2 && xs[0] !== xs[1])) return xs;
  const set = new Set(xs);
  return set.size === xs.length ? xs : [...set];
}

/** `a` then `b`, without repeats. */
export function union<T>(a: T[], b: T[]): T[] {
  return b.length === 0 ? unique(a) : unique(a.concat(b));
}

/**
 * One-item lists of node numbers, made once per node and shared: a revision's only parent p is [p]
 * and p's only child c is [c], so along a line of revisions each [k] serves twice, and half the
 * small lists are never made. The builder never writes into a list it has handed out (it replaces
 * lists), so sharing them is safe; none of them leaves the builder.
 */
export function singleLists(n: number): (k: number) => number[] {
  const lists = new Array<number[] | undefined>(n);
  return (k) => (lists[k] ??= [k]);
}

/**
 * For each node, the nodes whose list names it, in node order, once each (children from parents), given how
 * many name each (the map builder counts them while it links). Filled into lists of exact size:
 * growing 50k lists by push() made more garbage than the map keeps.
 */
export function invert(n: number, lists: number[][], count: Int32Array, single: (k: number) => number[]): number[][] {
  const out: number[][] = new Array<number[]>(n);
  for (let p = 0; p < n; p++) out[p] = count[p] < 2 ? NO_NUMS : new Array<number>(count[p]);
  const filled = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const ps = unique(lists[r]);
    for (let i = 0; i < ps.length; i++) {
      const p = ps[i];
      if (count[p] === 1) out[p] = single(r);
      else out[p][filled[p]++] = r;
    }
  }
  return out;
}

/**
 * _all_nextrev, invert(allDown): each node's children and the revisions depending on it, in node
 * order. Only the nodes something depends on get a list of their own; the others share their children
 * list (a project with one dependency does not copy 50k lists).
 */
export function withDependents(n: number, children: number[][], parents: number[][], resolvedDeps: number[][]): number[][] {
  const out = children.slice();
  const dependents = new Map<number, number[]>(); // node -> the revisions depending on it without being its children
  for (let r = 0; r < n; r++) {
    const deps = resolvedDeps[r];
    for (let j = 0; j < deps.length; j++) {
      const d = deps[j];
      if (parents[r].includes(d)) continue;
      const list = dependents.get(d);
      if (list) list.push(r);
      else dependents.set(d, [r]);
    }
  }
  dependents.forEach((rs, d) => {
    // Two ascending lists without common items: merged, ascending.
    const cs = children[d];
    const merged = new Array<number>(cs.length + rs.length);
    for (let a = 0, b = 0, m = 0; m < merged.length; m++) merged[m] = b >= rs.length || (a < cs.length && cs[a] < rs[b]) ? cs[a++] : rs[b++];
    out[d] = merged;
  });
  return out;
}

export function sameItems(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
