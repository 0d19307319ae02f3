// Activation by the workspace's contents: an alembic.ini, only a pyproject.toml with [tool.alembic],
// and a multi-root workspace with one project per folder. Each time the extension activates by
// itself (no command was run), indexes, and the History view shows the projects.
import assert from 'node:assert/strict';
import { basename, dirname, join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { e2eContext } from './context';
import { extension, labelOf, rows, until } from './helpers';

const ctx = e2eContext();

suite(`activation (${ctx.kind} workspace)`, () => {
  test('the extension activates by itself from the workspace contents and indexes it', async () => {
    // No command was run: only a workspaceContains activation event can have started it.
    const ext = extension();
    await until('the extension to activate from workspaceContains', () => ext.isActive);
    const api = ext.exports;
    const projects = await api.whenIndexed();
    const folders = Object.values(ctx.folders);
    assert.equal(projects.length, folders.length, `projects: ${projects.map((p) => p.id).join(', ')}`);
    for (const folder of folders) {
      assert.ok(projects.some((p) => p.root === folder), `a project rooted at ${folder}`);
    }
  });

  if (ctx.kind === 'ini') {
    test('alembic.ini: the project is read from it, with all six revisions and one head', async () => {
      const api = extension().exports;
      const [p] = api.projects();
      assert.equal(p.configFile, join(ctx.folders.merge, 'alembic.ini'));
      assert.equal(p.revisionCount, 6);
      assert.equal(p.headCount, 1);
    });
  }

  if (ctx.kind === 'pyproject') {
    test('pyproject.toml only: [tool.alembic] configures the project, no alembic.ini needed', async () => {
      const api = extension().exports;
      const [p] = api.projects();
      assert.equal(basename(p.configFile ?? ''), 'pyproject.toml');
      assert.equal(dirname(p.configFile!), ctx.folders['pyproject-only']);
      assert.equal(p.scriptLocation, join(ctx.folders['pyproject-only'], 'migrations'));
      assert.deepEqual(api.graph(p.id)?.nodes.map((n) => n.id), ['b2b2b2b2b2b2', 'a1a1a1a1a1a1']);
    });
  }

  if (ctx.kind === 'multiroot') {
    test('multi-root: one project per folder; the History view groups the revisions by project', async () => {
      const api = extension().exports;
      assert.equal(vscode.workspace.workspaceFolders?.length, 2);
      const roots = await until('two project groups in the History view', async () => {
        const r = await rows(api.views.history);
        return r.length === 2 && r.every((x) => (x.item.children?.length ?? 0) > 0) && r;
      });
      const byRoot = Object.fromEntries(roots.map((r) => [api.projects().find((p) => p.id === r.item.projectId)?.root, r.item.children!.length]));
      assert.deepEqual(byRoot, { [ctx.folders.linear]: 3, [ctx.folders['branch-labels']]: 8 });
      // Both configs are called alembic.ini: each group names its workspace folder too.
      assert.deepEqual(roots.map((r) => labelOf(r.tree)).sort(), ['branch-labels: alembic.ini', 'linear: alembic.ini']);
      assert.ok(roots.every((r) => r.tree.collapsibleState === vscode.TreeItemCollapsibleState.Expanded));
    });
  }
});
