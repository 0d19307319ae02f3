// A workspace without Alembic (a Python file, a README): the extension must not start by itself —
// its activation events only match alembic.ini, pyproject.toml or script.py.mako. Checked after
// the workbench is up and an action that does not involve the extension (a workspace search and
// opening a Python file) has completed; then a command proves the extension could have started.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { e2eContext } from './context';
import { extension, labelOf, rows } from './helpers';

const ctx = e2eContext();

suite('no activation (workspace without Alembic)', () => {
  test('installed, but not activated after a search and opening a Python file', async () => {
    const ext = extension();
    // The same search VS Code runs for workspaceContains: it finds nothing here.
    const found = await vscode.workspace.findFiles('**/{alembic.ini,pyproject.toml,script.py.mako}');
    assert.deepEqual(found, []);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(ctx.folders.plain, 'app.py')));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'python');
    assert.equal(ext.isActive, false, 'the extension activated in a workspace without Alembic');
  });

  test('running one of its commands activates it, and the views say there is no project', async () => {
    const ext = extension();
    await vscode.commands.executeCommand('alembic.refreshViews');
    assert.equal(ext.isActive, true);
    const projects = await ext.exports.whenIndexed();
    assert.deepEqual(projects, []);
    assert.deepEqual((await rows(ext.exports.views.history)).map((r) => labelOf(r.tree)), []);
  });
});
