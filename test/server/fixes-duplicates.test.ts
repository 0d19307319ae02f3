// Duplicate revision ids: a fresh id for one of the files, with its header, its file name (renamed
// in the same edit) and, only for the file Alembic actually uses, the references that resolve to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RenameFile, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { FixWorld, V } from './fixes-support';

const A = 'a1a1a1a1a1a1';
const C = 'c3c3c3c3c3c3';
const D = 'd4d4d4d4d4d4';

/** c3 declared twice: c3c3..._branch_one.py (loaded first) and zz_copy.py (loaded last: Alembic's). */
const files = () =>
  projectFiles({
    [`${A}_one.py`]: revisionText(A, null),
    [`${C}_branch_one.py`]: revisionText(C, A, 'branch one'),
    'zz_copy.py': revisionText(C, A, 'copy of c3'),
    [`${D}_after.py`]: revisionText(D, C, 'after c3', { depends: [C] }),
  });

test('the file loaded first: fresh id, header and file name; references keep meaning the file Alembic uses (preferred)', () => {
  const w = new FixWorld(files(), { ids: ['0123456789ab'] });
  const path = `${V}/${C}_branch_one.py`;
  const [fix] = w.actions(path, 'duplicate-revision-id', ['quickfix']);
  assert.equal(fix.title, `Give this revision a fresh id '0123456789ab', rename the file to 0123456789ab_branch_one.py; references to '${C}' keep meaning zz_copy.py, the file Alembic uses`);
  assert.equal(fix.isPreferred, true);
  const rename = fix.edit!.documentChanges!.find((c) => 'kind' in c) as RenameFile;
  assert.deepEqual([rename.oldUri, rename.newUri], [w.ws.uri(path), w.ws.uri(`${V}/0123456789ab_branch_one.py`)]);
  w.apply(fix);
  assert.equal(w.exists(path), false);
  const renamed = w.text(`${V}/0123456789ab_branch_one.py`);
  assert.match(renamed, /^revision = '0123456789ab'$/m);
  assert.match(renamed, /^Revision ID: 0123456789ab$/m);
  assert.match(w.text(`${V}/${D}_after.py`), new RegExp(`^down_revision = '${C}'$`, 'm'), 'd4 still follows zz_copy.py');
  assert.deepEqual(w.problems(undefined, 'duplicate-revision-id'), []);
  // The renumbered file was never run by Alembic: it now stands as a head of its own.
  assert.deepEqual([...w.ws.index.projects[0].indexed.map.heads].sort(), ['0123456789ab', D]);
});

test('the file Alembic uses: fresh id, and every reference to the id follows it (not preferred)', () => {
  const w = new FixWorld(files(), { ids: ['0123456789ab'] });
  const path = `${V}/zz_copy.py`;
  const [fix] = w.actions(path, 'duplicate-revision-id', ['quickfix']);
  assert.equal(fix.title, `Give this revision a fresh id '0123456789ab', and point the reference in ${D}_after.py at it (Alembic resolves '${C}' to this file)`);
  assert.notEqual(fix.isPreferred, true);
  assert.equal(fix.edit!.documentChanges!.some((c) => 'kind' in c), false, 'zz_copy.py does not start with the id: no rename');
  w.apply(fix);
  assert.match(w.text(path), /^revision = '0123456789ab'$/m);
  const after = w.text(`${V}/${D}_after.py`);
  assert.match(after, /^down_revision = '0123456789ab'$/m);
  assert.match(after, /^depends_on = \('0123456789ab',\)$/m);
  assert.match(after, /^Revises: 0123456789ab$/m);
  assert.match(w.text(`${V}/${C}_branch_one.py`), new RegExp(`^revision = '${C}'$`, 'm'), 'the other duplicate is untouched');
  assert.deepEqual(w.problems(undefined, 'duplicate-revision-id'), []);
  assert.deepEqual(w.problems(undefined, 'header-mismatch'), []);
});

test('a buffer of a referencing file ahead of the index: no fix for the file Alembic uses', () => {
  const w = new FixWorld(files());
  const after = `${V}/${D}_after.py`;
  const open = TextDocument.create(w.ws.uri(after), 'python', 3, w.text(after) + '# more\n');
  w.ctx.documents = { get: (uri: string) => (uri === open.uri ? open : undefined) } as unknown as TextDocuments<TextDocument>;
  assert.deepEqual(w.actions(`${V}/zz_copy.py`, 'duplicate-revision-id', ['quickfix']), []);
  assert.equal(w.actions(`${V}/${C}_branch_one.py`, 'duplicate-revision-id', ['quickfix']).length, 1);
});
