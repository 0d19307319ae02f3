// The CLI's heap policy (server/src/node/heap.ts), observed in child processes (V8 flags are
// process-wide): while kept small the young generation stays at its start, whatever survives; a
// small index lets it grow as V8 would; a large one keeps it small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const heapModule = fileURLToPath(new URL('../../server/src/node/heap.ts', import.meta.url));

/** The new space's size (MB) after allocating like an index: many small objects, a third of them kept. */
function newSpaceAfterIndexing(policy: string): number {
  const script = `
    const heap = require(${JSON.stringify(heapModule)});
    const { getHeapSpaceStatistics } = require('node:v8');
    ${policy}
    const kept = [];
    for (let i = 0; i < 600000; i++) {
      const o = { id: 'r' + i, parents: [i - 1], span: { line: i, character: 0 } };
      if (i % 3 === 0) kept.push(o);
    }
    const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(space.space_size / 1048576) + ' ' + kept.length);
  `;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return Number(r.stdout.split(' ')[0]);
}

test('kept small, the young generation does not grow while indexing', () => {
  const small = newSpaceAfterIndexing('heap.tuneHeapForIndexing();');
  const grown = newSpaceAfterIndexing('');
  assert.ok(grown > small, `V8's own policy grows it (${grown} MB), kept small it stays at ${small} MB`);
});

test('a small index gets V8 growth back; a large one keeps the young generation small', () => {
  const small = newSpaceAfterIndexing('heap.tuneHeapForIndexing();');
  const smallIndex = newSpaceAfterIndexing('heap.tuneHeapForIndexing(); heap.sizeHeapForIndex(10000);');
  const largeIndex = newSpaceAfterIndexing('heap.tuneHeapForIndexing(); heap.sizeHeapForIndex(heap.LARGE_INDEX_FILES);');
  assert.ok(smallIndex > small, `10k files: ${smallIndex} MB, more than ${small} MB`);
  assert.equal(largeIndex, small);
});
