// Multiple heads on in-memory projects: the merge revision (rendered from the project's template,
// named and placed as Alembic would, created and opened through the server command) and re-pointing
// the newest head's branch. Each fix is applied and the project re-indexed to show one head.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { createMergeRevision, type EditorClient } from '../../server/src/features/fixes/merge-command';
import { MERGE_COMMAND, type MergeRevisionArgs } from '../../server/src/features/fixes/merge-revision';
import { uriToPath } from '../../server/src/lsp/uris';
import { FixWorld, pick, V } from './fixes-support';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3';
const D = 'd4d4d4d4d4d4';
const NOW = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));

/** An editor that applies edits to the world and records what it was asked to do. */
function editor(w: FixWorld, accept = true) {
  const log = { edits: [] as { label: string; edit: WorkspaceEdit }[], shown: [] as string[], errors: [] as string[] };
  const client: EditorClient = {
    applyEdit: async (label, edit) => {
      log.edits.push({ label, edit });
      if (!accept) return { applied: false, failureReason: 'the user said no' };
      w.apply(edit);
      return { applied: true };
    },
    showDocument: async (uri) => void log.shown.push(uri),
    showError: (message) => void log.errors.push(message),
  };
  return { client, log };
}

function mergeArgs(action: CodeAction): MergeRevisionArgs {
  assert.equal(action.command?.command, MERGE_COMMAND);
  assert.equal(action.edit, undefined, 'the merge runs as a command, so the file can be opened after');
  return action.command!.arguments![0] as MergeRevisionArgs;
}

/** a1 -> b2 -> {c3, d4}: two heads off the branch point b2. */
function forked(dates: { c: string; d: string } = { c: '2026-01-01 00:00:00.000000', d: '2026-01-01 00:00:00.000000' }) {
  const rev = (id: string, down: string, date: string) => revisionText(id, down).replace(/^Create Date: .*$/m, `Create Date: ${date}`);
  return projectFiles({
    [`${A}_one.py`]: revisionText(A, null),
    [`${B}_two.py`]: revisionText(B, A),
    [`${C}_three.py`]: rev(C, B, dates.c),
    [`${D}_four.py`]: rev(D, B, dates.d),
  });
}

test('merge all heads: the command creates the file alembic merge would write, opens it, one head left', async () => {
  const w = new FixWorld(forked(), { ids: ['feedfacecafe'], now: NOW });
  const actions = w.actions(`${V}/${C}_three.py`, 'multiple-heads', ['quickfix']);
  const merge = pick(actions, 'merge revision');
  assert.equal(merge.title, 'Create a merge revision of all 2 heads (as `alembic merge heads`)');
  assert.equal(merge.isPreferred, true);
  assert.deepEqual(mergeArgs(merge), { project: '/w/alembic.ini#alembic', heads: [C, D], message: 'merge heads' });

  const { client, log } = editor(w);
  const result = await createMergeRevision(w.ctx, client, mergeArgs(merge));
  const path = `${V}/feedfacecafe_merge_heads.py`;
  assert.deepEqual(result, { applied: true, uri: w.ws.uri(path), revision: 'feedfacecafe' });
  assert.deepEqual(log.shown, [w.ws.uri(path)]);
  assert.deepEqual(log.errors, []);
  const [create, insert] = log.edits[0].edit.documentChanges as [CreateFile, TextDocumentEdit];
  assert.equal(create.kind, 'create');
  assert.equal(insert.textDocument.uri, create.uri);
  const offset = -NOW.getTimezoneOffset();
  const local = new Date(NOW.getTime() + offset * 60000);
  const stamp = `${local.toISOString().slice(0, 10)} ${local.toISOString().slice(11, 19)}.678000`;
  assert.equal(
    w.text(path),
    `"""merge heads\n\nRevision ID: feedfacecafe\nRevises: ${C}, ${D}\nCreate Date: ${stamp}\n\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n` +
      `# revision identifiers, used by Alembic.\nrevision = 'feedfacecafe'\ndown_revision = ('${C}', '${D}')\nbranch_labels = None\ndepends_on = None\n\n\n` +
      'def upgrade() -> None:\n    pass\n\n\ndef downgrade() -> None:\n    pass\n',
  );
  assert.deepEqual(w.ws.index.projects[0].indexed.map.heads, ['feedfacecafe']);
  assert.deepEqual(w.problems(), []);
});

test('three heads: merge all, or this head with each other head only', async () => {
  const files = { ...forked(), [`${V}/e5e5e5e5e5e5_five.py`]: revisionText('e5e5e5e5e5e5', B) };
  const w = new FixWorld(files, { ids: ['0000000000aa'], now: NOW });
  const actions = w.actions(`${V}/${D}_four.py`, 'multiple-heads', ['quickfix']);
  assert.deepEqual(actions.filter((a) => a.command).map((a) => a.title), [
    'Create a merge revision of all 3 heads (as `alembic merge heads`)',
    `Create a merge revision of this head and '${C}' only`,
    "Create a merge revision of this head and 'e5e5e5e5e5e5' only",
  ]);
  const pair = mergeArgs(pick(actions, `'${C}' only`));
  assert.deepEqual(pair.heads, [D, C]);
  const { client } = editor(w);
  const result = await createMergeRevision(w.ctx, client, pair);
  assert.equal(result.applied, true);
  assert.ok(w.exists(`${V}/0000000000aa_merge_${D}_and_${C}.py`));
  assert.deepEqual([...w.ws.index.projects[0].indexed.map.heads].sort(), ['0000000000aa', 'e5e5e5e5e5e5']);
});

test("file_template, timezone and several version locations: named and placed as Alembic does, the template's config readable", async () => {
  const template = '"""${message}"""\n# ${config.get_main_option("databases")}\n# ${create_date}\nrevision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\nbranch_labels = None\ndepends_on = None\n';
  const files: Record<string, string> = {
    '/w/alembic.ini':
      '[DEFAULT]\ndatabases = engine1, engine2\n[alembic]\nscript_location = %(here)s/migrations\nversion_locations = %(here)s/first %(here)s/second\n' +
      'version_path_separator = space\nfile_template = %%(year)d%%(month).2d%%(day).2d_%%(rev)s_%%(slug)s\ntimezone = Asia/Tokyo\n',
    '/w/migrations/env.py': '',
    '/w/migrations/script.py.mako': template,
    '/w/first/a.py': revisionText(A, null),
    '/w/second/b.py': revisionText(B, A),
    '/w/second/c.py': revisionText(C, A),
  };
  const w = new FixWorld(files, { ids: ['123456789abc'], now: new Date(Date.UTC(2026, 0, 2, 20, 0, 0)) });
  const merge = pick(w.actions('/w/second/b.py', 'multiple-heads', ['quickfix']), 'all 2 heads');
  const args = mergeArgs(merge);
  assert.deepEqual(args.heads, [B, C], 'load order');
  const { client } = editor(w);
  const result = await createMergeRevision(w.ctx, client, args);
  const path = '/w/second/20260103_123456789abc_merge_heads.py';
  // Not the first location (/w/first): with several, Alembic uses the first head's folder.
  assert.equal(result.uri, w.ws.uri(path), "the first head's folder, the date in Tokyo");
  assert.match(w.text(path), /^# engine1, engine2$/m);
  assert.match(w.text(path), /^# 2026-01-03 05:00:00\+09:00$/m);
  assert.deepEqual(w.problems(undefined, 'multiple-heads'), []);
});

test('the command refuses what it cannot do, says why, and opens nothing', async () => {
  const w = new FixWorld(forked(), { ids: ['feedfacecafe'], now: NOW });
  const args = mergeArgs(pick(w.actions(`${V}/${C}_three.py`, 'multiple-heads', ['quickfix']), 'all 2'));
  const declined = editor(w, false);
  assert.deepEqual(await createMergeRevision(w.ctx, declined.client, args), {
    applied: false,
    error: `The editor did not create ${V}/feedfacecafe_merge_heads.py: the user said no`,
  });
  assert.deepEqual(declined.log.shown, []);
  const { client, log } = editor(w);
  const stale = await createMergeRevision(w.ctx, client, { ...args, heads: [C, B] });
  assert.equal(stale.applied, false);
  assert.match(log.errors[0], /b2b2b2b2b2b2 is no longer a head/);
  assert.equal((await createMergeRevision(w.ctx, client, { project: 'nope', heads: [C, D], message: 'm' })).applied, false);
  assert.equal((await createMergeRevision(w.ctx, client, 'garbage')).applied, false);
  assert.deepEqual(log.edits, [], 'nothing was sent to the editor');
  assert.deepEqual(log.shown, []);
});

test('an existing file of that name, or a template that fails to render, refuses the merge', async () => {
  // The file in the way is a revision of its own (a file Alembic cannot load would refuse the merge
  // earlier: see the conflict markers test): another base and head, leaving c3 and d4 heads.
  const files = { ...forked(), [`${V}/feedfacecafe_merge_heads.py`]: revisionText('e5e5e5e5e5e5', null) };
  const w = new FixWorld(files, { ids: ['feedfacecafe'], now: NOW });
  const args: MergeRevisionArgs = { project: '/w/alembic.ini#alembic', heads: [C, D], message: 'merge heads' };
  const { client, log } = editor(w);
  assert.match((await createMergeRevision(w.ctx, client, args)).error ?? '', /already exists/);
  const broken = new FixWorld({ ...forked(), '/w/migrations/script.py.mako': '${undefined_name.attr}\n' }, { now: NOW });
  const result = await createMergeRevision(broken.ctx, client, args);
  assert.match(result.error ?? '', /^Not merged: rendering \/w\/migrations\/script\.py\.mako failed: /);
  assert.equal(log.edits.length, 0);
});

test('while a file stops Alembic loading (here unresolved conflict markers), no merge nor re-point: disabled with the reason, or left out', async () => {
  // d4 was re-pointed onto c3 on one branch and not on the other: git left both sides in the file,
  // and Python would take the last one (b2), which leaves two heads.
  const files = forked({ c: '2026-01-01 10:00:00.000000', d: '2026-01-01 09:00:00.000000' });
  const dPath = `${V}/${D}_four.py`;
  files[dPath] = files[dPath].replace(`down_revision = '${B}'\n`, `<<<<<<< HEAD\ndown_revision = '${C}'\n=======\ndown_revision = '${B}'\n>>>>>>> feature\n`);
  const w = new FixWorld(files, { ids: ['feedfacecafe'], now: NOW });
  const marker = w.problems(dPath, 'syntax-error')[0];
  assert.ok(marker, 'the markers are a syntax error');
  const line = marker.span.start.line + 1;
  const cPath = `${V}/${C}_three.py`;
  assert.equal(w.problems(cPath, 'multiple-heads').length, 1, 'the heads the last side gives are still reported');

  assert.deepEqual(w.actions(cPath, 'multiple-heads', ['quickfix']), [], 'a client that cannot show why gets none');
  Object.assign(w.ctx, { disabledCodeActions: true });
  const actions = w.actions(cPath, 'multiple-heads', ['quickfix']);
  assert.deepEqual(actions.map((a) => a.title.split(' ')[0]), ['Create', 'Re-point']);
  for (const action of actions) {
    assert.equal(action.disabled?.reason, `Fix ${D}_four.py:${line} first (syntax-error): Alembic cannot load the scripts until then, so \`alembic merge\` would fail and the heads may not be the real ones.`);
    assert.notEqual(action.isPreferred, true);
  }

  const { client, log } = editor(w);
  const refused = await createMergeRevision(w.ctx, client, { project: '/w/alembic.ini#alembic', heads: [C, D], message: 'merge heads' });
  assert.equal(refused.applied, false);
  assert.match(log.errors[0], new RegExp(`^Not merged\\. Fix ${D}_four\\.py:${line} first \\(syntax-error\\)`));
  assert.deepEqual(log.edits, []);
});

test('re-point: offered on the newest head only (by Create Date), moves its branch onto the other head', () => {
  const w = new FixWorld(forked({ c: '2026-01-01 10:00:00.000000', d: '2026-01-01 09:00:00.000000' }));
  assert.deepEqual(w.actions(`${V}/${D}_four.py`, 'multiple-heads', ['quickfix']).filter((a) => !a.command), [], 'd4 is older');
  const path = `${V}/${C}_three.py`;
  const repoint = pick(w.actions(path, 'multiple-heads', ['quickfix']), 'Re-point');
  assert.equal(repoint.title, `Re-point this revision onto head '${D}' (down_revision '${B}' → '${D}'; only if it is not applied to any database yet)`);
  assert.notEqual(repoint.isPreferred, true);
  w.apply(repoint);
  assert.match(w.text(path), new RegExp(`^down_revision = '${D}'\\n`, 'm'));
  assert.match(w.text(path), new RegExp(`^Revises: ${D}$`, 'm'));
  assert.deepEqual(w.ws.index.projects[0].indexed.map.heads, [C]);
  assert.deepEqual(w.problems(), []);
});

test("re-point moves the branch's first revision; dates that tie offer it on each head", () => {
  const files = { ...forked(), [`${V}/f6f6f6f6f6f6_six.py`]: revisionText('f6f6f6f6f6f6', D) };
  const w = new FixWorld(files);
  const fromTop = pick(w.actions(`${V}/f6f6f6f6f6f6_six.py`, 'multiple-heads', ['quickfix']), 'Re-point');
  assert.equal(fromTop.title, `Re-point '${D}' onto head '${C}' (down_revision '${B}' → '${C}'; only if it is not applied to any database yet)`);
  assert.ok(pick(w.actions(`${V}/${C}_three.py`, 'multiple-heads', ['quickfix']), 'Re-point'));
  w.apply(fromTop);
  assert.match(w.text(`${V}/${D}_four.py`), new RegExp(`^down_revision = '${C}'$`, 'm'));
  assert.deepEqual(w.ws.index.projects[0].indexed.map.heads, ['f6f6f6f6f6f6']);
  assert.deepEqual(w.problems(), []);
});

test('independent roots and labelled branches: merge only, and not preferred for an intentional branch', () => {
  const roots = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, null) }));
  assert.deepEqual(roots.actions(`${V}/${B}_two.py`, 'multiple-heads', ['quickfix']).map((a) => a.title), [
    'Create a merge revision of all 2 heads (as `alembic merge heads`)',
  ]);
  const labelled = new FixWorld(projectFiles({
    [`${A}_one.py`]: revisionText(A, null),
    [`${B}_two.py`]: revisionText(B, A, 'two', { labels: ['left'] }),
    [`${C}_three.py`]: revisionText(C, A, 'three', { labels: ['right'] }),
  }));
  const actions = labelled.actions(`${V}/${B}_two.py`, 'multiple-heads', ['quickfix']);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [['Create a merge revision of all 2 heads (as `alembic merge heads`)', false]]);
});

test('the id source: a merge gets a fresh id from the context each time', async () => {
  const w = new FixWorld(forked(), { now: NOW });
  const args = mergeArgs(pick(w.actions(`${V}/${C}_three.py`, 'multiple-heads', ['quickfix']), 'all 2'));
  const { client, log } = editor(w, false);
  await createMergeRevision(w.ctx, client, args);
  await createMergeRevision(w.ctx, client, args);
  const created = log.edits.map((e) => uriToPath((e.edit.documentChanges![0] as CreateFile).uri));
  assert.deepEqual(created, [`${V}/f00000000001_merge_heads.py`, `${V}/f00000000002_merge_heads.py`]);
});
