import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRevisionMap } from '../../server/src/engine/graph/graph';
import { revs } from '../helpers/revs';
import { A1, B2, C3, D4, E5, F6, p1, p2, p2m, p4, p4linear } from './graph-examples';

const node = (map: ReturnType<typeof buildRevisionMap>, id: string) => map.byId.get(id)!;

describe('p1: branch and merge', () => {
  const map = buildRevisionMap(p1());
  test('heads, bases, branch and merge points', () => {
    assert.deepEqual(map.heads, [F6]);
    assert.deepEqual(map.realHeads, [F6]);
    assert.deepEqual(map.bases, [A1]);
    assert.deepEqual(map.realBases, [A1]);
    assert.deepEqual(map.branchPoints, [B2]);
    assert.deepEqual(map.mergePoints, [E5]);
    assert.deepEqual(map.issues, []);
  });
  test('history follows load order and the merge tuple order', () => {
    assert.deepEqual(map.history, [F6, E5, D4, C3, B2, A1]);
  });
  test('node fields', () => {
    const e5 = node(map, E5);
    assert.deepEqual(e5.parents, [D4, C3]);
    assert.deepEqual(e5.normalizedDown, [D4, C3]);
    assert.equal(e5.isMergePoint, true);
    assert.deepEqual(node(map, B2).children, [C3, D4]);
    assert.equal(node(map, B2).isBranchPoint, true);
    assert.equal(node(map, F6).isHead && node(map, F6).isRealHead, true);
    assert.equal(node(map, A1).isBase && node(map, A1).isRealBase, true);
    assert.equal(node(map, C3).loadIndex, 2);
  });
});

describe('p2: depends_on across branches', () => {
  const map = buildRevisionMap(p2());
  test('versioned heads include the effective head c3; real heads do not', () => {
    assert.deepEqual(map.heads, ['c3000000', 'p3000000']);
    assert.deepEqual(map.realHeads, ['p3000000']);
    assert.deepEqual(map.bases, ['c1000000', 'p1000000']);
    assert.deepEqual(map.realBases, ['c1000000', 'p1000000']);
    assert.equal(node(map, 'c3000000').isHead, true);
    assert.equal(node(map, 'c3000000').isRealHead, false);
  });
  test('a label dependency resolves to the revision declaring it', () => {
    assert.deepEqual(node(map, 'p3000000').resolvedDeps, ['c1000000']);
    assert.deepEqual(node(map, 'p3000000').normalizedDown, ['p2000000', 'c1000000']);
    assert.deepEqual(node(map, 'p2000000').normalizedDown, ['p1000000', 'c3000000']);
    assert.deepEqual(node(map, 'c1000000').allChildren, ['c2000000', 'p3000000']);
    assert.deepEqual(node(map, 'c1000000').children, ['c2000000']);
    assert.equal(map.labelOwner.get('core'), 'c1000000');
  });
  test('labels spread to versioned descendants only', () => {
    assert.deepEqual(node(map, 'c3000000').labels, ['core']);
    assert.deepEqual(node(map, 'p3000000').labels, ['plugin']);
  });
  test('history', () => {
    assert.deepEqual(map.history, ['p3000000', 'p2000000', 'p1000000', 'c3000000', 'c2000000', 'c1000000']);
  });
});

describe('p2 with m1 (label more, deps c2 + core) and m2', () => {
  const map = buildRevisionMap(p2m());
  test('normalised dependencies drop what an ancestor already lists', () => {
    // m1 depends on c2 and core (= c1); its ancestor p3 already lists c1, so only c2 stays.
    assert.deepEqual(node(map, 'm1000000').resolvedDeps, ['c2000000', 'c1000000']);
    assert.deepEqual(node(map, 'm1000000').normalizedDown, ['p3000000', 'c2000000']);
  });
  test('the label more spreads down to p3, p2, p1 (no branch point below)', () => {
    for (const id of ['m1000000', 'm2000000', 'p1000000', 'p2000000', 'p3000000']) {
      assert.deepEqual(node(map, id).labels, ['more', 'plugin'], id);
    }
    assert.deepEqual(node(map, 'c2000000').labels, ['core']);
  });
  test('heads and history', () => {
    assert.deepEqual(map.heads, ['c3000000', 'm2000000']);
    assert.deepEqual(map.realHeads, ['m2000000']);
    assert.deepEqual(map.history, [
      'm2000000', 'm1000000', 'p3000000', 'p2000000', 'p1000000', 'c3000000', 'c2000000', 'c1000000',
    ]);
  });
});

describe('p4: label inheritance stops at a branch point', () => {
  test('linear: r1 inherits mid from r2', () => {
    const map = buildRevisionMap(p4linear());
    assert.deepEqual(['r1r1r1r1', 'r2r2r2r2', 'r3r3r3r3'].map((id) => node(map, id).labels), [['mid'], ['mid'], ['mid']]);
  });
  test('with the sibling r4, r1 is a branch point and loses it', () => {
    const map = buildRevisionMap(p4());
    assert.deepEqual(node(map, 'r1r1r1r1').labels, []);
    assert.deepEqual(node(map, 'r3r3r3r3').labels, ['mid']);
    assert.deepEqual(node(map, 'r4r4r4r4').labels, []);
    assert.deepEqual(map.heads, ['r3r3r3r3', 'r4r4r4r4']);
    assert.deepEqual(map.history, ['r3r3r3r3', 'r2r2r2r2', 'r4r4r4r4', 'r1r1r1r1']);
  });
});

describe('broken input never throws', () => {
  test('duplicate id: later file wins in place; the loser stays in heads (as Alembic prints it)', () => {
    const map = buildRevisionMap(
      revs(A1, `${B2} <- ${A1}`, { id: C3, down: [B2], file: '/p/versions/one.py' }, { id: C3, down: [B2], file: '/p/versions/two.py' }, `${F6} <- ${C3}`),
    );
    assert.deepEqual(map.issues, [{ kind: 'duplicate-id', id: C3, files: ['/p/versions/one.py', '/p/versions/two.py'] }]);
    assert.equal(map.byId.get(C3)!.file, '/p/versions/two.py');
    assert.deepEqual(map.nodes.map((x) => x.id), [A1, B2, C3, F6]);
    // Alembic 1.8.1: heads == (c3, f6); `history` fails with an overlap; here history is best effort.
    assert.deepEqual(map.heads, [C3, F6]);
    assert.deepEqual(map.realHeads, [C3, F6]);
    assert.deepEqual(map.history, [F6, C3, B2, A1]);
  });
  test('a labelled losing duplicate still links its own down_revision (Alembic reaches it via the label)', () => {
    const map = buildRevisionMap(revs('g0', 'f3', 'e2 <- g0 [lab2]', 'e2 <- f3', 'c1 <- g0 [lab1]'));
    assert.deepEqual(node(map, 'g0').children, ['c1', 'e2']);
    assert.deepEqual(node(map, 'g0').labels, []); // a real branch point now, so lab1 stops above it
    assert.deepEqual(map.heads, ['e2', 'e2', 'c1']);
  });
  test('missing parent and dependency: recorded, edge dropped', () => {
    const map = buildRevisionMap(revs('a1', 'b2 <- a1, zz {nope}'));
    assert.deepEqual(map.issues, [
      { kind: 'missing-parent', id: 'b2', parent: 'zz' },
      { kind: 'missing-dependency', id: 'b2', dependency: 'nope' },
    ]);
    assert.deepEqual(node(map, 'b2').parents, ['a1']);
    assert.deepEqual(map.history, ['b2', 'a1']);
  });
  test('self-loops', () => {
    const map = buildRevisionMap(revs('a1 <- a1', 'b2 <- a1 {b2}'));
    assert.deepEqual(map.issues, [
      { kind: 'self-loop', id: 'a1' },
      { kind: 'dependency-self-loop', id: 'b2' },
    ]);
    assert.deepEqual(map.history, ['b2', 'a1']);
  });
  test('cycle membership: sorted, including revisions only reachable from the cycle (verified y1->y2<->y3)', () => {
    const map = buildRevisionMap(revs('y1y1y1y1', 'y2y2y2y2 <- y1y1y1y1, y3y3y3y3', 'y3y3y3y3 <- y2y2y2y2'));
    assert.deepEqual(map.issues, [{ kind: 'cycle', ids: ['y1y1y1y1', 'y2y2y2y2', 'y3y3y3y3'] }]);
    assert.equal(new Set(map.history).size, 3);
  });
  test('no head or no base: every id, in load order', () => {
    const map = buildRevisionMap(revs('b <- a', 'a <- b'));
    assert.deepEqual(map.issues, [{ kind: 'cycle', ids: ['b', 'a'] }]);
    assert.deepEqual([...map.history].sort(), ['a', 'b']);
  });
  test('dependency cycle (verified: a1 and b1 depending on each other)', () => {
    const map = buildRevisionMap(revs('a1a1a1a1 {b1b1b1b1}', 'b1b1b1b1 {a1a1a1a1}', 'c1c1c1c1'));
    assert.deepEqual(map.issues, [{ kind: 'dependency-cycle', ids: ['a1a1a1a1', 'b1b1b1b1'] }]);
  });
  test('a cycle between a head and a base is missed by Alembic: flagged as such', () => {
    // b5 -> c4 -> g2 -> (depends on) b5, all between the head g3 and the base b0
    const map = buildRevisionMap(revs('b0', 'h1 <- b0', 'g2 <- h1 {b5}', 'c4 <- g2', 'b5 <- c4', 'g3 <- c4'));
    assert.deepEqual(map.issues, [{ kind: 'dependency-cycle', ids: ['b5', 'c4', 'g2'], missedByAlembic: true }]);
  });
  test('label clashes, including a label equal to a revision id', () => {
    const map = buildRevisionMap(revs('a1 [x]', 'b2 <- a1 [x]', 'c3 <- b2 [a1]'));
    assert.deepEqual(map.issues, [
      { kind: 'label-conflict', label: 'x', id: 'b2', otherId: 'a1', otherIsRevision: false },
      { kind: 'label-conflict', label: 'a1', id: 'c3', otherId: 'a1', otherIsRevision: true },
    ]);
    assert.equal(map.labelOwner.get('x'), 'a1');
  });
  test('empty input', () => {
    const map = buildRevisionMap([]);
    assert.deepEqual([map.nodes, map.heads, map.history, map.issues], [[], [], [], []]);
  });
});

describe('scale', () => {
  test('50,000 revisions with branches, merges, labels and dependencies build in < 1.5 s', () => {
    const specs: string[] = [];
    let prev = '';
    let i = 0;
    const id = () => `r${String(i++).padStart(6, '0')}`;
    while (specs.length < 50000) {
      if (specs.length % 20 === 10 && prev) {
        const [a1, a2, b1, b2, m] = [id(), id(), id(), id(), id()];
        specs.push(`${a1} <- ${prev}`, `${a2} <- ${a1}`, `${b1} <- ${prev}`, `${b2} <- ${b1}`, `${m} <- ${a2}, ${b2}`);
        prev = m;
      } else {
        const x = id();
        const label = specs.length % 5000 === 1 ? ` [lab${specs.length}]` : '';
        const dep = specs.length % 997 === 3 ? ` {${specs[Math.max(0, specs.length - 50)].split(' ')[0]}}` : '';
        specs.push(`${x}${prev ? ` <- ${prev}` : ''}${label}${dep}`);
        prev = x;
      }
    }
    const inputs = revs(...specs);
    const t = performance.now();
    const map = buildRevisionMap(inputs);
    const ms = performance.now() - t;
    assert.equal(map.nodes.length, 50000);
    assert.equal(map.history.length, 50000);
    assert.equal(map.history[0], map.heads[0]);
    assert.deepEqual(map.issues, []);
    assert.ok(ms < 1500, `built in ${ms.toFixed(0)} ms`);
  });
  test('a 50,000-deep linear chain does not overflow the stack', () => {
    const specs = Array.from({ length: 50000 }, (_, k) => (k ? `c${k} <- c${k - 1}` : 'c0'));
    const map = buildRevisionMap(revs(...specs));
    assert.equal(map.history.length, 50000);
    assert.equal(map.history[49999], 'c0');
  });
});
