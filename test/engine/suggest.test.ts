import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { SuggestIndex, type Suggestion } from '../../server/src/engine/rules/suggest';
import { boundedDistance, NearMissIndex, typoBudget } from '../../server/src/engine/rules/suggest-distance';
import { compareCodePoints } from '../../server/src/engine/py-order';
import { prng } from '../helpers/prng';
import { handMap, type HandRev } from './render-maps';

const revs: HandRev[] = [
  { id: '0001', fileName: '0001_initial.py' },
  { id: '0002', down: ['0001'], fileName: '0002_add_users.py' },
  { id: '0003', down: ['0002'], fileName: '0003_add_sources_to_messages.py' },
  { id: 'ae1027a6acf1', down: ['0003'], fileName: '2024_01_02_ae1027a6acf1_dated_template.py' },
  { id: 'ae10aaaaaaaa', down: ['0003'], fileName: 'ae10aaaaaaaa_other.py' },
  { id: 'c1000000', declared: ['core'], fileName: 'c1000000_core.py' },
  { id: 'c2000000', down: ['c1000000'], labels: ['core'], fileName: 'c2000000_core_two.py' },
];
const map = handMap('/p', revs);
const index = new SuggestIndex(map);

describe('suggest: what was meant by a broken link', () => {
  const cases: [string, string, Parameters<SuggestIndex['suggest']>[1], Suggestion][] = [
    ['a file stem', '0003_add_sources_to_messages', {}, { kind: 'file-name', candidates: ['0003'] }],
    ['a file name with .py', '0003_add_sources_to_messages.py', {}, { kind: 'file-name', candidates: ['0003'] }],
    ['a path', 'versions/0002_add_users.py', {}, { kind: 'file-name', candidates: ['0002'] }],
    ['a slug', 'add_sources_to_messages', {}, { kind: 'slug', candidates: ['0003'] }],
    ['a slug from a dated template', 'dated_template', {}, { kind: 'slug', candidates: ['ae1027a6acf1'] }],
    ['a unique prefix', 'ae1027', {}, { kind: 'partial-id', candidates: ['ae1027a6acf1'] }],
    ['an ambiguous prefix, load order', 'ae10', {}, { kind: 'ambiguous-prefix', candidates: ['ae1027a6acf1', 'ae10aaaaaaaa'] }],
    ['wrong case', 'AE1027A6ACF1', {}, { kind: 'case', candidates: ['ae1027a6acf1'] }],
    ['two characters swapped', 'ae1072a6acf1', {}, { kind: 'near-miss', candidates: ['ae1027a6acf1'] }],
    ['one character dropped', 'ae1027a6acf', {}, { kind: 'partial-id', candidates: ['ae1027a6acf1'] }],
    ['one character wrong', 'ae1027a6acf2', {}, { kind: 'near-miss', candidates: ['ae1027a6acf1'] }],
    ['a label in down_revision: the branch head, then its owner', 'core', {}, { kind: 'label', candidates: ['c2000000', 'c1000000'] }],
    ['a near-miss label in depends_on', 'cores', { allowLabels: true }, { kind: 'near-miss', candidates: ['core'] }],
    ['a label prefix in depends_on', 'cor', { allowLabels: true }, { kind: 'partial-id', candidates: ['core'] }],
    ['nothing close: the heads', 'zzzzzzzzzzzzzzzz', {}, { kind: 'heads', candidates: ['ae1027a6acf1', 'ae10aaaaaaaa', 'c2000000'] }],
    ['the heads above the broken revision are left out', 'zzzzzzzzzzzzzzzz', { from: '0002' }, { kind: 'heads', candidates: ['c2000000'] }],
    // The only id starting with 'ae1027' is the asking revision itself; the heads not above it remain.
    ['the revision itself is never suggested', 'ae1027', { from: 'ae1027a6acf1' }, { kind: 'heads', candidates: ['ae10aaaaaaaa', 'c2000000'] }],
  ];
  for (const [name, broken, options, expected] of cases) {
    test(name, () => {
      assert.deepEqual(index.suggest(broken, options), expected);
    });
  }

  test('no revisions at all: nothing to suggest', () => {
    assert.deepEqual(new SuggestIndex(handMap('/p', [])).suggest('abc'), { kind: 'none', candidates: [] });
  });
});

describe('suggest: bounded edit distance', () => {
  const cases: [string, string, number, number][] = [
    ['abc', 'abc', 2, 0],
    ['abc', 'acb', 2, 1], // a swap is one edit
    ['abc', 'abd', 2, 1],
    ['abc', 'ab', 2, 1],
    ['abcdef', 'badcfe', 3, 3],
    ['abcdef', 'zzzzzz', 2, 3], // past the bound: max + 1
    ['a', 'abcd', 2, 3], // length difference alone exceeds it
  ];
  for (const [a, b, max, expected] of cases) test(`${a} ~ ${b}`, () => assert.equal(boundedDistance(a, b, max), expected));

  test('the bigram filter finds what a full scan finds', () => {
    const words = Array.from({ length: 2000 }, (_, i) => (i * 2654435761).toString(16).padStart(8, '0').slice(-12));
    const nm = new NearMissIndex(words);
    for (const q of [words[5].slice(0, -1) + 'x', words[77].replace(/^(.)(.)/, '$2$1'), 'deadbeef0']) {
      const max = typoBudget(q.length);
      const full = words.filter((w) => w !== q && boundedDistance(q, w, max) <= max);
      assert.deepEqual(new Set(nm.find(q, 1000)), new Set(full), q);
    }
  });
});

describe('suggest: scale', () => {
  test('50k revisions: building the index and answering 200 typos takes well under 5 s', () => {
    const n = 50_000;
    // Random 12-hex ids like Alembic's (uuid4().hex[-12:]), from a seeded generator.
    const random = prng(42);
    const ids = Array.from({ length: n }, () => Array.from({ length: 12 }, () => Math.floor(random() * 16).toString(16)).join(''));
    const big = handMap('/p', ids.map((id, i) => ({ id, down: i === 0 ? [] : [ids[i - 1]], fileName: `${id}_step_${i}.py` })));
    const started = performance.now();
    const idx = new SuggestIndex(big);
    let found = 0;
    for (let i = 0; i < 200; i++) {
      const target = ids[(i * 7919) % n];
      const typo = target.slice(0, 5) + target[6] + target[5] + target.slice(7);
      const s = idx.suggest(typo, { from: ids[n - 1] });
      if (s.candidates.includes(target)) found++;
    }
    const elapsed = performance.now() - started;
    assert.equal(found, 200);
    assert.ok(elapsed < 5000, `took ${Math.round(elapsed)} ms`);
  });
});

describe('py-order: Python code point order', () => {
  test('characters above U+FFFF sort after U+E000..U+FFFF, unlike JS', () => {
    const astral = '\u{1F600}';
    const privateUse = '\uE000';
    assert.ok(astral < privateUse, 'JS UTF-16 order puts the surrogate first');
    assert.ok(compareCodePoints(astral, privateUse) > 0);
    assert.ok(compareCodePoints('a', 'ab') < 0);
    assert.equal(compareCodePoints('x', 'x'), 0);
  });
});
