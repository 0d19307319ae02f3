// Find references on an in-memory project: children, dependents (by id and through labels), docstring
// mentions, and the declaration only when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver';
import { references } from '../../server/src/features/references';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { IDS, positionOf, sharedWorkspace, textAt, V } from './navigation-cursor';

type Ws = ReturnType<typeof sharedWorkspace>;

function refs(ws: Ws, name: string, needle: string, offset: number, includeDeclaration: boolean) {
  const position = positionOf(ws.src(name), needle, offset);
  return references(ws.ctx, { textDocument: { uri: ws.uriOf(name) }, position, context: { includeDeclaration } });
}

/** `file: line text around the hit` for each location, to compare as readable strings. */
function describe(ws: Ws, locations: Location[] | null): string[] {
  assert.ok(locations, 'references found');
  return locations.map((l) => {
    const name = l.uri.slice(l.uri.lastIndexOf('/') + 1);
    const line = ws.src(name).split('\n')[l.range.start.line];
    return `${name}: ${line.slice(0, l.range.start.character)}[${textAt(ws.src(name), l.range)}]`;
  });
}

test('references of a branch point: children, a dependent by id, and the Revises: headers', () => {
  const ws = sharedWorkspace();
  assert.deepEqual(describe(ws, refs(ws, 'b2_email.py', `revision = '${IDS.b2}`, 14, false)), [
    `c3_index.py: Revises: [${IDS.b2}]`,
    `c3_index.py: down_revision = '[${IDS.b2}]`,
    `d4_orders.py: Revises: [${IDS.b2}]`,
    `d4_orders.py: down_revision = '[${IDS.b2}]`,
    `y2_ext.py: depends_on = ('[${IDS.b2}]`,
  ]);
});

test('includeDeclaration adds the revision value and the Revision ID: line of the declaring file', () => {
  const ws = sharedWorkspace();
  const found = describe(ws, refs(ws, 'c3_index.py', `down_revision = '${IDS.b2}`, 18, true));
  assert.deepEqual(found.filter((f) => f.startsWith('b2_email.py')), [`b2_email.py: Revision ID: [${IDS.b2}]`, `b2_email.py: revision = '[${IDS.b2}]`]);
  assert.equal(found.length, 7);
});

test('a label used in depends_on is a reference of the revision declaring it', () => {
  const ws = sharedWorkspace();
  const found = describe(ws, refs(ws, 'a1_users.py', `revision = '${IDS.a1}`, 14, false));
  assert.deepEqual(found, [`b2_email.py: Revises: [${IDS.a1}]`, `b2_email.py: down_revision = '[${IDS.a1}]`, `x1_ext.py: depends_on = ('[core]`]);
  // Asked from the label itself, the answer is the same revision's references.
  assert.deepEqual(describe(ws, refs(ws, 'x1_ext.py', "depends_on = ('core", 16, false)), found);
});

test('a shortened id in down_revision and a header that names another id count as mentions', () => {
  const ws = sharedWorkspace({
    'p1.py': revisionText('p1p1p1p1p1p1', `${IDS.c3.slice(0, 6)}`, 'partial parent'),
    'h1.py': revisionText('h1h1h1h1h1h1', IDS.a1, 'header names c3').replace('Revision ID: h1h1h1h1h1h1', `Revision ID: ${IDS.c3}`),
  });
  const found = describe(ws, refs(ws, 'c3_index.py', `revision = '${IDS.c3}`, 14, false));
  assert.ok(found.includes(`p1.py: down_revision = '[${IDS.c3.slice(0, 6)}]`), found.join('\n'));
  assert.ok(found.includes(`h1.py: Revision ID: [${IDS.c3}]`), 'another file claiming the id in its header is a mention');
  assert.ok(found.includes(`m5_merge.py: down_revision = ('[${IDS.c3}]`));
});

test('a duplicate id: both declarations with includeDeclaration, and links to it counted once', () => {
  const ws = sharedWorkspace({ 'zz_dup.py': revisionText(IDS.c3, IDS.b2, 'dup of c3') });
  const found = describe(ws, refs(ws, 'm5_merge.py', `('${IDS.c3}`, 3, true));
  assert.deepEqual(found.filter((f) => f.includes(': revision = ')), [`c3_index.py: revision = '[${IDS.c3}]`, `zz_dup.py: revision = '[${IDS.c3}]`]);
  assert.equal(found.filter((f) => f.startsWith('m5_merge.py') && f.includes('down_revision')).length, 1);
});

test('a head has no references but its declaration', () => {
  const ws = sharedWorkspace();
  assert.deepEqual(refs(ws, 'm5_merge.py', `revision = '${IDS.m5}`, 14, false), []);
  assert.equal(refs(ws, 'm5_merge.py', `revision = '${IDS.m5}`, 14, true)?.length, 2);
});

test('broken ids, non-revision files and positions off any id give null', () => {
  const ws = sharedWorkspace({ 'q.py': revisionText('q1q1q1q1q1q1', 'zzzz9999') });
  assert.equal(refs(ws, 'q.py', "down_revision = 'zzzz", 18, true), null);
  assert.equal(refs(ws, 'q.py', 'def upgrade', 4, true), null);
  const w = testWorkspace({ ...projectFiles({ 'a.py': revisionText('aaaa1111', null) }), '/w/migrations/env.py': "revision = 'aaaa1111'\n" });
  const position = { line: 0, character: 13 };
  assert.equal(references(w.ctx, { textDocument: { uri: w.uri('/w/migrations/env.py') }, position, context: { includeDeclaration: true } }), null);
  assert.ok(references(w.ctx, { textDocument: { uri: w.uri(`${V}/a.py`) }, position: positionOf(revisionText('aaaa1111', null), "revision = 'aa", 13), context: { includeDeclaration: true } }));
});
