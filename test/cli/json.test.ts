// The --json shapes, exactly: graph, resolve, show, check. And the broken-project policy: the text
// commands refuse where Alembic would (FAILED:, exit 1) while `check` and `graph --json` still work.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { assertBuilt, runCli } from './harness';
import { P1, P2, projectFiles, writeProject, writeTree } from './projects';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3';
const D = 'd4d4d4d4d4d4';
const E = 'e5e5e5e5e5e5';
const F = 'f6f6f6f6f6f6';

const rev = (id: string, down: string[], message: string, file: string, extra: { depends_on?: string[]; branch_labels?: string[] } = {}) => ({
  id,
  file,
  down_revisions: down,
  depends_on: extra.depends_on ?? [],
  branch_labels: extra.branch_labels ?? [],
  message,
});

describe('cli --json', () => {
  let p1 = '';
  let p2 = '';
  let broken = '';
  before(() => {
    assertBuilt();
    p1 = writeProject(P1);
    p2 = writeProject(P2);
    // f6 points at a revision that does not exist.
    broken = writeTree(projectFiles(P1.map((r) => (r.id === F ? { ...r, down: 'zzzzzzzzzzzz' } : r))));
  });
  after(() => [p1, p2, broken].forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('graph --json on p1, exactly', () => {
    const r = runCli(['graph', '--json'], p1);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), {
      revisions: [
        rev(A, [], 'create users', `${A}_create_users.py`),
        rev(B, [A], 'add email', `${B}_add_email.py`),
        rev(C, [B], 'branch one', `${C}_branch_one.py`),
        rev(D, [B], 'branch two', `${D}_branch_two.py`),
        rev(E, [D, C], 'merge c3 and d4', `${E}_merge_c3_and_d4.py`),
        rev(F, [E], 'after merge', `${F}_after_merge.py`),
      ],
      heads: [F],
      bases: [A],
      branchpoints: [B],
      mergepoints: [E],
      history: [F, E, D, C, B, A],
      problems: [],
    });
  });

  test('graph --json on p2: dependencies and labels as written', () => {
    const g = JSON.parse(runCli(['graph', '--json'], p2).stdout);
    assert.deepEqual(g.revisions.find((r: { id: string }) => r.id === 'p3000000'), rev('p3000000', ['p2000000'], 'plugin three', 'p3000000_plugin_three.py', { depends_on: ['core'] }));
    assert.deepEqual(g.revisions.find((r: { id: string }) => r.id === 'c1000000'), rev('c1000000', [], 'core one', 'c1000000_core_one.py', { branch_labels: ['core'] }));
    assert.deepEqual(g.heads, ['c3000000', 'p3000000']);
    assert.deepEqual(g.bases, ['c1000000', 'p1000000']);
    assert.deepEqual(g.history, ['p3000000', 'p2000000', 'p1000000', 'c3000000', 'c2000000', 'c1000000']);
    for (const p of g.problems) assert.deepEqual(Object.keys(p).sort(), ['code', 'file', 'line', 'message', 'severity']);
  });

  test('resolve: ids or the error', () => {
    const ok = runCli(['resolve', 'c3c3', '--json'], p1);
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(JSON.parse(ok.stdout), { revisions: [C] });
    assert.equal(runCli(['resolve', 'heads'], p2).stdout, 'p3000000\n');
    assert.equal(runCli(['resolve', 'core'], p2).stdout, 'c1000000\n');
    const bad = runCli(['resolve', 'head', '--json'], p2);
    assert.equal(bad.code, 1);
    assert.match(JSON.parse(bad.stdout).error, /^Multiple head revisions are present for given argument 'head'/);
    const unknown = runCli(['resolve', 'zz'], p1);
    assert.equal(unknown.code, 1);
    assert.equal(unknown.stdout, '');
    assert.equal(unknown.stderr, "FAILED: Can't locate revision identified by 'zz'\n");
  });

  test('show --json', () => {
    const r = runCli(['show', 'e5e5', '--json'], p1);
    assert.deepEqual(JSON.parse(r.stdout), { revisions: [rev(E, [D, C], 'merge c3 and d4', `${E}_merge_c3_and_d4.py`)] });
  });

  test('a broken link: text commands refuse like Alembic, check and graph still answer', () => {
    for (const args of [['heads'], ['history'], ['branches'], ['show', 'a1a1'], ['resolve', 'a1a1'], ['plan', 'upgrade', 'heads']]) {
      const r = runCli(args, broken);
      assert.equal(r.code, 1, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `FAILED: Revision zzzzzzzzzzzz referenced from ${F} is not present\n`);
    }
    const j = runCli(['heads', '--json'], broken);
    assert.deepEqual(JSON.parse(j.stdout), { error: `Revision zzzzzzzzzzzz referenced from ${F} is not present` });

    const check = runCli(['check'], broken);
    assert.equal(check.code, 1);
    assert.match(check.stdout, new RegExp(`^migrations/versions/${F}_after_merge\\.py:14:17: error broken-down-revision: `, 'm'));
    const checkJson = JSON.parse(runCli(['check', '--json'], broken).stdout);
    const problem = checkJson.problems.find((p: { code: string }) => p.code === 'broken-down-revision');
    assert.deepEqual(Object.keys(problem).sort(), ['code', 'file', 'line', 'message', 'severity']);
    assert.equal(problem.file, `${F}_after_merge.py`);
    assert.equal(problem.line, 14);

    const g = runCli(['graph', '--json'], broken);
    assert.equal(g.code, 0);
    const graph = JSON.parse(g.stdout);
    assert.equal(graph.revisions.length, 6);
    assert.ok(graph.problems.some((p: { code: string }) => p.code === 'broken-down-revision'));
  });

  test('check on a clean project prints nothing and exits 0', () => {
    const r = runCli(['check'], p1);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.deepEqual(JSON.parse(runCli(['check', '--json'], p1).stdout), { problems: [] });
  });

  test('graph text summary', () => {
    const r = runCli(['graph'], p1);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Revisions: 6$/m);
    assert.match(r.stdout, new RegExp(`^Heads: ${F}$`, 'm'));
    assert.match(r.stdout, new RegExp(`^Merge points: ${E}$`, 'm'));
  });
});
