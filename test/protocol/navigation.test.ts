// Definition, references, hover and completion over stdio, from the built server, on copies of the
// fixture projects: exact ranges in the real files, labels, merges, duplicates and live buffers.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Hover, Location, MarkupContent, Position, Range, TextEdit } from 'vscode-languageserver';
import { copyFixtures, LspClient, removeDir, uriOf } from '../helpers/lspClient';

const dir = copyFixtures('branch-labels', 'depends-on-label', 'merge', 'linear', 'duplicate-id');
let client: LspClient;
before(async () => {
  client = await LspClient.start({ folders: [dir] });
  await client.waitForIndexCount(5);
});
after(async () => {
  await client.stop();
  removeDir(dir);
});

const file = (project: string, name: string) => join(dir, project, 'migrations/versions', name);
const read = (path: string) => readFileSync(path, 'utf8');

/** Where `needle` starts in the file, plus `offset` columns (the fixtures are ASCII, one line per needle). */
function at(path: string, needle: string, offset: number): Position {
  const lines = read(path).split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} in ${path}`);
  return { line, character: lines[line].indexOf(needle) + offset };
}

function textOf(path: string, range: Range): string {
  assert.equal(range.start.line, range.end.line);
  return read(path).split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

const params = (path: string, position: Position) => ({ textDocument: { uri: uriOf(path) }, position });

test('the server announces the navigation capabilities', () => {
  const caps = client.initializeResult.capabilities;
  assert.equal(caps.definitionProvider, true);
  assert.equal(caps.referencesProvider, true);
  assert.equal(caps.hoverProvider, true);
  assert.deepEqual(caps.completionProvider, { triggerCharacters: ["'", '"'], resolveProvider: true });
});

test('definition: a label in depends_on goes to the revision line of the revision declaring it', async () => {
  const x1 = file('depends-on-label', 'x1x1x1x1x1x1_extension.py');
  const found = await client.request<Location[]>('textDocument/definition', params(x1, at(x1, "depends_on = 'core'", 16)));
  const c1 = file('depends-on-label', 'c1c1c1c1c1c1_core_base.py');
  assert.deepEqual(found.map((l) => l.uri), [uriOf(c1)]);
  assert.deepEqual(found[0].range.start, at(c1, "revision = 'c1c1c1c1c1c1'", 11));
  assert.equal(textOf(c1, found[0].range), "'c1c1c1c1c1c1'");
});

test('definition: the second parent of a merge, and its Revises: header', async () => {
  const e5 = file('merge', 'e5e5e5e5e5e5_merge_c3_and_d4.py');
  const c3 = file('merge', 'c3c3c3c3c3c3_branch_one.py');
  for (const position of [at(e5, "'c3c3c3c3c3c3')", 5), at(e5, 'Revises: d4d4d4d4d4d4, c3c3c3c3c3c3', 26)]) {
    const found = await client.request<Location[]>('textDocument/definition', params(e5, position));
    assert.deepEqual(found.map((l) => l.uri), [uriOf(c3)]);
    assert.equal(textOf(c3, found[0].range), "'c3c3c3c3c3c3'");
  }
});

test('definition: a duplicate id gives both files; a config file gives nothing', async () => {
  const d4 = file('duplicate-id', 'd4d4d4d4d4d4_after_c3.py');
  const found = await client.request<Location[]>('textDocument/definition', params(d4, at(d4, "down_revision = 'c3c3", 20)));
  assert.deepEqual(found.map((l) => l.uri).sort(), [uriOf(file('duplicate-id', 'c3c3c3c3c3c3_branch_one.py')), uriOf(file('duplicate-id', 'zz_duplicate.py'))].sort());
  const env = join(dir, 'linear', 'migrations', 'env.py');
  assert.equal(await client.request('textDocument/definition', params(env, { line: 0, character: 0 })), null);
});

test('references: children, Revises: headers and dependents through a label, in load order', async () => {
  const c1 = file('branch-labels', 'c1000000_core_one.py');
  const found = await client.request<Location[]>('textDocument/references', { ...params(c1, at(c1, "revision = 'c1000000'", 13)), context: { includeDeclaration: false } });
  const names = found.map((l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)} ${textOf(join(dir, 'branch-labels/migrations/versions', l.uri.slice(l.uri.lastIndexOf('/') + 1)), l.range)}`);
  assert.deepEqual(names, ['c2000000_core_two.py c1000000', 'c2000000_core_two.py c1000000', 'm1000000_more_one.py core', 'p3000000_plugin_three.py core']);
  const withDecl = await client.request<Location[]>('textDocument/references', { ...params(c1, at(c1, "revision = 'c1000000'", 13)), context: { includeDeclaration: true } });
  assert.equal(withDecl.length, 6, 'plus the revision value and the Revision ID: line');
});

test('references: a merged parent is referenced by the merge, in the tuple and the header', async () => {
  const d4 = file('merge', 'd4d4d4d4d4d4_branch_two.py');
  const found = await client.request<Location[]>('textDocument/references', { ...params(d4, at(d4, "revision = 'd4d4", 13)), context: { includeDeclaration: false } });
  const e5 = file('merge', 'e5e5e5e5e5e5_merge_c3_and_d4.py');
  assert.deepEqual(found.map((l) => l.uri), [uriOf(e5), uriOf(e5)]);
  assert.deepEqual(found.map((l) => l.range.start), [at(e5, 'Revises: d4d4', 9), at(e5, "('d4d4", 2)]);
});

test('hover: an effective head hovered from a dependent, and a linear middle revision', async () => {
  const p2 = file('branch-labels', 'p2000000_plugin_two.py');
  const h = await client.request<Hover>('textDocument/hover', params(p2, at(p2, "depends_on = 'c3000000'", 16)));
  const md = (h.contents as MarkupContent).value;
  assert.match(md, /^\*\*Revision `c3000000`\*\*: core three$/m);
  assert.match(md, /^\*effective head \(only depends_on builds on it\)\*$/m);
  assert.match(md, /^- File: `migrations\/versions\/c3000000_core_three.py`$/m);
  assert.match(md, /^- Created: 2024-01-01 00:00:00.000000$/m);
  assert.match(md, /^- Branch labels: `core` \(inherited\)$/m);
  assert.equal(textOf(p2, h.range!), 'c3000000');
  const c3 = file('linear', 'c3c3c3c3c3c3_add_index.py');
  const mid = (await client.request<Hover>('textDocument/hover', params(c3, at(c3, "down_revision = 'b2b2", 18)))).contents as MarkupContent;
  assert.match(mid.value, /^- Between base and it: 1 revision \(its ancestors/m);
  assert.match(mid.value, /^- Between it and the head\(s\): 1 revision \(its descendants\)$/m);
  assert.match(mid.value, /^- Parents: `a1a1a1a1a1a1`$/m);
  assert.match(mid.value, /^- Children: `c3c3c3c3c3c3`$/m);
});

test('hover: an id typed into a buffer that names nothing says so', async () => {
  const b2 = file('linear', 'b2b2b2b2b2b2_add_email.py');
  const text = read(b2).replace("down_revision = 'a1a1a1a1a1a1'", "down_revision = 'a1a1a1a1zzzz'");
  await client.nextIndex(() => client.open(b2, text));
  try {
    const h = await client.request<Hover>('textDocument/hover', params(b2, { line: text.split('\n').findIndex((l) => l.startsWith('down_revision')), character: 20 }));
    assert.equal((h.contents as MarkupContent).value, '`a1a1a1a1zzzz` names no revision in this project. Check it for a typo, or point it at an existing revision.');
  } finally {
    await client.nextIndex(() => client.close(b2));
  }
});

test('completion: inside an id, the revision and what builds on it are left out; the edit covers the id', async () => {
  const c3 = file('linear', 'c3c3c3c3c3c3_add_index.py');
  const list = await client.request<CompletionList>('textDocument/completion', params(c3, at(c3, "down_revision = 'b2b2", 20)));
  assert.deepEqual(list.items.map((i) => i.label), ['b2b2b2b2b2b2', 'a1a1a1a1a1a1']);
  assert.equal(list.items[0].detail, 'add email');
  assert.equal(textOf(c3, (list.items[0].textEdit as TextEdit).range), 'b2b2b2b2b2b2');
  const resolved = await client.request<CompletionItem>('completionItem/resolve', list.items[0]);
  assert.match((resolved.documentation as MarkupContent).value, /^\*\*Revision `b2b2b2b2b2b2`\*\*: add email/);
});

test('completion: depends_on offers labels (not its own), heads first', async () => {
  const x1 = file('depends-on-label', 'x1x1x1x1x1x1_extension.py');
  const list = await client.request<CompletionList>('textDocument/completion', params(x1, at(x1, "depends_on = 'core'", 14)));
  assert.deepEqual(list.items.map((i) => i.label), ['c2c2c2c2c2c2', 'core', 'c1c1c1c1c1c1']);
  assert.equal(list.items[0].detail, 'head · core two');
});

test('completion: a second parent typed into an open buffer, answered from the buffer', async () => {
  const f6 = file('merge', 'f6f6f6f6f6f6_after_merge.py');
  const original = read(f6);
  const text = original.replace("down_revision = 'e5e5e5e5e5e5'", "down_revision = ('e5e5e5e5e5e5', '')");
  assert.notEqual(text, original);
  await client.nextIndex(() => client.open(f6, original));
  try {
    // No wait for the re-index: the request right after the edit must see the edited buffer.
    await client.change(f6, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('down_revision'));
    const position = { line, character: lines[line].indexOf("''") + 1 };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(f6) }, position });
    assert.deepEqual(list.items.map((i) => i.label), ['d4d4d4d4d4d4', 'c3c3c3c3c3c3', 'b2b2b2b2b2b2', 'a1a1a1a1a1a1']);
    assert.deepEqual((list.items[0].textEdit as TextEdit).range, { start: position, end: position });
  } finally {
    await client.nextIndex(() => client.close(f6));
  }
});
