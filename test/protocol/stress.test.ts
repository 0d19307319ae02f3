// 10,000 random edits over the protocol (inserts, deletions, pastes of other files' text, garbage,
// every revision variable rewritten), sent in batches with a request between batches: the server
// keeps answering, logs no error, and its final diagnostics are exactly those of a fresh index of
// the final texts, computed here by the engine.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFs } from '../../server/src/node/nodeFs';
import type { GraphResult, ProjectsResult } from '../../server/src/protocol';
import { LspClient, removeDir } from '../helpers/lspClient';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { pick, randomEdit, randomRevisions, revId, seeded, writeProject } from '../server/incremental-edits';
import { freshDiagnostics, shownDiagnostics } from '../server/incremental-fresh';

const EDITS = 10_000;
const BATCH = 25;
const OPEN = 8;

const dir = mkdtempSync(join(tmpdir(), 'alembic-lsp-stress-'));
after(() => removeDir(dir));

test(`${EDITS.toLocaleString('en')} random edits: the server keeps answering, logs no error, and ends equal to a fresh index`, async () => {
  const rand = seeded(2024);
  const disk = writeProject(dir, projectFiles(randomRevisions(rand, 30)));
  const revisions = [...disk.keys()].filter((p) => p.endsWith('.py') && p.includes('/versions/'));
  const ids = Array.from({ length: 34 }, (_, i) => revId(i));
  const client = await LspClient.start({ folders: [dir], deadlineMs: 30000 });
  try {
    await client.waitForIndexCount(1);
    const buffers = new Map<string, string>();
    for (const path of revisions.slice(0, OPEN)) {
      buffers.set(path, disk.get(path)!);
      await client.open(path, disk.get(path)!);
    }
    for (let sent = 0; sent < EDITS; ) {
      for (let k = 0; k < BATCH; k++, sent++) {
        if (sent % 500 === 499) {
          // Now and then a buffer is closed (the disk counts again) and another opened with edited text.
          const closing = pick(rand, [...buffers.keys()]);
          buffers.delete(closing);
          await client.close(closing);
          const opening = pick(rand, revisions.filter((p) => !buffers.has(p)));
          const text = randomEdit(rand, disk.get(opening)!, [...buffers.values()], ids);
          buffers.set(opening, text);
          await client.open(opening, text);
          continue;
        }
        const path = pick(rand, [...buffers.keys()]);
        const text = randomEdit(rand, buffers.get(path)!, [...buffers.values(), ...disk.values()], ids);
        buffers.set(path, text);
        await client.change(path, text);
      }
      const answer = await client.request<ProjectsResult>('alembic/projects', {});
      assert.equal(answer.projects.length, 1, `the server answers during the storm (after ${sent} edits)`);
    }

    // A last edit the diagnostics can be recognised by: once it shows, every edit before it is in.
    const marker = [...buffers.keys()][0];
    const markerText = revisionText('stressmarker', null).replace('Revision ID: stressmarker', 'Revision ID: endofstorm');
    buffers.set(marker, markerText);
    await client.change(marker, markerText);
    await client.waitFor('the last edit', () => client.diagnosticsFor(marker).some((d) => typeof d.message === 'string' && d.message.includes('endofstorm')));
    // A request after the storm is answered; and everything the server sent before answering it has arrived.
    const final = await client.request<ProjectsResult>('alembic/projects', {});
    assert.equal(final.projects.length, 1);
    const graph = await client.request<GraphResult>('alembic/graph', { project: final.projects[0].id });
    assert.equal(graph.version, final.projects[0].version);
    assert.ok(graph.nodes.length > 0);

    const shown = shownDiagnostics(client.diagnostics);
    const want = freshDiagnostics(nodeFs, [dir], buffers);
    assert.deepStrictEqual([...shown.keys()].sort(), [...want.keys()].sort(), 'the files with diagnostics');
    for (const [uri, diagnostics] of want) assert.deepStrictEqual(shown.get(uri), diagnostics, `diagnostics of ${uri}`);
    assert.equal(client.proc.exitCode, null, 'the server is still running');
    assert.ok(client.indexed.length > EDITS / BATCH / 2, `the edits were applied in many small updates, not a few big ones (${client.indexed.length} updates)`);
    const errors = client.log.filter((line) => /failed|unhandled|exception|TypeError|RangeError|ReferenceError/i.test(line));
    assert.deepEqual(errors, [], 'the server logged no error');
  } finally {
    await client.stop();
  }
});
