// Completion in the strings of down_revision and depends_on on an in-memory project: what is offered,
// in which order, what the edit replaces, what is left out, the typing states, and 10k revisions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { completion, resolveCompletion } from '../../server/src/features/completion';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { IDS, positionOf, sharedWorkspace, textAt, withBuffer, withCursor } from './navigation-cursor';

type Ws = ReturnType<typeof sharedWorkspace>;

/** A new revision n1 whose variables are `lines` (marked with the cursor), added to the shared project. */
function newFile(lines: string): { ws: Ws; list: CompletionList | null; text: string } {
  const base = revisionText('n1n1n1n1n1n1', null, 'new one');
  const { text, pos } = withCursor(base.replace(/^down_revision = None\nbranch_labels = None\ndepends_on = None$/m, lines));
  const ws = sharedWorkspace({ 'n1.py': text });
  return { ws, list: completion(ws.ctx, { textDocument: { uri: ws.uriOf('n1.py') }, position: pos }), text };
}

const labels = (list: CompletionList | null) => {
  assert.ok(list, 'a completion list');
  return list.items.map((i) => i.label);
};

test('down_revision: heads first, then newest first; no labels; the own revision left out', () => {
  const { list } = newFile("down_revision = '§'\nbranch_labels = None\ndepends_on = None");
  // The rest in `alembic history` order (newest first; x1 sits where depends_on puts it).
  assert.deepEqual(labels(list), [IDS.m5, IDS.y2, IDS.c3, IDS.x1, IDS.d4, IDS.b2, IDS.a1]);
  const sorted = [...list!.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
  assert.deepEqual(sorted, labels(list), 'sortText keeps this order in the client');
  assert.equal(list!.isIncomplete, false);
});

test('each item: message as detail (heads marked), an edit of the whole string content', () => {
  const { list, text } = newFile("down_revision = '§'\nbranch_labels = None\ndepends_on = None");
  const byLabel = new Map(list!.items.map((i) => [i.label, i]));
  assert.equal(byLabel.get(IDS.b2)!.detail, 'add email');
  assert.equal(byLabel.get(IDS.m5)!.detail, 'head · merge c3 and d4');
  const edit = byLabel.get(IDS.b2)!.textEdit as TextEdit;
  assert.equal(edit.newText, IDS.b2);
  assert.deepEqual(edit.range.start, edit.range.end, 'an empty string: the edit inserts between the quotes');
  assert.deepEqual(edit.range.start, positionOf(text, "down_revision = ''", 17));
});

test('depends_on: revision ids and the branch labels Alembic accepts there, labels after the heads', () => {
  const { list } = newFile("down_revision = None\nbranch_labels = None\ndepends_on = ('§',)");
  assert.deepEqual(labels(list), [IDS.m5, IDS.y2, 'core', 'ext', IDS.c3, IDS.x1, IDS.d4, IDS.b2, IDS.a1]);
  const core = list!.items.find((i) => i.label === 'core')!;
  assert.equal(core.detail, `branch label of ${IDS.a1} · create users`);
  assert.equal((core.textEdit as TextEdit).newText, 'core');
});

test('inside an id: the edit replaces the whole content, and the revision and its descendants are left out', () => {
  const ws = sharedWorkspace();
  const src = ws.src('b2_email.py');
  const position = positionOf(src, `down_revision = '${IDS.a1}'`, 20);
  const list = completion(ws.ctx, { textDocument: { uri: ws.uriOf('b2_email.py') }, position });
  assert.deepEqual(labels(list), [IDS.x1, IDS.a1], 'b2 itself, c3, d4, m5 and y2 (depends on b2) would close a cycle');
  const edit = list!.items[0].textEdit as TextEdit;
  assert.equal(textAt(src, edit.range), IDS.a1);
  // depends_on of x1: its own label 'ext' would be a dependency on itself.
  const x1 = ws.src('x1_ext.py');
  const inDeps = completion(ws.ctx, { textDocument: { uri: ws.uriOf('x1_ext.py') }, position: positionOf(x1, "('core'", 2) });
  assert.ok(labels(inDeps).includes('core'));
  assert.ok(!labels(inDeps).includes('ext'));
  assert.ok(!labels(inDeps).includes(IDS.y2) && !labels(inDeps).includes(IDS.x1));
});

test('the other members of the same tuple are not offered again', () => {
  const { list } = newFile(`down_revision = ('${IDS.c3}', '§')\nbranch_labels = None\ndepends_on = None`);
  assert.ok(!labels(list).includes(IDS.c3));
  assert.ok(labels(list).includes(IDS.d4));
});

test('while typing: right after an opening quote, and in an unclosed string inside a tuple', () => {
  const open = newFile("down_revision = '§\nbranch_labels = None\ndepends_on = None");
  assert.equal(labels(open.list)[0], IDS.m5);
  const tuple = newFile(`down_revision = ('${IDS.c3}',\n    'd4§\nbranch_labels = None\ndepends_on = None`);
  const edit = tuple.list!.items[0].textEdit as TextEdit;
  assert.equal(textAt(tuple.text, edit.range), 'd4', 'the typed prefix is replaced');
  const deps = newFile("down_revision = None\nbranch_labels = None\ndepends_on = ['co§");
  assert.ok(labels(deps.list).includes('core'), 'the unclosed string is known to be depends_on');
});

test('a buffer the index has not caught up with is what completion reads', () => {
  const ws = sharedWorkspace();
  const edited = withCursor(ws.src('m5_merge.py').replace(`down_revision = ('${IDS.c3}', '${IDS.d4}')`, `down_revision = ('${IDS.c3}', '${IDS.d4}', '§')`));
  const list = completion(withBuffer(ws.ctx, ws.uriOf('m5_merge.py'), edited.text), { textDocument: { uri: ws.uriOf('m5_merge.py') }, position: edited.pos });
  assert.ok(!labels(list).includes(IDS.c3) && !labels(list).includes(IDS.d4) && !labels(list).includes(IDS.m5));
  assert.ok(labels(list).includes(IDS.y2));
});

test('nothing outside the id strings: revision, branch_labels, None, code, docstring, other files', () => {
  const cases = [
    "down_revision = None§\nbranch_labels = None\ndepends_on = None",
    "down_revision = §''\nbranch_labels = None\ndepends_on = None",
    "down_revision = None\nbranch_labels = ('§',)\ndepends_on = None",
    "down_revision = None\nbranch_labels = None\ndepends_on = None\nx = '§'",
  ];
  for (const lines of cases) assert.equal(newFile(lines).list, null, lines);
  const ws = sharedWorkspace();
  const b2 = ws.src('b2_email.py');
  for (const [needle, offset] of [[`revision = '${IDS.b2}`, 13], [`Revises: ${IDS.a1}`, 11], ['"""add email', 5]] as const) {
    assert.equal(completion(ws.ctx, { textDocument: { uri: ws.uriOf('b2_email.py') }, position: positionOf(b2, needle, offset) }), null, needle);
  }
  const w = testWorkspace({ ...projectFiles({ 'a.py': revisionText('aaaa1111', null) }), '/w/migrations/env.py': "down_revision = ''\n" });
  assert.equal(completion(w.ctx, { textDocument: { uri: w.uri('/w/migrations/env.py') }, position: { line: 0, character: 17 } }), null);
});

test('resolve adds the revision card as documentation', () => {
  const { ws, list } = newFile("down_revision = None\nbranch_labels = None\ndepends_on = '§'");
  const item = list!.items.find((i) => i.label === IDS.b2)!;
  const resolved = resolveCompletion(ws.ctx, JSON.parse(JSON.stringify(item)) as CompletionItem);
  const doc = resolved.documentation as { kind: string; value: string };
  assert.equal(doc.kind, 'markdown');
  assert.match(doc.value, /^\*\*Revision `b2b2b2b2b2b2`\*\*: add email/);
  const core = resolveCompletion(ws.ctx, list!.items.find((i) => i.label === 'core')!);
  assert.match((core.documentation as { value: string }).value, /^Branch label `core`: stands for `a1a1a1a1a1a1`/);
});

test('10k revisions: one head first, every other id offered, answered fast', () => {
  const n = 10000;
  const id = (i: number) => `r${String(i).padStart(11, '0')}`;
  const revisions: Record<string, string> = {};
  for (let i = 0; i < n; i++) revisions[`${id(i)}.py`] = revisionText(id(i), i === 0 ? null : id(i - 1), `step ${i}`);
  const base = revisionText('n1n1n1n1n1n1', null, 'new one');
  const text = base.replace('down_revision = None', "down_revision = ''");
  const ws = testWorkspace(projectFiles({ ...revisions, 'n1.py': text }));
  const position = positionOf(text, "down_revision = ''", 17);
  const params = { textDocument: { uri: ws.uri('/w/migrations/versions/n1.py') }, position };
  completion(ws.ctx, params); // warm-up
  const started = performance.now();
  const list = completion(ws.ctx, params);
  const elapsed = performance.now() - started;
  assert.equal(list!.items.length, n);
  assert.equal(list!.items[0].label, id(n - 1));
  assert.equal(list!.items[0].sortText! < list!.items[1].sortText!, true);
  assert.ok(elapsed < 250, `completion took ${elapsed.toFixed(0)} ms for ${n} revisions`);
});
