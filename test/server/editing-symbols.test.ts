// Document symbols (the revision and its variables) and workspace symbols (find a revision by id
// prefix, message words or label, capped and fast on 10k revisions) on in-memory projects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { WORKSPACE_SYMBOL_LIMIT, workspaceSymbols } from '../../server/src/features/workspaceSymbols';

const V = '/w/migrations/versions';

const files = () =>
  projectFiles({
    'a1a1_create_users.py': revisionText('a1a1a1a1a1a1', null, 'create users table', { labels: ['core'] }),
    'b2b2_add_email.py': revisionText('b2b2b2b2b2b2', 'a1a1a1a1a1a1', 'add email to users'),
    'c3c3_add_index.py': revisionText('c3c3c3c3c3c3', 'b2b2b2b2b2b2', 'Add index\nsecond line of the message', { depends: ['core'] }),
    'd4d4_side.py': revisionText('d4d4d4d4d4d4', null, 'side branch', { labels: ['side'] }),
    'computed.py': '"""computed"""\nimport os\nrevision = os.environ["X"]\ndown_revision = None\n',
  });

test('document symbols: the revision with its message, and a child per variable with its value', () => {
  const f = files();
  const w = testWorkspace(f);
  const path = `${V}/c3c3_add_index.py`;
  const symbols = documentSymbols(w.ctx, { textDocument: { uri: w.uri(path) } });
  assert.ok(symbols);
  assert.equal(symbols.length, 1);
  const [root] = symbols;
  assert.equal(root.name, 'c3c3c3c3c3c3');
  assert.equal(root.detail, 'Add index', 'the first line of the message');
  assert.equal(root.kind, SymbolKind.Module);
  const lines = f[path].split('\n');
  const sel = root.selectionRange;
  assert.equal(lines[sel.start.line].slice(sel.start.character, sel.end.character), "'c3c3c3c3c3c3'");
  assert.deepEqual(
    root.children?.map((c) => [c.name, c.detail, c.kind]),
    [
      ['revision', 'c3c3c3c3c3c3', SymbolKind.Constant],
      ['down_revision', 'b2b2b2b2b2b2', SymbolKind.Variable],
      ['branch_labels', 'None', SymbolKind.Variable],
      ['depends_on', 'core', SymbolKind.Variable],
    ],
  );
  // Every range holds its selection and children (VS Code drops symbols that break this).
  const inside = (a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a) =>
    (a.start.line > b.start.line || (a.start.line === b.start.line && a.start.character >= b.start.character)) &&
    (a.end.line < b.end.line || (a.end.line === b.end.line && a.end.character <= b.end.character));
  assert.ok(inside(root.selectionRange, root.range));
  assert.equal(root.range.start.line, 0, 'the docstring opens the range');
  for (const c of root.children ?? []) assert.ok(inside(c.range, root.range) && inside(c.selectionRange, c.range), c.name);
  assert.equal(lines[root.children![1].selectionRange.start.line].slice(0, 13), 'down_revision');
});

test('document symbols: a base, a computed id, and documents that are not revisions', () => {
  const w = testWorkspace(files());
  const a1 = documentSymbols(w.ctx, { textDocument: { uri: w.uri(`${V}/a1a1_create_users.py`) } })!;
  assert.deepEqual(a1[0].children?.map((c) => c.detail), ['a1a1a1a1a1a1', 'None (base)', 'core', 'None']);
  const computed = documentSymbols(w.ctx, { textDocument: { uri: w.uri(`${V}/computed.py`) } })!;
  assert.equal(computed[0].name, '(no revision id)');
  assert.equal(computed[0].children?.[0].detail, 'os.environ["X"] (not a literal)');
  assert.equal(documentSymbols(w.ctx, { textDocument: { uri: w.uri('/w/migrations/env.py') } }), null);
});

test('workspace symbols: by id prefix, message words and label; exact ids first, then newest first', () => {
  const w = testWorkspace(files());
  const names = (query: string) => workspaceSymbols(w.ctx, { query }).map((s) => s.name);
  assert.deepEqual(names('b2b2'), ['b2b2b2b2b2b2, add email to users']);
  assert.deepEqual(names('B2B2B2B2B2B2'), ['b2b2b2b2b2b2, add email to users'], 'case does not matter');
  assert.deepEqual(names('users'), ['b2b2b2b2b2b2, add email to users', 'a1a1a1a1a1a1 (core), create users table']);
  assert.deepEqual(names('add em'), ['b2b2b2b2b2b2, add email to users'], 'every word must match');
  assert.deepEqual(names('side'), ['d4d4d4d4d4d4 (side), side branch']);
  // The declaring revision comes before the ones that inherit the label.
  assert.equal(names('core')[0], 'a1a1a1a1a1a1 (core), create users table');
  assert.deepEqual(names('nothing-like-this'), []);
  assert.equal(names('').length, 4, 'an empty query lists revisions (newest first)');
  const [b2] = workspaceSymbols(w.ctx, { query: 'b2b2' });
  assert.equal(b2.location.uri, w.uri(`${V}/b2b2_add_email.py`));
  assert.equal(b2.kind, SymbolKind.Module);
  assert.equal(b2.containerName, 'w');
  assert.deepEqual(b2.location.range.start, { line: 12, character: 11 }, 'the revision literal');
});

test('workspace symbols follow edits (the search table is rebuilt with the index)', () => {
  const w = testWorkspace(files());
  assert.deepEqual(workspaceSymbols(w.ctx, { query: 'renamed' }), []);
  w.index.setOverlay(`${V}/d4d4_side.py`, revisionText('d4d4d4d4d4d4', null, 'renamed message'));
  assert.deepEqual(workspaceSymbols(w.ctx, { query: 'renamed' }).map((s) => s.name), ['d4d4d4d4d4d4, renamed message']);
});

test('workspace symbols on 10k revisions: capped and fast', () => {
  const revs: Record<string, string> = {};
  const id = (i: number) => `r${String(i).padStart(11, '0')}`;
  for (let i = 0; i < 10_000; i++) {
    revs[`${id(i)}_m.py`] = revisionText(id(i), i === 0 ? null : id(i - 1), `migration ${i} adds table t${i}`, i % 1000 === 0 ? { labels: [`lab${i}`] } : {});
  }
  const w = testWorkspace(projectFiles(revs));
  let t = performance.now();
  assert.equal(workspaceSymbols(w.ctx, { query: 'table' }).length, WORKSPACE_SYMBOL_LIMIT);
  const cold = performance.now() - t;
  assert.ok(cold < 1500, `first query (builds the table) took ${cold.toFixed(0)} ms`);
  t = performance.now();
  const exact = workspaceSymbols(w.ctx, { query: id(4242) });
  const prefix = workspaceSymbols(w.ctx, { query: 'r0000000' });
  const words = workspaceSymbols(w.ctx, { query: 'migration 4242' });
  const label = workspaceSymbols(w.ctx, { query: 'lab5000' });
  const warm = (performance.now() - t) / 4;
  assert.ok(warm < 150, `a query took ${warm.toFixed(0)} ms on average`);
  assert.equal(exact[0].name, `${id(4242)}, migration 4242 adds table t4242`);
  assert.equal(prefix.length, WORKSPACE_SYMBOL_LIMIT);
  assert.equal(prefix[0].name.slice(0, 12), id(9999), 'newest first');
  assert.equal(words[0].name.slice(0, 12), id(4242));
  assert.equal(label[0].name, `${id(5000)} (lab5000), migration 5000 adds table t5000`);
});

test('document symbols of two files sharing an id show each file its own message', () => {
  const w = testWorkspace(projectFiles({ 'd1_one.py': revisionText('d1d1', null, 'dup one'), 'd1_two.py': revisionText('d1d1', null, 'dup two') }));
  const detail = (name: string) => documentSymbols(w.ctx, { textDocument: { uri: w.uri(`${V}/${name}`) } })![0].detail;
  assert.deepEqual([detail('d1_one.py'), detail('d1_two.py')], ['dup one', 'dup two']);
});
