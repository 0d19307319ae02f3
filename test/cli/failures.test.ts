// Projects Alembic cannot load: the text commands print FAILED: with Alembic's message (checked
// against real Alembic 1.8.1's traceback text) and exit 1, while `check` and `graph --json` answer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { assertBuilt, hasStackTrace, runCli } from './harness';
import { projectFiles, writeTree } from './projects';
import type { RevSpec } from './projects';

const dirs: string[] = [];
function project(revs: RevSpec[], extra: Record<string, string> = {}): string {
  const d = writeTree({ ...projectFiles(revs), ...extra });
  dirs.push(d);
  return d;
}

function refuses(cwd: string, stderr: string | RegExp) {
  for (const args of [['heads'], ['history'], ['branches'], ['show', 'heads']]) {
    const r = runCli(args, cwd);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '');
    if (typeof stderr === 'string') assert.equal(r.stderr, stderr);
    else assert.match(r.stderr, stderr);
    assert.equal(hasStackTrace(r.stderr), false);
  }
  const g = runCli(['graph', '--json'], cwd);
  assert.equal(g.code, 0, g.stderr);
  assert.ok(JSON.parse(g.stdout).problems.length > 0);
  assert.equal(runCli(['check'], cwd).code, 1);
}

describe('cli on projects Alembic cannot load', () => {
  before(assertBuilt);
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('a cycle (Alembic: CycleDetected, ids sorted)', () => {
    const d = project([
      { id: 'y1y1y1y1', down: null, doc: 'one' },
      { id: 'y2y2y2y2', down: ['y1y1y1y1', 'y3y3y3y3'], doc: 'two' },
      { id: 'y3y3y3y3', down: 'y2y2y2y2', doc: 'three' },
      { id: 'y4y4y4y4', down: 'y1y1y1y1', doc: 'four' },
    ]);
    refuses(d, 'FAILED: Cycle is detected in revisions (y2y2y2y2, y3y3y3y3)\n');
  });

  test('a missing parent (Alembic: a warning naming both, then KeyError)', () => {
    const d = project([{ id: 'm1m1m1m1', down: 'doesnotexist', doc: 'missing parent' }]);
    refuses(d, 'FAILED: Revision doesnotexist referenced from m1m1m1m1 is not present\n');
  });

  test('a label declared twice (Alembic names the two revisions in set order)', () => {
    const d = project([
      { id: 'l1l1l1l1', down: null, labels: 'lab', doc: 'one' },
      { id: 'l2l2l2l2', down: 'l1l1l1l1', labels: 'lab', doc: 'two' },
    ]);
    refuses(d, /^FAILED: Branch name 'lab' in revision (l1l1l1l1|l2l2l2l2) already used by revision (l1l1l1l1|l2l2l2l2)\n$/);
  });

  test('a file Python cannot import names the file and position', () => {
    const d = project([{ id: 'a1a1a1a1', down: null, doc: 'one' }], {
      'migrations/versions/broken.py': 'revision = "b2b2b2b2"\ndown_revision = "a1a1a1a1"\ndef upgrade(:\n    pass\n',
    });
    refuses(d, /^FAILED: migrations\/versions\/broken\.py:3:\d+: .+\n$/);
  });

  test("a file without `revision` and an illegal id: Alembic's own FAILED: text (1.8.1, verified)", () => {
    const noRev = project([{ id: 'a1a1a1a1', down: null, doc: 'one' }], { 'migrations/versions/notes.py': '"""notes"""\ndown_revision = None\n' });
    refuses(
      noRev,
      "FAILED: Could not determine revision id from filename notes.py. Be sure the 'revision' variable is declared inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation).\n",
    );
    const illegal = project([
      { id: 'a1a1a1a1', down: null, doc: 'one' },
      { id: 'b2b2-b2b2', down: 'a1a1a1a1', doc: 'two', file: 'b2_two.py' },
    ]);
    refuses(illegal, "FAILED: Character(s) '-' not allowed in revision identifier 'b2b2-b2b2'\n");
  });

  test('a value Alembic computes: the answer comes with a warning that it may differ', () => {
    const d = project([{ id: 'a1a1a1a1', down: null, doc: 'one' }], {
      'migrations/versions/b2_two.py': '"""two"""\nrevision = "b2b2b2b2"\ndown_revision = "a1a1" + "a1a1"\n',
    });
    const r = runCli(['heads'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^warning: migrations\/versions\/b2_two\.py:3:\d+: .*may differ from Alembic's/m);
  });

  test('a duplicate id only warns, like Alembic, and the command answers', () => {
    const d = project([
      { id: 'd1d1d1d1', down: null, doc: 'one' },
      { id: 'd1d1d1d1', down: null, doc: 'one again', file: 'zz_dup.py' },
      { id: 'd2d2d2d2', down: 'd1d1d1d1', doc: 'two' },
    ]);
    const r = runCli(['heads'], d);
    assert.equal(r.code, 0);
    // Alembic 1.8.1 prints exactly this: the earlier duplicate lingers as a head without "(head)".
    assert.equal(r.stdout, 'd1d1d1d1\nd2d2d2d2 (head)\n');
    assert.equal(r.stderr, 'warning: Revision d1d1d1d1 is present more than once\n');
  });

  test('a config that is not UTF-8 stops every command with exit 2, check included', () => {
    const d = project([{ id: 'a1a1a1a1', down: null, doc: 'one' }], { 'alembic.ini': '[alembic]\nscript_location = migrations\n# caf\xe9\n' });
    // writeTree writes strings as UTF-8, so rewrite the file with a raw Latin-1 byte.
    writeFileSync(`${d}/alembic.ini`, Buffer.from('[alembic]\nscript_location = migrations\n# caf\xe9\n', 'latin1'));
    for (const args of [['heads'], ['check'], ['graph', '--json']]) {
      const r = runCli(args, d);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /alembic\.ini is not valid UTF-8.*Fix/);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  });
});
