// The built server over stdio, on copies of the fixture projects: diagnostics with codes, exact
// ranges and related information, the custom requests and notifications, edits and file events.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { copyFixtures, LspClient, removeDir, uriOf } from '../helpers/lspClient';
import type { GraphResult, ProjectsResult } from '../../server/src/protocol';

const dir = copyFixtures('multiple-heads', 'missing-parent', 'duplicate-id', 'linear');
after(() => removeDir(dir));

const versions = (project: string) => join(dir, project, 'migrations/versions');

test('first index: one didIndex per project, diagnostics with code, source, exact range and related heads', async () => {
  const client = await LspClient.start({ folders: [dir] });
  try {
    await client.waitForIndexCount(4);
    const a2 = join(versions('multiple-heads'), 'a2a2a2a2a2a2_app_two.py');
    await client.waitFor('diagnostics on a2', () => client.diagnosticsFor(a2).length > 0);
    const [d] = client.diagnosticsFor(a2);
    assert.equal(d.source, 'alembic');
    assert.equal(d.code, 'multiple-heads');
    assert.equal(d.severity, 1);
    const line = readFileSync(a2, 'utf8').split('\n')[d.range.start.line];
    assert.equal(line.slice(d.range.start.character, d.range.end.character), "'a2a2a2a2a2a2'", 'the range is the id literal itself');
    const related = d.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri, uriOf(join(versions('multiple-heads'), 'e2e2e2e2e2e2_other_two.py')));

    const projects = await client.request<ProjectsResult>('alembic/projects', {});
    assert.equal(projects.projects.length, 4);
    const mh = projects.projects.find((p) => p.root === join(dir, 'multiple-heads'))!;
    assert.deepEqual([mh.revisionCount, mh.headCount], [4, 2]);
    assert.equal(mh.configFile, join(dir, 'multiple-heads', 'alembic.ini'));
    const graph = await client.request<GraphResult>('alembic/graph', { project: mh.id });
    assert.deepEqual(graph.heads.sort(), ['a2a2a2a2a2a2', 'e2e2e2e2e2e2']);
    assert.equal(graph.nodes.length, 4);
    assert.ok(graph.edges.some((e) => e.from === 'a2a2a2a2a2a2' && e.to === 'a1a1a1a1a1a1' && e.kind === 'parent'));
    assert.ok(graph.problems.some((p) => p.code === 'multiple-heads'));

    // Problems of a config file sit on the config file (this template's inline-comment gotcha).
    const ini = client.diagnosticsFor(join(dir, 'linear', 'alembic.ini'));
    assert.deepEqual(ini.map((d) => d.code), ['invalid-path-separator']);
    assert.equal(ini[0].range.start.line, 51);
  } finally {
    await client.stop();
  }
});

test('an edit re-validates from the buffer; closing the buffer goes back to the disk', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'multiple-heads')] });
  try {
    await client.waitForIndexCount(1);
    const e1 = join(versions('multiple-heads'), 'e1e1e1e1e1e1_other_root.py');
    const a2 = join(versions('multiple-heads'), 'a2a2a2a2a2a2_app_two.py');
    const text = readFileSync(e1, 'utf8');
    await client.nextIndex(() => client.open(e1, text));
    // Re-point e1 onto a2: one line of history, no more heads problem anywhere.
    const repointed = text.replace(/^down_revision = None/m, "down_revision = 'a2a2a2a2a2a2'");
    assert.notEqual(repointed, text);
    const info = await client.nextIndex(() => client.change(e1, repointed));
    assert.equal(info.headCount, 1);
    await client.waitFor('a2 diagnostics cleared', () => client.diagnosticsFor(a2).length === 0);
    // A typo in the parent: a broken link on the exact literal.
    await client.nextIndex(() => client.change(e1, text.replace(/^down_revision = None/m, "down_revision = 'a2a2a2a2a2a3'")));
    await client.waitFor('broken link on e1', () => client.diagnosticsFor(e1).some((d) => d.code === 'broken-down-revision'));
    await client.nextIndex(() => client.close(e1));
    await client.waitFor('heads problem back', () => client.diagnosticsFor(a2).some((d) => d.code === 'multiple-heads'));
    assert.equal(client.diagnosticsFor(e1).filter((d) => d.code === 'broken-down-revision').length, 0);
  } finally {
    await client.stop();
  }
});

test('files created and deleted on disk are picked up from watcher events', async () => {
  const project = join(dir, 'linear');
  const client = await LspClient.start({ folders: [project] });
  try {
    await client.waitForIndexCount(1);
    const before = client.indexed[0].revisionCount;
    const extra = join(versions('linear'), 'ffff00000000_side.py');
    const graph = await client.request<GraphResult>('alembic/graph', { project: client.indexed[0].project });
    const base = graph.bases[0];
    writeFileSync(extra, `"""side\n\nRevision ID: ffff00000000\nRevises: ${base}\n"""\nrevision = 'ffff00000000'\ndown_revision = '${base}'\nbranch_labels = None\ndepends_on = None\n`);
    const created = await client.nextIndex(() => client.filesChanged([{ path: extra, type: 1 }]));
    assert.equal(created.revisionCount, before + 1);
    assert.equal(created.headCount, 2);
    await client.waitFor('multiple heads on the new file', () => client.diagnosticsFor(extra).some((d) => d.code === 'multiple-heads'));
    unlinkSync(extra);
    const deleted = await client.nextIndex(() => client.filesChanged([{ path: extra, type: 3 }]));
    assert.equal(deleted.revisionCount, before);
    await client.waitFor('diagnostics of the deleted file cleared', () => client.diagnosticsFor(extra).length === 0);
  } finally {
    await client.stop();
  }
});

test('severity settings: a code can be lowered or turned off', async () => {
  const client = await LspClient.start({
    folders: [join(dir, 'multiple-heads')],
    settings: { diagnostics: { severity: { 'multiple-heads': 'warning' } } },
  });
  try {
    await client.waitForIndexCount(1);
    const a2 = join(versions('multiple-heads'), 'a2a2a2a2a2a2_app_two.py');
    await client.waitFor('diagnostics on a2', () => client.diagnosticsFor(a2).length > 0);
    assert.equal(client.diagnosticsFor(a2)[0].severity, 2);
    client.settings = { diagnostics: { severity: { 'multiple-heads': 'off' } } };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('diagnostics off', () => client.diagnosticsFor(a2).length === 0);
  } finally {
    await client.stop();
  }
});

test('duplicate ids point at each other; the broken link names the fix', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'duplicate-id'), join(dir, 'missing-parent')] });
  try {
    await client.waitForIndexCount(2);
    const all = [...client.diagnostics.values()].flat();
    const dups = all.filter((d) => d.code === 'duplicate-revision-id');
    assert.ok(dups.length >= 2, 'both files of the duplicate carry the problem');
    for (const d of dups) assert.ok((d.relatedInformation ?? []).length >= 1);
    assert.ok(all.some((d) => d.code === 'broken-down-revision' && String(d.message).includes("write 'a1a1a1a1a1a1' (the current head)")));
  } finally {
    await client.stop();
  }
});
