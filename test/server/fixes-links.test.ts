// Quick fixes for down_revision / depends_on entries that name nothing, on in-memory projects: each
// action's edit is applied to the buffer, the project re-indexed, and the problem is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { codeActions } from '../../server/src/features/fixes/code-actions';
import { FixWorld, pick, V } from './fixes-support';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3';

test('a shortened parent id: expand to the full id (preferred), literal quotes kept, no problem left', () => {
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, 'a1a1').replace('Revises: a1a1', `Revises: ${A}`) }));
  const path = `${V}/${B}_two.py`;
  const [fix] = w.actions(path, 'partial-id-in-down-revision', ['quickfix']);
  assert.equal(fix.title, `Expand 'a1a1' to the full id '${A}' (${A}_one.py)`);
  assert.equal(fix.isPreferred, true);
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.diagnostics?.[0].code, 'partial-id-in-down-revision');
  w.apply(fix);
  assert.match(w.text(path), new RegExp(`^down_revision = '${A}'$`, 'm'));
  assert.match(w.text(path), new RegExp(`^Revises: ${A}$`, 'm'), 'a header that already named the full id stays');
  assert.deepEqual(w.problems(path).map((p) => p.code), []);
});

test('a header that named the shortened id follows the variable', () => {
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, 'a1a1') }));
  const path = `${V}/${B}_two.py`;
  w.apply(pick(w.actions(path, 'partial-id-in-down-revision'), 'Expand'));
  assert.match(w.text(path), new RegExp(`^Revises: ${A}$`, 'm'));
  assert.deepEqual(w.problems(path), []);
});

test('a mistyped parent: the did-you-mean candidate (preferred) and the current head, each fixing the link', () => {
  const files = projectFiles({
    [`${A}_one.py`]: revisionText(A, null),
    [`${B}_two.py`]: revisionText(B, A),
    [`${C}_three.py`]: revisionText(C, 'a1a1a1a1a1a2'),
  });
  const path = `${V}/${C}_three.py`;
  const w = new FixWorld(files);
  const actions = w.actions(path, 'broken-down-revision');
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred ?? false]),
    [
      [`Change down_revision to '${A}' (${A}_one.py)`, true],
      [`Change down_revision to the current head '${B}' (${B}_two.py)`, false],
    ],
  );
  w.apply(actions[0]);
  assert.match(w.text(path), new RegExp(`^down_revision = '${A}'$`, 'm'));
  assert.deepEqual(w.problems(path, 'broken-down-revision'), []);
  assert.equal(w.problems(undefined, 'multiple-heads').length, 2, 'following the typo fix, c3 branches off a1 next to b2');

  const again = new FixWorld(files);
  again.apply(pick(again.actions(path, 'broken-down-revision'), 'current head'));
  assert.match(again.text(path), new RegExp(`^down_revision = '${B}'$`, 'm'));
  assert.match(again.text(path), new RegExp(`^Revises: ${B}$`, 'm'), 'the header named the broken id, so it follows');
  assert.deepEqual(again.problems(), []);
});

test('nothing similar: only the current heads are offered, none preferred; never this revision or one above it', () => {
  const w = new FixWorld(projectFiles({
    [`${A}_one.py`]: revisionText(A, null),
    [`${B}_two.py`]: revisionText(B, 'zzzzzzzz'),
    [`${C}_three.py`]: revisionText(C, B),
  }));
  const actions = w.actions(`${V}/${B}_two.py`, 'broken-down-revision');
  assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [[`Change down_revision to '${A}' (${A}_one.py)`, false]]);
  w.apply(actions[0]);
  assert.deepEqual(w.problems(), []);
});

test('a file name written as the parent: the revision of that file, preferred', () => {
  const w = new FixWorld(projectFiles({ [`${A}_create_users.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, `${A}_create_users`) }));
  const path = `${V}/${B}_two.py`;
  const fix = pick(w.actions(path, 'broken-down-revision'), `'${A}'`);
  assert.equal(fix.isPreferred, true);
  w.apply(fix);
  assert.deepEqual(w.problems(), []);
});

test('a branch label in down_revision: replaced by the revision it names', () => {
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null, 'one', { labels: ['core'] }), [`${B}_two.py`]: revisionText(B, 'core') }));
  const path = `${V}/${B}_two.py`;
  const [fix] = w.actions(path, 'label-in-down-revision');
  assert.equal(fix.title, `Replace branch label 'core' with revision '${A}' (${A}_one.py)`);
  assert.equal(fix.isPreferred, true);
  w.apply(fix);
  assert.match(w.text(path), new RegExp(`^down_revision = '${A}'$`, 'm'));
  assert.deepEqual(w.problems(), []);
});

test('depends_on: a wrong-case label and a shortened id are fixed; the header is not touched', () => {
  const w = new FixWorld(projectFiles({
    [`${A}_one.py`]: revisionText(A, null, 'one', { labels: ['core'] }),
    [`${B}_two.py`]: revisionText(B, null, 'two', { depends: ['CORE'] }),
    [`${C}_three.py`]: revisionText(C, B, 'three', { depends: ['a1a1a1'] }),
  }));
  const two = `${V}/${B}_two.py`;
  const label = pick(w.actions(two, 'broken-depends-on'), "'core'");
  assert.equal(label.title, `Change depends_on to 'core' (branch label declared by '${A}')`);
  w.apply(label);
  assert.match(w.text(two), /^depends_on = \('core',\)$/m);
  const three = `${V}/${C}_three.py`;
  const expand = pick(w.actions(three, 'broken-depends-on'), 'Expand');
  assert.equal(expand.isPreferred, true);
  w.apply(expand);
  assert.match(w.text(three), new RegExp(`^depends_on = \\('${A}',\\)$`, 'm'));
  assert.match(w.text(three), new RegExp(`^Revises: ${B}$`, 'm'));
  assert.deepEqual(w.problems(undefined, 'broken-depends-on'), []);
});

test('a literal with an escape has no inner span: it is rewritten whole, in its own quotes', () => {
  const two = revisionText(B, 'a1a1').replace("down_revision = 'a1a1'", 'down_revision = "a1\\x61" "1"');
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: two }));
  const path = `${V}/${B}_two.py`;
  const fix = pick(w.actions(path, 'partial-id-in-down-revision'), 'Expand');
  w.apply(fix);
  assert.match(w.text(path), new RegExp(`^down_revision = "${A}"$`, 'm'));
  assert.deepEqual(w.problems(path), []);
});

test('stale diagnostics get no action; a buffer ahead of the index gets none either', () => {
  const w = new FixWorld(projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, 'a1a1') }));
  const path = `${V}/${B}_two.py`;
  const [diagnostic] = w.diagnostics(path);
  const moved = { ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
  const ask = (d: typeof diagnostic) =>
    codeActions(w.ctx, { textDocument: { uri: w.ws.uri(path) }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  assert.equal(ask(diagnostic).length, 1);
  assert.deepEqual(ask(moved), [], 'a diagnostic the index no longer has');
  assert.deepEqual(ask({ ...diagnostic, source: 'other' }), [], "another tool's diagnostic");
  // The editor's open documents (filled from a connection in the server; played here).
  let open = TextDocument.create(w.ws.uri(path), 'python', 7, w.text(path) + '\n# typing...');
  w.ctx.documents = { get: (uri: string) => (uri === open.uri ? open : undefined) } as unknown as TextDocuments<TextDocument>;
  assert.deepEqual(ask(diagnostic), [], 'the editor buffer is ahead of the index');
  open = TextDocument.create(w.ws.uri(path), 'python', 7, w.text(path));
  const [fix] = ask(diagnostic);
  const change = fix.edit!.documentChanges![0] as { textDocument: { version: number | null } };
  assert.equal(change.textDocument.version, 7, 'edits carry the open document version');
});
