// Target choices for Upgrade…/Downgrade…/Stamp… and the --head choices of New Revision….
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { headChoices, targetChoices, targetProblem } from '../../client/src/model/targets';
import { P1, TWO_HEADS } from './graphs';

const targets = (c: ReturnType<typeof targetChoices>) => c.map((x) => x.target);

test('upgrade: symbolic names that apply, then only the pending revisions', () => {
  assert.deepEqual(targets(targetChoices('upgrade', P1, ['c3'])), ['heads', 'head', '+1', 'f6', 'e5', 'd4']);
  assert.deepEqual(targets(targetChoices('upgrade', P1, ['f6'])), ['heads', 'head'], 'at the head: nothing pending, no +1');
  const unknown = targetChoices('upgrade', P1, null);
  assert.deepEqual(targets(unknown), ['heads', 'head', 'f6', 'e5', 'd4', 'c3', 'b2', 'a1'], 'position unknown: every revision');
  assert.equal(targetChoices('upgrade', P1, ['c3'])[1].description, 'f6 after merge');
});

test('upgrade with several heads: no bare head, one label@head per branch, no +1 from several rows', () => {
  const c = targetChoices('upgrade', TWO_HEADS, ['b2', 'c3']);
  assert.deepEqual(targets(c), ['heads', 'core@head', 'plugin@head']);
  assert.equal(c[0].description, 'all 2 heads');
});

test('downgrade: -1 only from a single row, base, then the applied revisions (current marked)', () => {
  assert.deepEqual(targets(targetChoices('downgrade', P1, ['e5'])), ['-1', 'base', 'd4', 'c3', 'b2', 'a1']);
  assert.deepEqual(targets(targetChoices('downgrade', TWO_HEADS, ['b2', 'c3'])), ['base', 'a1']);
  const cur = targetChoices('downgrade', P1, null).find((c) => c.target === 'f6');
  assert.ok(cur, 'unknown position: all offered');
});

test('stamp: heads, head, base and every revision', () => {
  assert.deepEqual(targets(targetChoices('stamp', P1, ['c3'])), ['heads', 'head', 'base', 'f6', 'e5', 'd4', 'c3', 'b2', 'a1']);
  assert.match(targetChoices('stamp', P1, ['c3']).find((c) => c.target === 'c3')!.description, /\(current\)/);
});

test('New Revision head choices: none for one head; each head, each label@head, and heads (a merge)', () => {
  assert.deepEqual(headChoices(P1), []);
  const c = headChoices(TWO_HEADS);
  assert.deepEqual(targets(c), ['c3', 'b2', 'core@head', 'plugin@head', 'heads']);
  assert.equal(c[0].description, 'plugin start (plugin)');
  assert.match(c[4].description, /merges them/);
});

test('typed targets: empty, ranges and several words are refused with the reason', () => {
  assert.match(targetProblem('')!, /Type a revision id/);
  assert.match(targetProblem('a:b')!, /Ranges/);
  assert.match(targetProblem('a b')!, /One target only/);
  assert.equal(targetProblem('ae10+2'), null);
  assert.equal(targetProblem('core@head'), null);
  assert.equal(targetProblem('a1, b2'), null, 'several ids for stamp');
});
