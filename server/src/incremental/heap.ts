// Once a workspace is indexed, the server's memory is the index itself (about 40 MB of live heap at
// 10k revisions) plus the garbage of each edit. An edit that changes the graph replaces the revision
// map, about 9 MB at 10k, which has already been promoted to the old generation; with V8's own
// heuristics the old generation then grows to several times the live size before it is collected
// (measured: 98 MB resident after the first index, 227 MB after 20 such edits). Letting the heap grow
// to at most twice what survived the last full collection keeps it near 130 MB, for a full
// collection (~12 ms at 10k) every few graph edits. Applied after the first index, so the cold index
// keeps the tuning in node/heap.ts.
import { setFlagsFromString } from 'node:v8';

let applied = false;

/** Process-wide and idempotent. */
export function keepHeapNearLiveSize(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--heap-growing-percent=100');
}
