// The status bar text: the active connection's revision, how far behind, several heads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusText } from '../../client/src/model/statusText';
import { statusActions } from '../../client/src/model/statusActions';
import { P1, TWO_HEADS } from './graphs';

test('one row: id and how far behind; at the heads: up to date', () => {
  assert.equal(statusText({ connectionName: 'dev', state: { status: 'ok', rows: ['c3'], stamped: true }, graph: P1 }).text, '$(database) dev: c3 · 3 behind');
  const up = statusText({ connectionName: 'dev', state: { status: 'ok', rows: ['f6'], stamped: true }, graph: P1 });
  assert.equal(up.text, '$(database) dev: f6 · up to date');
  assert.equal(up.warning, false);
  assert.equal(statusText({ connectionName: 'dev', state: { status: 'ok', rows: [], stamped: false }, graph: P1 }).text, '$(database) dev: not stamped · 6 behind');
});

test('several heads: a warning in front, the background, and the fix in the tooltip', () => {
  const s = statusText({ connectionName: 'dev', state: { status: 'ok', rows: ['b2', 'c3'], stamped: true }, graph: TWO_HEADS });
  assert.equal(s.text, '$(warning) 2 heads $(database) dev: 2 revisions · up to date');
  assert.equal(s.warning, true);
  assert.match(s.tooltip, /Merge Heads…/);
});

test('reading, errors, no connection, several projects', () => {
  assert.equal(statusText({ connectionName: 'dev', state: { status: 'reading' }, graph: P1 }).text, '$(sync~spin) dev: reading…');
  const err = statusText({ connectionName: 'prod', state: { status: 'error', kind: 'unreachable', message: 'could not reach db:5432: is it running?' }, graph: P1 });
  assert.equal(err.text, '$(error) prod: unreachable');
  assert.match(err.tooltip, /is it running\?/);
  assert.equal(statusText({ connectionName: null, state: undefined, graph: P1 }).text, '$(database) no connection');
  assert.equal(statusText({ connectionName: 'dev', state: undefined, graph: P1, projectLabel: 'svc/alembic.ini' }).text, '$(database) svc/alembic.ini: dev');
});

test('status actions fit the state', () => {
  const labels = (s: Parameters<typeof statusActions>[0]) => statusActions(s).map((a) => a.command);
  assert.deepEqual(labels({ hasConnection: true, headCount: 2, behind: 3, trusted: true }).slice(0, 3), ['alembic.mergeHeads', 'alembic.upgradeDatabase', 'alembic.downgradeDatabase']);
  assert.equal(statusActions({ hasConnection: true, headCount: 1, behind: 3, trusted: true })[0].description, '3 behind');
  const untrusted = labels({ hasConnection: true, headCount: 1, trusted: false });
  assert.ok(!untrusted.includes('alembic.upgradeDatabase'), 'nothing that needs trust');
  assert.ok(labels({ hasConnection: false, headCount: 1, trusted: true }).includes('alembic.addConnection'));
});
