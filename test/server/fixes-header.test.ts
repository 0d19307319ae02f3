// The docstring header rewrite and `source.fixAll.alembic`, on in-memory projects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { FixWorld, pick, V } from './fixes-support';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3';

test('header-mismatch: `Revision ID:` and `Revises:` rewritten from the variables, each preferred', () => {
  const two = revisionText(B, A).replace(`Revision ID: ${B}`, 'Revision ID: 999999999999').replace(`Revises: ${A}`, 'Revises: 888888888888');
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: two }));
  const path = `${V}/${B}_two.py`;
  const actions = w.actions(path, 'header-mismatch', ['quickfix']);
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred]),
    [
      [`Update the docstring header to \`Revision ID: ${B}\` (from the variables)`, true],
      [`Update the docstring header to \`Revises: ${A}\` (from the variables)`, true],
    ],
  );
  w.apply(actions[0]);
  w.apply(pick(w.actions(path, 'header-mismatch'), 'Revises'));
  assert.match(w.text(path), new RegExp(`^Revision ID: ${B}\\nRevises: ${A}\\n`, 'm'));
  assert.deepEqual(w.problems(path), []);
});

test('header-mismatch on a base and on a merge: cleared, and written after a bare colon with a space', () => {
  const base = revisionText(A, null).replace('Revises: \n', `Revises: ${C}\n`);
  const merge = revisionText(C, [A, B]).replace(`Revises: ${A}, ${B}`, 'Revises:');
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: base, [`${B}_two.py`]: revisionText(B, A), [`${C}_merge.py`]: merge }));
  const basePath = `${V}/${A}_one.py`;
  const cleared = pick(w.actions(basePath, 'header-mismatch'), 'Clear');
  assert.equal(cleared.title, 'Clear the docstring header `Revises:` (down_revision is None: a base)');
  w.apply(cleared);
  assert.match(w.text(basePath), /^Revises: $/m);
  const mergePath = `${V}/${C}_merge.py`;
  w.apply(pick(w.actions(mergePath, 'header-mismatch'), 'Revises'));
  assert.match(w.text(mergePath), new RegExp(`^Revises: ${A}, ${B}$`, 'm'));
  assert.deepEqual(w.problems(undefined, 'header-mismatch'), []);
});

test('fix-all: header and shortened id in one edit; the header follows the fixed parent', () => {
  const two = revisionText(B, 'a1a1').replace(`Revision ID: ${B}`, 'Revision ID: 999999999999');
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: two }));
  const path = `${V}/${B}_two.py`;
  const actions = w.actions(path, undefined, ['source.fixAll']);
  assert.equal(actions.length, 1, 'only the fix-all action for a source.fixAll request');
  const [all] = actions;
  assert.equal(all.kind, 'source.fixAll.alembic');
  w.apply(all);
  assert.match(w.text(path), new RegExp(`^Revision ID: ${B}\\nRevises: ${A}\\n`, 'm'));
  assert.match(w.text(path), new RegExp(`^down_revision = '${A}'$`, 'm'));
  assert.deepEqual(w.problems(path), []);
  assert.deepEqual(w.actions(path, undefined, ['source.fixAll.alembic']), [], 'nothing left to fix');
});

test('fix-all leaves choices alone: a near miss, a guess from the heads, several candidates', () => {
  const w = new FixWorld(projectFiles({
    [`${A}_one.py`]: revisionText(A, null),
    [`${B}_two.py`]: revisionText(B, 'a1a1a1a1a1a2'),
    [`${C}_three.py`]: revisionText(C, 'nothing-like-it'),
  }));
  assert.equal(w.actions(`${V}/${B}_two.py`, 'broken-down-revision', ['quickfix'])[0].isPreferred, true, 'the near miss is the preferred quick fix');
  assert.deepEqual(w.actions(`${V}/${B}_two.py`, undefined, ['source.fixAll']), []);
  assert.deepEqual(w.actions(`${V}/${C}_three.py`, undefined, ['source.fixAll']), []);
});

test('fix-all: a wrong-case id is fixed; a header check turned off in the settings is left alone', () => {
  const two = revisionText(B, A.toUpperCase()).replace(`Revision ID: ${B}`, 'Revision ID: 999999999999');
  const files = projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: two });
  const settings = { ...DEFAULT_SETTINGS, diagnostics: { severity: { 'header-mismatch': 'off' as const } } };
  const w = new FixWorld(files, { settings });
  const path = `${V}/${B}_two.py`;
  w.apply(pick(w.actions(path, undefined, ['source.fixAll.alembic']), 'Fix all'));
  assert.match(w.text(path), new RegExp(`^down_revision = '${A}'$`, 'm'));
  assert.match(w.text(path), new RegExp(`^Revises: ${A}$`, 'm'), 'the Revises id that named the old value follows');
  assert.match(w.text(path), /^Revision ID: 999999999999$/m, 'turned off: not rewritten');
  assert.deepEqual(w.problems(path, 'broken-down-revision'), []);
});

test('kinds: quickfix requests get no fix-all, fix-all requests no quick fixes, no filter gets both', () => {
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, 'a1a1') }));
  const path = `${V}/${B}_two.py`;
  assert.deepEqual(w.actions(path, undefined, ['quickfix']).map((a) => a.kind), ['quickfix']);
  assert.deepEqual(w.actions(path, undefined, ['source']).map((a) => a.kind), ['source.fixAll.alembic']);
  assert.deepEqual(w.actions(path, undefined, ['refactor']), []);
  assert.deepEqual(w.actions(path).map((a) => a.kind), ['quickfix', 'source.fixAll.alembic']);
  assert.deepEqual(w.actions('/w/alembic.ini'), [], 'not a revision file');
});
