// Integer adjacency for a RevisionMap, derived from its public fields only (so a map built elsewhere or
// deserialised works too) and cached per map object. Node numbers are positions in `map.nodes`.
import type { RevisionMap } from '../types';
import { normalizedDependencies } from './normalize';

export interface MapIndex {
  map: RevisionMap;
  n: number;
  ids: string[];
  pos: Map<string, number>;
  /** Versioned parents (existing ones, as written). */
  parents: number[][];
  /** N(R): versioned parents plus normalised dependencies. */
  ndown: number[][];
  /** Parents plus all resolved dependencies. */
  allDown: number[][];
  /** nextrev. */
  children: number[][];
  /** _all_nextrev. */
  allChildren: number[][];
  /** The normalised dependencies alone (N(R) minus the versioned parents, unless one is both). */
  normDeps: number[][];
  /** Reverse of ndown: revisions whose N(R) contains the node. */
  nchildren: number[][];
  labels: ReadonlySet<string>[];
  /** Lookup keys in Alembic's dict order: ids (key order) then declared labels. */
  keys: string[];
  keyTarget: KeyLookup;
  /** map.heads / realHeads / bases as node numbers (a stale duplicate maps to its winner). */
  heads: number[];
  realHeads: number[];
  bases: number[];
  rawDownLength: number[];
  /**
   * Some child link has no matching parent link (a labelled losing duplicate's down_revision), so
   * "ancestor of" and "descendant of" are not mirror images and lineage must be computed from the target.
   */
  asymmetric: boolean;
  /** The map has a cycle (flagged or missed by Alembic): orderings must follow Alembic literally. */
  cyclic: boolean;
  /** Scratch memo for lineage/ancestry queries (see ops.ts). */
  memo: Map<string, Uint8Array>;
}

/** Lookup key -> node number (a Map's `get`). */
export interface KeyLookup {
  get(key: string): number | undefined;
}

const cache = new WeakMap<RevisionMap, MapIndex>();
const NO_LABELS: ReadonlySet<string> = new Set();
const NO_NUMS = Object.freeze([]) as unknown as number[];

export function indexOf(map: RevisionMap): MapIndex {
  let ix = cache.get(map);
  if (!ix) {
    ix = buildIndex(map);
    cache.set(map, ix);
  }
  return ix;
}

/** Node numbers of the ids that are nodes, in list order (the shared empty list for none). */
function numbersOf(pos: Map<string, number>, xs: readonly string[]): number[] {
  if (xs.length === 0) return NO_NUMS;
  if (xs.length === 1) {
    const p = pos.get(xs[0]);
    return p === undefined ? NO_NUMS : [p];
  }
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const p = pos.get(xs[i]);
    if (p !== undefined) out.push(p);
  }
  return out;
}

/**
 * Built on first use from the map's public fields, not kept by the map builder: a cold index (the
 * problems list, heads) never reads it, and holding its lists for every revision cost more memory
 * than the numbers saved in time. A node's lists often hold the same ids as another of its lists;
 * their numbers are then shared too.
 */
function buildIndex(map: RevisionMap): MapIndex {
  const nodes = map.nodes;
  const n = nodes.length;
  const pos = new Map<string, number>();
  for (let i = 0; i < n; i++) pos.set(nodes[i].id, i);
  const parents = new Array<number[]>(n);
  const children = new Array<number[]>(n);
  const allChildren = new Array<number[]>(n);
  const ndown = new Array<number[]>(n);
  const resolvedDeps = new Array<number[]>(n);
  for (let i = 0; i < n; i++) {
    const x = nodes[i];
    parents[i] = numbersOf(pos, x.parents);
    children[i] = numbersOf(pos, x.children);
    allChildren[i] = x.allChildren === x.children ? children[i] : numbersOf(pos, x.allChildren);
    ndown[i] = x.normalizedDown === x.parents ? parents[i] : numbersOf(pos, x.normalizedDown);
    resolvedDeps[i] = numbersOf(pos, x.resolvedDeps);
  }
  return assembleIndex(map, {
    pos,
    parents,
    children,
    allChildren,
    ndown,
    resolvedDeps,
    normDeps: normalizedDependencies(parents, children, resolvedDeps),
  });
}

/** The integer adjacency an index is made from (node numbers are positions in `map.nodes`). */
interface IndexParts {
  pos: Map<string, number>;
  parents: number[][];
  children: number[][];
  allChildren: number[][];
  ndown: number[][];
  resolvedDeps: number[][];
  /** normalizedDependencies(parents, children, resolvedDeps). */
  normDeps: number[][];
}

function assembleIndex(map: RevisionMap, parts: IndexParts): MapIndex {
  const { pos, parents, children, ndown, normDeps, resolvedDeps } = parts;
  const nodes = map.nodes;
  const n = nodes.length;
  const ids = new Array<string>(n);
  const labels = new Array<ReadonlySet<string>>(n);
  const rawDownLength = new Array<number>(n);
  const allDown = new Array<number[]>(n);
  // Nodes carrying the same labels share one set (read-only).
  const labelSets = new Map<readonly string[], ReadonlySet<string>>();
  for (let i = 0; i < n; i++) {
    const x = nodes[i];
    ids[i] = x.id;
    rawDownLength[i] = x.down.length;
    allDown[i] = resolvedDeps[i].length ? [...new Set([...parents[i], ...resolvedDeps[i]])] : parents[i];
    let set = NO_LABELS;
    if (x.labels.length > 0) {
      set = labelSets.get(x.labels) ?? NO_LABELS;
      if (set === NO_LABELS) labelSets.set(x.labels, (set = new Set(x.labels)));
    }
    labels[i] = set;
  }
  // Reverse of ndown; without dependencies these are the children lists again: shared rather than copied.
  const count = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const ps = ndown[r];
    for (let i = 0; i < ps.length; i++) count[ps[i]]++;
  }
  const nchildren = new Array<number[]>(n);
  for (let p = 0; p < n; p++) nchildren[p] = count[p] === 0 ? [] : new Array<number>(count[p]);
  const filled = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const ps = ndown[r];
    for (let i = 0; i < ps.length; i++) nchildren[ps[i]][filled[ps[i]]++] = r;
  }
  for (let r = 0; r < n; r++) if (sameNumbers(nchildren[r], children[r])) nchildren[r] = children[r];
  // Ids first, then the labels no id shadows: `pos` plus a small label map, rather than a copy of `pos`.
  // Without labels the keys are the ids: shared rather than copied (read-only).
  const labelTarget = new Map<string, number>();
  for (const [label, owner] of map.labelOwner) {
    const p = pos.get(owner);
    if (p !== undefined && !pos.has(label) && !labelTarget.has(label)) labelTarget.set(label, p);
  }
  const keys = labelTarget.size > 0 ? [...ids, ...labelTarget.keys()] : ids;
  const keyTarget: KeyLookup = labelTarget.size > 0 ? { get: (key) => pos.get(key) ?? labelTarget.get(key) } : pos;
  const toNums = (xs: readonly string[]): number[] => {
    const out: number[] = [];
    for (let i = 0; i < xs.length; i++) {
      const p = pos.get(xs[i]);
      if (p !== undefined) out.push(p);
    }
    return out;
  };
  return {
    map,
    n,
    ids,
    pos,
    parents,
    ndown,
    allDown,
    children,
    normDeps,
    allChildren: parts.allChildren,
    nchildren,
    labels,
    keys,
    keyTarget,
    heads: toNums(map.heads),
    realHeads: toNums(map.realHeads),
    bases: toNums(map.bases),
    rawDownLength,
    asymmetric: isAsymmetric(parents, children),
    cyclic: map.issues.some((i) => i.kind === 'cycle' || i.kind === 'dependency-cycle'),
    memo: new Map(),
  };
}

function sameNumbers(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Some child link has no matching parent link. */
function isAsymmetric(parents: number[][], children: number[][]): boolean {
  for (let p = 0; p < children.length; p++) {
    const cs = children[p];
    for (let i = 0; i < cs.length; i++) if (!parents[cs[i]].includes(p)) return true;
  }
  return false;
}

/** Nodes reachable from `starts` (included) along `adj`. */
export function reach(ix: MapIndex, starts: Iterable<number>, adj: number[][]): Uint8Array {
  const mark = new Uint8Array(ix.n);
  const stack = Array.isArray(starts) ? starts.slice() : [...starts];
  while (stack.length) {
    const x = stack.pop()!;
    if (mark[x]) continue;
    mark[x] = 1;
    const next = adj[x];
    for (let i = 0; i < next.length; i++) if (!mark[next[i]]) stack.push(next[i]);
  }
  return mark;
}

/** Members of a mark set, in key order. */
export function members(mark: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < mark.length; i++) if (mark[i]) out.push(i);
  return out;
}
