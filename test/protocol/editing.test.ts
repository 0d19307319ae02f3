// The editing features over stdio on copies of the fixture projects: a rename's WorkspaceEdit is
// applied to the files on disk (file rename included), the server told, and its graph (and real
// Alembic's `heads` / `history`, where available) must agree; then symbols, code lens, inlay hints.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  RenameFile,
  TextDocumentEdit,
  type CodeLens,
  type DocumentSymbol,
  type InlayHint,
  type InlayHintLabelPart,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { copyFixtures, LspClient, removeDir, uriOf } from '../helpers/lspClient';
import { locateAlembic } from '../helpers/alembic';
import { uriToPath } from '../../server/src/lsp/uris';
import type { GraphResult } from '../../server/src/protocol';

const dir = copyFixtures('linear', 'depends-on-label', 'merge');
after(() => removeDir(dir));

const versions = (project: string) => join(dir, project, 'migrations/versions');
const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** Where `needle` ends in a file (the cursor right after it). */
function cursorAfter(path: string, needle: string) {
  const text = readFileSync(path, 'utf8');
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in ${path}`);
  const lines = text.slice(0, i + needle.length).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Applies a WorkspaceEdit to the disk as an editor would; returns the watcher events it causes. */
function applyOnDisk(edit: WorkspaceEdit): { path: string; type: 1 | 2 | 3 }[] {
  const events: { path: string; type: 1 | 2 | 3 }[] = [];
  for (const change of edit.documentChanges ?? []) {
    if (TextDocumentEdit.is(change)) {
      const path = uriToPath(change.textDocument.uri)!;
      const doc = TextDocument.create(change.textDocument.uri, 'python', 0, readFileSync(path, 'utf8'));
      writeFileSync(path, TextDocument.applyEdits(doc, change.edits as TextEdit[]));
      events.push({ path, type: 2 });
    } else if (RenameFile.is(change)) {
      const from = uriToPath(change.oldUri)!;
      const to = uriToPath(change.newUri)!;
      assert.ok(!existsSync(to), 'the rename never overwrites');
      renameSync(from, to);
      events.push({ path: from, type: 3 }, { path: to, type: 1 });
    } else assert.fail(`unexpected change ${JSON.stringify(change)}`);
  }
  return events.filter((e) => !(e.type === 2 && events.some((o) => o.type === 3 && o.path === e.path)));
}

/** Real Alembic's output for a command in a project folder, or null when no Alembic is installed. */
function alembic(project: string, command: string): string | null {
  const found = locateAlembic();
  if ('missing' in found) return null;
  const run = spawnSync(found.python, ['-m', 'alembic', command], { cwd: join(dir, project), encoding: 'utf8', shell: false });
  assert.equal(run.status, 0, `alembic ${command} failed: ${run.stderr}`);
  return run.stdout;
}

const problemKeys = (g: GraphResult, rn: (s: string) => string = (s) => s) => g.problems.map((p) => `${p.code} ${rn(p.file)} ${p.line}`).sort();

test('rename a revision id: literal, headers, references and file name, agreed by the server and by Alembic', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'linear')] });
  try {
    await client.waitForIndexCount(1);
    const project = client.indexed[0].project;
    const b2 = join(versions('linear'), 'b2b2b2b2b2b2_add_email.py');
    const c3 = join(versions('linear'), 'c3c3c3c3c3c3_add_index.py');
    const before = await client.request<GraphResult>('alembic/graph', { project });
    const historyBefore = alembic('linear', 'history');
    const headsBefore = alembic('linear', 'heads');

    const position = cursorAfter(b2, "revision = 'b2b2");
    const prepared = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uriOf(b2) }, position });
    assert.equal(prepared.placeholder, 'b2b2b2b2b2b2');

    // An open document is addressed with its version, so a stale edit is refused by the editor.
    const c3Text = readFileSync(c3, 'utf8');
    await client.nextIndex(() => client.open(c3, c3Text));
    const whileOpen = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(b2) }, position, newName: 'b2renamed' });
    const c3Edit = whileOpen.documentChanges!.find((c) => TextDocumentEdit.is(c) && c.textDocument.uri === uriOf(c3)) as TextDocumentEdit;
    assert.equal(c3Edit.textDocument.version, 1);
    await client.nextIndex(() => client.close(c3));

    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(b2) }, position, newName: 'b2renamed' });
    const events = applyOnDisk(edit);
    const renamed = join(versions('linear'), 'b2renamed_add_email.py');
    assert.ok(existsSync(renamed) && !existsSync(b2), 'the file follows the id (file_template starts with %(rev)s)');
    await client.nextIndex(() => client.filesChanged(events));

    const graph = await client.request<GraphResult>('alembic/graph', { project });
    const rn = (s: string) => s.replace(/b2b2b2b2b2b2/g, 'b2renamed');
    assert.deepEqual(graph.nodes.map((n) => [n.id, n.downRevisions, n.file]), before.nodes.map((n) => [rn(n.id), n.downRevisions.map(rn), rn(n.file)]));
    assert.deepEqual(graph.heads, before.heads);
    assert.deepEqual(problemKeys(graph), problemKeys(before, rn), 'no new problems (the header still agrees with the variables)');
    assert.match(readFileSync(renamed, 'utf8'), /Revision ID: b2renamed\n/);
    assert.match(readFileSync(c3, 'utf8'), /Revises: b2renamed\n/);

    const historyAfter = alembic('linear', 'history');
    if (historyBefore !== null && historyAfter !== null) {
      assert.equal(historyAfter, rn(historyBefore));
      assert.equal(alembic('linear', 'heads'), rn(headsBefore!));
    } else client.log.push('real Alembic not available: heads/history not compared');
  } finally {
    await client.stop();
  }
});

test('rename a branch label from a depends_on use; refusals arrive as errors with the reason', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'depends-on-label')] });
  try {
    await client.waitForIndexCount(1);
    const project = client.indexed[0].project;
    const x1 = join(versions('depends-on-label'), 'x1x1x1x1x1x1_extension.py');
    const c1 = join(versions('depends-on-label'), 'c1c1c1c1c1c1_core_base.py');
    const historyBefore = alembic('depends-on-label', 'history');
    const before = await client.request<GraphResult>('alembic/graph', { project });

    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: uriOf(c1) }, position: cursorAfter(c1, "revision = 'c1"), newName: 'c1-new' }),
      (e: { code: number; message: string }) => e.code === -32803 && e.message.includes("Character(s) '-' not allowed in revision identifier 'c1-new'"),
    );
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: uriOf(c1) }, position: cursorAfter(c1, 'def upgr') }),
      (e: { message: string }) => /Put the cursor on a revision id/.test(e.message),
    );

    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(x1) }, position: cursorAfter(x1, "depends_on = 'co"), newName: 'kernel' });
    assert.ok(!edit.documentChanges!.some((c) => RenameFile.is(c)), 'a label rename moves no file');
    await client.nextIndex(() => client.filesChanged(applyOnDisk(edit)));
    const graph = await client.request<GraphResult>('alembic/graph', { project });
    assert.deepEqual(graph.labels, { kernel: 'c1c1c1c1c1c1', ext: 'x1x1x1x1x1x1' });
    assert.deepEqual(graph.nodes.find((n) => n.id === 'x1x1x1x1x1x1')?.dependsOn, ['kernel']);
    assert.deepEqual(problemKeys(graph), problemKeys(before), 'the same problems (two labelled heads), no new ones');
    const historyAfter = alembic('depends-on-label', 'history');
    if (historyBefore !== null && historyAfter !== null) assert.equal(historyAfter, historyBefore.replace(/\(core\)/g, '(kernel)'));
  } finally {
    await client.stop();
  }
});

test('document and workspace symbols, code lens and inlay hints over stdio', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'merge')] });
  try {
    await client.waitForIndexCount(1);
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.documentSymbolProvider && caps.workspaceSymbolProvider && caps.codeLensProvider && caps.inlayHintProvider);
    const e5 = join(versions('merge'), 'e5e5e5e5e5e5_merge_c3_and_d4.py');
    const doc = { textDocument: { uri: uriOf(e5) } };

    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
    assert.equal(symbols[0].name, 'e5e5e5e5e5e5');
    assert.deepEqual(symbols[0].children?.map((c) => c.name), ['revision', 'down_revision', 'branch_labels', 'depends_on']);
    const graph = await client.request<GraphResult>('alembic/graph', { project: client.indexed[0].project });
    const parents = graph.nodes.find((n) => n.id === 'e5e5e5e5e5e5')!.downRevisions;
    assert.deepEqual([...parents].sort(), ['c3c3c3c3c3c3', 'd4d4d4d4d4d4']);
    assert.equal(symbols[0].children?.[1].detail, parents.join(', '));

    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'd4d4' });
    assert.deepEqual(found.map((s) => s.location.uri), [uriOf(join(versions('merge'), 'd4d4d4d4d4d4_branch_two.py'))]);

    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', doc);
    assert.deepEqual(lenses.map((l) => l.command?.title), ['2 parents · 1 child · merge point']);

    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { ...doc, range: whole });
    const message = (id: string) => graph.nodes.find((n) => n.id === id)!.message;
    assert.deepEqual(hints.map((h) => (h.label as InlayHintLabelPart[])[0].value), parents.map(message), 'one hint per parent, in tuple order');
    assert.ok(parents.every((id) => message(id).length > 0));
  } finally {
    await client.stop();
  }
});

test('the codeLens and inlayHints settings turn them off', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'merge')], settings: { codeLens: false, inlayHints: false } });
  try {
    await client.waitForIndexCount(1);
    const doc = { textDocument: { uri: uriOf(join(versions('merge'), 'e5e5e5e5e5e5_merge_c3_and_d4.py')) } };
    assert.deepEqual(await client.request('textDocument/codeLens', doc), []);
    assert.deepEqual(await client.request('textDocument/inlayHint', { ...doc, range: whole }), []);
  } finally {
    await client.stop();
  }
});
