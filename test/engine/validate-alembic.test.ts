// Alembic's own error text, quoted in our messages, pinned verbatim. Each quoted line below is what
// Alembic 1.8.1 printed (last line of its traceback, or its FAILED: line) for the same files in a
// throwaway project, loaded in sorted file order.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { project, type TestFile } from './validate-project';

const f = (name: string, text: string): TestFile => ({ name, text });

function messageOf(files: TestFile[], code: string, file?: string): string {
  const p = project(files);
  const hit = p.problems.find((x) => x.code === code && (file === undefined || x.file.endsWith(`/${file}`)));
  assert.ok(hit, `no ${code} in ${JSON.stringify(p.problems.map((x) => x.code))}`);
  return hit.message;
}

function includes(message: string, alembic: string): void {
  assert.ok(message.includes(alembic), `expected Alembic's text\n  ${alembic}\nin\n  ${message}`);
}

describe('validate: Alembic 1.8.1 error texts', () => {
  test('missing parent, the revision still a head while the map is built', () => {
    const files = [
      f('a.py', `"""a"""\nrevision = 'a0'\ndown_revision = None\n`),
      f('m1.py', `"""missing parent"""\nrevision = 'm1m1m1m1'\ndown_revision = 'doesnotexist'\n`),
      f('z.py', `"""z child of m1"""\nrevision = 'z0'\ndown_revision = 'm1m1m1m1'\n`),
    ];
    const m = messageOf(files, 'broken-down-revision');
    includes(m, 'Revision doesnotexist referenced from doesnotexist -> m1m1m1m1 (head), missing parent is not present');
    includes(m, "KeyError: 'doesnotexist'");
  });

  test('missing parent, two children loaded earlier make it a branch point', () => {
    const files = [
      f('a.py', `"""a"""\nrevision = 'a0'\ndown_revision = None\n`),
      f('b.py', `"""b"""\nrevision = 'b0'\ndown_revision = 'm1m1m1m1'\n`),
      f('c.py', `"""c"""\nrevision = 'c0'\ndown_revision = 'm1m1m1m1'\n`),
      f('m1.py', `"""missing parent"""\nrevision = 'm1m1m1m1'\ndown_revision = ('nope', 'a0')\n`),
    ];
    includes(messageOf(files, 'broken-down-revision'), 'Revision nope referenced from nope, a0 -> m1m1m1m1 (branchpoint) (mergepoint), missing parent is not present');
  });

  test('no revision variable', () => {
    includes(
      messageOf([f('notes.py', `"""n"""\ndown_revision = None\n`)], 'missing-revision'),
      "Could not determine revision id from filename notes.py. Be sure the 'revision' variable is declared inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation).",
    );
  });

  test('no down_revision variable', () => {
    includes(messageOf([f('a1_first.py', `"""n"""\nrevision = 'a1'\n`)], 'missing-down-revision'), "AttributeError: module 'a1_first_py' has no attribute 'down_revision'");
  });

  test('an int revision', () => {
    includes(messageOf([f('n.py', 'revision = 12345\ndown_revision = None\n')], 'revision-not-a-string'), "TypeError: 'int' object is not iterable");
  });

  test('a label declared twice in one revision', () => {
    includes(messageOf([f('a.py', "revision = 'a1'\ndown_revision = None\nbranch_labels = ('lab', 'lab')\n")], 'branch-label-conflict'), "Branch name 'lab' in revision a1 already used by revision a1");
  });

  test('a label equal to a revision id', () => {
    const files = [f('a.py', "revision = 'a1'\ndown_revision = None\n"), f('b.py', "revision = 'b2'\ndown_revision = None\nbranch_labels = 'a1'\n")];
    includes(messageOf(files, 'branch-label-is-revision-id'), "Branch name 'a1' in revision b2 already used by revision a1");
  });

  test('self-loop', () => {
    includes(messageOf([f('b.py', "revision = 'b2'\ndown_revision = ('a1', 'b2')\n")], 'self-loop'), 'Self-loop is detected in revisions (b2)');
  });

  test('illegal characters, sorted', () => {
    includes(messageOf([f('y.py', "revision = 'a@b+c'\ndown_revision = None\n")], 'illegal-revision-id-character'), "Character(s) '+, @' not allowed in revision identifier 'a@b+c'");
  });

  test('depends_on a partial id', () => {
    const files = [f('a.py', "revision = 'a1a1a1a1a1a1'\ndown_revision = None\n"), f('b.py', "revision = 'b2b2b2b2b2b2'\ndown_revision = None\ndepends_on = 'a1a1'\n")];
    includes(messageOf(files, 'broken-depends-on'), "KeyError: 'a1a1'");
  });

  test('cycle and dependency cycle texts (the ids come from the graph issue)', () => {
    // Alembic printed "Cycle is detected in revisions (y2, y3)" for y1 <- y2 <-> y3 plus h1 <- y1, and
    // "Dependency cycle is detected in revisions (d1, d2)" for two bases depending on each other.
    const cyc = project(
      [
        f('h.py', "revision = 'h1'\ndown_revision = 'y1'\n"),
        f('y1.py', "revision = 'y1'\ndown_revision = None\n"),
        f('y2.py', "revision = 'y2'\ndown_revision = ('y1', 'y3')\n"),
        f('y3.py', "revision = 'y3'\ndown_revision = 'y2'\n"),
      ],
      { issues: [{ kind: 'cycle', ids: ['y3', 'y2'] }] },
    );
    const c = cyc.problems.find((x) => x.code === 'cycle');
    assert.ok(c);
    includes(c.message, 'Cycle is detected in revisions (y2, y3)');
    const dep = project(
      [f('d1.py', "revision = 'd1'\ndown_revision = None\ndepends_on = 'd2'\n"), f('d2.py', "revision = 'd2'\ndown_revision = None\ndepends_on = 'd1'\n")],
      { issues: [{ kind: 'dependency-cycle', ids: ['d1', 'd2'] }] },
    );
    const d = dep.problems.find((x) => x.code === 'dependency-cycle');
    assert.ok(d);
    includes(d.message, 'Dependency cycle is detected in revisions (d1, d2)');
  });
});
