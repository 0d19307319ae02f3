// Code actions over stdio, on copies of the fixture projects: ask for the actions of the published
// diagnostics, apply the returned edit to the files as an editor would (or let the merge command
// ask for it through workspace/applyEdit), tell the server, and see the diagnostics clear. The merge
// is also checked with real Alembic: one head afterwards.
import { test, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApplyWorkspaceEditParams, CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import { applyWorkspaceEdit } from '../../server/src/features/fixes/apply-edits';
import { uriToPath } from '../../server/src/lsp/uris';
import { copyFixtures, LspClient, removeDir, uriOf } from '../helpers/lspClient';

const dir = copyFixtures('multiple-heads', 'merge-conflict', 'missing-parent', 'partial-id-parent', 'header-mismatch', 'duplicate-id', 'parent-is-filename', 'label-as-parent', 'partial-dependency');
after(() => removeDir(dir));
const versions = (project: string) => join(dir, project, 'migrations/versions');

async function actionsFor(client: LspClient, path: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(path) }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

/** Applies a workspace edit to the files on disk; returns the watcher events an editor's save would cause. */
function applyOnDisk(edit: WorkspaceEdit): { path: string; type: 1 | 2 | 3 }[] {
  const uris = [
    ...Object.keys(edit.changes ?? {}),
    ...(edit.documentChanges ?? []).flatMap((c) => ('kind' in c ? (c.kind === 'rename' ? [c.oldUri, c.newUri] : [c.uri]) : [c.textDocument.uri])),
  ];
  const before = new Map<string, string>();
  for (const uri of uris) {
    const path = uriToPath(uri)!;
    if (existsSync(path)) before.set(path, readFileSync(path, 'utf8'));
  }
  const afterEdit = applyWorkspaceEdit(before, edit);
  const events: { path: string; type: 1 | 2 | 3 }[] = [];
  for (const path of before.keys()) {
    if (!afterEdit.has(path)) {
      rmSync(path);
      events.push({ path, type: 3 });
    }
  }
  for (const [path, text] of afterEdit) {
    if (before.get(path) === text) continue;
    writeFileSync(path, text);
    events.push({ path, type: before.has(path) ? 2 : 1 });
  }
  return events;
}

/** Writes an edit to disk as an editor would, tells the server, and waits for the re-index; returns the watcher events. */
async function applyAndReindex(client: LspClient, edit: WorkspaceEdit): Promise<{ path: string; type: 1 | 2 | 3 }[]> {
  const events = applyOnDisk(edit);
  await client.nextIndex(() => client.filesChanged(events));
  return events;
}

/** A server on one copied fixture project, indexed before `body` runs and stopped after it (also when it fails). */
async function withServerOn(project: string, body: (client: LspClient) => Promise<void>): Promise<void> {
  const client = await LspClient.start({ folders: [join(dir, project)] });
  try {
    await client.waitForIndexCount(1);
    await body(client);
  } finally {
    await client.stop();
  }
}

test('a file with unresolved conflict markers: the merge quick fix is shown disabled, saying which file to fix first', async () => {
  await withServerOn('merge-conflict', async (client) => {
    const c3 = join(versions('merge-conflict'), 'c3c3c3c3c3c3_add_index.py');
    await client.waitFor('heads diagnostics', () => client.diagnosticsFor(c3).some((d) => d.code === 'multiple-heads'));
    const marker = client.diagnosticsFor(c3).find((d) => d.code === 'syntax-error');
    assert.match(String(marker?.message ?? ''), /merge conflict marker/);
    const heads = client.diagnosticsFor(c3).filter((d) => d.code === 'multiple-heads');
    const merge = (await actionsFor(client, c3, heads, ['quickfix'])).find((a) => a.command?.command === 'alembic.server.createMergeRevision');
    assert.ok(merge, 'the merge action is listed');
    assert.match(merge.disabled?.reason ?? '', new RegExp(`^Fix c3c3c3c3c3c3_add_index\\.py:${marker!.range.start.line + 1} first \\(syntax-error\\)`));
  });
});

/**
 * `alembic heads` by real Alembic in a copied project, or undefined when it cannot run here: the test is
 * then marked skipped with the reason (on CI that is an error instead).
 */
function alembicHeads(t: TestContext, project: string): { heads: string[]; stderr: string } | undefined {
  const run = spawnSync('/usr/bin/python3', ['-m', 'alembic', 'heads'], { cwd: join(dir, project), encoding: 'utf8', shell: false, timeout: 60_000 });
  if (run.error || /No module named alembic/.test(run.stderr ?? '')) {
    const missing = `real Alembic unavailable (/usr/bin/python3 -m alembic): ${run.error?.message ?? run.stderr.trim()}`;
    if (process.env.CI === 'true') throw new Error(missing);
    console.log(`# skipped the Alembic check: ${missing}`);
    t.skip(missing);
    return undefined;
  }
  assert.equal(run.status, 0, `alembic heads failed:\n${run.stderr}`);
  return { heads: run.stdout.split('\n').filter((l) => l.trim() !== ''), stderr: run.stderr };
}

test('multiple heads: the merge command creates the merge revision, opens it, the heads problem clears, Alembic sees one head', async (t) => {
  await withServerOn('multiple-heads', async (client) => {
    const a2 = join(versions('multiple-heads'), 'a2a2a2a2a2a2_app_two.py');
    const e2 = join(versions('multiple-heads'), 'e2e2e2e2e2e2_other_two.py');
    await client.waitFor('heads diagnostics', () => client.diagnosticsFor(a2).some((d) => d.code === 'multiple-heads'));
    const capabilities = client.initializeResult.capabilities;
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['alembic.server.createMergeRevision']);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.alembic']);

    const actions = await actionsFor(client, a2, client.diagnosticsFor(a2), ['quickfix']);
    const merge = actions.find((a) => a.command?.command === 'alembic.server.createMergeRevision');
    assert.ok(merge, `a merge action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(merge.isPreferred, true);

    const applied: ApplyWorkspaceEditParams[] = [];
    const shown: string[] = [];
    let events: { path: string; type: 1 | 2 | 3 }[] = [];
    client.conn.onRequest('workspace/applyEdit', (p: ApplyWorkspaceEditParams) => {
      applied.push(p);
      events = applyOnDisk(p.edit);
      return { applied: true };
    });
    client.conn.onRequest('window/showDocument', (p: { uri: string }) => {
      shown.push(p.uri);
      return { success: true };
    });
    const result = await client.request<{ applied: boolean; uri: string; revision: string }>('workspace/executeCommand', {
      command: merge.command!.command,
      arguments: merge.command!.arguments,
    });
    assert.equal(result.applied, true);
    assert.equal(applied.length, 1);
    assert.deepEqual(shown, [result.uri]);
    const created = uriToPath(result.uri)!;
    assert.equal(created, join(versions('multiple-heads'), `${result.revision}_merge_heads.py`));
    assert.match(readFileSync(created, 'utf8'), /^down_revision = \('a2a2a2a2a2a2', 'e2e2e2e2e2e2'\)$/m);

    assert.deepEqual(events, [{ path: created, type: 1 }]);
    const info = await client.nextIndex(() => client.filesChanged(events));
    assert.equal(info.headCount, 1);
    await client.waitFor('heads diagnostics cleared', () => client.diagnosticsFor(a2).length === 0 && client.diagnosticsFor(e2).length === 0);
    assert.deepEqual(client.diagnosticsFor(created), []);
  });

  const heads = alembicHeads(t, 'multiple-heads');
  if (!heads) return;
  assert.equal(heads.heads.length, 1, `alembic heads: ${heads.heads.join(' / ')}`);
  assert.match(heads.heads[0], /^[0-9a-f]{12} \(head\)$/);
});

test('a broken parent: the current-head fix written to disk clears the error', async () => {
  await withServerOn('missing-parent', async (client) => {
    const b2 = join(versions('missing-parent'), 'b2b2b2b2b2b2_add_email.py');
    await client.waitFor('broken link', () => client.diagnosticsFor(b2).some((d) => d.code === 'broken-down-revision'));
    const actions = await actionsFor(client, b2, client.diagnosticsFor(b2));
    const fix = actions.find((a) => a.title === "Change down_revision to 'a1a1a1a1a1a1' (a1a1a1a1a1a1_create_users.py)");
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    await applyAndReindex(client, fix.edit!);
    assert.match(readFileSync(b2, 'utf8'), /^down_revision = 'a1a1a1a1a1a1'$/m);
    await client.waitFor('b2 diagnostics cleared', () => client.diagnosticsFor(b2).length === 0);
  });
});

test('fix-all on save: the shortened parent id expanded, no problem left', async () => {
  await withServerOn('partial-id-parent', async (client) => {
    const b2 = join(versions('partial-id-parent'), 'b2b2b2b2b2b2_add_email.py');
    await client.waitFor('partial id', () => client.diagnosticsFor(b2).some((d) => d.code === 'partial-id-in-down-revision'));
    const actions = await actionsFor(client, b2, [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.alembic']);
    await applyAndReindex(client, actions[0].edit!);
    await client.waitFor('b2 diagnostics cleared', () => client.diagnosticsFor(b2).length === 0);
  });
});

test('header mismatch in an open editor: versioned edits on the buffer, applied as changes, clear the warnings', async () => {
  await withServerOn('header-mismatch', async (client) => {
    const b2 = join(versions('header-mismatch'), 'b2b2b2b2b2b2_header_disagrees.py');
    let text = readFileSync(b2, 'utf8');
    await client.nextIndex(() => client.open(b2, text));
    await client.waitFor('two header warnings', () => client.diagnosticsFor(b2).filter((d) => d.code === 'header-mismatch').length === 2);
    let version = 1;
    while (client.diagnosticsFor(b2).some((d) => d.code === 'header-mismatch')) {
      const [fix] = await actionsFor(client, b2, client.diagnosticsFor(b2).filter((d) => d.code === 'header-mismatch').slice(0, 1), ['quickfix']);
      assert.ok(fix && fix.isPreferred);
      const change = fix.edit!.documentChanges![0] as { textDocument: { version: number | null } };
      assert.equal(change.textDocument.version, version, 'tied to the buffer version the server has');
      text = applyWorkspaceEdit(new Map([[b2, text]]), fix.edit!).get(b2)!;
      version++;
      const count = client.diagnosticsFor(b2).length;
      await client.nextIndex(() => client.change(b2, text));
      await client.waitFor('one warning fewer', () => client.diagnosticsFor(b2).length === count - 1);
    }
    assert.match(text, /^Revision ID: b2b2b2b2b2b2\nRevises: a1a1a1a1a1a1\n/m);
  });
});

test('duplicate id: a fresh id and a renamed file clear the duplicate; Alembic no longer warns', async (t) => {
  const loser = join(versions('duplicate-id'), 'c3c3c3c3c3c3_branch_one.py');
  await withServerOn('duplicate-id', async (client) => {
    await client.waitFor('duplicate', () => client.diagnosticsFor(loser).some((d) => d.code === 'duplicate-revision-id'));
    const [fix] = await actionsFor(client, loser, client.diagnosticsFor(loser).filter((d) => d.code === 'duplicate-revision-id'), ['quickfix']);
    assert.ok(fix.isPreferred);
    assert.match(fix.title, /references to 'c3c3c3c3c3c3' keep meaning zz_duplicate\.py, the file Alembic uses$/);
    const events = await applyAndReindex(client, fix.edit!);
    assert.deepEqual(events.map((e) => e.type).sort(), [1, 3], 'the old name deleted, the new one created');
    await client.waitFor('no duplicate left', () => [...client.diagnostics.values()].flat().every((d) => d.code !== 'duplicate-revision-id'));
  });
  const heads = alembicHeads(t, 'duplicate-id');
  if (!heads) return;
  assert.doesNotMatch(heads.stderr, /present more than once/);
});

test('the preferred fix of a file name, a branch label and a shortened dependency: each link error clears', async () => {
  const cases = [
    ['parent-is-filename', 'b2b2b2b2b2b2_add_email.py', 'broken-down-revision'],
    ['label-as-parent', 'b2b2b2b2b2b2_add_email.py', 'label-in-down-revision'],
    ['partial-dependency', 'c3c3c3c3c3c3_other_root.py', 'broken-depends-on'],
  ] as const;
  const client = await LspClient.start({ folders: cases.map(([project]) => join(dir, project)) });
  try {
    await client.waitForIndexCount(cases.length);
    for (const [project, name, code] of cases) {
      const path = join(versions(project), name);
      await client.waitFor(`${code} in ${project}`, () => client.diagnosticsFor(path).some((d) => d.code === code));
      const actions = await actionsFor(client, path, client.diagnosticsFor(path).filter((d) => d.code === code), ['quickfix']);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1, `${project}: ${actions.map((a) => a.title).join(' | ')}`);
      await applyAndReindex(client, preferred[0].edit!);
      await client.waitFor(`${code} cleared in ${project}`, () => client.diagnosticsFor(path).every((d) => d.code !== code));
    }
  } finally {
    await client.stop();
  }
});
