// How V8's young generation may grow while indexing. A cold index allocates fast, and almost all of
// it dies within one file, but what a file leaves behind (its parse, its node) survives: every
// scavenge copies those survivors, so the fewer scavenges the less copying.
//
// Left to itself V8 lets each semi-space grow to 16 MB (32 MB resident). Measured at 10k revisions
// (2-core machine): 14 scavenges and ~35 ms of collection, against 77 and ~80-90 ms with the young
// generation kept at its 1 MB start, for about 14 MB more peak RSS. At 50k the growth costs more
// memory than it saves time (184 -> 171 MB peak RSS kept small, measured before the later memory
// work), so a large index keeps it small.
// Also measured, not applied: `--heap-growing-percent=20` (full collections once the old generation
// grows 20% past the last one's survivors) takes a further ~8 MB off but costs 15-40% more time.
import { setFlagsFromString } from 'node:v8';

/** From this many migration files up, an index keeps the young generation at its starting size. */
export const LARGE_INDEX_FILES = 20_000;

/** V8's own `--semi-space-growth-factor`. */
const V8_GROWTH_FACTOR = 2;

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
 * read, an index below LARGE_INDEX_FILES gets V8's own growth back.
 */
export function sizeHeapForIndex(fileCount: number): void {
  setFlagsFromString(`--semi-space-growth-factor=${fileCount >= LARGE_INDEX_FILES ? 1 : V8_GROWTH_FACTOR}`);
}
