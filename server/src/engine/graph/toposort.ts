// Alembic's RevisionMap._topological_sort (semantics doc §4.3): a depth-first walk down N(R) edges from the
// start revisions (load order) that defers a node while another pending line still has it as an ancestor,
// switching to the first (lowest index) such line.
//
// Alembic keeps a full ancestor set per pending line, which is quadratic on wide maps. When the set to
// sort is convex (no path between two members leaves the set; true for every upgrade/downgrade set and
// the full history), "X is an ancestor of line j" is the same as "line j's node is reachable upward from X
// through members not yet emitted", and "some line has X as ancestor" is "X has a child not yet emitted".
// That gives the same order in near-linear time. Other sets (history ranges crossing dependency edges)
// and maps with a cycle use the literal algorithm, including its failures: `assert not todo`, and the endless
// loop Alembic enters when two pending lines are each other's ancestors (only possible on a cycle).
import type { MapIndex } from './mapindex';
import { reach } from './mapindex';

export interface SortResult {
  order: number[];
  /** Alembic's `assert not todo` would fail (some members were never reached). */
  incomplete: boolean;
  /** Alembic would loop forever (lenient mode emitted the stuck node instead). */
  endless: boolean;
}

function startLines(todo: Uint8Array, starts: readonly number[]): number[] {
  return [...new Set(starts.filter((s) => todo[s]))].sort((a, b) => a - b);
}

function isConvex(ix: MapIndex, todo: Uint8Array): boolean {
  // From every member, step down into non-members and keep going through non-members: reaching a member
  // again means a path leaves the set and comes back.
  const seen = new Uint8Array(ix.n);
  const stack: number[] = [];
  for (let x = 0; x < ix.n; x++) {
    if (!todo[x]) continue;
    for (const p of ix.ndown[x]) if (!todo[p] && !seen[p]) stack.push(p);
    while (stack.length) {
      const y = stack.pop()!;
      if (seen[y]) continue;
      seen[y] = 1;
      for (const p of ix.ndown[y]) {
        if (todo[p]) return false;
        if (!seen[p]) stack.push(p);
      }
    }
  }
  return true;
}

export function topologicalSort(ix: MapIndex, members: Uint8Array, starts: readonly number[]): SortResult {
  const todo = Uint8Array.from(members);
  return !ix.cyclic && isConvex(ix, todo) ? fastSort(ix, todo, starts) : literalSort(ix, todo, starts);
}

function fastSort(ix: MapIndex, todo: Uint8Array, starts: readonly number[]): SortResult {
  const pendingChildren = new Int32Array(ix.n);
  let remaining = 0;
  for (let x = 0; x < ix.n; x++) {
    if (!todo[x]) continue;
    remaining++;
    for (const p of ix.ndown[x]) if (todo[p]) pendingChildren[p]++;
  }
  const lines = startLines(todo, starts);
  const isLine = new Uint8Array(ix.n);
  for (const l of lines) isLine[l] = 1;
  const order: number[] = [];
  const upSeen = new Int32Array(ix.n);
  let stamp = 0;
  let idx = 0;
  let switches = 0;
  while (lines.length) {
    const cand = lines[idx];
    if (pendingChildren[cand] > 0 && switches <= lines.length) {
      // Find the first line whose node sits above cand (through members not yet emitted).
      stamp++;
      const stack = [cand];
      upSeen[cand] = stamp;
      while (stack.length) {
        const x = stack.pop()!;
        for (const c of ix.nchildren[x]) {
          if (todo[c] && upSeen[c] !== stamp) {
            upSeen[c] = stamp;
            stack.push(c);
          }
        }
      }
      const j = lines.findIndex((l, k) => k !== idx && upSeen[l] === stamp);
      if (j >= 0) {
        idx = j;
        switches++;
        continue;
      }
    }
    // Emit (a cycle, impossible in a loadable map, would end up here too rather than loop forever).
    switches = 0;
    todo[cand] = 0;
    remaining--;
    order.push(cand);
    for (const p of ix.ndown[cand]) if (todo[p]) pendingChildren[p]--;
    const add = ix.ndown[cand].filter((r) => todo[r] && !isLine[r]);
    isLine[cand] = 0;
    if (add.length === 0) {
      lines.splice(idx, 1);
      idx = Math.max(idx - 1, 0);
    } else {
      lines[idx] = add[0];
      for (let k = 1; k < add.length; k++) lines.push(add[k]);
      for (const a of add) isLine[a] = 1;
    }
  }
  return { order, incomplete: remaining > 0, endless: false };
}

function literalSort(ix: MapIndex, todo: Uint8Array, starts: readonly number[]): SortResult {
  const lines = startLines(todo, starts);
  const ancestors = lines.map((l) => reach(ix, [l], ix.ndown));
  const order: number[] = [];
  let idx = 0;
  let endless = false;
  // Switching never changes the state, so coming back to a line without emitting means Alembic never stops.
  let visited = new Set<number>();
  while (lines.length) {
    const cand = lines[idx];
    visited.add(idx);
    const j = ancestors.findIndex((a, k) => k !== idx && a[cand] === 1);
    if (j >= 0 && !visited.has(j)) {
      idx = j;
      continue;
    }
    if (j >= 0) endless = true;
    visited = new Set();
    if (todo[cand]) {
      order.push(cand);
      todo[cand] = 0;
    }
    const add = ix.ndown[cand].filter((r) => todo[r] && !lines.includes(r));
    if (add.length === 0) {
      lines.splice(idx, 1);
      ancestors.splice(idx, 1);
      idx = Math.max(idx - 1, 0);
    } else {
      lines[idx] = add[0];
      if (ix.normDeps[cand].length === 0 && ix.rawDownLength[cand] === 1) ancestors[idx][cand] = 0;
      else ancestors[idx] = reach(ix, [add[0]], ix.ndown);
      for (let k = 1; k < add.length; k++) {
        lines.push(add[k]);
        ancestors.push(reach(ix, [add[k]], ix.ndown));
      }
    }
  }
  return { order, incomplete: todo.some((t) => t === 1), endless };
}
