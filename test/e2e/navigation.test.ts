// Go to Definition, hover and completion as VS Code asks for them (vscode.execute*Provider), on the
// branch-labels and linear fixtures of a multi-root workspace.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { e2eContext } from './context';
import { indexedApi, positionOf } from './helpers';

const ctx = e2eContext();
const versions = (fixture: string, file: string) => join(ctx.folders[fixture], 'migrations/versions', file);

async function open(file: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.file(file));
}

function target(l: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : l;
}

const markdown = (h: vscode.Hover) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
const labelText = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

suite('navigation: definition, hover, completion', () => {
  suiteSetup(async () => {
    await indexedApi();
  });

  test('definition: a revision id in depends_on goes to the revision declaring it', async () => {
    const p2 = versions('branch-labels', 'p2000000_plugin_two.py');
    const c3 = versions('branch-labels', 'c3000000_core_three.py');
    await open(p2);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', vscode.Uri.file(p2), positionOf(p2, "depends_on = 'c3000000'", 16));
    assert.equal(found.length, 1, JSON.stringify(found));
    const t = target(found[0]);
    assert.equal(t.uri.fsPath, c3);
    assert.equal((await open(c3)).getText(t.range), "'c3000000'");
    assert.ok(t.range.start.isEqual(positionOf(c3, "revision = 'c3000000'", 11)));
  });

  test('definition: a branch label in depends_on goes to the revision that declares the label', async () => {
    const m1 = versions('branch-labels', 'm1000000_more_one.py');
    const c1 = versions('branch-labels', 'c1000000_core_one.py');
    await open(m1);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', vscode.Uri.file(m1), positionOf(m1, "'core']", 2));
    assert.deepEqual(found.map((l) => target(l).uri.fsPath), [c1]);
  });

  test('hover: an effective head, hovered from the revision that depends on it', async () => {
    const p2 = versions('branch-labels', 'p2000000_plugin_two.py');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', vscode.Uri.file(p2), positionOf(p2, "depends_on = 'c3000000'", 16));
    const md = hovers.map(markdown).join('\n---\n');
    assert.match(md, /^\*\*Revision `c3000000`\*\*: core three$/m);
    assert.match(md, /^\*effective head \(only depends_on builds on it\)\*$/m);
    assert.match(md, /^- Branch labels: `core` \(inherited\)$/m);
  });

  test('completion: inside a down_revision, the older revisions, the edit covering the id', async () => {
    const c3 = versions('linear', 'c3c3c3c3c3c3_add_index.py');
    const doc = await open(c3);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', vscode.Uri.file(c3), positionOf(c3, "down_revision = 'b2b2", 20));
    const ids = list.items.map(labelText);
    assert.deepEqual(ids, ['b2b2b2b2b2b2', 'a1a1a1a1a1a1'], 'itself and what builds on it are left out');
    const first = list.items[0];
    assert.equal(first.detail, 'add email');
    const range = first.range instanceof vscode.Range ? first.range : first.range?.replacing;
    assert.ok(range, 'the item replaces a range');
    assert.equal(doc.getText(range), 'b2b2b2b2b2b2');
  });
});
