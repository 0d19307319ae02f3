// How V8's young generation may grow while indexing. A cold index allocates fast, and almost all of
// it dies within one file, but what a file leaves behind (its parse, its node) survives: every
// scavenge copies those survivors, so the fewer scavenges the less copying.
//
// Left to itself V8 lets each semi-space grow to 16 MB (32 MB resident). Measured on a cold index of
// 10k revisions (2-core machine): kept at its start the young generation takes 77 scavenges and
// ~80-90 ms of collection; let grow once the scan is done (doubling, V8's own factor), 26 and ~65 ms
// for 13 MB more peak RSS (84 MB); let grow to its maximum at once, 15 and ~45 ms for 29 MB more
// (100 MB). A one-shot index of a project that size takes the last. At 50k the growth costs more
// memory than it saves time (a 50k index peaks at ~141 MB kept small), so a large index keeps it
// small.
// Also measured, not applied: `--heap-growing-percent=20` (full collections once the old generation
// grows 20% past the last one's survivors) takes a further ~8 MB off but costs 15-40% more time.
import { setFlagsFromString } from 'node:v8';

/** From this many migration files up, an index keeps the young generation at its starting size. */
export const LARGE_INDEX_FILES = 20_000;

/** A `--semi-space-growth-factor` that takes the young generation from its start to V8's maximum at once. */
const GROW_AT_ONCE = 16;

/**
 * Keeps the young generation at its starting size from now on. Process-wide; V8 reads the flag
 * whenever it decides to grow the young generation, so it takes effect for what is allocated next
 * (a young generation that has grown does not shrink back). Call it at startup, before indexing.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * The policy for a one-shot index (the CLI, the benchmark): the process starts with the young
 * generation kept small (keepYoungGenerationSmall), because discovery and the scan of a large
 * project already allocate enough to grow it; told how many files the scan found, before any is
 * read, an index below LARGE_INDEX_FILES lets it grow, straight to V8's maximum.
 */
export function sizeHeapForIndex(fileCount: number): void {
  setFlagsFromString(`--semi-space-growth-factor=${fileCount >= LARGE_INDEX_FILES ? 1 : GROW_AT_ONCE}`);
}
