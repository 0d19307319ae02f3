// The missing comma's quick fix: "Insert ','" where the engine found the comma belongs, preferred;
// applied, the file is one Python imports again. Other syntax errors offer no fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { FixWorld, V } from './fixes-support';

const A = 'a1a1a1a1a1a1';
const withBody = (body: string) => revisionText(A, null).replace('def upgrade() -> None:\n    pass', `def upgrade() -> None:\n${body}`);

test('a missing comma in a call: one preferred fix inserting it after the first expression; the file imports again', () => {
  const path = `${V}/${A}_one.py`;
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: withBody("    op.add_column('t', sa.Column('x' sa.Integer(), nullable=True))") }));
  const [problem] = w.problems(path, 'syntax-error');
  assert.match(problem.message, /Perhaps you forgot a comma\?/);
  const actions = w.actions(path, 'syntax-error', ['quickfix']);
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [["Insert ','", true]]);
  w.apply(actions[0]);
  assert.match(w.text(path), /sa\.Column\('x', sa\.Integer\(\), nullable=True\)/);
  assert.deepEqual(w.problems(path), []);
});

test('across lines, and in an import: the comma goes at the end of the first name or expression', () => {
  const path = `${V}/${A}_one.py`;
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: withBody("    op.create_table(\n        't'\n        sa.Column('id', sa.Integer()),\n    )") }));
  w.apply(w.actions(path, 'syntax-error')[0]);
  assert.match(w.text(path), /        't',\n        sa\.Column/);
  assert.deepEqual(w.problems(path), []);

  const imports = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null).replace('from alembic import op', 'from typing import Sequence Union\nfrom alembic import op') }));
  assert.match(imports.problems(path, 'syntax-error')[0].message, /SyntaxError: invalid syntax\./);
  imports.apply(imports.actions(path, 'syntax-error')[0]);
  assert.match(imports.text(path), /^from typing import Sequence, Union$/m);
  assert.deepEqual(imports.problems(path), []);
});

test('other syntax errors (an unterminated string, a missing block) offer no fix', () => {
  const path = `${V}/${A}_one.py`;
  for (const body of ["    x = 'abc", '    if x:\n    y = 1']) {
    const w = new FixWorld(projectFiles({ [`${A}_one.py`]: withBody(body) }));
    assert.equal(w.problems(path, 'syntax-error').length, 1, body);
    assert.deepEqual(w.actions(path, 'syntax-error', ['quickfix']), [], body);
  }
});
