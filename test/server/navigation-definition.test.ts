// Go to definition on an in-memory project: every place an id is written leads to the value of the
// declaring file's `revision = ` assignment, labels to the revision declaring them, duplicates to both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../server/src/features/definition';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { IDS, positionOf, sharedWorkspace, textAt, V, withBuffer, withCursor } from './navigation-cursor';

const ws = sharedWorkspace();

function defsAt(name: string, needle: string, offset = 1, nth = 0) {
  const position = positionOf(ws.src(name), needle, offset, nth);
  return definition(ws.ctx, { textDocument: { uri: ws.uriOf(name) }, position });
}

/** Asserts one location: the `revision = '<id>'` value of `file`. */
function assertRevisionLine(locations: ReturnType<typeof definition>, file: string, id: string) {
  assert.ok(locations, 'a definition is found');
  assert.equal(locations.length, 1);
  assert.equal(locations[0].uri, ws.uriOf(file));
  assert.equal(textAt(ws.src(file), locations[0].range), `'${id}'`);
  const line = ws.src(file).split('\n')[locations[0].range.start.line];
  assert.match(line, /^revision = /);
}

test('down_revision leads to the parent revision line', () => {
  assertRevisionLine(defsAt('b2_email.py', `down_revision = '${IDS.a1}`, 17), 'a1_users.py', IDS.a1);
});

test('each member of a merge tuple leads to its own file', () => {
  assertRevisionLine(defsAt('m5_merge.py', `'${IDS.c3}'`, 3), 'c3_index.py', IDS.c3);
  assertRevisionLine(defsAt('m5_merge.py', `'${IDS.d4}'`, 13), 'd4_orders.py', IDS.d4);
});

test('the docstring Revises: and Revision ID: lines lead to their revisions', () => {
  assertRevisionLine(defsAt('c3_index.py', `Revises: ${IDS.b2}`, 12), 'b2_email.py', IDS.b2);
  assertRevisionLine(defsAt('c3_index.py', `Revision ID: ${IDS.c3}`, 14), 'c3_index.py', IDS.c3);
});

test('a label in depends_on leads to the revision declaring it; an id in depends_on to its revision', () => {
  assertRevisionLine(defsAt('x1_ext.py', "('core',)", 3), 'a1_users.py', IDS.a1);
  assertRevisionLine(defsAt('y2_ext.py', `depends_on = ('${IDS.b2}`, 16), 'b2_email.py', IDS.b2);
});

test('a declared branch label and the revision value itself lead to their own revision line', () => {
  assertRevisionLine(defsAt('a1_users.py', "branch_labels = ('core'", 18), 'a1_users.py', IDS.a1);
  assertRevisionLine(defsAt('d4_orders.py', `revision = '${IDS.d4}'`, 12), 'd4_orders.py', IDS.d4);
});

test('the cursor at either end of the id, or on a quote, still counts; outside it nothing does', () => {
  const src = ws.src('b2_email.py');
  const uri = ws.uriOf('b2_email.py');
  for (const offset of [16, 17, 29, 30]) {
    const position = positionOf(src, `down_revision = '${IDS.a1}'`, offset);
    assert.ok(definition(ws.ctx, { textDocument: { uri }, position }), `offset ${offset}`);
  }
  for (const offset of [0, 5, 14]) {
    const position = positionOf(src, `down_revision = '${IDS.a1}'`, offset);
    assert.equal(definition(ws.ctx, { textDocument: { uri }, position }), null, `offset ${offset}`);
  }
});

test('a duplicate id gives both declaring files', () => {
  const dup = sharedWorkspace({ 'zz_dup.py': revisionText(IDS.c3, IDS.b2, 'dup of c3') });
  const position = positionOf(dup.src('m5_merge.py'), `'${IDS.c3}'`, 3);
  const locations = definition(dup.ctx, { textDocument: { uri: dup.uriOf('m5_merge.py') }, position });
  assert.deepEqual(locations?.map((l) => l.uri).sort(), [dup.uriOf('c3_index.py'), dup.uriOf('zz_dup.py')].sort());
  for (const l of locations!) assert.equal(textAt(l.uri.endsWith('zz_dup.py') ? dup.src('zz_dup.py') : dup.src('c3_index.py'), l.range), `'${IDS.c3}'`);
});

test('a shortened id goes to its only match; an ambiguous or broken one goes nowhere', () => {
  const text = revisionText('q1q1q1q1q1q1', 'b2b2', 'partial parent');
  const pos = positionOf(text, "down_revision = 'b2b2'", 19);
  const broken = revisionText('q2q2q2q2q2q2', 'nope0000', 'broken parent');
  const w = sharedWorkspace({ 'q1.py': text, 'q2.py': broken, 'q3.py': revisionText('b2b2ffffffff', null, 'shares a prefix') });
  assert.equal(definition(w.ctx, { textDocument: { uri: w.uriOf('q1.py') }, position: pos }), null, 'b2b2 matches two ids');
  const w2 = sharedWorkspace({ 'q1.py': text });
  const found = definition(w2.ctx, { textDocument: { uri: w2.uriOf('q1.py') }, position: pos });
  assert.equal(found?.[0].uri, w2.uriOf('b2_email.py'));
  const position = positionOf(broken, "'nope0000'", 2);
  assert.equal(definition(w.ctx, { textDocument: { uri: w.uriOf('q2.py') }, position }), null);
});

test('columns are UTF-16: an astral character before the id on the same line', () => {
  const { text, pos } = withCursor(revisionText('u1u1u1u1u1u1', IDS.a1, 'emoji').replace(/^depends_on = None$/m, `depends_on = ('😀x', '${IDS.b2.slice(0, 3)}§${IDS.b2.slice(3)}')`));
  const w = sharedWorkspace({ 'u1.py': text });
  assert.equal(pos.character, `depends_on = ('😀x', '`.length + 3, 'the emoji counts as two columns');
  const found = definition(w.ctx, { textDocument: { uri: w.uriOf('u1.py') }, position: pos });
  assert.equal(found?.[0].uri, w.uriOf('b2_email.py'));
});

test('an edited buffer is read as the editor shows it, before the index catches up', () => {
  const edited = withCursor(ws.src('c3_index.py').replace(`down_revision = '${IDS.b2}'`, `\n\ndown_revision = '${IDS.a1.slice(0, 5)}§${IDS.a1.slice(5)}'`));
  const ctx = withBuffer(ws.ctx, ws.uriOf('c3_index.py'), edited.text);
  const found = definition(ctx, { textDocument: { uri: ws.uriOf('c3_index.py') }, position: edited.pos });
  assert.equal(found?.[0].uri, ws.uriOf('a1_users.py'));
});

test('files that are not revision files, and positions off any id, give null', () => {
  const w = testWorkspace({ ...projectFiles({ 'a.py': revisionText('aaaa1111', null) }), '/w/migrations/env.py': "revision = 'aaaa1111'\n" });
  assert.equal(definition(w.ctx, { textDocument: { uri: w.uri('/w/migrations/env.py') }, position: { line: 0, character: 13 } }), null);
  assert.equal(definition(w.ctx, { textDocument: { uri: 'untitled:Untitled-1' }, position: { line: 0, character: 0 } }), null);
  assert.equal(definition(w.ctx, { textDocument: { uri: w.uri(`${V}/a.py`) }, position: { line: 20, character: 4 } }), null);
});
