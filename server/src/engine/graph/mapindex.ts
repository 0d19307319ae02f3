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

/** The integer adjacency an index is made from (node numbers are positions in `map.nodes`). */
export interface IndexParts {
  pos: Map<string, number>;
  parents: number[][];
  children: number[][];
  allChildren: number[][];
  ndown: number[][];
  resolvedDeps: number[][];
  /** normalizedDependencies(parents, children, resolvedDeps). */
  normDeps: number[][];
}

/**
 * buildRevisionMap has these lists as numbers already: handing them over spares deriving them again
 * from the id lists (the same content, so the index is the one indexOf would build).
 */
export function primeIndex(map: RevisionMap, parts: IndexParts): void {
  cache.set(map, assembleIndex(map, parts));
}

export function indexOf(map: RevisionMap): MapIndex {
  let ix = cache.get(map);
  if (!ix) {
    ix = buildIndex(map);
    cache.set(map, ix);
  }
  return ix;
}

function buildIndex(map: RevisionMap): MapIndex {
  const pos = new Map<string, number>();
  map.nodes.forEach((x, i) => pos.set(x.id, i));
  const toNums = (xs: readonly string[]) => {
    const out: number[] = [];
    for (const x of xs) {
      const p = pos.get(x);
      if (p !== undefined) out.push(p);
    }
    return out;
  };
  const parents = map.nodes.map((x) => toNums(x.parents));
  const children = map.nodes.map((x) => toNums(x.children));
  const resolvedDeps = map.nodes.map((x) => toNums(x.resolvedDeps));
  return assembleIndex(map, {
    pos,
    parents,
    children,
    allChildren: map.nodes.map((x) => toNums(x.allChildren)),
    ndown: map.nodes.map((x) => toNums(x.normalizedDown)),
    resolvedDeps,
    normDeps: normalizedDependencies(parents, children, resolvedDeps),
  });
}

function assembleIndex(map: RevisionMap, parts: IndexParts): MapIndex {
  const { pos, parents, children, ndown, normDeps } = parts;
  const ids = map.nodes.map((x) => x.id);
  const toNums = (xs: readonly string[]) => {
    const out: number[] = [];
    for (const x of xs) {
      const p = pos.get(x);
      if (p !== undefined) out.push(p);
    }
    return out;
  };
  const allDown = parts.resolvedDeps.map((deps, i) => (deps.length ? [...new Set([...parents[i], ...deps])] : parents[i]));
  const nchildren: number[][] = ids.map(() => []);
  ndown.forEach((ps, r) => {
    for (const p of ps) nchildren[p].push(r);
  });
  // Without dependencies these are the children lists again: share them rather than keep copies.
  for (let r = 0; r < nchildren.length; r++) {
    const same = nchildren[r].length === children[r].length && nchildren[r].every((c, i) => c === children[r][i]);
    nchildren[r] = same ? children[r] : nchildren[r].slice();
  }
  // Nodes carrying the same labels share one set (read-only).
  const labelSets = new Map<readonly string[], ReadonlySet<string>>();
  const labelSet = (labels: readonly string[]): ReadonlySet<string> => {
    if (labels.length === 0) return NO_LABELS;
    let set = labelSets.get(labels);
    if (!set) labelSets.set(labels, (set = new Set(labels)));
    return set;
  };
  // Ids first, then the labels no id shadows: `pos` plus a small label map, rather than a copy of `pos`.
  // Without labels the keys are the ids: shared rather than copied (read-only).
  const labelTarget = new Map<string, number>();
  for (const [label, owner] of map.labelOwner) {
    const p = pos.get(owner);
    if (p !== undefined && !pos.has(label) && !labelTarget.has(label)) labelTarget.set(label, p);
  }
  const keys = labelTarget.size > 0 ? [...ids, ...labelTarget.keys()] : ids;
  const keyTarget: KeyLookup = labelTarget.size > 0 ? { get: (key) => pos.get(key) ?? labelTarget.get(key) } : pos;
  return {
    map,
    n: ids.length,
    ids,
    pos,
    parents,
    ndown,
    allDown,
    children,
    normDeps,
    allChildren: parts.allChildren,
    nchildren,
    labels: map.nodes.map((x) => labelSet(x.labels)),
    keys,
    keyTarget,
    heads: toNums(map.heads),
    realHeads: toNums(map.realHeads),
    bases: toNums(map.bases),
    rawDownLength: map.nodes.map((x) => x.down.length),
    asymmetric: children.some((cs, p) => cs.some((c) => !parents[c].includes(p))),
    cyclic: map.issues.some((i) => i.kind === 'cycle' || i.kind === 'dependency-cycle'),
    memo: new Map(),
  };
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
