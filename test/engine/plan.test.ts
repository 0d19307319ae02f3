// Expected values: real Alembic 1.8.1 (`_upgrade_revs` / `_downgrade_revs` / `_stamp_revs` plus its
// HeadMaintainer over an in-memory row set, sorted loading) with the newest Alembic's
// RevisionStep._unmerge_to_revisions patched in. Where 1.8.1 itself differs, the test says so.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRevisionMap } from '../../server/src/engine/graph/graph';
import { planDowngrade, planStamp, planUpgrade } from '../../server/src/engine/plan/plan';
import type { Outcome, Plan } from '../../server/src/engine/types';
import { revs } from '../helpers/revs';
import { A1, B2, C3, D4, E5, F6, p1, p2, p2m, p4 } from './graph-examples';

type Expect = { revs: (string | null)[]; rows: string[][] } | { error: string; pythonError?: boolean };

function check(actual: Outcome<Plan>, expected: Expect, label: string) {
  if ('error' in expected) {
    assert.deepEqual(actual, { ok: false, ...expected }, label);
    return;
  }
  assert.ok(actual.ok, `${label}: ${!actual.ok ? actual.error : ''}`);
  const plan = actual.value;
  assert.deepEqual(plan.steps.map((s) => s.revision), expected.revs, `${label}: steps`);
  assert.deepEqual(plan.steps.map((s) => s.rowsAfter), expected.rows, `${label}: rows`);
  const last = expected.rows.length ? expected.rows[expected.rows.length - 1] : null;
  if (last) assert.deepEqual(plan.versionTableAfter, last, `${label}: final rows`);
  assert.deepEqual(plan.revisions, expected.revs.filter((r) => r !== null), `${label}: revisions`);
}

const MULTI_HEAD = (arg: string) =>
  `Multiple head revisions are present for given argument '${arg}'; please specify a specific target revision, ` +
  `'<branchname>@${arg}' to narrow to a specific head, or 'heads' for all heads`;
const AMBIGUOUS_WARNING = 'downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release.';

describe('planUpgrade on p1', () => {
  const map = buildRevisionMap(p1());
  const cases: [string[], string, Expect][] = [
    [[], 'heads', { revs: [A1, B2, C3, D4, E5, F6], rows: [[A1], [B2], [C3], [C3, D4], [E5], [F6]] }],
    [[C3], 'heads', { revs: [D4, E5, F6], rows: [[C3, D4], [E5], [F6]] }],
    [[F6], 'b2b2', { revs: [], rows: [] }], // already past it: a silent no-op
    [[C3], 'd4d4', { revs: [D4], rows: [[C3, D4]] }], // a second branch: INSERT
    [[D4], '+1', { revs: [C3, E5], rows: [[C3, D4], [E5]] }], // +1 ran two scripts (e5 needs c3)
    [[], '+1', { revs: [A1], rows: [[A1]] }],
    [[], '+3', { error: 'Ambiguous walk' }],
    [[C3, D4], '+1', { error: 'Ambiguous upgrade from multiple current revisions' }],
    [[], '-1', { error: "Relative revision -1 didn't produce 1 migrations" }],
    [[F6], 'f6f6+1', { error: 'AssertionError', pythonError: true }], // walk runs out: Alembic asserts
    [[], 'a1a1:b2b2', { error: 'Range revision not allowed' }],
    [['zzzzzz'], 'heads', { error: "Can't locate revision identified by 'zzzzzz'" }],
    [[], 'current', { error: "Can't locate revision identified by 'current'" }],
    [[C3, D4], 'head', { revs: [E5, F6], rows: [[E5], [F6]] }], // merge: DELETE d4, UPDATE c3 -> e5
    [[], 'head-1', { revs: [A1, B2, C3, D4, E5], rows: [[A1], [B2], [C3], [C3, D4], [E5]] }],
    [[C3, F6], 'heads', { error: `Requested revision ${F6} overlaps with other requested revisions ${C3}` }],
  ];
  for (const [rows, target, expected] of cases) {
    test(`[${rows.map((r) => r.slice(0, 4))}] upgrade ${target}`, () => check(planUpgrade(map, rows, target), expected, target));
  }
  test('steps name what the log line shows', () => {
    const r = planUpgrade(map, [C3, D4], 'e5e5');
    assert.ok(r.ok);
    assert.deepEqual(r.value.steps[0], { kind: 'upgrade', revision: E5, from: [D4, C3], to: [E5], rowsAfter: [E5] });
  });
});

describe('planDowngrade on p1', () => {
  const map = buildRevisionMap(p1());
  const cases: [string[], string, Expect][] = [
    [[C3, D4], 'b2b2', { revs: [C3, D4], rows: [[D4], [B2]] }], // main (sorted load): c3 first; 1.8.1 listdir could give d4 first
    [[C3, D4], 'base', { revs: [C3, D4, B2, A1], rows: [[D4], [B2], [A1], []] }],
    [[E5], 'c3c3', { revs: [E5], rows: [[C3, D4]] }], // the unmerge restores both rows
    [[F6], 'a1a1', { revs: [F6, E5, D4, C3, B2], rows: [[E5], [C3, D4], [C3], [B2], [A1]] }],
    [[F6], 'base', { revs: [F6, E5, D4, C3, B2, A1], rows: [[E5], [C3, D4], [C3], [B2], [A1], []] }],
    [[E5], '-1', { error: 'Ambiguous walk' }], // one step down from a merge point
    [[B2], 'a1a1', { revs: [B2], rows: [[A1]] }],
    [[A1], 'a1a1-1', { revs: [A1], rows: [[]] }], // reaches base: a full downgrade
    [[F6], '+1', { error: "Relative revision +1 didn't produce 1 migrations" }],
    [[], '-1', { error: "Relative revision -1 didn't produce 1 migrations" }],
    [[F6], 'e5e5+1', { revs: [], rows: [] }], // to a current row: no-op
    [[C3], 'd4d4', { error: `Destination d4d4 is not a valid downgrade target from current head(s)` }],
    [[B2], 'b2b2', { revs: [], rows: [] }],
    [[F6], 'a1a1:b2b2', { error: 'Range revision not allowed' }],
  ];
  for (const [rows, target, expected] of cases) {
    test(`[${rows.map((r) => r.slice(0, 4))}] downgrade ${target}`, () => check(planDowngrade(map, rows, target), expected, target));
  }
  test('downgrade -1 from two rows: a warning, then the first row the database returns', () => {
    const a = planDowngrade(map, [C3, D4], '-1');
    assert.ok(a.ok);
    assert.deepEqual([a.value.revisions, a.value.versionTableAfter, a.value.warnings], [[C3], [D4], [AMBIGUOUS_WARNING]]);
    const b = planDowngrade(map, [D4, C3], '-1');
    assert.ok(b.ok);
    assert.deepEqual([b.value.revisions, b.value.versionTableAfter], [[D4], [C3]]);
  });
});

describe('p2: dependencies in plans', () => {
  const map = buildRevisionMap(p2());
  const up: [string[], string, Expect][] = [
    [[], 'heads', { revs: ['c1000000', 'c2000000', 'c3000000', 'p1000000', 'p2000000', 'p3000000'],
      rows: [['c1000000'], ['c2000000'], ['c3000000'], ['c3000000', 'p1000000'], ['p2000000'], ['p3000000']] }],
    [[], 'head', { error: MULTI_HEAD('head') }],
    [[], 'core@head', { revs: ['c1000000', 'c2000000', 'c3000000'], rows: [['c1000000'], ['c2000000'], ['c3000000']] }],
    [[], 'p2000000', { revs: ['c1000000', 'c2000000', 'c3000000', 'p1000000', 'p2000000'],
      rows: [['c1000000'], ['c2000000'], ['c3000000'], ['c3000000', 'p1000000'], ['p2000000']] }],
    [[], 'core@+1', { revs: ['c1000000'], rows: [['c1000000']] }],
    [['c1000000'], 'plugin@+1', { revs: ['p1000000'], rows: [['c1000000', 'p1000000']] }],
    [[], 'core@head:x', { error: 'Range revision not allowed' }],
  ];
  for (const [rows, target, expected] of up) test(`upgrade ${target}`, () => check(planUpgrade(map, rows, target), expected, target));
  const down: [string[], string, Expect][] = [
    // dependents of core go too (p3, p2), p1 stays
    [['p3000000'], 'core@base', { revs: ['p3000000', 'p2000000', 'c3000000', 'c2000000', 'c1000000'],
      rows: [['p2000000'], ['c3000000', 'p1000000'], ['c2000000', 'p1000000'], ['c1000000', 'p1000000'], ['p1000000']] }],
    // Alembic 1.8.1 ends with {c1, c2, p1} here; main (1.13.1 fix) with {c2, p1}
    [['p3000000'], 'c2000000', { revs: ['p3000000', 'p2000000', 'c3000000'],
      rows: [['p2000000'], ['c3000000', 'p1000000'], ['c2000000', 'p1000000']] }],
    [['p3000000'], 'plugin@-1', { revs: ['p3000000'], rows: [['p2000000']] }],
    [['p3000000'], 'core@-1', { revs: ['p3000000', 'p2000000', 'c3000000'],
      rows: [['p2000000'], ['c3000000', 'p1000000'], ['c2000000', 'p1000000']] }],
  ];
  for (const [rows, target, expected] of down) test(`downgrade ${target}`, () => check(planDowngrade(map, rows, target), expected, target));
  test('an effective head is absorbed: upgrade heads on p2m leaves one row', () => {
    const m = buildRevisionMap(p2m());
    const r = planUpgrade(m, [], 'heads');
    assert.ok(r.ok);
    assert.deepEqual(r.value.revisions, ['c1000000', 'c2000000', 'c3000000', 'p1000000', 'p2000000', 'p3000000', 'm1000000', 'm2000000']);
    assert.deepEqual(r.value.versionTableAfter, ['m2000000']);
  });
});

describe('p4: downgrade with a label and a single shared root', () => {
  const map = buildRevisionMap(p4());
  const cases: [string[], string, Expect][] = [
    // the label filter does nothing with one root: both branches go (verified)
    [['r3r3r3r3', 'r4r4r4r4'], 'mid@base', { revs: ['r3r3r3r3', 'r2r2r2r2', 'r4r4r4r4', 'r1r1r1r1'],
      rows: [['r2r2r2r2', 'r4r4r4r4'], ['r4r4r4r4'], ['r1r1r1r1'], []] }],
    [['r3r3r3r3', 'r4r4r4r4'], 'r1r1r1r1', { revs: ['r3r3r3r3', 'r2r2r2r2', 'r4r4r4r4'],
      rows: [['r2r2r2r2', 'r4r4r4r4'], ['r4r4r4r4'], ['r1r1r1r1']] }],
    [['r4r4r4r4'], 'r2r2r2r2', { error: 'Destination r2r2r2r2 is not a valid downgrade target from current head(s)' }],
  ];
  for (const [rows, target, expected] of cases) test(`downgrade ${target}`, () => check(planDowngrade(map, rows, target), expected, target));
});

describe('planStamp on p1', () => {
  const map = buildRevisionMap(p1());
  const cases: [string[], string[], boolean, Expect][] = [
    [[], [C3], false, { revs: [null], rows: [[C3]] }],
    [[C3], [D4], false, { revs: [null], rows: [[C3, D4]] }],
    [[C3, D4], ['heads'], false, { revs: [null], rows: [[F6]] }],
    [[F6], [B2], false, { revs: [null], rows: [[B2]] }],
    [[B2], [C3, D4], false, { revs: [null, null], rows: [[C3], [C3, D4]] }],
    [[C3, D4], [A1], false, { revs: [null], rows: [[A1]] }],
    [[A1], [F6, C3], false, { revs: [null, null], rows: [[F6], [C3, F6]] }], // no validation of the result
    [[C3, F6], ['base'], false, { revs: [null, null], rows: [[F6], []] }],
    [['zzzzzz'], [C3], false, { error: "Can't locate revision identified by 'zzzzzz'" }],
    [['zzzzzz'], [C3], true, { revs: [null], rows: [[C3]] }], // --purge empties the table first
    [[F6], ['head'], false, { revs: [], rows: [] }],
    [[C3], ['base', D4], false, { revs: [null], rows: [[C3, D4]] }], // base is dropped among other targets
  ];
  for (const [rows, targets, purge, expected] of cases) {
    test(`[${rows.map((r) => r.slice(0, 4))}] stamp ${targets.map((t) => t.slice(0, 4))}${purge ? ' --purge' : ''}`, () =>
      check(planStamp(map, rows, targets, purge), expected, targets.join(' ')));
  }
  test('stamp steps name the rows they replace', () => {
    const r = planStamp(map, [C3, D4], ['heads'], false);
    assert.ok(r.ok);
    assert.deepEqual(r.value.steps, [{ kind: 'stamp', revision: null, from: [C3, D4], to: [F6], rowsAfter: [F6] }]);
  });
  test('multiple heads message for stamp', () => {
    const m = buildRevisionMap(p2());
    assert.deepEqual(planStamp(m, [], ['head'], false), {
      ok: false,
      error: 'Multiple heads are present; please specify a single target revision',
    });
    const r = planStamp(m, ['p3000000'], ['core@head'], false);
    assert.ok(r.ok);
    assert.deepEqual(r.value.versionTableAfter, ['c3000000']);
  });
});

describe('plans on broken maps', () => {
  test('the load failure comes first, except for target errors Alembic finds before touching the map', () => {
    const map = buildRevisionMap(revs('a1 <- a1', 'b2 <- a1'));
    assert.deepEqual(planUpgrade(map, [], 'heads'), { ok: false, error: 'Self-loop is detected in revisions (a1)' });
    assert.deepEqual(planUpgrade(map, [], '-1'), { ok: false, error: "Relative revision -1 didn't produce 1 migrations" });
    assert.deepEqual(planUpgrade(map, ['a1', 'b2'], '+1'), { ok: false, error: 'Ambiguous upgrade from multiple current revisions' });
    assert.deepEqual(planDowngrade(map, [], '-1'), { ok: false, error: "Relative revision -1 didn't produce 1 migrations" });
    assert.deepEqual(planStamp(map, [], ['b2'], false), { ok: false, error: 'Self-loop is detected in revisions (a1)' });
  });
  test('a merge whose parents are both rows collapses them', () => {
    const map = buildRevisionMap(revs('a0', 'c1 <- a0', 'c2 <- a0', 'c3 <- c1, c2'));
    const r = planUpgrade(map, ['c1', 'c2'], 'c3');
    assert.ok(r.ok);
    assert.deepEqual(r.value.versionTableAfter, ['c3']);
  });
});

describe('scale', () => {
  test('upgrade and downgrade across 20,000 revisions with branches', () => {
    const specs: string[] = ['n0'];
    for (let k = 1; k < 20000; k++) {
      if (k % 10 === 5) specs.push(`n${k} <- n${k - 1}`, `x${k} <- n${k - 1}`, `m${k} <- n${k}, x${k}`);
      else specs.push(`n${k} <- ${k % 10 === 6 ? `m${k - 1}` : `n${k - 1}`}`);
    }
    const map = buildRevisionMap(revs(...specs));
    const t = performance.now();
    const up = planUpgrade(map, [], 'heads');
    const down = planDowngrade(map, up.ok ? up.value.versionTableAfter : [], 'base');
    assert.ok(up.ok && down.ok);
    assert.equal(up.value.revisions.length, map.nodes.length);
    assert.deepEqual(down.value.versionTableAfter, []);
    assert.ok(performance.now() - t < 3000);
  });
});
