// Code lens ("2 parents · 1 child · head") and inlay hints (the parent's message after each id) on
// in-memory projects, with their settings switched off, ranges respected and broken ids left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InlayHintLabelPart } from 'vscode-languageserver';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { codeLenses } from '../../server/src/features/codeLens';
import { HINT_MESSAGE_LENGTH, inlayHints } from '../../server/src/features/inlayHints';

const V = '/w/migrations/versions';
const LONG = 'rename the customer accounts table and move every foreign key over to it';

// a1 -> b2 -> {c3, d4}; m5 merges c3 and d4; x1 (own branch, label ext) depends on label core.
const files = () =>
  projectFiles({
    'a1_base.py': revisionText('a1a1', null, 'create users', { labels: ['core'] }),
    'b2_two.py': revisionText('b2b2', 'a1a1', LONG),
    'c3_left.py': revisionText('c3c3', 'b2b2', 'left'),
    'd4_right.py': revisionText('d4d4', 'b2b2', 'right'),
    'm5_merge.py': revisionText('m5m5', ['c3c3', 'd4d4'], 'merge left and right'),
    'x1_ext.py': revisionText('x1x1', null, 'extension', { labels: ['ext', 'plug'], depends: ['core', 'zzzz'] }),
    'y2_broken.py': revisionText('y2y2', 'nope', 'broken parent'),
  });

const lensOf = (w: ReturnType<typeof testWorkspace>, name: string) => codeLenses(w.ctx, { textDocument: { uri: w.uri(`${V}/${name}`) } });

test('code lens: parents, children, dependencies and what kind of node, singular and plural right', () => {
  const f = files();
  const w = testWorkspace(f);
  const title = (name: string) => lensOf(w, name).map((l) => l.command?.title);
  assert.deepEqual(title('a1_base.py'), ['base · 1 child · 1 dependent · label core']);
  assert.deepEqual(title('b2_two.py'), ['1 parent · 2 children · branch point · label core']);
  assert.deepEqual(title('c3_left.py'), ['1 parent · 1 child · label core']);
  assert.deepEqual(title('m5_merge.py'), ['2 parents · head · merge point · label core']);
  assert.deepEqual(title('x1_ext.py'), ['base · depends on 2 revisions (1 missing) · head · labels ext, plug']);
  assert.deepEqual(title('y2_broken.py'), ['1 parent (1 missing) · head']);
  // The lens sits on the `revision = ...` line and does nothing when clicked.
  const [lens] = lensOf(w, 'c3_left.py');
  assert.equal(f[`${V}/c3_left.py`].split('\n')[lens.range.start.line], "revision = 'c3c3'");
  assert.equal(lens.command?.command, '');
});

test('code lens: an effective head, a duplicate id, other files, and the setting', () => {
  const f = projectFiles({
    'c1_core.py': revisionText('c1c1', null, 'core'),
    'p1_plugin.py': revisionText('p1p1', null, 'plugin', { depends: ['c1c1'] }),
    'd1_one.py': revisionText('d1d1', null, 'dup one'),
    'd1_two.py': revisionText('d1d1', null, 'dup two'),
  });
  const w = testWorkspace(f);
  assert.deepEqual(lensOf(w, 'c1_core.py').map((l) => l.command?.title), ['base · 1 dependent · effective head']);
  assert.equal(lensOf(w, 'd1_one.py').length + lensOf(w, 'd1_two.py').length, 1, 'only the file Alembic keeps for a duplicate id');
  assert.deepEqual(codeLenses(w.ctx, { textDocument: { uri: w.uri('/w/migrations/env.py') } }), []);
  const off = testWorkspace(f, { settings: { ...DEFAULT_SETTINGS, codeLens: false } });
  assert.deepEqual(lensOf(off, 'c1_core.py'), []);
});

const whole = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

test('inlay hints: the parent message after each id, truncated, with a tooltip and a link', () => {
  const f = files();
  const w = testWorkspace(f);
  const path = `${V}/m5_merge.py`;
  const hints = inlayHints(w.ctx, { textDocument: { uri: w.uri(path) }, range: whole });
  const line = f[path].split('\n').findIndex((l) => l.startsWith('down_revision'));
  assert.deepEqual(
    hints.map((h) => [h.position, (h.label as InlayHintLabelPart[])[0].value, h.paddingLeft]),
    [
      [{ line, character: "down_revision = ('c3c3'".length }, 'left', true],
      [{ line, character: "down_revision = ('c3c3', 'd4d4'".length }, 'right', true],
    ],
  );
  const part = (inlayHints(w.ctx, { textDocument: { uri: w.uri(`${V}/c3_left.py`) }, range: whole })[0].label as InlayHintLabelPart[])[0];
  assert.ok(part.value.length <= HINT_MESSAGE_LENGTH, part.value);
  assert.ok(part.value.endsWith('…') && LONG.startsWith(part.value.slice(0, -1)), `cut at a word: ${part.value}`);
  assert.ok(!/\s…$/.test(part.value));
  assert.match(String(part.tooltip), /^b2b2 \(core\), rename the customer/);
  assert.ok(String(part.tooltip).includes(LONG) && String(part.tooltip).includes('b2_two.py'), 'the whole message and the file');
  assert.equal(part.location?.uri, w.uri(`${V}/b2_two.py`));
});

test('inlay hints: a label names its revision; broken ids, the requested range and the setting', () => {
  const f = files();
  const w = testWorkspace(f);
  const x1 = `${V}/x1_ext.py`;
  const hints = inlayHints(w.ctx, { textDocument: { uri: w.uri(x1) }, range: whole });
  assert.deepEqual(
    hints.map((h) => (h.label as InlayHintLabelPart[])[0].value),
    ['a1a1: create users'],
    "'core' resolves to the revision declaring it; 'zzzz' names nothing and gets no hint",
  );
  assert.deepEqual(inlayHints(w.ctx, { textDocument: { uri: w.uri(`${V}/y2_broken.py`) }, range: whole }), []);
  // Only hints inside the requested range.
  const m5 = `${V}/m5_merge.py`;
  const line = f[m5].split('\n').findIndex((l) => l.startsWith('down_revision'));
  const firstOnly = { start: { line, character: 0 }, end: { line, character: 24 } };
  assert.deepEqual(inlayHints(w.ctx, { textDocument: { uri: w.uri(m5) }, range: firstOnly }).map((h) => h.position.character), [23]);
  assert.deepEqual(inlayHints(w.ctx, { textDocument: { uri: w.uri(m5) }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } } }), []);
  const off = testWorkspace(f, { settings: { ...DEFAULT_SETTINGS, inlayHints: false } });
  assert.deepEqual(inlayHints(off.ctx, { textDocument: { uri: off.uri(m5) }, range: whole }), []);
});
