// The text of heads / history / branches / show equals real Alembic's stdout (captured into
// goldens.ts by capture-goldens.ts). Where Alembic fails (FAILED: on its stdout, exit 255), we print
// the same line on stderr and exit 1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { GOLDENS } from './goldens';
import { assertBuilt, hasStackTrace, runCli } from './harness';
import { P1, P2, writeProject } from './projects';

describe('cli text equals Alembic', () => {
  const roots: Record<string, string> = {};
  before(() => {
    assertBuilt();
    roots.p1 = writeProject(P1);
    roots.p2 = writeProject(P2);
  });
  after(() => {
    for (const r of Object.values(roots)) rmSync(r, { recursive: true, force: true });
  });

  for (const g of GOLDENS) {
    test(`${g.project}: ${g.args.join(' ')}`, () => {
      const root = roots[g.project];
      const expected = g.stdout.split('{root}').join(root);
      const r = runCli(g.args, root);
      assert.equal(hasStackTrace(r.stderr), false, r.stderr);
      if (g.alembicExit === 0) {
        assert.equal(r.stderr, '');
        assert.equal(r.stdout, expected);
        assert.equal(r.code, 0);
      } else {
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, expected);
        assert.equal(r.code, 1);
      }
    });
  }

  test('--json of heads and history lists the same ids as the text', () => {
    const heads = runCli(['heads', '--json'], roots.p2);
    assert.deepEqual(JSON.parse(heads.stdout), { heads: ['c3000000', 'p3000000'] });
    const history = runCli(['history', '--json', '-r', 'c3c3:'], roots.p1);
    assert.deepEqual(JSON.parse(history.stdout), { history: ['f6f6f6f6f6f6', 'e5e5e5e5e5e5', 'c3c3c3c3c3c3'] });
    const failed = runCli(['history', '--json', '-r', 'c3c3:d4d4'], roots.p1);
    assert.equal(failed.code, 1);
    assert.deepEqual(JSON.parse(failed.stdout), {
      error: 'Requested range c3c3:d4d4 does not refer to ancestor/descendant revisions along the same branch',
    });
  });

  test('history -i marks the --current rows, as `alembic history -i` with those rows in the database', () => {
    // Alembic adds " (current)" after the head indicators (Script._head_only); rows {c3, d4}.
    const r = runCli(['history', '-i', '--current', 'c3c3c3c3c3c3,d4d4d4d4d4d4', '-r', 'b2b2:'], roots.p1);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'e5e5e5e5e5e5 -> f6f6f6f6f6f6 (head), after merge',
        'd4d4d4d4d4d4, c3c3c3c3c3c3 -> e5e5e5e5e5e5 (mergepoint), merge c3 and d4',
        'b2b2b2b2b2b2 -> d4d4d4d4d4d4 (current), branch two',
        'b2b2b2b2b2b2 -> c3c3c3c3c3c3 (current), branch one',
        'a1a1a1a1a1a1 -> b2b2b2b2b2b2 (branchpoint), add email',
        '',
      ].join('\n'),
    );
  });

  test('history -r current: takes the --current rows as the start', () => {
    const r = runCli(['history', '-r', 'current:', '--current', 'e5e5e5e5e5e5'], roots.p1);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      'e5e5e5e5e5e5 -> f6f6f6f6f6f6 (head), after merge\nd4d4d4d4d4d4, c3c3c3c3c3c3 -> e5e5e5e5e5e5 (mergepoint), merge c3 and d4\n',
    );
  });
});
