// How V8's young generation may grow while indexing. A cold index allocates fast, and almost all of
// it dies within one file, but what a file leaves behind (its parse, its node) survives: every
// scavenge copies those survivors, so the fewer scavenges the less copying.
//
// Left to itself V8 lets each semi-space grow to 16 MB (32 MB resident). Measured on a cold index of
// 10k revisions (2-core machine; trimmed means of 20 interleaved runs, the machine's speed drifts):
//   kept at its start throughout        77 scavenges, ~85 ms collecting, 763 ms, 71 MB peak RSS
//   let grow once the scan is done      26 scavenges, ~65 ms collecting, 713 ms, 84 MB
//   ...straight to its maximum          15 scavenges, ~45 ms collecting, 731 ms, 100 MB
//   V8's own policy from the start      14 scavenges, ~35 ms collecting, 685 ms, 85 MB
// A bigger young generation collects less often but spreads the allocation over more memory than the
// caches hold, so less collecting is not all gained. V8's own policy from the start is not open to
// us: the CLI learns a project's size only from its scan, and discovery and the scan of a 50k
// project grow the young generation far enough to peak at ~167 MB (~141 MB kept small). So: small
// until the scan, then V8's own growth below LARGE_INDEX_FILES.
//
// What survives a scavenge is mostly what the files leave behind, about 45% of the young generation
// each time. V8 moves a page to the old generation whole, instead of copying its objects one by one,
// when 70% of it survives; at 40% most pages qualify. Measured: collection time at 10k ~63 -> ~51 ms,
// at 50k ~510 -> ~440 ms, peak RSS unchanged (the dead objects on a promoted page wait for the next
// full collection, which an index makes soon anyway).
// Also measured, not applied: `--heap-growing-percent=20` (full collections once the old generation
// grows 20% past the last one's survivors) takes a further ~8 MB off but costs 15-40% more time.
import { setFlagsFromString } from 'node:v8';

/** From this many migration files up, an index keeps the young generation at its starting size. */
export const LARGE_INDEX_FILES = 20_000;

/** V8's own `--semi-space-growth-factor`. */
const V8_GROWTH_FACTOR = 2;

/** Survival share (percent) from which a young page is promoted whole (V8's own: 70). */
const PAGE_PROMOTION_PERCENT = 40;

/**
 * For a process about to index: keeps the young generation at its starting size from now on, and
 * promotes mostly-surviving pages whole. Process-wide; V8 reads both flags whenever it decides, so
 * they take effect for what is allocated next (a young generation that has grown does not shrink
 * back). Call it at startup, before indexing.
 */
export function tuneHeapForIndexing(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString(`--page-promotion-threshold=${PAGE_PROMOTION_PERCENT}`);
}

/**
 * The policy for a one-shot index (the CLI, the benchmark): the process starts with the young
 * generation kept small (tuneHeapForIndexing), because discovery and the scan of a large
 * project already allocate enough to grow it; told how many files the scan found, before any is
 * read, an index below LARGE_INDEX_FILES gets V8's own growth back.
 */
export function sizeHeapForIndex(fileCount: number): void {
  setFlagsFromString(`--semi-space-growth-factor=${fileCount >= LARGE_INDEX_FILES ? 1 : V8_GROWTH_FACTOR}`);
}
