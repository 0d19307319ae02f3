// The VS Code side of the client, run against a fake `vscode` module: every command in the table is
// registered, trusted commands refuse to run in an untrusted workspace (and say why), a failing
// command reports a redacted error, and the History view turns the model into clickable TreeItems.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeVscode, recorded, resetRecorded } from './fakeVscode';
import { COMMAND_IDS } from '../../client/src/model/commandTable';
import { AppState } from '../../client/src/state/appState';
import { DatabaseStore } from '../../client/src/state/databaseStore';
import { ProjectsStore } from '../../client/src/state/projectsStore';
import type { ClientContext } from '../../client/src/context';
import type { HistoryItem } from '../../client/src/model/historyItems';
import { P1, project } from './graphs';

installFakeVscode();

async function setup() {
  const projects = new ProjectsStore(5);
  const p = project('/w/alembic.ini');
  await projects.connect((async (method: string) => (method === 'alembic/projects' ? { projects: [p] } : P1)) as never);
  const state = new AppState(projects, new DatabaseStore(async () => ({ status: 'ok', rows: ['c3'], stamped: true })), { get: () => ({}), set: () => undefined }, {});
  state.update({ folders: ['/w'], trusted: true });
  const lines: string[] = [];
  const { makeRedactor } = await import('../../client/src/model/redact');
  const redact = makeRedactor(['hunter2']);
  const ctx = {
    state,
    output: { line: (t: string) => lines.push(redact(t)), redact, show: () => undefined, heading: () => undefined },
  } as unknown as ClientContext;
  return { ctx, state, lines, p };
}

test('every command of the table is registered, once', async () => {
  const { registerCommands } = await import('../../client/src/commands/registry');
  const { ctx } = await setup();
  const disposables = registerCommands(ctx);
  assert.deepEqual([...recorded.commands.keys()].sort(), [...COMMAND_IDS].sort());
  for (const d of disposables) d.dispose();
  assert.equal(recorded.commands.size, 0);
});

test('a trusted command in an untrusted workspace says why and runs nothing', async () => {
  resetRecorded();
  const { registerCommands } = await import('../../client/src/commands/registry');
  const { ctx } = await setup();
  const disposables = registerCommands(ctx);
  recorded.trusted = false;
  await recorded.commands.get('alembic.upgradeDatabase')!();
  assert.equal(recorded.messages.length, 1);
  assert.match(recorded.messages[0].text, /"Upgrade" runs Python or opens a database.*trusted workspace/);
  assert.deepEqual(recorded.messages[0].items, ['Manage Workspace Trust']);
  // Copying an id needs no trust.
  await recorded.commands.get('alembic.copyRevisionId')!({ projectId: 'x', revision: 'c3c3c3c3c3c3' });
  assert.equal(recorded.clipboard, 'c3c3c3c3c3c3');
  for (const d of disposables) d.dispose();
});

test('an unexpected error becomes a message without the password', async () => {
  resetRecorded();
  const { registerCommands, HANDLERS } = await import('../../client/src/commands/registry');
  const { ctx, lines } = await setup();
  const original = HANDLERS['alembic.refreshViews'];
  HANDLERS['alembic.refreshViews'] = async () => {
    throw new Error('could not connect to postgresql://me:hunter2@db/app with hunter2');
  };
  const disposables = registerCommands(ctx);
  try {
    await recorded.commands.get('alembic.refreshViews')!();
    assert.equal(recorded.messages.length, 1);
    assert.equal(recorded.messages[0].level, 'error');
    assert.equal(recorded.messages[0].text, 'Alembic: Refresh failed: could not connect to postgresql://me:***@db/app with ***');
    assert.ok(lines.length > 0 && lines.every((l) => !l.includes('hunter2')));
  } finally {
    HANDLERS['alembic.refreshViews'] = original;
    for (const d of disposables) d.dispose();
  }
});

test('History view: revisions as TreeItems that open the file at the revision line', async () => {
  const { HistoryView } = await import('../../client/src/views/historyView');
  const { state } = await setup();
  const view = new HistoryView(state);
  const provider = recorded.treeViews.get('alembic.history')!.treeDataProvider as { getChildren(i?: HistoryItem): HistoryItem[]; getTreeItem(i: HistoryItem): { label: string; command?: { command: string; arguments: unknown[] }; iconPath: { id: string }; contextValue: string; id: string } };
  const items = provider.getChildren();
  assert.equal(items.length, 6);
  const t = provider.getTreeItem(items[1]);
  assert.equal(t.label, 'e5 merge c3 and d4');
  assert.equal(t.iconPath.id, 'git-merge');
  assert.equal(t.id, items[1].id);
  assert.equal(t.command!.command, 'vscode.open');
  const [uri, options] = t.command!.arguments as [{ fsPath: string }, { selection: { startLine: number } }];
  assert.equal(uri.fsPath, '/w/migrations/versions/e5.py');
  assert.equal(options.selection.startLine, 7);
  view.dispose();
});
