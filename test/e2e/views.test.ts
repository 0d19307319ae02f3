// The History and Connections views on the `merge` fixture (a1 -> b2 -> {c3, d4} -> e5 -> f6), read
// through the extension's own tree providers as VS Code renders them. The workspace settings hold a
// SQLite connection `dev` (upgraded to b2 by real Alembic) and a PostgreSQL connection `pg` (a scratch
// database upgraded to c3, user postgres, trust auth, no password).
import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import type { AlembicApi } from '../../client/src/api';
import type { ConnectionItem } from '../../client/src/model/connectionItems';
import { e2eContext } from './context';
import { alembicCurrent, flagsOf, iconColorOf, iconOf, indexedApi, labelOf, need, rows, until, withPrompts, type Row } from './helpers';

const ctx = e2eContext();
const project = () => ctx.folders.merge;

async function connectionRow(api: AlembicApi, name: string): Promise<Row<ConnectionItem> | undefined> {
  return (await rows(api.views.connections)).find((r) => labelOf(r.tree) === name);
}

suite('views: History and Connections', () => {
  let api: AlembicApi;
  suiteSetup(async () => {
    api = await indexedApi();
  });

  test('History: newest first, with head, merge, branch point and base marks and the SQLite position', async function () {
    need(this, ctx.alembic, 'Alembic');
    // The active connection (dev, the first) is read in the background once the project is known.
    const history = await until('the History view with dev\'s position', async () => {
      const r = await rows(api.views.history);
      return r.length === 6 && r.some((x) => flagsOf(x.tree).includes('current')) && r;
    }, 30_000, () => api.connections().map((c) => c.name));
    const byId = new Map<string | undefined, vscode.TreeItem>(history.map((r) => [r.item.revision, r.tree]));
    assert.equal(history[0].item.revision, 'f6f6f6f6f6f6', 'newest first');
    assert.equal(history[5].item.revision, 'a1a1a1a1a1a1', 'the base last');
    const expect: Record<string, { icon: string; flags: string[]; mark: string }> = {
      f6f6f6f6f6f6: { icon: 'arrow-circle-up', flags: ['head'], mark: 'pending' },
      e5e5e5e5e5e5: { icon: 'git-merge', flags: ['merge'], mark: 'pending' },
      d4d4d4d4d4d4: { icon: 'git-commit', flags: [], mark: 'pending' },
      c3c3c3c3c3c3: { icon: 'git-commit', flags: [], mark: 'pending' },
      b2b2b2b2b2b2: { icon: 'repo-forked', flags: ['branchpoint'], mark: 'current' },
      a1a1a1a1a1a1: { icon: 'home', flags: ['base'], mark: 'applied' },
    };
    for (const [id, want] of Object.entries(expect)) {
      const t = byId.get(id)!;
      assert.ok(t, `${id} in the view`);
      assert.ok(labelOf(t).startsWith(id), labelOf(t));
      assert.equal(iconOf(t), want.icon, `${id}'s icon`);
      for (const f of [...want.flags, want.mark, 'revision']) assert.ok(flagsOf(t).includes(f), `${id} has ${f}: ${t.contextValue}`);
      assert.match(String(t.description), new RegExp(`^${want.mark}\\b`), `${id}'s description`);
      assert.equal(t.command?.command, 'vscode.open', 'a click opens the file');
    }
    assert.equal(iconColorOf(byId.get('b2b2b2b2b2b2')!), 'charts.blue', 'the current revision is blue');
    assert.equal(iconColorOf(byId.get('a1a1a1a1a1a1')!), 'charts.green', 'applied revisions are green');
    assert.ok(!flagsOf(byId.get('f6f6f6f6f6f6')!).includes('mergeable'), 'one head: nothing to merge');
  });

  test('Connections: the SQLite database at its real revision, 4 behind the head', async function () {
    need(this, ctx.alembic, 'Alembic');
    assert.deepEqual(alembicCurrent(project(), ctx.sqlite!.url), ['b2b2b2b2b2b2'], 'real Alembic agrees where dev is');
    const dev = await until('dev read', async () => {
      const r = await connectionRow(api, 'dev');
      return r && /·/.test(String(r.tree.description)) && r;
    });
    assert.equal(dev.tree.description, 'b2b2b2b2b2b2 · 4 behind');
    assert.ok(flagsOf(dev.tree).includes('active'));
    const children = await rows(api.views.connections, dev.item);
    assert.deepEqual(children.map((c) => labelOf(c.tree)), ['b2b2b2b2b2b2 add email']);
  });

  test('Connections: PostgreSQL without a password (empty answer, trust auth) at its real revision', async function () {
    need(this, ctx.alembic, 'Alembic');
    need(this, ctx.postgres && 'url' in ctx.postgres ? { ok: true } : ctx.postgres, 'PostgreSQL');
    const pg = ctx.postgres as { url: string };
    assert.deepEqual(alembicCurrent(project(), pg.url), ['c3c3c3c3c3c3'], 'real Alembic agrees where pg is');
    const row = await until('the pg connection in the view', () => connectionRow(api, 'pg'));
    assert.ok(flagsOf(row.tree).includes('inactive'), 'dev is the active one, so pg is not read in the background');
    // Refresh Connection (its inline button) reads it and asks for the password once.
    const prompts = await withPrompts(api, (p) => (p.kind === 'inputBox' && p.password ? '' : undefined), () =>
      vscode.commands.executeCommand('alembic.refreshConnection', row.item),
    );
    const asked = prompts.filter((p) => p.kind === 'inputBox');
    assert.equal(asked.length, 1, JSON.stringify(prompts));
    assert.match(asked[0].kind === 'inputBox' ? (asked[0].title ?? '') : '', /password for pg/);
    const read = await until('pg read', async () => {
      const r = await connectionRow(api, 'pg');
      return r && /·/.test(String(r.tree.description)) && r;
    });
    assert.equal(read.tree.description, 'c3c3c3c3c3c3 · 3 behind');
  });
});
