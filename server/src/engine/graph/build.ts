// The revision map, as Alembic's RevisionMap._revision_map builds it (semantics doc §2). Never throws:
// what would make Alembic fail (missing references, loops, cycles, label clashes) becomes a GraphIssue and
// the offending edge is dropped, so every other answer can still be computed.
//
// Load order vs key order: Alembic keeps revisions in an ordered dict, so a duplicate id (later file
// wins) keeps the FIRST file's position. `nodes` follow that key order. The heads/bases bookkeeping is per
// loaded file, so the losing duplicate stays in `heads`/`realHeads` (and `bases` when it is one) at its
// own position, exactly as Alembic prints it; that is why `heads` may name an id that is not `isHead`.
//
// A cold index runs this once over thousands of revisions, mostly before V8 has optimised any of it:
// loops are index loops (for...of allocates an iterator, and a result per item, until then), the usual
// one-parent case takes no general path, and what only a rare map needs (duplicates, cycles, labels)
// is computed only when the map has some.
import type { GraphIssue, RevisionMap, RevisionNode } from '../types';
import type { RevisionColumns } from './columns';
import { detectCycles, missedCycles, type CycleGraph, type Start } from './cycles';
import { inheritLabels } from './labels';
import { normalizedDependencies } from './normalize';
import { sortedPython } from '../py-order';
import { computeHistory } from './history';
import { invert, NO_NUMS, sameItems, singleLists, union, unique, withDependents } from './lists';

/** Empty lists shared by every node that has nothing there; frozen so that a mistake throws. */
const NONE = Object.freeze([]) as unknown as string[];

/**
 * A node with its id and key, the rest filled in once the map is linked. Every field is there from
 * the start, in the order the type lists them (what JSON and copies show), holding a value of its kind.
 */
function blankNode(id: string, key: number): RevisionNode {
  return {
    id,
    file: '',
    location: '',
    relPath: '',
    down: NONE,
    dependsOn: NONE,
    branchLabels: NONE,
    doc: '',
    longdoc: '',
    loadIndex: key,
    parents: NONE,
    children: NONE,
    allChildren: NONE,
    resolvedDeps: NONE,
    normalizedDown: NONE,
    labels: NONE,
    isHead: false,
    isRealHead: false,
    isBase: false,
    isRealBase: false,
    isBranchPoint: false,
    isMergePoint: false,
  };
}

/**
 * `linked`, when given (one slot per input), receives what linking learnt of each input for the rules
 * (rules/plain.ts): 1 when its down_revision is one id that names another revision, 0 when it is not,
 * 2 for a losing duplicate (not linked as itself).
 */
export function buildMap(src: RevisionColumns, linked?: Uint8Array): RevisionMap {
  const { ids: inputIds, down, dependsOn, branchLabels } = src;
  const total = inputIds.length;
  const issues: GraphIssue[] = [];

  // Key order and duplicate winners: key k is the k-th distinct id, input i has key keyOfInput[i]. Each
  // key's node is made when the key is met, so `byId` (which the map keeps) serves as the key lookup
  // too: node.loadIndex is the key. The same pass notes the self references and the inputs declaring
  // labels (few), for after the keys.
  const byId = new Map<string, RevisionNode>();
  const nodes = new Array<RevisionNode>(total);
  const keyOfInput = new Int32Array(total);
  const winnerInput = new Int32Array(total); // key -> the input that wins it (the last one loaded)
  const keyIds = new Array<string>(total); // key -> its id
  let n = 0;
  let duplicated: Map<string, string[]> | null = null; // id -> its files, for ids declared twice or more
  let selfLoops: GraphIssue[] | null = null;
  const labelledInputs: number[] = [];
  // One Map operation per input: a new id grows byId. An id met before (rare) leaves its size as it
  // was; its first node is then put back, found through a key index made at the first such id.
  let keyIndex: Map<string, number> | null = null;
  for (let i = 0; i < total; i++) {
    const id = inputIds[i];
    const node = blankNode(id, n);
    const size = byId.size;
    byId.set(id, node);
    if (byId.size > size) {
      nodes[n] = node;
      keyOfInput[i] = n;
      keyIds[n] = id;
      keyIndex?.set(id, n);
      winnerInput[n++] = i;
    } else {
      if (keyIndex === null) {
        keyIndex = new Map();
        for (let k = 0; k < n; k++) keyIndex.set(keyIds[k], k);
      }
      const k = keyIndex.get(id)!;
      byId.set(id, nodes[k]);
      keyOfInput[i] = k;
      keyIds[k] = id;
      duplicated ??= new Map();
      const files = duplicated.get(id);
      if (files) files.push(src.fileOf(i));
      else duplicated.set(id, [src.fileOf(winnerInput[k]), src.fileOf(i)]);
      winnerInput[k] = i;
    }
    if (down[i].length > 0 && down[i].includes(id)) (selfLoops ??= []).push({ kind: 'self-loop', id });
    if (dependsOn[i].length > 0 && dependsOn[i].includes(id)) (selfLoops ??= []).push({ kind: 'dependency-self-loop', id });
    if (branchLabels[i].length > 0) labelledInputs.push(i);
  }
  if (n < total) keyIds.length = nodes.length = n;
  if (duplicated) {
    // In key order (the order ids were first met), as Alembic warns about them.
    for (let k = 0; k < n; k++) {
      const files = duplicated.get(keyIds[k]);
      if (files) issues.push({ kind: 'duplicate-id', id: keyIds[k], files });
    }
  }
  if (selfLoops) issues.push(...selfLoops);

  // Branch labels share one namespace with the ids; a clash is recorded and the first owner kept. Alembic
  // registers the labels of every loaded file, a losing duplicate's too.
  const labelOwner = new Map<string, string>();
  for (const i of labelledInputs) {
    const id = inputIds[i];
    for (const label of branchLabels[i]) {
      if (byId.has(label)) {
        issues.push({ kind: 'label-conflict', label, id, otherId: label, otherIsRevision: true });
      } else if (labelOwner.has(label)) {
        issues.push({ kind: 'label-conflict', label, id, otherId: labelOwner.get(label)!, otherIsRevision: false });
      } else {
        labelOwner.set(label, id);
      }
    }
  }

  // Edges to existing revisions only; self references dropped (recorded above). Missing ones are
  // reported into `sink` (none when null). A list built with push() has room for 17 items: the
  // builder keeps an exact copy (or a shared list) instead.
  const single = singleLists(n);
  const fit = (xs: number[]): number[] => (xs.length === 0 ? NO_NUMS : xs.length === 1 ? single(xs[0]) : xs.slice());
  const parentsOf = (i: number, sink: GraphIssue[] | null): number[] => {
    const ds = down[i];
    if (ds.length === 0) return NO_NUMS;
    const id = inputIds[i];
    if (ds.length === 1) {
      const d = ds[0];
      if (d === id) return NO_NUMS;
      const node = byId.get(d);
      if (node !== undefined) return single(node.loadIndex);
      if (sink) sink.push({ kind: 'missing-parent', id, parent: d });
      return NO_NUMS;
    }
    const out: number[] = [];
    for (let j = 0; j < ds.length; j++) {
      const d = ds[j];
      if (d === id) continue;
      const node = byId.get(d);
      if (node !== undefined) out.push(node.loadIndex);
      else if (sink) sink.push({ kind: 'missing-parent', id, parent: d });
    }
    return fit(out);
  };
  const depsOf = (i: number, sink: GraphIssue[] | null): number[] => {
    const ds = dependsOn[i];
    if (ds.length === 0) return NO_NUMS;
    const id = inputIds[i];
    const out: number[] = [];
    for (let j = 0; j < ds.length; j++) {
      const d = ds[j];
      if (d === id) continue;
      let node = byId.get(d);
      if (node === undefined) {
        const owner = labelOwner.get(d);
        if (owner !== undefined) node = byId.get(owner);
      }
      if (node !== undefined) out.push(node.loadIndex);
      else if (sink) sink.push({ kind: 'missing-dependency', id, dependency: d });
    }
    return fit(unique(out));
  };

  // Each revision's edges, and how many children each gets. Alembic meets every missing parent
  // before any missing dependency: those wait in their own list.
  const parents = new Array<number[]>(n);
  const resolvedDeps = new Array<number[]>(n);
  const allDown = new Array<number[]>(n);
  const childCount = new Int32Array(n);
  const missingDeps: GraphIssue[] = [];
  // For each node k, a list [id of k] some revision already holds: the down_revision of one of its
  // children that names it alone (see idsOf).
  const idList = new Array<string[] | undefined>(n);
  let hasDeps = false;
  for (let k = 0; k < n; k++) {
    const i = winnerInput[k];
    const ps = parentsOf(i, issues);
    const deps = depsOf(i, missingDeps);
    const linkedAlone = ps.length === 1 && down[i].length === 1;
    if (linkedAlone) idList[ps[0]] ??= down[i];
    if (linked) linked[i] = linkedAlone ? 1 : 0;
    parents[k] = ps;
    resolvedDeps[k] = deps;
    if (deps.length > 0) hasDeps = true;
    const distinct = unique(ps);
    allDown[k] = deps.length === 0 ? distinct : union(ps, deps);
    for (let j = 0; j < distinct.length; j++) childCount[distinct[j]]++;
  }
  if (missingDeps.length > 0) issues.push(...missingDeps);

  const children = invert(n, parents, childCount, single);
  // Without dependencies every allDown list is its parents list without repeats: the same lists.
  let allChildren = hasDeps ? withDependents(n, children, parents, resolvedDeps) : children;
  // A losing duplicate is reached again through its label entries: Alembic links its down_revision (and
  // resolves every file's depends_on), so its parents gain the id as a child. The id then means the winner.
  const staleLabelled: { labels: string[]; parents: number[] }[] = [];
  if (duplicated) {
    for (let i = 0; i < total; i++) {
      const k = keyOfInput[i];
      if (winnerInput[k] === i) continue;
      if (linked) linked[i] = 2;
      const isLabelled = branchLabels[i].length > 0;
      const ps = parentsOf(i, isLabelled ? issues : null);
      const ds = depsOf(i, issues);
      if (!isLabelled) continue;
      if (allChildren === children) allChildren = children.slice();
      staleLabelled.push({ labels: branchLabels[i], parents: down[i].length > 1 ? [] : ps });
      for (const p of unique(ps)) if (!children[p].includes(k)) children[p] = children[p].concat(k);
      for (const d of union(ps, ds)) if (!allChildren[d].includes(k)) allChildren[d] = allChildren[d].concat(k);
    }
  }
  if (allChildren !== children) {
    for (let r = 0; r < n; r++) if (allChildren[r] !== children[r] && sameItems(allChildren[r], children[r])) allChildren[r] = children[r];
  }

  // N(R): parents plus the normalised dependencies; without dependencies, allDown again.
  let normalizedDown = allDown;
  if (hasDeps) {
    const normDeps = normalizedDependencies(parents, children, resolvedDeps);
    normalizedDown = new Array<number[]>(n);
    for (let r = 0; r < n; r++) normalizedDown[r] = union(parents[r], normDeps[r]);
  }

  // Heads/bases bookkeeping per loaded file (see the header comment about duplicates). The same pass
  // starts a count of the revisions left above each one (Kahn's), to tell whether the map has a cycle:
  // a revision's allDown lists name it once per child counting dependents.
  const heads: string[] = [];
  const realHeads: string[] = [];
  const bases: string[] = [];
  const realBases: string[] = [];
  const pending = new Int32Array(n);
  const released = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < total; i++) {
    const k = keyOfInput[i];
    const id = inputIds[i];
    const winner = winnerInput[k] === i;
    if (!winner || children[k].length === 0) heads.push(id);
    if (!winner || allChildren[k].length === 0) realHeads.push(id);
    if (down[i].length === 0) {
      bases.push(id);
      if (dependsOn[i].length === 0) realBases.push(id);
    }
    if (winner && (pending[k] = allChildren[k].length) === 0) released[tail++] = k;
  }

  // Where Alembic's cycle check starts its walks: per loaded file, like the heads and bases above.
  const cycleStarts = (): Pick<CycleGraph, 'headStarts' | 'baseStarts' | 'realHeadStarts' | 'realBaseStarts'> => {
    const headStarts: Start[] = [];
    const baseStarts: Start[] = [];
    const realHeadStarts: Start[] = [];
    const realBaseStarts: Start[] = [];
    for (let i = 0; i < total; i++) {
      const k = keyOfInput[i];
      const winner = winnerInput[k] === i;
      const ps = winner ? parents[k] : parentsOf(i, null);
      const ds = winner ? resolvedDeps[k] : depsOf(i, null);
      if (!winner || children[k].length === 0) headStarts.push({ self: k, next: ps });
      if (!winner || allChildren[k].length === 0) realHeadStarts.push({ self: k, next: winner ? allDown[k] : union(ps, ds) });
      if (ps.length === 0) baseStarts.push({ self: k, next: winner ? children[k] : [] });
      if (ps.length === 0 && ds.length === 0) realBaseStarts.push({ self: k, next: winner ? allChildren[k] : [] });
    }
    return { headStarts, baseStarts, realHeadStarts, realBaseStarts };
  };
  // Without a losing duplicate's extra child links every child link mirrors a parent link, and then a
  // map without any cycle has every revision between a base and a head: Alembic's check and ours
  // (missedCycles) find nothing, and Kahn's count releasing every revision is all it takes to know.
  let acyclic = false;
  if (staleLabelled.length === 0) {
    for (let head = 0; head < tail; head++) {
      const xs = allDown[released[head]];
      for (let j = 0; j < xs.length; j++) if (--pending[xs[j]] === 0) released[tail++] = xs[j];
    }
    acyclic = tail === n;
  }
  if (!acyclic) {
    const cycleGraph: CycleGraph = { ids: keyIds, parents, children, allDown, allChildren, ...cycleStarts() };
    const cycle = detectCycles(cycleGraph);
    if (cycle) issues.push(cycle);
    else issues.push(...missedCycles(cycleGraph));
  }

  // Effective labels, only when some file declares one.
  let labels: (Set<string> | null)[] | null = null;
  if (labelledInputs.length > 0) {
    const labelledKeys: number[] = [];
    for (let k = 0; k < n; k++) if (branchLabels[winnerInput[k]].length > 0) labelledKeys.push(k);
    labels = inheritLabels({
      n,
      labelledKeys,
      declared: (k) => branchLabels[winnerInput[k]],
      parents,
      children,
      allChildren,
      rawDownLength: (k) => down[winnerInput[k]].length,
      extra: staleLabelled.map((st) => ({ labels: st.labels, from: st.parents.length > 0 ? st.parents[0] : -1 })),
    });
  }

  // Id lists: a node's lists often hold the same ids (parents = down, normalizedDown = parents,
  // allChildren = children), and then they share one array rather than copy it. Lists of one id are
  // shared between nodes too: along a line of revisions, [k] is both the children of k's parent and
  // the down_revision of k's child. The map's lists are read-only (the empty one is frozen).
  const idsOf = (xs: number[]): string[] => {
    if (xs.length === 0) return NONE;
    if (xs.length === 1) return (idList[xs[0]] ??= [keyIds[xs[0]]]);
    const out = new Array<string>(xs.length);
    for (let j = 0; j < xs.length; j++) out[j] = keyIds[xs[j]];
    return out;
  };
  const sortedLabels = new Map<Set<string>, string[]>(); // label sets are shared between nodes (labels.ts)
  const labelList = (set: Set<string> | null): string[] => {
    if (set === null) return NONE;
    let list = sortedLabels.get(set);
    if (!list) sortedLabels.set(set, (list = sortedPython(set)));
    return list;
  };
  const branchPoints: string[] = [];
  const mergePoints: string[] = [];
  for (let r = 0; r < n; r++) {
    const i = winnerInput[r];
    const id = keyIds[r];
    const written = down[i];
    const ps = parents[r];
    const cs = children[r];
    const parentIds = ps.length === written.length && ps.length > 0 ? written : idsOf(ps);
    const childIds = idsOf(cs);
    const node = nodes[r];
    node.id = id;
    node.down = written;
    node.dependsOn = dependsOn[i];
    node.branchLabels = branchLabels[i];
    node.parents = parentIds;
    node.children = childIds;
    node.allChildren = allChildren[r] === cs ? childIds : idsOf(allChildren[r]);
    node.resolvedDeps = idsOf(resolvedDeps[r]);
    node.normalizedDown = normalizedDown[r] === ps ? parentIds : idsOf(normalizedDown[r]);
    node.labels = labels === null ? NONE : labelList(labels[r]);
    node.isHead = cs.length === 0;
    node.isRealHead = allChildren[r].length === 0;
    node.isBase = written.length === 0;
    node.isRealBase = written.length === 0 && dependsOn[i].length === 0;
    node.isBranchPoint = cs.length > 1;
    node.isMergePoint = written.length > 1;
    src.describe(i, node);
    if (cs.length > 1) branchPoints.push(id);
    if (written.length > 1) mergePoints.push(id);
  }

  const map: RevisionMap = {
    nodes,
    byId,
    labelOwner,
    heads,
    realHeads,
    bases,
    realBases,
    branchPoints,
    mergePoints,
    history: [],
    issues: issues.length > 1 ? distinctIssues(issues) : issues,
  };
  setHistoryLazily(map);
  return map;
}

/** The same issue found twice (a losing duplicate repeating its winner's) is listed once. */
function distinctIssues(issues: GraphIssue[]): GraphIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = JSON.stringify(issue);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * `alembic history` order costs a topological sort of the whole map that most uses (heads, the
 * problems list) never read: it is computed on first access, then kept as a plain property. The
 * property stays enumerable, so copies, JSON and deep comparisons see the same value as before.
 */
function setHistoryLazily(map: RevisionMap): void {
  const settle = (value: string[]): string[] => {
    Object.defineProperty(map, 'history', { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(map, 'history', {
    get: () => settle(computeHistory(map)),
    set: settle,
    enumerable: true,
    configurable: true,
  });
}
