// The History view's model: positions of a database in the graph (applied/current/pending), the
// items' icons, descriptions, menu flags and tooltips, and the grouping when there are several projects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { databasePosition } from '../../client/src/model/marks';
import { historyRoots, type HistoryInput } from '../../client/src/model/historyItems';
import { graph, P1, project, TWO_HEADS } from './graphs';

test('database position: rows are current, their ancestors applied, the rest pending', () => {
  const pos = databasePosition(P1, ['c3']);
  assert.deepEqual(Object.fromEntries(pos.marks), { c3: 'current', b2: 'applied', a1: 'applied', f6: 'pending', e5: 'pending', d4: 'pending' });
  assert.equal(pos.pendingCount, 3);
  assert.deepEqual(pos.unknownRows, []);
});

test('database position: several rows, dependencies count as applied, unknown rows are reported', () => {
  const g = graph([
    { id: 'p2', down: ['p1'], deps: ['c2'] },
    { id: 'p1' },
    { id: 'c2', down: ['c1'] },
    { id: 'c1' },
  ]);
  const pos = databasePosition(g, ['p2', 'zzzz']);
  assert.equal(pos.marks.get('c2'), 'applied', 'reached through depends_on');
  assert.equal(pos.marks.get('c1'), 'applied');
  assert.equal(pos.pendingCount, 0);
  assert.deepEqual(pos.unknownRows, ['zzzz']);
  assert.equal(databasePosition(g, []).pendingCount, 4, 'an empty table: everything pending');
});

function input(over: Partial<HistoryInput> = {}): HistoryInput {
  const p = project('/w/alembic.ini');
  return { projects: [p], graphs: new Map([[p.id, P1]]), positions: new Map(), folders: ['/w'], ...over };
}

test('one project: its revisions at the top level, newest first, with structure icons', () => {
  const items = historyRoots(input());
  assert.deepEqual(items.map((i) => i.revision), ['f6', 'e5', 'd4', 'c3', 'b2', 'a1']);
  assert.deepEqual(items.map((i) => i.icon.id), ['arrow-circle-up', 'git-merge', 'git-commit', 'git-commit', 'repo-forked', 'home']);
  assert.equal(items[0].label, 'f6 after merge');
  assert.deepEqual(items[4].open, { file: '/w/migrations/versions/b2.py', line: 7 });
  assert.equal(items[4].description, '2026-11-23', 'the day only (the tooltip has the time)');
  assert.ok(items.every((i) => i.icon.color === undefined), 'no marks without a connection');
  assert.match(items[0].contextValue, /\bcanUpgrade\b/);
  assert.match(items[0].contextValue, /\bcanDowngrade\b/, 'position unknown: every move offered');
});

test('marks of the active connection: description, icon color and menu flags', () => {
  const p = project('/w/alembic.ini');
  const items = historyRoots(input({ positions: new Map([[p.id, { connectionName: 'dev', position: databasePosition(P1, ['d4']) }]]) }));
  const by = new Map(items.map((i) => [i.revision, i]));
  assert.equal(by.get('d4')!.description, 'current');
  assert.equal(by.get('d4')!.icon.color, 'charts.blue');
  assert.equal(by.get('b2')!.description, 'applied · 2026-11-23');
  assert.equal(by.get('b2')!.icon.color, 'charts.green');
  assert.equal(by.get('c3')!.description, 'pending');
  assert.match(by.get('c3')!.contextValue, /\bcanUpgrade\b/);
  assert.doesNotMatch(by.get('c3')!.contextValue, /\bcanDowngrade\b/);
  assert.doesNotMatch(by.get('b2')!.contextValue, /\bcanUpgrade\b/);
  assert.match(by.get('d4')!.tooltip!, /On \*\*dev\*\*: current/);
});

test('labels in the description, merge flag only on heads when there are several, broken icon wins', () => {
  const p = project('/w/alembic.ini');
  const items = historyRoots(input({ graphs: new Map([[p.id, TWO_HEADS]]) }));
  assert.equal(items[0].description, '(plugin)');
  assert.match(items[0].contextValue, /\bmergeable\b/);
  assert.doesNotMatch(items[2].contextValue, /\bmergeable\b/);
  const broken = graph([{ id: 'x1', down: ['gone'], broken: true }]);
  const [b] = historyRoots(input({ graphs: new Map([[p.id, broken]]) }));
  assert.equal(b.icon.id, 'error');
  assert.match(b.contextValue, /\bbroken\b/);
  assert.match(b.tooltip!, /names no revision/);
});

test('a row no file declares becomes a warning item above the revisions', () => {
  const p = project('/w/alembic.ini');
  const items = historyRoots(input({ positions: new Map([[p.id, { connectionName: 'prod', position: databasePosition(P1, ['deadbeef']) }]]) }));
  assert.equal(items[0].kind, 'notice');
  assert.match(items[0].label, /prod is at deadbeef, which no file declares/);
  assert.match(items[0].description!, /Stamp with purge/);
});

test('several projects: one group each, sorted by config path, ids unique across projects', () => {
  const a = project('/w/b-service/alembic.ini');
  const b = project('/w/a-service/alembic.ini');
  const named = project('/w/a-service/alembic.ini', { id: '/w/a-service/alembic.ini#tenant', section: 'tenant' });
  const roots = historyRoots(input({
    projects: [a, b, named],
    graphs: new Map([[a.id, P1], [b.id, P1], [named.id, TWO_HEADS]]),
  }));
  assert.deepEqual(roots.map((r) => r.label), ['a-service/alembic.ini', 'a-service/alembic.ini [tenant]', 'b-service/alembic.ini']);
  assert.equal(roots[1].description, '6 revisions', 'counts come from the summary');
  assert.equal(roots[0].children!.length, 6);
  const ids = roots.flatMap((r) => [r.id, ...r.children!.map((c) => c.id)]);
  assert.equal(new Set(ids).size, ids.length);
});

test('tooltips escape Markdown in messages', () => {
  const p = project('/w/alembic.ini');
  const g = graph([{ id: 'a1', message: 'add *bold* [link](x) <b>' }]);
  const [item] = historyRoots(input({ graphs: new Map([[p.id, g]]) }));
  assert.match(item.tooltip!, /add \\\*bold\\\* \\\[link\\\]\\\(x\\\) \\<b\\>/);
});

test('in a multi-root workspace a project is named with its folder, so two alembic.ini stay apart', async () => {
  const { projectLabel } = await import('../../client/src/model/historyItems');
  const a = project('/ws/app/alembic.ini');
  const b = project('/ws/billing/alembic.ini');
  assert.equal(projectLabel(a, ['/ws/app']), 'alembic.ini');
  assert.deepEqual([projectLabel(a, ['/ws/app', '/ws/billing']), projectLabel(b, ['/ws/app', '/ws/billing'])], ['app: alembic.ini', 'billing: alembic.ini']);
  assert.equal(projectLabel({ ...b, section: 'reports' }, ['/ws/app', '/ws/billing']), 'billing: alembic.ini [reports]');
});
