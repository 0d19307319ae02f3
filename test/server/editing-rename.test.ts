// Rename of revision ids and branch labels on in-memory projects: the workspace edit is applied to the
// texts (and the file renamed), the result indexed again, and its graph must be the old graph with the
// new name and the same problems. Every refusal says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RenameFile, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { projectFiles, revisionText, testWorkspace, type TestWorkspace } from '../helpers/featureContext';
import { prepareRename, rename } from '../../server/src/features/rename';
import { renamedFileName } from '../../server/src/features/edit-filename';
import { uriToPath } from '../../server/src/lsp/uris';
import type { ProjectState } from '../../server/src/workspaceIndex';

const V = '/w/migrations/versions';

/** The position of the `nth` occurrence of `needle` in `text`, `offset` characters into it. */
function posOf(text: string, needle: string, offset = 1, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} not found`);
  }
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function renameAt(w: TestWorkspace, files: Record<string, string>, path: string, needle: string, newName: string, nth = 0) {
  // The cursor right after the needle: end it inside the literal or label to rename.
  return rename(w.ctx, { textDocument: { uri: w.uri(path) }, position: posOf(files[path], needle, needle.length, nth), newName });
}

/** The files after the edit: text edits applied, then renames, in the edit's order. */
function applyEdit(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const out = { ...files };
  assert.equal(edit.changes, undefined, 'everything travels in documentChanges');
  for (const change of edit.documentChanges ?? []) {
    if (TextDocumentEdit.is(change)) {
      const path = uriToPath(change.textDocument.uri)!;
      assert.ok(path in out, `edit of a missing file ${path}`);
      out[path] = TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'python', 0, out[path]), change.edits as TextEdit[]);
    } else if (RenameFile.is(change)) {
      const from = uriToPath(change.oldUri)!;
      const to = uriToPath(change.newUri)!;
      assert.ok(!(to in out), `rename onto an existing file ${to}`);
      out[to] = out[from];
      delete out[from];
    } else assert.fail(`unexpected change ${JSON.stringify(change)}`);
  }
  return out;
}

/** The graph and problems as plain data, with ids and paths renamed by `rn` (to compare before/after). */
function shape(p: ProjectState, rn: (s: string) => string = (s) => s) {
  const m = p.indexed.map;
  const ids = (xs: string[]) => xs.map(rn);
  const nodes = m.nodes.map((n) => ({
    id: rn(n.id), file: rn(n.file), doc: n.doc, down: ids(n.down), dependsOn: ids(n.dependsOn), branchLabels: ids(n.branchLabels),
    parents: ids(n.parents), children: ids(n.children), labels: ids(n.labels).sort(), resolvedDeps: ids(n.resolvedDeps),
    head: n.isHead, base: n.isBase, branch: n.isBranchPoint, merge: n.isMergePoint,
  }));
  nodes.sort((a, b) => (a.id < b.id ? -1 : 1));
  const problems = p.indexed.problems.map((x) => `${x.code} ${rn(x.file)} ${x.span.start.line}`).sort();
  return { nodes, heads: ids(m.heads).sort(), bases: ids(m.bases).sort(), problems };
}

/** Renames `from` to `to` in a string: whole ids and labels, and the start of file names. */
function renamer(from: string, to: string, movesFile: boolean) {
  return (s: string) => (s === from ? to : movesFile && s.startsWith(`${V}/${from}`) ? `${V}/${to}${s.slice(V.length + 1 + from.length)}` : s.replace(new RegExp(`^${from}@`), `${to}@`));
}

function assertSameGraph(before: TestWorkspace, after: TestWorkspace, from: string, to: string, movesFile = true): void {
  assert.deepEqual(shape(after.index.projects[0]), shape(before.index.projects[0], renamer(from, to, movesFile)));
}

const linear = () =>
  projectFiles({
    'a1a1_first.py': revisionText('a1a1', null, 'first'),
    'b2b2_second.py': revisionText('b2b2', 'a1a1', 'second'),
    'c3c3_third.py': revisionText('c3c3', 'b2b2', 'third', { depends: ['a1a1'] }),
  });

test('renaming an id rewrites the literal, the headers, every reference and the file name', () => {
  const files = linear();
  const w = testWorkspace(files);
  const out = renameAt(w, files, `${V}/b2b2_second.py`, "revision = 'b2b2", 'b2b2renamed');
  assert.ok(out?.ok, JSON.stringify(out));
  const changes = out.value.documentChanges!;
  // Text edits first, the file rename last (the edits address the old name).
  assert.ok(RenameFile.is(changes[changes.length - 1]));
  assert.deepEqual(changes[changes.length - 1], {
    kind: 'rename', oldUri: w.uri(`${V}/b2b2_second.py`), newUri: w.uri(`${V}/b2b2renamed_second.py`), options: { overwrite: false, ignoreIfExists: false },
  });
  const next = applyEdit(files, out.value);
  assert.match(next[`${V}/b2b2renamed_second.py`], /Revision ID: b2b2renamed\n/);
  assert.match(next[`${V}/b2b2renamed_second.py`], /^revision = 'b2b2renamed'$/m);
  assert.match(next[`${V}/c3c3_third.py`], /^Revises: b2b2renamed$/m);
  assert.match(next[`${V}/c3c3_third.py`], /^down_revision = 'b2b2renamed'$/m);
  assert.equal(next[`${V}/a1a1_first.py`], files[`${V}/a1a1_first.py`], 'files without a mention are untouched');
  assertSameGraph(w, testWorkspace(next), 'b2b2', 'b2b2renamed');
});

test('the same rename is offered from a reference: down_revision, depends_on and the Revises header', () => {
  const files = linear();
  const w = testWorkspace(files);
  const c3 = `${V}/c3c3_third.py`;
  const dependsPos = posOf(files[c3], "('a1a1'", 2);
  const prepared = prepareRename(w.ctx, { textDocument: { uri: w.uri(c3) }, position: dependsPos });
  assert.ok(prepared?.ok);
  assert.equal(prepared.value.placeholder, 'a1a1');
  assert.equal(files[c3].split('\n')[prepared.value.range.start.line].slice(prepared.value.range.start.character, prepared.value.range.end.character), 'a1a1');
  const viaDepends = rename(w.ctx, { textDocument: { uri: w.uri(c3) }, position: dependsPos, newName: 'a1new' });
  const viaHeader = rename(w.ctx, { textDocument: { uri: w.uri(`${V}/b2b2_second.py`) }, position: posOf(files[`${V}/b2b2_second.py`], 'Revises: a1a1', 10), newName: 'a1new' });
  assert.ok(viaDepends?.ok && viaHeader?.ok);
  assert.deepEqual(viaHeader.value, viaDepends.value, 'one edit whatever mention the cursor is on');
  const next = applyEdit(files, viaDepends.value);
  assert.match(next[c3], /^depends_on = \('a1new',\)$/m);
  assert.match(next[`${V}/b2b2_second.py`], /^down_revision = 'a1new'$/m);
  assertSameGraph(w, testWorkspace(next), 'a1a1', 'a1new');
});

test('merge tuples, literals written in pieces and a file template without the id up front', () => {
  const files = projectFiles({
    'a1a1_one.py': revisionText('a1a1', null, 'one'),
    'b2b2_two.py': revisionText('b2b2', null, 'two'),
    'm3m3_merge.py': revisionText('m3m3', ['a1a1', 'b2b2'], 'merge').replace("'a1a1', 'b2b2'", "'a1' \"a1\", 'b2b2'"),
  });
  files['/w/alembic.ini'] += 'file_template = %%(year)d_%%(rev)s_%%(slug)s\n';
  const w = testWorkspace(files);
  assert.deepEqual(w.index.projects[0].indexed.map.byId.get('m3m3')?.down, ['a1a1', 'b2b2']);
  const out = renameAt(w, files, `${V}/a1a1_one.py`, "revision = 'a1a1", 'x9');
  assert.ok(out?.ok);
  assert.ok(!out.value.documentChanges!.some((c) => RenameFile.is(c)), 'the template does not start with the id: the file keeps its name');
  const next = applyEdit(files, out.value);
  assert.match(next[`${V}/m3m3_merge.py`], /^down_revision = \('x9', 'b2b2'\)$/m);
  assert.match(next[`${V}/m3m3_merge.py`], /^Revises: x9, b2b2$/m);
  assert.ok(`${V}/a1a1_one.py` in next);
  assertSameGraph(w, testWorkspace(next), 'a1a1', 'x9', false);
});

test('a branch label is renamed where declared and where used, plain or as label@head', () => {
  const files = projectFiles({
    'c1c1_core.py': revisionText('c1c1', null, 'core', { labels: ['core'] }),
    'c2c2_core.py': revisionText('c2c2', 'c1c1', 'core two'),
    'x1x1_ext.py': revisionText('x1x1', null, 'ext', { depends: ['core', 'core@head'] }),
  });
  const w = testWorkspace(files);
  const x1 = `${V}/x1x1_ext.py`;
  const prepared = prepareRename(w.ctx, { textDocument: { uri: w.uri(x1) }, position: posOf(files[x1], "'core@head'", 3) });
  assert.ok(prepared?.ok);
  assert.equal(prepared.value.placeholder, 'core');
  assert.equal(prepared.value.range.end.character - prepared.value.range.start.character, 4, 'only the label part of core@head');
  const out = renameAt(w, files, `${V}/c1c1_core.py`, "branch_labels = ('core", 'kernel');
  assert.ok(out?.ok, JSON.stringify(out));
  assert.ok(!out.value.documentChanges!.some((c) => RenameFile.is(c)));
  const next = applyEdit(files, out.value);
  assert.match(next[`${V}/c1c1_core.py`], /^branch_labels = \('kernel',\)$/m);
  assert.match(next[x1], /^depends_on = \('kernel', 'kernel@head'\)$/m);
  assert.equal(next[`${V}/c2c2_core.py`], files[`${V}/c2c2_core.py`]);
  assertSameGraph(w, testWorkspace(next), 'core', 'kernel', false);
});

test('refusals name the reason', () => {
  const files = projectFiles({
    'a1a1a1a1_first.py': revisionText('a1a1a1a1', null, 'first', { labels: ['core'] }),
    'b2b2_second.py': revisionText('b2b2', 'a1a1', 'second').replace("down_revision = 'a1a1'", "down_revision = 'a1a1a1a1'"),
    'd1d1_dup.py': revisionText('d1d1', 'b2b2', 'dup one'),
    'd1d1_dup_again.py': revisionText('d1d1', 'b2b2', 'dup two'),
    'e5e5_broken.py': revisionText('e5e5', 'zzzz', 'broken').replace("depends_on = None", "depends_on = 'a1a1'"),
  });
  const w = testWorkspace(files);
  const e5 = `${V}/e5e5_broken.py`;
  const a1 = `${V}/a1a1a1a1_first.py`;
  const refused = (path: string, needle: string, newName = 'fresh', offset = 1) => {
    const out = rename(w.ctx, { textDocument: { uri: w.uri(path) }, position: posOf(files[path], needle, offset), newName });
    const prep = prepareRename(w.ctx, { textDocument: { uri: w.uri(path) }, position: posOf(files[path], needle, offset) });
    assert.ok(out && !out.ok, `${needle} -> ${newName} should be refused: ${JSON.stringify(out)}`);
    return { reason: out.reason, prepared: prep };
  };
  // Where the cursor is: not an id, an id naming nothing, a shortened id, a duplicate, a file-name id.
  assert.match(refused(e5, 'def upgrade', 'x', 5).reason, /Put the cursor on a revision id/);
  assert.match(refused(e5, "'zzzz'", 'x', 2).reason, /'zzzz' names no revision or branch label/);
  assert.match(refused(e5, "depends_on = 'a1a1", 'x', 15).reason, /shortened id of a1a1a1a1.*Write 'a1a1a1a1' first/);
  const dup = refused(`${V}/d1d1_dup.py`, "revision = 'd1d1", 'x', 13);
  assert.match(dup.reason, /2 files declare the revision id 'd1d1'/);
  assert.ok(dup.prepared && !dup.prepared.ok, 'prepareRename refuses too');
  // A legacy revision (id from its file name) cannot be renamed without a `revision` line.
  const legacyRef = projectFiles({ 'f6f6f6.py': '"""legacy"""\ndown_revision = None\n', 'a7_x.py': revisionText('a7a7', 'f6f6f6') });
  const lw = testWorkspace(legacyRef);
  const lout = rename(lw.ctx, { textDocument: { uri: lw.uri(`${V}/a7_x.py`) }, position: posOf(legacyRef[`${V}/a7_x.py`], "down_revision = 'f6", 18), newName: 'abc' });
  assert.ok(lout && !lout.ok);
  assert.match(lout.reason, /takes its id from its file name.*Add `revision = 'f6f6f6'`/);
  // The new name: Alembic's illegal characters, unsafe characters, reserved words, length, clashes.
  const at = "revision = 'a1a1";
  for (const [name, why] of [
    ['a1-x', /Character\(s\) '-' not allowed in revision identifier 'a1-x'.*'a1_x'/],
    ['a@b+c', /Character\(s\) '\+, @' not allowed/],
    ['a:b', /Character\(s\) ':' not allowed/],
    ['has space', /spaces, commas, quotes/],
    ["it's", /spaces, commas, quotes/],
    ['head', /'head' is a symbol Alembic resolves/],
    ['x'.repeat(33), /33 characters long.*VARCHAR|holds 32/],
    ['b2b2', /A revision with the id 'b2b2' already exists \(b2b2_second.py\)/],
    ['core', /already a branch label of revision a1a1a1a1/],
    ['a1a1a1a1', /already 'a1a1a1a1'/],
    ['', /Type a new revision id/],
  ] as const) {
    assert.match(refused(a1, at, name, 13).reason, why, name);
  }
  // Labels: clashes with an id or another label, characters that break label@head.
  const labelAt = "branch_labels = ('core";
  assert.match(refused(a1, labelAt, 'b2b2', 19).reason, /'b2b2' is a revision id/);
  assert.match(refused(a1, labelAt, 'co@re', 19).reason, /cannot be used in targets like 'co@re@head'/);
});

test('refusals for files: a rename onto an existing file, and documents outside every project', () => {
  const files = linear();
  files[`${V}/zz9_second.py`] = revisionText('zz8', 'c3c3', 'squatter');
  const w = testWorkspace(files);
  const out = renameAt(w, files, `${V}/b2b2_second.py`, "revision = 'b2b2", 'zz9');
  assert.ok(out && !out.ok);
  assert.match(out.reason, /renamed to zz9_second.py, but that file already exists/);
  const env = prepareRename(w.ctx, { textDocument: { uri: w.uri('/w/migrations/env.py') }, position: { line: 0, character: 0 } });
  assert.equal(env, null, 'not a revision file: no opinion, so other rename providers can answer');
});

test('a label declared twice is refused', () => {
  const files = projectFiles({
    'a1a1_one.py': revisionText('a1a1', null, 'one', { labels: ['core'] }),
    'b2b2_two.py': revisionText('b2b2', null, 'two', { labels: ['core'] }),
  });
  const w = testWorkspace(files);
  const out = renameAt(w, files, `${V}/a1a1_one.py`, "('core", 'kernel');
  assert.ok(out && !out.ok);
  assert.match(out.reason, /'core' is declared more than once/);
});

test('the file name follows the id only where file_template puts the id first', () => {
  assert.equal(renamedFileName('%(rev)s_%(slug)s', 'a1a1_add_x.py', 'a1a1', 'b9'), 'b9_add_x.py');
  assert.equal(renamedFileName('%(rev)s_%(slug)s', 'a1a1_add_x.py', 'a1', 'b9'), null, 'a1a1_... is not the file of id a1');
  assert.equal(renamedFileName('%(rev)s', 'a1a1.py', 'a1a1', 'b9'), 'b9.py');
  assert.equal(renamedFileName('%(rev)s', 'a1a1_x.py', 'a1a1', 'b9'), null);
  assert.equal(renamedFileName('%(rev)s%(slug)s', 'a1a1add.py', 'a1a1', 'b9'), 'b9add.py');
  assert.equal(renamedFileName('%(year)d_%(rev)s_%(slug)s', '2024_a1a1_x.py', 'a1a1', 'b9'), null);
  assert.equal(renamedFileName('%(rev)s_%(slug)s', 'renamed_by_hand.py', 'a1a1', 'b9'), null);
});
