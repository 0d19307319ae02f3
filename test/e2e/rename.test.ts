// Rename Symbol on a revision id (vscode.executeDocumentRenameProvider), applied and saved as the
// editor does: the literal, the headers, the child's down_revision and the file name all follow, the
// views show the new id, and real Alembic reads the same history under the new name.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { AlembicApi } from '../../client/src/api';
import { e2eContext } from './context';
import { alembic, codeOf, indexedApi, need, positionOf, until } from './helpers';

const ctx = e2eContext();
const versions = (file: string) => join(ctx.folders.linear, 'migrations/versions', file);

interface FileRename {
  from: vscode.Uri;
  to: vscode.Uri;
  options?: { overwrite?: boolean; ignoreIfExists?: boolean };
}

/**
 * The file renames of an edit. The API hands them out only through the internal `_allEntries()`:
 * `executeDocumentRenameProvider` returns an edit whose file operations come BEFORE the text edits
 * (VS Code's DTO-to-API conversion appends text edits last), so applied as is it would edit the
 * old file name after the file was moved. F2 applies the server's own order; so does this test.
 */
function fileRenames(edit: vscode.WorkspaceEdit): FileRename[] {
  const all = (edit as unknown as { _allEntries?: () => { _type: number; from?: vscode.Uri; to?: vscode.Uri; options?: FileRename['options'] }[] })._allEntries;
  assert.ok(typeof all === 'function', 'this VS Code no longer has WorkspaceEdit._allEntries(): update fileRenames()');
  return all.call(edit).flatMap((e) => (e._type === 1 && e.from && e.to ? [{ from: e.from, to: e.to, options: e.options }] : []));
}

/** The server's order: every text edit (addressed to the files' current names), then the renames. */
function inServerOrder(edit: vscode.WorkspaceEdit, renames: FileRename[]): vscode.WorkspaceEdit {
  const ordered = new vscode.WorkspaceEdit();
  for (const [uri, edits] of edit.entries()) ordered.set(uri, edits);
  for (const r of renames) ordered.renameFile(r.from, r.to, r.options);
  return ordered;
}

suite('rename a revision id', () => {
  let api: AlembicApi;
  suiteSetup(async () => {
    api = await indexedApi();
  });

  test('b2b2b2b2b2b2 -> 0f0f0f0f0f0f: literal, headers, child, file name; Alembic agrees', async function () {
    const b2 = versions('b2b2b2b2b2b2_add_email.py');
    const c3 = versions('c3c3c3c3c3c3_add_index.py');
    const renamed = versions('0f0f0f0f0f0f_add_email.py');
    const before = alembic(ctx.folders.linear, ['history']);
    const uri = vscode.Uri.file(b2);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, positionOf(b2, "revision = 'b2b2", 14), '0f0f0f0f0f0f');
    assert.ok(edit, 'a rename edit');
    const touched = edit.entries().map(([u]) => u.fsPath);
    assert.ok(touched.includes(c3), `the child is edited too: ${touched.join(', ')}`);
    const renames = fileRenames(edit);
    assert.deepEqual(renames.map((r) => [r.from.fsPath, r.to.fsPath]), [[b2, renamed]], 'the file follows the id (file_template starts with %(rev)s)');
    assert.equal(await vscode.workspace.applyEdit(inServerOrder(edit, renames)), true);
    // workspace.saveAll() only saves documents shown in editors; the child may be open without one.
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) assert.equal(await doc.save(), true, `saving ${doc.uri.fsPath}`);
    assert.ok(existsSync(renamed) && !existsSync(b2), 'the file follows the id');
    const text = readFileSync(renamed, 'utf8');
    assert.match(text, /^revision = '0f0f0f0f0f0f'$/m);
    assert.match(text, /^Revision ID: 0f0f0f0f0f0f$/m);
    assert.match(readFileSync(c3, 'utf8'), /^down_revision = '0f0f0f0f0f0f'$/m);
    assert.match(readFileSync(c3, 'utf8'), /^Revises: 0f0f0f0f0f0f$/m);

    const project = api.projects().find((p) => p.root === ctx.folders.linear)!;
    await until('the graph with the new id', () => api.graph(project.id)?.nodes.some((n) => n.id === '0f0f0f0f0f0f'));
    assert.deepEqual(api.graph(project.id)!.nodes.map((n) => n.id), ['c3c3c3c3c3c3', '0f0f0f0f0f0f', 'a1a1a1a1a1a1']);
    const problems = () => [c3, renamed].flatMap((f) => vscode.languages.getDiagnostics(vscode.Uri.file(f)).map(codeOf));
    await until('no problem after the rename', () => problems().length === 0, 10_000, problems);

    need(this, ctx.alembic, 'Alembic');
    assert.equal(before.status, 0, before.stderr);
    const after = alembic(ctx.folders.linear, ['history']);
    assert.equal(after.status, 0, after.stderr);
    assert.equal(after.stdout, before.stdout.replace(/b2b2b2b2b2b2/g, '0f0f0f0f0f0f'));
  });
});
