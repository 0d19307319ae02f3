// Hover on an in-memory project: the revision card (message, date, file, links, labels, place in the
// graph, ancestors and descendants), notes for labels and shortened ids, and broken ids explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver';
import { hover } from '../../server/src/features/hover';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { IDS, positionOf, sharedWorkspace, textAt } from './navigation-cursor';

type Ws = ReturnType<typeof sharedWorkspace>;

function hoverAt(ws: Ws, name: string, needle: string, offset: number) {
  return hover(ws.ctx, { textDocument: { uri: ws.uriOf(name) }, position: positionOf(ws.src(name), needle, offset) });
}

function markdown(h: ReturnType<typeof hover>): string {
  assert.ok(h, 'a hover');
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

test('the card of a branch point, hovered from a child: every fact, and the range of the id', () => {
  const ws = sharedWorkspace();
  const h = hoverAt(ws, 'c3_index.py', `down_revision = '${IDS.b2}`, 18);
  assert.equal(textAt(ws.src('c3_index.py'), h!.range!), IDS.b2);
  assert.equal(
    markdown(h),
    [
      `**Revision \`${IDS.b2}\`**: add email`,
      '',
      '*branch point*',
      '',
      '- Created: 2026-01-01 00:00:00.000000',
      '- File: `migrations/versions/b2_email.py`',
      `- Parents: \`${IDS.a1}\``,
      `- Children: \`${IDS.c3}\`, \`${IDS.d4}\``,
      `- Dependents (depends_on): \`${IDS.y2}\``,
      '- Branch labels: `core` (inherited)',
      '- Between base and it: 1 revision (its ancestors through down_revision and depends_on)',
      '- Between it and the head(s): 4 revisions (its descendants)',
    ].join('\n'),
  );
});

test('a merge point that is the head; counts follow depends_on too', () => {
  const ws = sharedWorkspace();
  const md = markdown(hoverAt(ws, 'm5_merge.py', `revision = '${IDS.m5}`, 14));
  assert.match(md, /^\*head · merge point\*$/m);
  assert.match(md, new RegExp(`^- Parents: \`${IDS.c3}\`, \`${IDS.d4}\`$`, 'm'));
  assert.match(md, /^- Children: none$/m);
  assert.match(md, /^- Between base and it: 4 revisions /m, 'a1, b2, c3, d4');
  assert.match(md, /^- Between it and the head\(s\): 0 revisions /m);
  const y2 = markdown(hoverAt(ws, 'y2_ext.py', `revision = '${IDS.y2}`, 14));
  assert.match(y2, /^- Between base and it: 3 revisions /m, 'x1, and through depends_on b2 and a1');
  assert.match(y2, new RegExp(`^- Depends on: \`${IDS.b2}\`$`, 'm'));
});

test('a label in depends_on: a note naming the revision it stands for, then that revision', () => {
  const ws = sharedWorkspace();
  const md = markdown(hoverAt(ws, 'x1_ext.py', "depends_on = ('core", 16));
  assert.ok(md.startsWith(`Branch label \`core\`: it stands for \`${IDS.a1}\`, the revision declaring it.\n\n**Revision \`${IDS.a1}\`**: create users`), md);
  assert.match(md, /^- Branch labels: `core` \(declared here\)$/m);
  assert.match(md, /^\*base\*$/m);
  const x1 = markdown(hoverAt(ws, 'x1_ext.py', `revision = '${IDS.x1}`, 14));
  assert.match(x1, new RegExp(`^- Depends on: \`core\` \\(label of \`${IDS.a1}\`\\)$`, 'm'));
});

test('an effective head: only depends_on builds on it', () => {
  const ws = testWorkspace(projectFiles({ 'h.py': revisionText('h1h1h1h1h1h1', null, 'lib'), 'k.py': revisionText('k1k1k1k1k1k1', null, 'app', { depends: ['h1h1h1h1h1h1'] }) }));
  const src = revisionText('h1h1h1h1h1h1', null, 'lib');
  const md = markdown(hover(ws.ctx, { textDocument: { uri: ws.uri('/w/migrations/versions/h.py') }, position: positionOf(src, "revision = 'h1", 13) }));
  assert.match(md, /^\*effective head \(only depends_on builds on it\) · base\*$/m);
});

test('a shortened id and a label in down_revision: the revision, with what Alembic needs written there', () => {
  const ws = sharedWorkspace({
    's.py': revisionText('s1s1s1s1s1s1', IDS.d4.slice(0, 5), 'short parent'),
    'l.py': revisionText('l1l1l1l1l1l1', 'core', 'label parent'),
  });
  const short = markdown(hoverAt(ws, 's.py', "down_revision = 'd4d4d", 18));
  assert.ok(short.startsWith(`\`d4d4d\` is a shortened id of \`${IDS.d4}\`. Alembic needs the full id in down_revision: write \`${IDS.d4}\`.`), short);
  assert.match(short, /\*\*Revision `d4d4d4d4d4d4`\*\*: create orders/);
  const label = markdown(hoverAt(ws, 'l.py', "down_revision = 'core", 18));
  assert.ok(label.startsWith(`\`core\` is a branch label of \`${IDS.a1}\`, but down_revision accepts only full revision ids: write \`${IDS.a1}\`.`), label);
});

test('broken ids say they name nothing; ambiguous prefixes list their candidates; an empty id says to write None', () => {
  const ws = sharedWorkspace({
    'b.py': revisionText('b9b9b9b9b9b9', 'zzzz9999', 'broken parent', { depends: ['nolabel'] }),
    'e.py': revisionText('e9e9e9e9e9e9', '', 'empty parent'),
    'q.py': revisionText('q1q1q1q1q1q1', 'b2b2', 'ambiguous parent'),
    'r.py': revisionText('b2b2ffffffff', null, 'shares a prefix'),
  });
  const broken = hoverAt(ws, 'b.py', "down_revision = 'zzzz", 18);
  assert.equal(markdown(broken), '`zzzz9999` names no revision in this project. Check it for a typo, or point it at an existing revision.');
  assert.equal(textAt(ws.src('b.py'), broken!.range!), 'zzzz9999');
  assert.equal(markdown(hoverAt(ws, 'b.py', "('nolabel", 3)), '`nolabel` names no revision or branch label in this project. Check it for a typo, or point it at an existing revision.');
  assert.equal(markdown(hoverAt(ws, 'b.py', 'Revises: zzzz', 11)), '`zzzz9999` names no revision in this project. Check it for a typo, or point it at an existing revision.');
  assert.match(markdown(hoverAt(ws, 'e.py', "down_revision = ''", 17)), /write `None`/);
  assert.equal(
    markdown(hoverAt(ws, 'q.py', "down_revision = 'b2b2", 18)),
    `\`b2b2\` names no single revision: it is the start of 2 ids (\`${IDS.b2}\`, \`b2b2ffffffff\`). Write the full id.`,
  );
});

test('a duplicate id: the card says which file Alembic keeps and how to fix it', () => {
  const ws = sharedWorkspace({ 'zz_dup.py': revisionText(IDS.c3, IDS.b2, 'dup of c3') });
  const md = markdown(hoverAt(ws, 'm5_merge.py', `('${IDS.c3}`, 3));
  assert.match(md, /\*\*Duplicate id\*\*: declared by 2 files \(`migrations\/versions\/c3_index.py`, `migrations\/versions\/zz_dup.py`\)\. Alembic keeps `migrations\/versions\/zz_dup.py`; give the other file a new revision id\./);
  assert.match(md, /^- File: `migrations\/versions\/zz_dup.py`$/m);
});

test('Markdown in a message is shown as text', () => {
  const ws = sharedWorkspace({ 'md.py': revisionText('md1md1md1md1', IDS.m5, 'add *bold* <b>col</b> [x](y)') });
  const md = markdown(hoverAt(ws, 'md.py', "revision = 'md1", 13));
  assert.ok(md.startsWith('**Revision `md1md1md1md1`**: add \\*bold\\* \\<b\\>col\\</b\\> \\[x\\](y)'), md);
});

test('off any id, and in files that are not revision files: null', () => {
  const ws = sharedWorkspace();
  assert.equal(hoverAt(ws, 'b2_email.py', 'def upgrade', 5), null);
  assert.equal(hoverAt(ws, 'b2_email.py', 'down_revision', 3), null);
  const w = testWorkspace({ ...projectFiles({}), '/w/migrations/env.py': "revision = 'aaaa1111'\n" });
  assert.equal(hover(w.ctx, { textDocument: { uri: w.uri('/w/migrations/env.py') }, position: { line: 0, character: 13 } }), null);
});
