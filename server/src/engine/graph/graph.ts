// The revision map, as Alembic's RevisionMap._revision_map builds it (semantics doc §2). Never throws:
// what would make Alembic fail (missing references, loops, cycles, label clashes) becomes a GraphIssue and
// the offending edge is dropped, so every other answer can still be computed.
//
// Load order vs key order: Alembic keeps revisions in an ordered dict, so a duplicate id (later file
// wins) keeps the FIRST file's position. `nodes` follow that key order. The heads/bases bookkeeping is per
// loaded file, so the losing duplicate stays in `heads`/`realHeads` (and `bases` when it is one) at its
// own position, exactly as Alembic prints it; that is why `heads` may name an id that is not `isHead`.
import type { GraphIssue, RevisionInput, RevisionMap, RevisionNode } from '../types';
import { detectCycles, missedCycles, type Start } from './cycles';
import { inheritLabels } from './labels';
import { normalizedDependencies } from './normalize';
import { sortedPython } from '../py-order';
import { computeHistory } from './history';
import { primeIndex } from './mapindex';

/**
 * The distinct items in first-seen order: `xs` itself when it has no repeat (nearly always), so the
 * thousands of one- or two-item lists a map holds are not copied. Callers never mutate the result.
 */
function unique<T>(xs: T[]): T[] {
  if (xs.length < 2 || (xs.length === 2 && xs[0] !== xs[1])) return xs;
  const set = new Set(xs);
  return set.size === xs.length ? xs : [...set];
}

/** `a` then `b`, without repeats. */
function union<T>(a: T[], b: T[]): T[] {
  return b.length === 0 ? unique(a) : unique(a.concat(b));
}

/** Empty lists shared by every node that has nothing there; frozen so that a mistake throws. */
const NONE = Object.freeze([]) as unknown as string[];
const NO_NUMS = Object.freeze([]) as unknown as number[];

/**
 * A list built with push() has room for 17 items; the map keeps one or two per node, so keep an
 * exact copy instead (or the shared empty list).
 */
function fit(xs: number[]): number[] {
  return xs.length === 0 ? NO_NUMS : xs.slice();
}

/**
 * For each node, the nodes whose list names it, in node order (children from parents). Counted first
 * and filled into lists of exact size: growing 50k lists by push() made more garbage than the map keeps.
 */
function invert(n: number, lists: number[][], distinct: boolean): number[][] {
  // Index loops: run once per map, these would not be optimised before most of the work is done, and
  // for...of then allocates an iterator result per item.
  const count = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const ps = distinct ? unique(lists[r]) : lists[r];
    for (let i = 0; i < ps.length; i++) count[ps[i]]++;
  }
  const out: number[][] = new Array<number[]>(n);
  for (let p = 0; p < n; p++) out[p] = count[p] === 0 ? NO_NUMS : new Array<number>(count[p]);
  const filled = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const ps = distinct ? unique(lists[r]) : lists[r];
    for (let i = 0; i < ps.length; i++) out[ps[i]][filled[ps[i]]++] = r;
  }
  return out;
}

export function buildRevisionMap(inputs: RevisionInput[]): RevisionMap {
  const issues: GraphIssue[] = [];

  // Key order and duplicate winners.
  const keyOf = new Map<string, number>();
  const winnerInput: number[] = []; // key -> index in inputs
  let duplicated: Map<string, string[]> | null = null; // id -> its files, for ids declared twice or more
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const k = keyOf.get(input.id);
    if (k === undefined) {
      keyOf.set(input.id, winnerInput.length);
      winnerInput.push(i);
      continue;
    }
    duplicated ??= new Map();
    const files = duplicated.get(input.id);
    if (files) files.push(input.file);
    else duplicated.set(input.id, [inputs[winnerInput[k]].file, input.file]);
    winnerInput[k] = i;
  }
  if (duplicated) {
    // In key order (the order ids were first met), as Alembic warns about them.
    for (const i of winnerInput) {
      const files = duplicated.get(inputs[i].id);
      if (files) issues.push({ kind: 'duplicate-id', id: inputs[i].id, files });
    }
  }

  for (const input of inputs) {
    if (input.down.includes(input.id)) issues.push({ kind: 'self-loop', id: input.id });
    if (input.dependsOn.includes(input.id)) issues.push({ kind: 'dependency-self-loop', id: input.id });
  }

  const winners = winnerInput.map((i) => inputs[i]);
  const n = winners.length;
  const ids = winners.map((w) => w.id);

  // Branch labels share one namespace with the ids; a clash is recorded and the first owner kept. Alembic
  // registers the labels of every loaded file, a losing duplicate's too.
  const labelOwner = new Map<string, string>();
  for (const w of inputs) {
    for (const label of w.branchLabels) {
      if (keyOf.has(label)) {
        issues.push({ kind: 'label-conflict', label, id: w.id, otherId: label, otherIsRevision: true });
      } else if (labelOwner.has(label)) {
        issues.push({ kind: 'label-conflict', label, id: w.id, otherId: labelOwner.get(label)!, otherIsRevision: false });
      } else {
        labelOwner.set(label, w.id);
      }
    }
  }
  const lookup = (key: string): number | undefined => {
    const k = keyOf.get(key);
    if (k !== undefined) return k;
    const owner = labelOwner.get(key);
    return owner === undefined ? undefined : keyOf.get(owner);
  };

  // Edges to existing revisions only; self references dropped (recorded above).
  const existingParents = (input: RevisionInput, record: boolean): number[] => {
    const out: number[] = [];
    for (const d of input.down) {
      if (d === input.id) continue;
      const k = keyOf.get(d);
      if (k !== undefined) out.push(k);
      else if (record) issues.push({ kind: 'missing-parent', id: input.id, parent: d });
    }
    return fit(out);
  };
  const existingDeps = (input: RevisionInput, record: boolean): number[] => {
    const out: number[] = [];
    for (const d of input.dependsOn) {
      if (d === input.id) continue;
      const k = lookup(d);
      if (k !== undefined) out.push(k);
      else if (record) issues.push({ kind: 'missing-dependency', id: input.id, dependency: d });
    }
    return fit(unique(out));
  };
  const parents = winners.map((w) => existingParents(w, true));
  const resolvedDeps = winners.map((w) => existingDeps(w, true));
  const allDown = parents.map((p, r) => union(p, resolvedDeps[r]));

  const children = invert(n, parents, true);
  const allChildren = invert(n, allDown, false);
  // A losing duplicate is reached again through its label entries: Alembic links its down_revision (and
  // resolves every file's depends_on), so its parents gain the id as a child. The id then means the winner.
  const staleLabelled: { labels: string[]; parents: number[] }[] = [];
  inputs.forEach((input, i) => {
    const k = keyOf.get(input.id)!;
    if (winnerInput[k] === i) return;
    const labelled = input.branchLabels.length > 0;
    const ps = existingParents(input, labelled);
    const ds = existingDeps(input, true);
    if (!labelled) return;
    staleLabelled.push({ labels: input.branchLabels, parents: input.down.length > 1 ? [] : ps });
    for (const p of unique(ps)) if (!children[p].includes(k)) children[p] = children[p].concat(k);
    for (const d of union(ps, ds)) if (!allChildren[d].includes(k)) allChildren[d] = allChildren[d].concat(k);
  });

  for (let r = 0; r < n; r++) if (sameItems(allChildren[r], children[r])) allChildren[r] = children[r];

  const normDeps = normalizedDependencies(parents, children, resolvedDeps);
  const normalizedDown = parents.map((p, r) => union(p, normDeps[r]));

  // Heads/bases bookkeeping per loaded file (see the header comment about duplicates).
  const heads: string[] = [];
  const realHeads: string[] = [];
  const bases: string[] = [];
  const realBases: string[] = [];
  const headStarts: Start[] = [];
  const baseStarts: Start[] = [];
  const realHeadStarts: Start[] = [];
  const realBaseStarts: Start[] = [];
  inputs.forEach((input, i) => {
    const k = keyOf.get(input.id)!;
    const winner = winnerInput[k] === i;
    const ps = winner ? parents[k] : existingParents(input, false);
    const ds = winner ? resolvedDeps[k] : existingDeps(input, false);
    if (!winner || children[k].length === 0) {
      heads.push(input.id);
      headStarts.push({ self: k, next: ps });
    }
    if (!winner || allChildren[k].length === 0) {
      realHeads.push(input.id);
      realHeadStarts.push({ self: k, next: winner ? allDown[k] : union(ps, ds) });
    }
    if (input.down.length === 0) bases.push(input.id);
    if (input.down.length === 0 && input.dependsOn.length === 0) realBases.push(input.id);
    if (ps.length === 0) baseStarts.push({ self: k, next: winner ? children[k] : [] });
    if (ps.length === 0 && ds.length === 0) realBaseStarts.push({ self: k, next: winner ? allChildren[k] : [] });
  });

  const cycleGraph = { ids, parents, children, allDown, allChildren, headStarts, baseStarts, realHeadStarts, realBaseStarts };
  const cycle = detectCycles(cycleGraph);
  if (cycle) issues.push(cycle);
  else issues.push(...missedCycles(cycleGraph));

  const labels = inheritLabels({
    declared: winners.map((w) => w.branchLabels),
    parents,
    children,
    allChildCount: allChildren.map((c) => c.length),
    rawDownLength: winners.map((w) => w.down.length),
    extra: staleLabelled.map((st) => ({ labels: st.labels, from: st.parents[0] ?? -1 })),
  });

  // Id lists: a node's lists often hold the same ids (parents = down, normalizedDown = parents,
  // allChildren = children), and then they share one array rather than copy it.
  const idsOf = (xs: number[]): string[] => (xs.length === 0 ? NONE : xs.map((x) => ids[x]));
  const sortedLabels = new Map<Set<string>, string[]>(); // label sets are shared between nodes (labels.ts)
  const labelList = (set: Set<string> | null): string[] => {
    if (set === null) return NONE;
    let list = sortedLabels.get(set);
    if (!list) sortedLabels.set(set, (list = sortedPython(set)));
    return list;
  };
  const nodes: RevisionNode[] = winners.map((w, r) => {
    const parentIds = parents[r].length === w.down.length && parents[r].length > 0 ? w.down : idsOf(parents[r]);
    const childIds = idsOf(children[r]);
    return {
      id: w.id,
      file: w.file,
      location: w.location,
      relPath: w.relPath,
      down: w.down,
      dependsOn: w.dependsOn,
      branchLabels: w.branchLabels,
      doc: w.doc,
      longdoc: w.longdoc,
      loadIndex: r,
      parents: parentIds,
      children: childIds,
      allChildren: sameItems(allChildren[r], children[r]) ? childIds : idsOf(allChildren[r]),
      resolvedDeps: idsOf(resolvedDeps[r]),
      normalizedDown: normalizedDown[r] === parents[r] ? parentIds : idsOf(normalizedDown[r]),
      labels: labelList(labels[r]),
      isHead: children[r].length === 0,
      isRealHead: allChildren[r].length === 0,
      isBase: w.down.length === 0,
      isRealBase: w.down.length === 0 && w.dependsOn.length === 0,
      isBranchPoint: children[r].length > 1,
      isMergePoint: w.down.length > 1,
    };
  });

  const seenIssues = new Set<string>();
  const uniqueIssues = issues.filter((issue) => {
    const key = JSON.stringify(issue);
    if (seenIssues.has(key)) return false;
    seenIssues.add(key);
    return true;
  });
  const map: RevisionMap = {
    nodes,
    byId: mapById(nodes),
    labelOwner,
    heads,
    realHeads,
    bases,
    realBases,
    branchPoints: nodes.filter((x) => x.isBranchPoint).map((x) => x.id),
    mergePoints: nodes.filter((x) => x.isMergePoint).map((x) => x.id),
    history: [],
    issues: uniqueIssues,
  };
  primeIndex(map, { pos: keyOf, parents, children, allChildren, ndown: normalizedDown, resolvedDeps, normDeps });
  setHistoryLazily(map);
  return map;
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

function sameItems(a: number[], b: number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function mapById(nodes: RevisionNode[]): Map<string, RevisionNode> {
  const byId = new Map<string, RevisionNode>();
  for (const node of nodes) byId.set(node.id, node);
  return byId;
}
