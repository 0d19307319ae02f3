// `plan` prints the `Running ...` lines Alembic logs (verified with real Alembic 1.8.1 on sqlite,
// online, on the p1 project: `upgrade heads`, `downgrade c3c3` from f6, `stamp heads` from {c3,d4},
// `downgrade base` from f6), then the rows after, which `alembic current` confirmed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { assertBuilt, hasStackTrace, runCli } from './harness';
import { P1, writeProject } from './projects';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3';
const D = 'd4d4d4d4d4d4';
const E = 'e5e5e5e5e5e5';
const F = 'f6f6f6f6f6f6';

describe('cli plan', () => {
  let root = '';
  before(() => {
    assertBuilt();
    root = writeProject(P1);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('upgrade heads from an empty table', () => {
    const r = runCli(['plan', 'upgrade', 'heads'], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        `Running upgrade  -> ${A}, create users`,
        `Running upgrade ${A} -> ${B}, add email`,
        `Running upgrade ${B} -> ${C}, branch one`,
        `Running upgrade ${B} -> ${D}, branch two`,
        `Running upgrade ${D}, ${C} -> ${E}, merge c3 and d4`,
        `Running upgrade ${E} -> ${F}, after merge`,
        `Version table after: ${F}`,
        '',
      ].join('\n'),
    );
  });

  test('downgrade to one side of a merge restores both rows', () => {
    const r = runCli(['plan', 'downgrade', 'c3c3', '--from', F], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        `Running downgrade ${F} -> ${E}, after merge`,
        `Running downgrade ${E} -> ${D}, ${C}, merge c3 and d4`,
        `Version table after: ${C}, ${D}`,
        '',
      ].join('\n'),
    );
  });

  test('downgrade base runs every script down to an empty table', () => {
    const r = runCli(['plan', 'downgrade', 'base', `--from=${F}`], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        `Running downgrade ${F} -> ${E}, after merge`,
        `Running downgrade ${E} -> ${D}, ${C}, merge c3 and d4`,
        `Running downgrade ${D} -> ${B}, branch two`,
        `Running downgrade ${C} -> ${B}, branch one`,
        `Running downgrade ${B} -> ${A}, add email`,
        `Running downgrade ${A} -> , create users`,
        'Version table after: (empty)',
        '',
      ].join('\n'),
    );
  });

  test('stamp collapses the rows without running scripts', () => {
    const r = runCli(['plan', 'stamp', 'heads', '--from', `${C},${D}`], root);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, `Running stamp_revision ${C}, ${D} -> ${F}\nVersion table after: ${F}\n`);
  });

  test('--json gives the scripts run and the rows after', () => {
    const up = runCli(['plan', 'upgrade', 'd4d4', '--from', B, '--json'], root);
    assert.equal(up.code, 0, up.stderr);
    assert.deepEqual(JSON.parse(up.stdout), { revisions: [D], version_table_after: [D] });
    const stamp = runCli(['--json', 'plan', 'stamp', C, D, '--purge', '--from', F], root);
    assert.equal(stamp.code, 0, stamp.stderr);
    assert.deepEqual(JSON.parse(stamp.stdout), { revisions: [], version_table_after: [C, D] });
  });

  test("an unknown target fails with Alembic's message", () => {
    const r = runCli(['plan', 'upgrade', 'zzzz'], root);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, "FAILED: Can't locate revision identified by 'zzzz'\n");
    const j = runCli(['plan', 'upgrade', 'zzzz', '--json'], root);
    assert.equal(j.code, 1);
    assert.deepEqual(JSON.parse(j.stdout), { error: "Can't locate revision identified by 'zzzz'" });
  });

  test('usage errors exit 2 without a stack trace', () => {
    for (const args of [
      ['plan'],
      ['plan', 'upgrade'],
      ['plan', 'sideways', 'head'],
      ['plan', 'upgrade', 'a', 'b'],
      ['plan', 'upgrade', 'head', '--purge'],
      ['plan', 'upgrade', 'head', '--from'],
    ]) {
      const r = runCli(args, root);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^usage: /);
      assert.equal(hasStackTrace(r.stderr), false);
    }
  });
});
