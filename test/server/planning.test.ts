// alembic/plan and alembic/resolve: the engine's plan for an indexed project, with each step's message,
// and Alembic's own refusal text when the target is ambiguous.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { plan, resolve } from '../../server/src/features/planning';

const files = projectFiles({
  'a1_first.py': revisionText('a1a1', null, 'create users'),
  'b2_second.py': revisionText('b2b2', 'a1a1', 'add email'),
  'c3_side.py': revisionText('c3c3', 'a1a1', 'side branch'),
});

test('upgrade heads from a1a1 runs both children with their messages; head is refused as Alembic refuses it', () => {
  const { ctx, index } = testWorkspace(files);
  const project = index.projects[0].config.id;
  const up = plan(ctx, { project, command: 'upgrade', target: 'heads', rows: ['a1a1'] });
  assert.ok(up.ok);
  assert.deepEqual(up.steps.map((s) => [s.revision, s.message]).sort(), [['b2b2', 'add email'], ['c3c3', 'side branch']]);
  assert.deepEqual(up.versionTableAfter, ['b2b2', 'c3c3']);
  const head = plan(ctx, { project, command: 'upgrade', target: 'head', rows: ['a1a1'] });
  assert.equal(head.ok, false);
  assert.match(head.ok ? '' : head.error, /Multiple head revisions are present/);
  const down = plan(ctx, { project, command: 'downgrade', target: 'base', rows: ['b2b2'] });
  assert.ok(down.ok);
  assert.deepEqual(down.revisions, ['b2b2', 'a1a1']);
  const stamp = plan(ctx, { project, command: 'stamp', target: 'b2b2', rows: [], purge: false });
  assert.ok(stamp.ok);
  assert.deepEqual(stamp.versionTableAfter, ['b2b2']);
});

test('resolve names the revisions or gives the error; an unknown project says how to recover', () => {
  const { ctx, index } = testWorkspace(files);
  const project = index.projects[0].config.id;
  assert.deepEqual(resolve(ctx, { project, target: 'heads' }), { ok: true, revisions: ['b2b2', 'c3c3'] });
  const unknown = resolve(ctx, { project, target: 'zzzz' });
  assert.equal(unknown.ok, false);
  const missing = plan(ctx, { project: '/nowhere#alembic', command: 'upgrade', target: 'head', rows: [] });
  assert.equal(missing.ok, false);
});
