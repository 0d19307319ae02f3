// Alembic's RevisionMap._detect_cycles. Membership rules:
//  1. no versioned head or no base: every id (load order);
//  2. else every id that is not both a versioned ancestor of a head and a versioned descendant of a base
//     (sorted; nodes merely reachable from a cycle are included);
//  3. the same over real heads/bases with dependency edges -> "Dependency cycle" (only when 1-2 found none,
//     because Alembic raises at the first).
// Edges to missing revisions were dropped by the caller; nodes left without any parent count as bases here
// so a dangling reference is not also reported as a cycle (Alembic stops at the KeyError before this).
import type { GraphIssue } from '../types';
import { sortedPython } from '../py-order';

/** A traversal start: the id it contributes and the nodes it leads to. */
export interface Start {
  self: number;
  next: readonly number[];
}

export interface CycleGraph {
  ids: string[];
  parents: number[][];
  children: number[][];
  allDown: number[][];
  allChildren: number[][];
  headStarts: Start[];
  baseStarts: Start[];
  realHeadStarts: Start[];
  realBaseStarts: Start[];
}

function reach(starts: Start[], adj: number[][], n: number): Uint8Array {
  const mark = new Uint8Array(n);
  const stack: number[] = [];
  for (let s = 0; s < starts.length; s++) {
    mark[starts[s].self] = 1;
    const next = starts[s].next;
    for (let i = 0; i < next.length; i++) stack.push(next[i]);
  }
  while (stack.length) {
    const x = stack.pop()!;
    if (mark[x] === 2) continue;
    mark[x] = 2;
    const next = adj[x];
    for (let i = 0; i < next.length; i++) if (mark[next[i]] !== 2) stack.push(next[i]);
  }
  return mark;
}

function outside(g: CycleGraph, heads: Start[], bases: Start[], down: number[][], up: number[][]): string[] | null {
  const n = g.ids.length;
  if (heads.length === 0 || bases.length === 0) return [...g.ids];
  const a = reach(heads, down, n);
  const b = reach(bases, up, n);
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (!(a[i] && b[i])) out.push(g.ids[i]);
  return out.length ? sortedPython(out) : null;
}

export function detectCycles(g: CycleGraph): GraphIssue | null {
  if (g.ids.length === 0) return null;
  const versioned = outside(g, g.headStarts, g.baseStarts, g.parents, g.children);
  if (versioned) return { kind: 'cycle', ids: versioned };
  const withDeps = outside(g, g.realHeadStarts, g.realBaseStarts, g.allDown, g.allChildren);
  if (withDeps) return { kind: 'dependency-cycle', ids: withDeps };
  return null;
}

/** Strongly connected components that form a cycle (size > 1, or a node pointing at itself). Iterative Tarjan. */
export function cyclicComponents(adj: number[][]): number[][] {
  const n = adj.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      if (i < adj[v].length) {
        top[1]++;
        const w = adj[v][i];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, 0]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const u = work[work.length - 1][0];
        low[u] = Math.min(low[u], low[v]);
      }
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1 || adj[v].includes(v)) out.push(comp.sort((a, b) => a - b));
      }
    }
  }
  return out;
}

/** True when `adj` has no cycle (Kahn's count: every node gets released). */
function isAcyclic(adj: number[][]): boolean {
  const n = adj.length;
  const pending = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const xs = adj[r];
    for (let i = 0; i < xs.length; i++) pending[xs[i]]++;
  }
  const queue = new Int32Array(n);
  let tail = 0;
  for (let r = 0; r < n; r++) if (pending[r] === 0) queue[tail++] = r;
  for (let head = 0; head < tail; head++) {
    const xs = adj[queue[head]];
    for (let i = 0; i < xs.length; i++) if (--pending[xs[i]] === 0) queue[tail++] = xs[i];
  }
  return tail === n;
}

/** Cycles Alembic's check lets through: versioned ones first, then those needing a dependency edge. */
export function missedCycles(g: CycleGraph): GraphIssue[] {
  // The usual map has no cycle at all: one cheap pass over all the edges (versioned ones are a subset)
  // says so, and the component search is skipped.
  if (isAcyclic(g.allDown)) return [];
  const issues: GraphIssue[] = [];
  const covered = new Set<number>();
  for (const comp of cyclicComponents(g.parents)) {
    comp.forEach((x) => covered.add(x));
    issues.push({ kind: 'cycle', ids: sortedPython(comp.map((x) => g.ids[x])), missedByAlembic: true });
  }
  for (const comp of cyclicComponents(g.allDown)) {
    if (comp.every((x) => covered.has(x))) continue;
    issues.push({ kind: 'dependency-cycle', ids: sortedPython(comp.map((x) => g.ids[x])), missedByAlembic: true });
  }
  return issues;
}
