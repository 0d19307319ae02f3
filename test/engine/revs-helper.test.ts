import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chain, rev, revs } from '../helpers/revs';

test('revs() reads parents, labels, dependencies and doc', () => {
  const [r] = revs('m1 <- p3, p4 [more, x] {c2, core} : merge it');
  assert.deepEqual(
    { id: r.id, down: r.down, labels: r.branchLabels, deps: r.dependsOn, doc: r.doc, file: r.file },
    { id: 'm1', down: ['p3', 'p4'], labels: ['more', 'x'], deps: ['c2', 'core'], doc: 'merge it', file: '/p/versions/m1.py' },
  );
  assert.deepEqual(rev('a').down, []);
  assert.deepEqual(rev({ id: 'b', down: ['a'] }).relPath, 'b.py');
  assert.throws(() => rev('<- nothing'));
});

test('chain() builds a linear history', () => {
  const c = chain(11);
  assert.equal(c.length, 11);
  assert.deepEqual([c[0].id, c[0].down, c[10].id, c[10].down], ['r00', [], 'r10', ['r09']]);
});
