// What the user confirms before a database changes, and the protected-connection guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { needsConfirmation, nothingToDo, planConfirmation, protectedNameMatches, protectedNameProblem, protectedPrompt } from '../../client/src/model/planText';

const downgrade = {
  steps: [
    { kind: 'downgrade' as const, revision: 'f6', message: 'after merge', from: ['f6'], to: ['e5'] },
    { kind: 'downgrade' as const, revision: 'e5', message: '', from: ['e5'], to: ['d4', 'c3'] },
  ],
  versionTableAfter: ['d4', 'c3'],
  warnings: ['something to know'],
};

test('the plan: connection, revisions in order, version table after, warnings', () => {
  const c = planConfirmation({ command: 'downgrade', target: 'd4', connectionName: 'prod', url: 'postgresql://me:***@db/app', plan: downgrade });
  assert.equal(c.message, 'Downgrade prod to d4?');
  assert.equal(c.button, 'Downgrade');
  assert.equal(
    c.detail,
    [
      'Connection: prod (postgresql://me:***@db/app)',
      'Runs 2 revisions, in this order:',
      '  1. downgrade f6 (after merge)',
      '  2. downgrade e5',
      'Version table after: d4, c3',
      'Warning: something to know',
    ].join('\n'),
  );
});

test('a stamp says no script runs, and names the purge', () => {
  const c = planConfirmation({
    command: 'stamp', target: 'heads', purge: true, connectionName: 'dev', url: 'sqlite:///a.db',
    plan: { steps: [{ kind: 'stamp', revision: null, message: '', from: [], to: ['f6'] }], versionTableAfter: ['f6'], warnings: [] },
  });
  assert.equal(c.message, 'Stamp dev to heads (purging the version table first)?');
  assert.match(c.detail, /No migration script runs/);
  assert.match(c.detail, /1\. stamp <base> -> f6/);
  const empty = planConfirmation({ command: 'upgrade', target: 'a1', connectionName: 'dev', url: 'u', plan: { steps: [{ kind: 'upgrade', revision: 'a1', message: 'm', from: [], to: ['a1'] }], versionTableAfter: [], warnings: [] } });
  assert.match(empty.detail, /Runs 1 revision, in this order/);
  assert.match(empty.detail, /Version table after: \(empty\)/);
});

test('nothing to do is said instead of asked; a purge always does something', () => {
  const plan = { steps: [], versionTableAfter: ['f6'], warnings: [] };
  assert.equal(nothingToDo({ command: 'upgrade', target: 'head', connectionName: 'dev', plan }), 'dev is already at head: nothing to upgrade.');
  assert.equal(nothingToDo({ command: 'stamp', target: 'f6', purge: true, connectionName: 'dev', plan }), null);
  assert.equal(nothingToDo({ command: 'downgrade', target: 'd4', connectionName: 'dev', plan: downgrade }), null);
});

test('downgrades and stamps always confirm; upgrades follow the setting', () => {
  assert.equal(needsConfirmation('downgrade', false), true);
  assert.equal(needsConfirmation('stamp', false), true);
  assert.equal(needsConfirmation('upgrade', false), false);
  assert.equal(needsConfirmation('upgrade', true), true);
});

test('protected connections: only the exact name passes', () => {
  assert.equal(protectedNameMatches('prod', 'prod'), true);
  assert.equal(protectedNameMatches('  prod ', 'prod'), true, 'surrounding spaces forgiven');
  assert.equal(protectedNameMatches('Prod', 'prod'), false, 'case matters');
  assert.equal(protectedNameMatches('pro', 'prod'), false);
  assert.equal(protectedNameMatches(undefined, 'prod'), false, 'Escape');
  assert.equal(protectedNameMatches('', 'prod'), false);
  assert.equal(protectedNameProblem('prod', 'prod'), null);
  assert.match(protectedNameProblem('x', 'prod')!, /Type prod exactly/);
  assert.equal(protectedPrompt('prod', 'downgrade'), 'prod is protected. Type its name to downgrade it.');
});
