// Golden output of heads / history / branches / show. Every expected text below was printed by real
// Alembic 1.8.1 on the same projects (built under /tmp with `alembic revision` and hand-written files,
// Create Date fixed, os.listdir patched to sorted; the path prefix replaced). Label lists and
// `Branches into:`/branch children come from Python sets in Alembic, so they were compared under a
// PYTHONHASHSEED that happened to print them sorted; we always print them sorted.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  renderBranches,
  renderCurrent,
  renderHeads,
  renderHistory,
  renderShow,
  revisionLine,
  revisionBlock,
  scriptString,
  pythonSplitLines,
} from '../../server/src/engine/render/render';
import { handMap, p1, p2, pe } from './render-maps';

const P1 = p1();
const P2 = p2();
const PE = pe();
const b2d4 = ['d4d4d4d4d4d4', 'b2b2b2b2b2b2'];
const rowsC3D4 = ['c3c3c3c3c3c3', 'd4d4d4d4d4d4'];

const outputs: Record<string, string> = {
  'p1 heads': renderHeads(P1),
  'p1 heads --verbose': renderHeads(P1, { verbose: true }),
  'p1 history': renderHistory(P1),
  'p1 history -r b2b2:d4d4 --verbose': renderHistory(P1, { ids: b2d4, verbose: true }),
  'p1 history -i (rows c3, d4)': renderHistory(P1, { currentRows: rowsC3D4 }),
  'p1 history -i -v -r b2b2:d4d4 (rows c3, d4)': renderHistory(P1, { ids: b2d4, currentRows: rowsC3D4, verbose: true }),
  'p1 branches': renderBranches(P1),
  'p1 branches --verbose': renderBranches(P1, { verbose: true }),
  'p1 show e5e5 (merge point)': renderShow(P1, ['e5e5e5e5e5e5']),
  'p1 show a1a1 (base)': renderShow(P1, ['a1a1a1a1a1a1']),
  'p2 heads (effective head)': renderHeads(P2),
  'p2 heads --resolve-dependencies': renderHeads(P2, { resolveDependencies: true }),
  'p2 heads --verbose (effective head shows (head))': renderHeads(P2, { verbose: true }),
  'p2 history (labels, depends_on)': renderHistory(P2),
  'p2 show p3000000 (depends_on a label)': renderShow(P2, ['p3000000']),
  'p2 branches (none)': renderBranches(P2),
  'pe heads (two labels, sorted)': renderHeads(PE),
  'pe history (no docstring, multi-line doc, list depends_on)': renderHistory(PE),
  'pe branches (three children, sorted)': renderBranches(PE),
  'pe branches --verbose': renderBranches(PE, { verbose: true }),
  'pe show x2 (no docstring, branch point)': renderShow(PE, ['x2']),
  'pe show x3 x5 (blank and indented docstring lines)': renderShow(PE, ['x3', 'x5']),
  'pe show y2 (depends_on an effective head)': renderShow(PE, ['y2']),
};

/** Expected stdout, one string per line (the last, empty, one follows the final newline). */
const golden: [string, string[]][] = [
  [
    "p1 heads",
    [
      "f6f6f6f6f6f6 (head)",
      "",
    ],
  ],
  [
    "p1 heads --verbose",
    [
      "Rev: f6f6f6f6f6f6 (head)",
      "Parent: e5e5e5e5e5e5",
      "Path: /home/dev/p1/migrations/versions/f6f6f6f6f6f6_after_merge.py",
      "",
      "    after merge",
      "    ",
      "    Revision ID: f6f6f6f6f6f6",
      "    Revises: e5e5e5e5e5e5",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "",
    ],
  ],
  [
    "p1 history",
    [
      "e5e5e5e5e5e5 -> f6f6f6f6f6f6 (head), after merge",
      "d4d4d4d4d4d4, c3c3c3c3c3c3 -> e5e5e5e5e5e5 (mergepoint), merge c3 and d4",
      "b2b2b2b2b2b2 -> d4d4d4d4d4d4, branch two",
      "b2b2b2b2b2b2 -> c3c3c3c3c3c3, branch one",
      "a1a1a1a1a1a1 -> b2b2b2b2b2b2 (branchpoint), add email",
      "<base> -> a1a1a1a1a1a1, create users",
      "",
    ],
  ],
  [
    "p1 history -r b2b2:d4d4 --verbose",
    [
      "Rev: d4d4d4d4d4d4",
      "Parent: b2b2b2b2b2b2",
      "Path: /home/dev/p1/migrations/versions/d4d4d4d4d4d4_branch_two.py",
      "",
      "    branch two",
      "    ",
      "    Revision ID: d4d4d4d4d4d4",
      "    Revises: b2b2b2b2b2b2",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "Rev: b2b2b2b2b2b2 (branchpoint)",
      "Parent: a1a1a1a1a1a1",
      "Branches into: c3c3c3c3c3c3, d4d4d4d4d4d4",
      "Path: /home/dev/p1/migrations/versions/b2b2b2b2b2b2_add_email.py",
      "",
      "    add email",
      "    ",
      "    Revision ID: b2b2b2b2b2b2",
      "    Revises: a1a1a1a1a1a1",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "",
    ],
  ],
  [
    "p1 history -i (rows c3, d4)",
    [
      "e5e5e5e5e5e5 -> f6f6f6f6f6f6 (head), after merge",
      "d4d4d4d4d4d4, c3c3c3c3c3c3 -> e5e5e5e5e5e5 (mergepoint), merge c3 and d4",
      "b2b2b2b2b2b2 -> d4d4d4d4d4d4 (current), branch two",
      "b2b2b2b2b2b2 -> c3c3c3c3c3c3 (current), branch one",
      "a1a1a1a1a1a1 -> b2b2b2b2b2b2 (branchpoint), add email",
      "<base> -> a1a1a1a1a1a1, create users",
      "",
    ],
  ],
  [
    "p1 history -i -v -r b2b2:d4d4 (rows c3, d4)",
    [
      "Rev: d4d4d4d4d4d4 (current)",
      "Parent: b2b2b2b2b2b2",
      "Path: /home/dev/p1/migrations/versions/d4d4d4d4d4d4_branch_two.py",
      "",
      "    branch two",
      "    ",
      "    Revision ID: d4d4d4d4d4d4",
      "    Revises: b2b2b2b2b2b2",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "Rev: b2b2b2b2b2b2 (branchpoint)",
      "Parent: a1a1a1a1a1a1",
      "Branches into: c3c3c3c3c3c3, d4d4d4d4d4d4",
      "Path: /home/dev/p1/migrations/versions/b2b2b2b2b2b2_add_email.py",
      "",
      "    add email",
      "    ",
      "    Revision ID: b2b2b2b2b2b2",
      "    Revises: a1a1a1a1a1a1",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "",
    ],
  ],
  [
    "p1 branches",
    [
      "b2b2b2b2b2b2 (branchpoint)",
      "             -> c3c3c3c3c3c3",
      "             -> d4d4d4d4d4d4",
      "",
      "",
    ],
  ],
  [
    "p1 branches --verbose",
    [
      "Rev: b2b2b2b2b2b2 (branchpoint)",
      "Parent: a1a1a1a1a1a1",
      "Branches into: c3c3c3c3c3c3, d4d4d4d4d4d4",
      "Path: /home/dev/p1/migrations/versions/b2b2b2b2b2b2_add_email.py",
      "",
      "    add email",
      "    ",
      "    Revision ID: b2b2b2b2b2b2",
      "    Revises: a1a1a1a1a1a1",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "             -> c3c3c3c3c3c3, branch one",
      "             -> d4d4d4d4d4d4, branch two",
      "",
      "",
    ],
  ],
  [
    "p1 show e5e5 (merge point)",
    [
      "Rev: e5e5e5e5e5e5 (mergepoint)",
      "Merges: d4d4d4d4d4d4, c3c3c3c3c3c3",
      "Path: /home/dev/p1/migrations/versions/e5e5e5e5e5e5_merge_c3_and_d4.py",
      "",
      "    merge c3 and d4",
      "    ",
      "    Revision ID: e5e5e5e5e5e5",
      "    Revises: d4d4d4d4d4d4, c3c3c3c3c3c3",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "",
    ],
  ],
  [
    "p1 show a1a1 (base)",
    [
      "Rev: a1a1a1a1a1a1",
      "Parent: <base>",
      "Path: /home/dev/p1/migrations/versions/a1a1a1a1a1a1_create_users.py",
      "",
      "    create users",
      "    ",
      "    Revision ID: a1a1a1a1a1a1",
      "    Revises: ",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "",
    ],
  ],
  [
    "p2 heads (effective head)",
    [
      "c3000000 (core) (effective head)",
      "p3000000 (plugin) (head)",
      "",
    ],
  ],
  [
    "p2 heads --resolve-dependencies",
    [
      "p3000000 (plugin) (head)",
      "",
    ],
  ],
  [
    "p2 heads --verbose (effective head shows (head))",
    [
      "Rev: c3000000 (head)",
      "Parent: c2000000",
      "Branch names: core",
      "Path: /home/dev/p2/migrations/versions/c3000000_core_three.py",
      "",
      "    core three",
      "    ",
      "    Revision ID: c3000000",
      "    Revises: c2000000",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "Rev: p3000000 (head)",
      "Parent: p2000000",
      "Also depends on: core",
      "Branch names: plugin",
      "Path: /home/dev/p2/migrations/versions/p3000000_plugin_three.py",
      "",
      "    plugin three",
      "    ",
      "    Revision ID: p3000000",
      "    Revises: p2000000",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "",
    ],
  ],
  [
    "p2 history (labels, depends_on)",
    [
      "p2000000 (core) -> p3000000 (plugin) (head), plugin three",
      "p1000000 (c3000000) -> p2000000 (plugin), plugin two",
      "<base> -> p1000000 (plugin), plugin one",
      "c2000000 -> c3000000 (core) (effective head), core three",
      "c1000000 -> c2000000 (core), core two",
      "<base> -> c1000000 (core), core one",
      "",
    ],
  ],
  [
    "p2 show p3000000 (depends_on a label)",
    [
      "Rev: p3000000 (head)",
      "Parent: p2000000",
      "Also depends on: core",
      "Branch names: plugin",
      "Path: /home/dev/p2/migrations/versions/p3000000_plugin_three.py",
      "",
      "    plugin three",
      "    ",
      "    Revision ID: p3000000",
      "    Revises: p2000000",
      "    Create Date: 2026-01-01 00:00:00.000000",
      "",
      "",
    ],
  ],
  [
    "p2 branches (none)",
    [
      "",
    ],
  ],
  [
    "pe heads (two labels, sorted)",
    [
      "x3 (alpha, zeta) (head)",
      "x4 (alpha, zeta) (head)",
      "x5 (alpha, zeta) (effective head)",
      "y2 (ylab) (head)",
      "",
    ],
  ],
  [
    "pe history (no docstring, multi-line doc, list depends_on)",
    [
      "x2 -> x3 (alpha, zeta) (head), line one",
      "line two",
      "Revision ID: x3",
      "x2 (x1, alpha) -> x4 (alpha, zeta) (head), x four",
      "y1 (x5) -> y2 (ylab) (head), y two",
      "<base> -> y1 (ylab), y one",
      "x2 -> x5 (alpha, zeta) (effective head), spaced doc  ",
      "x1 -> x2 (alpha, zeta) (branchpoint), ",
      "<base> -> x1 (alpha, zeta), x one",
      "",
    ],
  ],
  [
    "pe branches (three children, sorted)",
    [
      "x2 (alpha, zeta) (branchpoint)",
      "   -> x3 (alpha, zeta) (head)",
      "   -> x4 (alpha, zeta) (head)",
      "   -> x5 (alpha, zeta) (effective head)",
      "",
      "",
    ],
  ],
  [
    "pe branches --verbose",
    [
      "Rev: x2 (branchpoint)",
      "Parent: x1",
      "Branches into: x3, x4, x5",
      "Branch names: alpha, zeta",
      "Path: /home/dev/pe/migrations/versions/x2.py",
      "",
      "",
      "",
      "   -> x3 (alpha, zeta) (head), line one",
      "line two",
      "Revision ID: x3",
      "   -> x4 (alpha, zeta) (head), x four",
      "   -> x5 (alpha, zeta) (effective head), spaced doc  ",
      "",
      "",
    ],
  ],
  [
    "pe show x2 (no docstring, branch point)",
    [
      "Rev: x2 (branchpoint)",
      "Parent: x1",
      "Branches into: x3, x4, x5",
      "Branch names: alpha, zeta",
      "Path: /home/dev/pe/migrations/versions/x2.py",
      "",
      "",
      "",
      "",
    ],
  ],
  [
    "pe show x3 x5 (blank and indented docstring lines)",
    [
      "Rev: x3 (head)",
      "Parent: x2",
      "Branch names: alpha, zeta",
      "Path: /home/dev/pe/migrations/versions/x3.py",
      "",
      "    line one",
      "    line two",
      "    Revision ID: x3",
      "    ",
      "    para2",
      "        indented",
      "    ",
      "    ",
      "    end",
      "",
      "Rev: x5 (head)",
      "Parent: x2",
      "Branch names: alpha, zeta",
      "Path: /home/dev/pe/migrations/versions/x5.py",
      "",
      "    spaced doc  ",
      "    ",
      "    \ttab line",
      "      tail",
      "",
      "",
    ],
  ],
  [
    "pe show y2 (depends_on an effective head)",
    [
      "Rev: y2 (head)",
      "Parent: y1",
      "Also depends on: x5",
      "Branch names: ylab",
      "Path: /home/dev/pe/migrations/versions/y2.py",
      "",
      "    y two",
      "",
      "",
    ],
  ],
];

describe('render: golden output from Alembic 1.8.1', () => {
  for (const [name, lines] of golden) {
    test(name, () => assert.equal(outputs[name], lines.join('\n')));
  }
  test('every rendered case has a golden', () => assert.deepEqual(Object.keys(outputs).sort(), golden.map(([n]) => n).sort()));
});

describe('render: one-line form pieces', () => {
  const e5 = P1.byId.get('e5e5e5e5e5e5')!;
  const c3 = P2.byId.get('c3000000')!;
  test('heads leaves out tree indicators, history keeps them', () => {
    assert.equal(revisionLine(e5, { labels: true, treeIndicators: false }), 'e5e5e5e5e5e5');
    assert.equal(revisionLine(e5), 'e5e5e5e5e5e5 (mergepoint)');
  });
  test('(current) goes after the head indicators and before the tree indicators', () => {
    assert.equal(revisionLine(c3, { labels: true, current: true }), 'c3000000 (core) (effective head) (current)');
    const b2 = P1.byId.get('b2b2b2b2b2b2')!;
    assert.equal(revisionLine(b2, { current: true }), 'b2b2b2b2b2b2 (current) (branchpoint)');
  });
  test('with every indicator off, only the id (and asked-for pieces) remain', () => {
    assert.equal(revisionLine(c3, { headIndicators: false, treeIndicators: false, current: true }), 'c3000000');
  });
  test('an empty-string down_revision prints as <base>, as Alembic tests `not down_revision`', () => {
    const m = handMap('/p', [{ id: 'q1', down: [''], longdoc: 'q' }]);
    assert.equal(revisionLine(m.byId.get('q1')!, { parents: true, doc: true }), '<base> -> q1 (head), q');
    assert.match(revisionBlock(m.byId.get('q1')!), /^Parent: <base>$/m);
  });
  test('ids with characters outside the BMP are indented by code points in branches', () => {
    const m = handMap('/p', [{ id: 'r\u{1F600}' }, { id: 'k1', down: ['r\u{1F600}'] }, { id: 'k2', down: ['r\u{1F600}'] }]);
    assert.equal(renderBranches(m).split('\n')[1], '   -> k1 (head)');
  });
});

describe('render: Script.__str__ for Alembic warnings', () => {
  test('uses the flags passed in and the doc', () => {
    const m = handMap('/p', [{ id: 'm1m1m1m1', down: ['doesnotexist'], longdoc: 'missing parent' }]);
    const node = m.byId.get('m1m1m1m1')!;
    assert.equal(scriptString(node, { head: true, branchPoint: false }), 'doesnotexist -> m1m1m1m1 (head), missing parent');
    assert.equal(scriptString(node, { head: false, branchPoint: true }), 'doesnotexist -> m1m1m1m1 (branchpoint), missing parent');
  });
});

describe('render: pythonSplitLines', () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['a', ['a']],
    ['a\n', ['a']],
    ['a\n\nb', ['a', '', 'b']],
    ['a\r\nb\rc', ['a', 'b', 'c']],
    ['a\x0bb\x0cc\x1cd\u2028e\x85f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['a\n\n', ['a', '']],
  ];
  for (const [input, expected] of cases) test(JSON.stringify(input), () => assert.deepEqual(pythonSplitLines(input), expected));
});

describe('render: ids that are not in the map are skipped', () => {
  test('show', () => assert.equal(renderShow(P1, ['nope']), ''));
  test('history', () => assert.equal(renderHistory(P1, { ids: ['nope'] }), ''));
});

describe('render: current', () => {
  // Alembic 1.8.1 on p1 with rows {c3, d4} (one of the set orders it prints).
  test('p1 current', () => {
    assert.equal(renderCurrent(P1, { ids: rowsC3D4 }), 'c3c3c3c3c3c3\nd4d4d4d4d4d4\n');
  });
  test('p1 current -v starts with the URL line, then blocks', () => {
    const out = renderCurrent(P1, { ids: rowsC3D4, verbose: true, url: 'sqlite:///test.db' });
    assert.equal(out, `Current revision(s) for sqlite:///test.db:\n${renderShow(P1, rowsC3D4)}`);
  });
  test('p2 with row p3: the dependency target shows as an effective head, without labels', () => {
    assert.equal(renderCurrent(P2, { ids: ['p3000000', 'c3000000'] }), 'p3000000 (head)\nc3000000 (effective head)\n');
  });
  test('no rows: nothing', () => assert.equal(renderCurrent(P1, { ids: [] }), ''));
});
