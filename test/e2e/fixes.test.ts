// Quick fixes as VS Code offers them (vscode.executeCodeActionProvider on a problem's range), applied
// the way the light bulb does (run the action's command, or apply its edit), then saved: the problem
// clears, and real Alembic reads the result with one head.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { AlembicApi } from '../../client/src/api';
import { e2eContext } from './context';
import { alembic, diagnostics, flagsOf, iconOf, indexedApi, need, rows, until } from './helpers';

const ctx = e2eContext();
const versions = (fixture: string, file: string) => join(ctx.folders[fixture], 'migrations/versions', file);

async function quickFixes(file: string, code: string): Promise<vscode.CodeAction[]> {
  const uri = vscode.Uri.file(file);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const [d] = await until(`${code} on ${file}`, () => diagnostics(file, code).length > 0 && diagnostics(file, code));
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
  // A bare Command has a string `command`; a CodeAction carries a Command object (or an edit).
  return actions.filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
}

/** Saves an edited or created file, as the user would before running Alembic. */
async function save(file: string): Promise<void> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
  assert.ok(doc, `${file} is open`);
  if (doc.isDirty) assert.equal(await doc.save(), true, `saving ${file}`);
}

function heads(fixture: string): string[] {
  const r = alembic(ctx.folders[fixture], ['heads']);
  assert.equal(r.status, 0, `alembic heads failed:\n${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

suite('quick fixes', () => {
  let api: AlembicApi;
  suiteSetup(async () => {
    api = await indexedApi();
  });

  test('several heads: the preferred fix creates a merge revision; the problem clears; Alembic sees one head', async function () {
    const a2 = versions('multiple-heads', 'a2a2a2a2a2a2_app_two.py');
    const e2 = versions('multiple-heads', 'e2e2e2e2e2e2_other_two.py');
    const actions = await quickFixes(a2, 'multiple-heads');
    const merge = actions.find((a) => a.command?.command === 'alembic.server.createMergeRevision');
    assert.ok(merge, `a merge fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(merge.isPreferred, true);
    const result = await vscode.commands.executeCommand<{ applied: boolean; uri: string; revision: string }>(merge.command!.command, ...(merge.command!.arguments ?? []));
    assert.equal(result.applied, true, JSON.stringify(result));
    const created = vscode.Uri.parse(result.uri).fsPath;
    await until('the new merge revision opened', () => vscode.window.activeTextEditor?.document.uri.fsPath === created);
    await save(created);
    assert.match(readFileSync(created, 'utf8'), /^down_revision = \('a2a2a2a2a2a2', 'e2e2e2e2e2e2'\)$/m);
    await until('the heads problem cleared', () => diagnostics(a2, 'multiple-heads').length + diagnostics(e2, 'multiple-heads').length === 0);
    // The History view shows the new revision as the project's merge point and only head.
    await until('the merge in the History view', async () => {
      const group = (await rows(api.views.history)).find((r) => r.item.projectId && api.projects().find((p) => p.id === r.item.projectId)?.root === ctx.folders['multiple-heads']);
      const merged = group ? (await rows(api.views.history, group.item)).find((r) => r.item.revision === result.revision) : undefined;
      return merged && iconOf(merged.tree) === 'git-merge' && flagsOf(merged.tree).includes('head');
    });
    need(this, ctx.alembic, 'Alembic');
    assert.deepEqual(heads('multiple-heads'), [`${result.revision} (head)`]);
  });

  test('several heads after a branch point: re-point a branch onto the other head; Alembic sees one line', async function () {
    const c3 = versions('branchpoint', 'c3c3c3c3c3c3_branch_one.py');
    const d4 = versions('branchpoint', 'd4d4d4d4d4d4_branch_two.py');
    const actions = await quickFixes(c3, 'multiple-heads');
    const repoint = actions.find((a) => a.title.startsWith("Re-point this revision onto head 'd4d4d4d4d4d4'"));
    assert.ok(repoint?.edit, `a re-point fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(repoint.edit), true);
    await save(c3);
    const text = readFileSync(c3, 'utf8');
    assert.match(text, /^down_revision = 'd4d4d4d4d4d4'$/m);
    assert.match(text, /^Revises: d4d4d4d4d4d4$/m);
    await until('the heads problem cleared', () => diagnostics(c3, 'multiple-heads').length + diagnostics(d4, 'multiple-heads').length === 0);
    need(this, ctx.alembic, 'Alembic');
    assert.deepEqual(heads('branchpoint'), ['c3c3c3c3c3c3 (head)']);
  });

  test('a broken parent: the current-head fix clears the error; Alembic loads the history again', async function () {
    const b2 = versions('missing-parent', 'b2b2b2b2b2b2_add_email.py');
    need(this, ctx.alembic, 'Alembic');
    assert.notEqual(alembic(ctx.folders['missing-parent'], ['heads']).status, 0, 'Alembic refuses the broken history first');
    const actions = await quickFixes(b2, 'broken-down-revision');
    const fix = actions.find((a) => a.title.includes("'a1a1a1a1a1a1'"));
    assert.ok(fix?.edit, `a fix to a1 among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await save(b2);
    await until('the broken link cleared', () => diagnostics(b2, 'broken-down-revision').length === 0);
    assert.deepEqual(heads('missing-parent'), ['b2b2b2b2b2b2 (head)']);
  });
});
