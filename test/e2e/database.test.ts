// Upgrade, Downgrade and Stamp in a trusted workspace, against the SQLite (`dev`) and PostgreSQL
// (`pg`) connections the views suite has read (dev at b2, pg at c3). Each command runs its whole
// path — target QuickPick, plan from the language server, the modal confirmation, real Alembic,
// reading the version table — and only the clicks are the test's. Real Alembic then says where
// each database is, and the Connections view and status bar must say the same.
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { AlembicApi, Prompt, PromptAnswer } from '../../client/src/api';
import { e2eContext } from './context';
import { alembicCurrent, indexedApi, labelOf, messages, need, rows, until, withPrompts } from './helpers';

const ctx = e2eContext();
const project = () => ctx.folders.merge;

/** Answers the QuickPicks and the modal in order; a password box gets '' (trust auth), anything else is dismissed. */
function clicks(...answers: string[]): (p: Prompt) => PromptAnswer {
  const queue = [...answers];
  return (p) => {
    if (p.kind === 'inputBox' && p.password) return '';
    if (p.kind === 'quickPick' || (p.kind === 'message' && p.modal)) return queue.shift();
    return undefined;
  };
}

async function description(api: AlembicApi, name: string): Promise<string> {
  const row = (await rows(api.views.connections)).find((r) => labelOf(r.tree) === name);
  return String(row?.tree.description ?? '');
}

async function connectionItem(api: AlembicApi, name: string) {
  const row = (await rows(api.views.connections)).find((r) => labelOf(r.tree) === name);
  assert.ok(row, `${name} in the Connections view`);
  return row.item;
}

function modal(prompts: Prompt[]) {
  const m = messages(prompts).filter((p) => p.modal);
  assert.equal(m.length, 1, `one confirmation, got ${JSON.stringify(prompts)}`);
  return m[0];
}

suite('database commands (trusted workspace)', () => {
  let api: AlembicApi;
  suiteSetup(async function () {
    need(this, ctx.alembic, 'Alembic');
    api = await indexedApi();
    await until('dev read at b2', async () => (await description(api, 'dev')) === 'b2b2b2b2b2b2 · 4 behind', 30_000, () => api.connections());
  });

  test('Upgrade… declined at the confirmation: nothing runs', async () => {
    const dev = await connectionItem(api, 'dev');
    const prompts = await withPrompts(api, clicks('head', 'Cancel'), () => vscode.commands.executeCommand('alembic.upgradeDatabase', dev));
    const pick = prompts.find((p) => p.kind === 'quickPick');
    assert.ok(pick?.kind === 'quickPick' && pick.choices.includes('head'), JSON.stringify(pick));
    const confirm = modal(prompts);
    assert.equal(confirm.message, 'Upgrade dev to head?');
    assert.match(confirm.detail ?? '', /Runs 4 revisions, in this order:/);
    assert.match(confirm.detail ?? '', /Version table after: f6f6f6f6f6f6/);
    assert.deepEqual(confirm.choices, ['Upgrade']);
    assert.deepEqual(alembicCurrent(project(), ctx.sqlite!.url), ['b2b2b2b2b2b2']);
  });

  test('Upgrade… to head on SQLite runs Alembic; the view and the status bar follow', async () => {
    assert.match(api.statusBar().text, /dev: b2b2b2b2b2b2 · 4 behind/);
    const dev = await connectionItem(api, 'dev');
    const prompts = await withPrompts(api, clicks('head', 'Upgrade'), () => vscode.commands.executeCommand('alembic.upgradeDatabase', dev));
    assert.equal(modal(prompts).message, 'Upgrade dev to head?');
    assert.ok(messages(prompts).some((m) => m.message === 'Alembic: dev is now at f6f6f6f6f6f6.'), JSON.stringify(prompts));
    assert.deepEqual(alembicCurrent(project(), ctx.sqlite!.url), ['f6f6f6f6f6f6']);
    await until('dev up to date in the view', async () => (await description(api, 'dev')) === 'f6f6f6f6f6f6 · up to date');
    await until('the status bar at f6', () => /dev: f6f6f6f6f6f6 · up to date/.test(api.statusBar().text), 10_000, () => api.statusBar());
  });

  test('Upgrade to Heads on PostgreSQL (the Connections item button) runs Alembic', async function () {
    need(this, ctx.postgres && 'url' in ctx.postgres ? { ok: true } : ctx.postgres, 'PostgreSQL');
    const url = (ctx.postgres as { url: string }).url;
    const pg = await connectionItem(api, 'pg');
    const prompts = await withPrompts(api, clicks('Upgrade'), () => vscode.commands.executeCommand('alembic.upgradeConnectionToHeads', pg));
    const confirm = modal(prompts);
    assert.equal(confirm.message, 'Upgrade pg to heads?');
    assert.match(confirm.detail ?? '', /Runs 3 revisions/);
    assert.ok(!(confirm.detail ?? '').includes('upgrade c3c3c3c3c3c3'), 'c3 is already applied');
    assert.deepEqual(alembicCurrent(project(), url), ['f6f6f6f6f6f6']);
    await until('pg up to date in the view', async () => (await description(api, 'pg')) === 'f6f6f6f6f6f6 · up to date');
  });

  test('Downgrade… -1 on SQLite runs Alembic one step down', async () => {
    const dev = await connectionItem(api, 'dev');
    const prompts = await withPrompts(api, clicks('-1', 'Downgrade'), () => vscode.commands.executeCommand('alembic.downgradeDatabase', dev));
    const confirm = modal(prompts);
    assert.equal(confirm.message, 'Downgrade dev to -1?');
    assert.match(confirm.detail ?? '', /downgrade f6f6f6f6f6f6/);
    assert.deepEqual(alembicCurrent(project(), ctx.sqlite!.url), ['e5e5e5e5e5e5']);
    await until('dev one behind in the view', async () => (await description(api, 'dev')) === 'e5e5e5e5e5e5 · 1 behind');
    await until('the status bar at e5', () => /dev: e5e5e5e5e5e5 · 1 behind/.test(api.statusBar().text), 10_000, () => api.statusBar());
  });

  test('Stamp… on PostgreSQL rewrites only the version table', async function () {
    need(this, ctx.postgres && 'url' in ctx.postgres ? { ok: true } : ctx.postgres, 'PostgreSQL');
    const url = (ctx.postgres as { url: string }).url;
    const pg = await connectionItem(api, 'pg');
    const prompts = await withPrompts(api, clicks('d4d4d4d4d4d4', 'Stamp', 'Stamp'), () => vscode.commands.executeCommand('alembic.stampDatabase', pg));
    const how = prompts.filter((p) => p.kind === 'quickPick')[1];
    assert.ok(how?.kind === 'quickPick', JSON.stringify(prompts));
    assert.deepEqual(how.choices, ['Stamp', 'Stamp with --purge']);
    const confirm = modal(prompts);
    assert.equal(confirm.message, 'Stamp pg to d4d4d4d4d4d4?');
    assert.match(confirm.detail ?? '', /No migration script runs/);
    assert.deepEqual(alembicCurrent(project(), url), ['d4d4d4d4d4d4']);
    await until('pg at d4 in the view', async () => (await description(api, 'pg')) === 'd4d4d4d4d4d4 · 3 behind');
  });
});
