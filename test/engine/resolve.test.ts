// Expected values: real Alembic 1.8.1 (`get_revisions` / `walk_revisions` under `_catch_revision_errors`,
// sorted loading), identical in the newest Alembic for these paths.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRevisionMap } from '../../server/src/engine/graph/graph';
import { explainResolution, historyRange, resolveRevisions, resolveSingleRevision } from '../../server/src/engine/plan/resolve';
import type { Outcome } from '../../server/src/engine/types';
import { revs } from '../helpers/revs';
import { A1, B2, C3, D4, E5, F6, p1, p2, p4 } from './graph-examples';

const MULTI_HEAD = (arg: string) =>
  `Multiple head revisions are present for given argument '${arg}'; please specify a specific target revision, ` +
  `'<branchname>@${arg}' to narrow to a specific head, or 'heads' for all heads`;
const locate = (arg: string) => `Can't locate revision identified by '${arg}'`;

type Expect = string[] | { error: string; pythonError?: boolean };
function check(actual: Outcome<string[]>, expected: Expect, label: string) {
  if (Array.isArray(expected)) assert.deepEqual(actual, { ok: true, value: expected }, label);
  else assert.deepEqual(actual, { ok: false, ...expected }, label);
}

describe('resolveRevisions on p1', () => {
  const map = buildRevisionMap(p1());
  const cases: [string, Expect][] = [
    ['heads', [F6]],
    ['head', [F6]],
    ['base', []],
    ['a', [A1]], // a one-character prefix works when unique
    ['a1a1', [A1]],
    ['c', [C3]],
    ['zz', { error: locate('zz') }],
    ['zzzzz', { error: locate('zzzzz') }],
    ['-1', [E5]], // walks down from each real head
    ['-2', { error: 'Ambiguous walk' }], // e5 is a merge point
    ['head-1', { error: locate('head-1') }], // relative forms are not for show
    ['c3c3+1', { error: locate('c3c3+1') }],
    ['current', { error: locate('current') }],
    ['b2b2@head', [F6]], // the branch part may be a revision prefix
    ['c3c3@e5e5', [E5]],
    ['c3c3@d4d4', { error: locate('d4d4') }], // not a member of that branch
    ['e5e5@c3c3', [C3]],
  ];
  for (const [id, expected] of cases) test(id, () => check(resolveRevisions(map, id), expected, id));
  test('internal messages (before the CLI rewrites them)', () => {
    const short = explainResolution(map, 'zz');
    assert.equal(short.ok === false && short.internal,
      "No such revision or branch 'zz'; please ensure at least four characters are present for partial revision identifier matches");
    const long = explainResolution(map, 'zzzzz');
    assert.equal(long.ok === false && long.internal, "No such revision or branch 'zzzzz'");
    // a prefix is only matched among the branch's lineage; an exact id is checked afterwards
    const prefix = explainResolution(map, 'c3c3@d4d4');
    assert.equal(prefix.ok === false && prefix.internal, "No such revision or branch 'd4d4'");
    const exact = explainResolution(map, `c3c3@${D4}`);
    assert.equal(exact.ok === false && exact.internal, `Revision ${D4} is not a member of branch 'c3c3'`);
  });
  test('several prefix matches (internal text lists the first three in load order)', () => {
    const m = buildRevisionMap(revs('cafe0001', 'cafe0002 <- cafe0001', 'cafe0003 <- cafe0002', 'cafe0004 <- cafe0003'));
    const r = explainResolution(m, 'cafe');
    assert.deepEqual(r, {
      ok: false,
      error: locate('cafe'),
      internal: "Multiple revisions start with 'cafe': 'cafe0001', 'cafe0002', 'cafe0003'...",
    });
  });
});

describe('resolveRevisions on p2 (labels and dependencies)', () => {
  const map = buildRevisionMap(p2());
  const cases: [string, Expect][] = [
    ['heads', ['p3000000']], // real heads only
    ['head', { error: MULTI_HEAD('head') }], // two versioned heads (c3 is an effective head)
    ['core', ['c1000000']], // a label names the revision declaring it
    ['cor@head', ['c3000000']], // the branch part matches the label by prefix
    ['core@head', ['c3000000']],
    ['plugin@head', ['p3000000']],
    ['core@heads', ['c3000000']],
    ['c2000000@head', ['c3000000']],
    ['c', { error: locate('c') }], // ambiguous prefix
    ['foo@head', { error: locate('foo') }],
    ['core@p2000000', { error: locate('p2000000') }],
    ['-1', ['p2000000']],
    ['plugin@-1', ['p2000000']],
  ];
  for (const [id, expected] of cases) test(id, () => check(resolveRevisions(map, id), expected, id));
  test('resolveSingleRevision', () => {
    assert.deepEqual(resolveSingleRevision(map, 'core@head'), { ok: true, value: 'c3000000' });
    assert.deepEqual(resolveSingleRevision(map, 'base'), { ok: true, value: null });
    assert.deepEqual(resolveSingleRevision(map, 'head'), { ok: false, error: MULTI_HEAD('head') });
  });
});

describe('resolveRevisions on p4', () => {
  const map = buildRevisionMap(p4());
  const cases: [string, Expect][] = [
    ['mid@head', ['r3r3r3r3']],
    ['mid@heads', ['r3r3r3r3']],
    ['mid', ['r2r2r2r2']],
    ['r4r4@head', ['r4r4r4r4']],
    ['mid@r4r4r4r4', { error: locate('r4r4r4r4') }],
    // get_revisions('-2') gives (r1, 'base'); `show` then crashes printing the pseudo-revision
    ['-2', { error: "AttributeError: 'str' object has no attribute 'log_entry'", pythonError: true }],
  ];
  for (const [id, expected] of cases) test(id, () => check(resolveRevisions(map, id), expected, id));
});

describe('a map Alembic cannot build fails every lookup the same way', () => {
  test('cycle', () => {
    const map = buildRevisionMap(revs('y1y1y1y1', 'y2y2y2y2 <- y1y1y1y1, y3y3y3y3', 'y3y3y3y3 <- y2y2y2y2'));
    check(resolveRevisions(map, 'heads'), { error: 'Cycle is detected in revisions (y1y1y1y1, y2y2y2y2, y3y3y3y3)' }, 'cycle');
    assert.deepEqual(resolveRevisions(map, 'y1y1', { ignoreLoadErrors: true }), { ok: true, value: ['y1y1y1y1'] });
  });
  test('order of load problems: self-loop, then label clash, then KeyError for depends_on, then down_revision', () => {
    check(resolveRevisions(buildRevisionMap(revs('a1 <- a1', 'b2 [a1]')), 'heads'), { error: 'Self-loop is detected in revisions (a1)' }, 'loop');
    check(resolveRevisions(buildRevisionMap(revs('a1 {zz}', 'b2 <- q [a1]')), 'heads'), { error: "Branch name 'a1' in revision b2 already used by revision a1" }, 'label');
    check(resolveRevisions(buildRevisionMap(revs('a1 {zz}', 'b2 <- q')), 'heads'), { error: "KeyError: 'zz'", pythonError: true }, 'dep');
    check(resolveRevisions(buildRevisionMap(revs('a1', 'b2 <- q')), 'heads'), { error: "KeyError: 'q'", pythonError: true }, 'parent');
    check(resolveRevisions(buildRevisionMap(revs('a-1')), 'heads'), { error: "Character(s) '-' not allowed in revision identifier 'a-1'" }, 'chars');
  });
});

describe('historyRange', () => {
  const map = buildRevisionMap(p1());
  const cases: [string, Expect][] = [
    [':b2b2', [B2, A1]],
    ['b2b2:e5e5', [E5, D4, C3, B2]],
    ['c3c3:', [F6, E5, C3]], // d4 is not a descendant of c3
    ['c3c3:+1', [E5, C3]],
    ['-1:', [F6, E5]],
    [':', [F6, E5, D4, C3, B2, A1]],
    ['base:heads', [F6, E5, D4, C3, B2, A1]],
    [':head', [F6, E5, D4, C3, B2, A1]],
    [':-2', { error: "Relative revision -2 didn't produce 2 migrations" }],
    ['c3c3:d4d4', { error: 'Requested range c3c3:d4d4 does not refer to ancestor/descendant revisions along the same branch' }],
    ['e5e5:c3c3', { error: 'Requested range e5e5:c3c3 does not refer to ancestor/descendant revisions along the same branch' }],
    ['x', { error: 'History range requires [start]:[end], [start]:, or :[end]' }],
    ['a:b:c', { error: 'ValueError: too many values to unpack (expected 2)', pythonError: true }],
  ];
  for (const [range, expected] of cases) test(range, () => check(historyRange(map, range), expected, range));
  test('current stands for the database rows', () => {
    check(historyRange(map, 'current:', [C3]), [F6, E5, C3], 'current:');
    check(historyRange(map, ':current', [C3]), [C3, B2, A1], ':current');
    check(historyRange(map, ':current', []), [F6, E5, D4, C3, B2, A1], 'empty table = heads');
  });
  test('known Alembic failures with depends_on across branches (p2)', () => {
    const m2 = buildRevisionMap(p2());
    check(historyRange(m2, 'core@base:'), [], 'the only real head lacks the label');
    check(historyRange(m2, 'c1000000:'), { error: 'AssertionError', pythonError: true }, 'assert not todo');
    check(historyRange(m2, ':'), ['p3000000', 'p2000000', 'p1000000', 'c3000000', 'c2000000', 'c1000000'], 'all');
  });
  test('a cycle Alembic misses makes it loop forever', () => {
    // f1 -> g0 -> a4 -> f1 (and a4 -> g3 -> f1) lies between the heads (e6, b5) and the base f2 (verified: Alembic hangs)
    const m = buildRevisionMap(revs('f1 <- g0', 'g3 <- f1, f2', 'e6 <- a4', 'g0 <- a4', 'b5 <- f1', 'f2', 'a4 <- f1, g3'));
    assert.deepEqual(m.issues, [{ kind: 'cycle', ids: ['a4', 'f1', 'g0', 'g3'], missedByAlembic: true }]);
    const r = historyRange(m, ':');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error : '', /loops forever/);
  });
});
