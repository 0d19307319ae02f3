// Restricted Mode: Workspace Trust on and the folder not trusted. The extension still indexes and
// shows the history (static work only), but everything that runs Python or opens a database is
// disabled (`enablement: isWorkspaceTrusted`) and, invoked anyway (a keybinding, another extension),
// says why and offers to manage trust. The SQLite database (at a1, by real Alembic) must not move.
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { AlembicApi } from '../../client/src/api';
import { e2eContext } from './context';
import { alembicCurrent, extension, indexedApi, labelOf, messages, need, rows, until, withPrompts } from './helpers';

const ctx = e2eContext();
const GUARDED = ['alembic.upgradeDatabase', 'alembic.downgradeDatabase', 'alembic.stampDatabase', 'alembic.upgradeConnectionToHeads', 'alembic.refreshConnection'];

suite('untrusted workspace', () => {
  let api: AlembicApi;
  suiteSetup(async () => {
    api = await indexedApi();
  });

  test('VS Code runs the workspace in Restricted Mode, and the extension still indexes it', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const history = await until('the History view', async () => {
      const r = await rows(api.views.history);
      return r.length === 3 && r;
    });
    assert.deepEqual(history.map((r) => r.item.revision), ['c3c3c3c3c3c3', 'b2b2b2b2b2b2', 'a1a1a1a1a1a1']);
  });

  test('Upgrade, Downgrade, Stamp and the connection actions are disabled until the workspace is trusted', () => {
    const commands = (extension().packageJSON as { contributes: { commands: { command: string; enablement?: string }[] } }).contributes.commands;
    for (const id of GUARDED) {
      assert.equal(commands.find((c) => c.command === id)?.enablement, 'isWorkspaceTrusted', `${id} is disabled in Restricted Mode`);
    }
  });

  test('the Connections view says the databases are not read until the workspace is trusted', async () => {
    const dev = await until('dev in the Connections view', async () => (await rows(api.views.connections)).find((r) => labelOf(r.tree) === 'dev'));
    assert.equal(api.viewMessage('connections'), 'Trust this workspace to read the databases.');
    // Nothing was read: neither the item nor the status bar claims a revision; both say why.
    assert.equal(dev.tree.description, 'workspace not trusted');
    assert.deepEqual(await rows(api.views.connections, dev.item), []);
    assert.equal(api.statusBar().text, '$(database) dev: workspace not trusted');
  });

  test('invoked anyway, each command says why and offers Manage Workspace Trust; the database does not move', async function () {
    const dev = (await rows(api.views.connections)).find((r) => labelOf(r.tree) === 'dev');
    assert.ok(dev);
    for (const id of GUARDED) {
      const prompts = await withPrompts(api, () => undefined, () => vscode.commands.executeCommand(id, dev.item));
      const said = messages(prompts);
      assert.equal(said.length, 1, `${id}: ${JSON.stringify(prompts)}`);
      assert.equal(said[0].severity, 'warning');
      assert.match(said[0].message, /only does in a trusted workspace/);
      assert.match(said[0].message, /Manage Workspace Trust/);
      assert.deepEqual(said[0].choices, ['Manage Workspace Trust']);
      assert.ok(!prompts.some((p) => p.kind !== 'message'), `${id} asked nothing else`);
    }
    need(this, ctx.alembic, 'Alembic');
    assert.deepEqual(alembicCurrent(ctx.folders.linear, ctx.sqlite!.url), ['a1a1a1a1a1a1']);
  });

  test('Refresh needs no trust: the static index answers, with only the known alembic.ini warning', async () => {
    await vscode.commands.executeCommand('alembic.refreshViews');
    const [p] = await api.whenIndexed();
    assert.equal(p.headCount, 1);
    assert.equal(p.problemCount, 1, 'only the known alembic.ini inline-comment warning');
  });
});
