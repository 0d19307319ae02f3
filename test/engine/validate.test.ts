// Every problem code: at least one project that must raise it (on the right file, on the right text,
// with the right severity) and one that must not. Alembic's own error texts quoted in the messages
// were checked against Alembic 1.8.1 (see validate-alembic.test.ts for the ones pinned verbatim).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { Problem, Severity } from '../../server/src/engine/types';
import { PROBLEM_CODES } from '../../server/src/engine/rules/codes';
import { migration, project, textAt, usingReal, VERSIONS, type ProjectOptions, type TestFile } from './validate-project';

interface Expected {
  file: string;
  /** The source text under the problem's span. */
  text: string;
  severity?: Severity;
  message?: RegExp;
  data?: Record<string, unknown>;
  /** File names the related locations point at. */
  relatedFiles?: string[];
}

interface Case {
  name: string;
  files: TestFile[];
  options?: ProjectOptions;
  expect: Expected[];
}

interface CodeCases {
  code: string;
  positive: Case[];
  negative: Case[];
}

const f = (name: string, text: string, extra: Partial<TestFile> = {}): TestFile => ({ name, text, ...extra });
const base = f('a1.py', migration('a1', null));
const A12 = 'a1a1a1a1a1a1';
const B12 = 'b2b2b2b2b2b2';

const table: CodeCases[] = [
  {
    code: 'unreadable-file',
    positive: [{ name: 'a read error', files: [base, f('x.py', '', { readError: 'EACCES: permission denied' })], expect: [{ file: 'x.py', text: '', message: /EACCES/ }] }],
    negative: [{ name: 'readable files', files: [base], expect: [] }],
  },
  {
    code: 'decode-error',
    positive: [
      {
        name: 'a decode error from the byte reader',
        files: [
          f('b2.py', migration('b2', 'a1'), {
            patch: (p) => p.decodeErrors.push({ message: "'utf-8' codec can't decode byte 0xff", span: { start: { line: 0, character: 3 }, end: { line: 0, character: 6 } } }),
          }),
        ],
        expect: [{ file: 'b2.py', text: 'rev', message: /can't decode byte 0xff.*UTF-8/ }],
      },
    ],
    negative: [{ name: 'clean text', files: [base], expect: [] }],
  },
  {
    code: 'syntax-error',
    positive: [{ name: 'invalid Python', files: [base, f('b2.py', migration('b2', 'a1', 'x = (1  # SYNTAX ERROR\n'))], expect: [{ file: 'b2.py', text: '*' }] }],
    negative: [{ name: 'valid Python', files: [base, f('b2.py', migration('b2', 'a1', 'x = 1\n'))], expect: [] }],
  },
  {
    code: 'missing-revision',
    positive: [
      {
        name: 'no revision variable',
        files: [base, f('notes.py', '"""notes"""\ndown_revision = None\n')],
        expect: [{ file: 'notes.py', text: '', message: /Could not determine revision id from filename notes\.py\. Be sure the 'revision' variable is declared/ }],
      },
    ],
    negative: [{ name: 'a legacy <hex>.py file takes its id from the name', files: [f('abc123.py', '"""legacy"""\ndown_revision = None\n')], expect: [] }],
  },
  {
    code: 'revision-not-a-string',
    positive: [
      { name: 'a number', files: [f('n.py', 'revision = 12345\ndown_revision = None\n')], expect: [{ file: 'n.py', text: '12345', message: /TypeError: 'int' object is not iterable/ }] },
      { name: 'None', files: [f('n.py', 'revision = None\ndown_revision = None\n')], expect: [{ file: 'n.py', text: 'None', message: /'NoneType' object is not iterable/ }] },
    ],
    negative: [
      { name: 'a string', files: [base], expect: [] },
      { name: 'a name is not known statically (value-not-static instead)', files: [f('n.py', 'revision = REV\ndown_revision = None\n')], expect: [] },
    ],
  },
  {
    code: 'missing-down-revision',
    positive: [
      {
        name: 'no down_revision variable',
        files: [f('a1_first.py', '"""first"""\nrevision = \'a1\'\n')],
        expect: [{ file: 'a1_first.py', text: 'revision', message: /AttributeError: module 'a1_first_py' has no attribute 'down_revision'/ }],
      },
    ],
    negative: [{ name: 'down_revision = None', files: [base], expect: [] }],
  },
  {
    code: 'value-not-static',
    positive: [
      {
        name: 'computed values',
        files: [base, f('b2.py', migration('b2', 'a1').replace("down_revision = 'a1'", 'down_revision = parent()') + 'depends_on = DEPS\nbranch_labels = LABELS\n')],
        expect: [
          { file: 'b2.py', text: 'parent()', severity: 'warning', data: { variable: 'down_revision' } },
          { file: 'b2.py', text: 'DEPS', data: { variable: 'depends_on' } },
          { file: 'b2.py', text: 'LABELS', data: { variable: 'branch_labels' } },
        ],
      },
      { name: 'a revision held in a name', files: [f('n.py', 'revision = REV\ndown_revision = None\n')], expect: [{ file: 'n.py', text: 'REV' }] },
    ],
    negative: [{ name: 'literals', files: [base, f('b2.py', migration('b2', "('a1',)", "depends_on = ['a1']\nbranch_labels = None\n"))], expect: [] }],
  },
  {
    code: 'empty-down-revision',
    positive: [{ name: "down_revision = ''", files: [f('e.py', "revision = 'e1'\ndown_revision = ''\n")], expect: [{ file: 'e.py', text: "''", message: /KeyError: ''.*1\.8\.1 treated it as a base/ }] }],
    negative: [{ name: 'None', files: [base], expect: [] }],
  },
  {
    code: 'header-mismatch',
    positive: [
      {
        name: 'Revision ID and Revises drifted from the variables',
        files: [base, f('b2.py', migration('b2', 'a1').replace('Revision ID: b2', 'Revision ID: zz').replace('Revises: a1', 'Revises: old1'))],
        expect: [
          { file: 'b2.py', text: 'zz', severity: 'warning', data: { header: 'Revision ID', expected: 'b2' } },
          { file: 'b2.py', text: 'old1', data: { header: 'Revises', expected: 'a1' } },
        ],
      },
    ],
    negative: [
      { name: 'the template header', files: [base, f('b2.py', migration('b2', 'a1')), f('m.py', migration('m', "('b2', 'a1')"))], expect: [] },
      { name: 'no header at all', files: [f('a1.py', "revision = 'a1'\ndown_revision = None\n")], expect: [] },
    ],
  },
  {
    code: 'duplicate-revision-id',
    positive: [
      {
        name: 'two files, one id',
        files: [base, f('b2_one.py', migration('b2', 'a1')), f('b2_two.py', migration('b2', 'a1'))],
        expect: [
          { file: 'b2_one.py', text: "'b2'", relatedFiles: ['b2_two.py'], message: /Revision b2 is present more than once/, data: { id: 'b2' } },
          { file: 'b2_two.py', text: "'b2'", relatedFiles: ['b2_one.py'] },
        ],
      },
    ],
    negative: [{ name: 'distinct ids', files: [base, f('b2.py', migration('b2', 'a1'))], expect: [] }],
  },
  {
    code: 'illegal-revision-id-character',
    positive: [
      { name: 'a dash', files: [f('y.py', "revision = 'y1-y1'\ndown_revision = None\n")], expect: [{ file: 'y.py', text: "'y1-y1'", message: /"Character\(s\) '-' not allowed in revision identifier 'y1-y1'"/ }] },
      { name: 'several, sorted', files: [f('y.py', "revision = 'a@b+c'\ndown_revision = None\n")], expect: [{ file: 'y.py', text: "'a@b+c'", message: /Character\(s\) '\+, @' not allowed/, data: { characters: ['+', '@'], replacement: 'a_b_c' } }] },
      { name: 'a colon (rejected since 1.17.1)', files: [f('y.py', "revision = 'a:b'\ndown_revision = None\n")], expect: [{ file: 'y.py', text: "'a:b'", message: /1\.17\.1/ }] },
    ],
    negative: [{ name: 'spaces, commas and upper case are allowed', files: [f('y.py', "revision = 'y1 Y1,x'\ndown_revision = None\n")], expect: [] }],
  },
  {
    code: 'revision-id-too-long',
    positive: [{ name: '33 characters', files: [f('l.py', `revision = '${'x'.repeat(33)}'\ndown_revision = None\n`)], expect: [{ file: 'l.py', text: `'${'x'.repeat(33)}'`, severity: 'warning', data: { length: 33, limit: 32 } }] }],
    negative: [{ name: '32 characters', files: [f('l.py', `revision = '${'x'.repeat(32)}'\ndown_revision = None\n`)], expect: [] }],
  },
  {
    code: 'reserved-revision-id',
    positive: [
      { name: 'an id named head', files: [f('h.py', "revision = 'head'\ndown_revision = None\n")], expect: [{ file: 'h.py', text: "'head'", severity: 'warning' }] },
      { name: 'a label named base', files: [f('a1.py', migration('a1', null, "branch_labels = ('base',)\n"))], expect: [{ file: 'a1.py', text: "'base'" }] },
    ],
    negative: [{ name: 'names that only start like a symbol', files: [f('h.py', "revision = 'heads1'\ndown_revision = None\nbranch_labels = 'based'\n")], expect: [] }],
  },
  {
    code: 'branch-label-conflict',
    positive: [
      {
        name: 'one label, two revisions',
        files: [f('a1.py', migration('a1', null, "branch_labels = 'lab'\n")), f('b2.py', migration('b2', null, "branch_labels = ('lab',)\n"))],
        expect: [
          { file: 'a1.py', text: "'lab'", relatedFiles: ['b2.py'], message: /Branch name 'lab' in revision a1 already used by revision b2/ },
          { file: 'b2.py', text: "'lab'", relatedFiles: ['a1.py'], message: /Branch name 'lab' in revision b2 already used by revision a1/ },
        ],
      },
      {
        name: 'twice in one tuple',
        files: [f('a1.py', migration('a1', null, "branch_labels = ('lab', 'lab')\n"))],
        expect: [
          { file: 'a1.py', text: "'lab'", message: /declared twice/ },
          { file: 'a1.py', text: "'lab'", message: /declared twice/ },
        ],
      },
    ],
    negative: [
      { name: 'distinct labels', files: [f('a1.py', migration('a1', null, "branch_labels = 'one'\n")), f('b2.py', migration('b2', null, "branch_labels = 'two'\n"))], expect: [] },
      { name: 'a set literal drops the repeat', files: [f('a1.py', migration('a1', null, "branch_labels = {'lab', 'lab'}\n"))], expect: [] },
    ],
  },
  {
    code: 'branch-label-is-revision-id',
    positive: [
      {
        name: 'a label equal to an id',
        files: [base, f('b2.py', migration('b2', null, "branch_labels = 'a1'\n"))],
        expect: [{ file: 'b2.py', text: "'a1'", relatedFiles: ['a1.py'], message: /Branch name 'a1' in revision b2 already used by revision a1/ }],
      },
    ],
    negative: [{ name: 'a label that is no id', files: [base, f('b2.py', migration('b2', null, "branch_labels = 'b'\n"))], expect: [] }],
  },
  {
    code: 'broken-down-revision',
    positive: [
      {
        name: 'a file name used as the id',
        files: [f('0001_init.py', migration('0001', null)), f('0003_add_sources_to_messages.py', migration('0003', '0001')), f('0004_next.py', migration('0004', '0003_add_sources_to_messages'))],
        expect: [
          {
            file: '0004_next.py',
            text: "'0003_add_sources_to_messages'",
            relatedFiles: ['0003_add_sources_to_messages.py'],
            message: /KeyError: '0003_add_sources_to_messages'.*is a file name, not a revision id: did you mean '0003' \(0003_add_sources_to_messages\.py\)/,
            data: { missing: '0003_add_sources_to_messages', suggestion: 'file-name', candidates: ['0003'] },
          },
        ],
      },
      {
        name: 'a slug used as the id',
        files: [f('0001_init.py', migration('0001', null)), f('0003_add_sources.py', migration('0003', '0001')), f('0004_next.py', migration('0004', 'add_sources'))],
        expect: [{ file: '0004_next.py', text: "'add_sources'", data: { suggestion: 'slug', candidates: ['0003'] } }],
      },
      {
        name: 'a typo (two characters swapped)',
        files: [f('a.py', migration(A12, null)), f('b.py', migration(B12, 'a1a1a1a1aa11'))],
        expect: [{ file: 'b.py', text: "'a1a1a1a1aa11'", data: { suggestion: 'near-miss', candidates: [A12] } }],
      },
      {
        name: 'a wrong case',
        files: [f('a.py', migration('abc123', null)), f('b.py', migration('def456', 'ABC123'))],
        expect: [{ file: 'b.py', text: "'ABC123'", message: /case-sensitive/, data: { suggestion: 'case', candidates: ['abc123'] } }],
      },
      {
        name: 'nothing close: the current head',
        files: [f('a.py', migration(A12, null)), f('b.py', migration(B12, A12)), f('c.py', migration('c3c3c3c3c3c3', 'zzzzzzzzzzzz'))],
        expect: [{ file: 'c.py', text: "'zzzzzzzzzzzz'", data: { suggestion: 'heads', candidates: [B12] } }],
      },
      {
        name: 'one entry of a merge tuple',
        files: [base, f('b2.py', migration('b2', "('a1', 'nope')"))],
        expect: [{ file: 'b2.py', text: "'nope'" }],
      },
    ],
    negative: [
      { name: 'a full id', files: [base, f('b2.py', migration('b2', 'a1'))], expect: [] },
      { name: 'an empty string has its own code', files: [f('e.py', "revision = 'e1'\ndown_revision = ''\n")], expect: [] },
    ],
  },
  {
    code: 'partial-id-in-down-revision',
    positive: [
      {
        name: 'a unique prefix',
        files: [f('a.py', migration(A12, null)), f('b.py', migration(B12, 'a1a1'))],
        expect: [{ file: 'b.py', text: "'a1a1'", relatedFiles: ['a.py'], message: /start of revision 'a1a1a1a1a1a1'.*Write 'a1a1a1a1a1a1'/, data: { fullId: A12, candidates: [A12] } }],
      },
    ],
    negative: [
      {
        name: 'an ambiguous prefix is a broken link with candidates',
        files: [f('a.py', migration('ab11', null)), f('a2.py', migration('ab22', null)), f('b.py', migration('b2', 'ab'))],
        expect: [],
      },
    ],
  },
  {
    code: 'label-in-down-revision',
    positive: [
      {
        name: 'a branch label as the parent',
        files: [f('c1.py', migration('c1', null, "branch_labels = 'core'\n")), f('c2.py', migration('c2', 'c1')), f('x.py', migration('x1', 'core'))],
        options: { labels: { c2: ['core'] } },
        expect: [{ file: 'x.py', text: "'core'", message: /is a branch label.*'c2' or 'c1'/, data: { label: 'core', candidates: ['c2', 'c1'] } }],
      },
    ],
    negative: [{ name: 'the label in depends_on is fine', files: [f('c1.py', migration('c1', null, "branch_labels = 'core'\n")), f('x.py', migration('x1', null, "depends_on = 'core'\n"))], expect: [] }],
  },
  {
    code: 'broken-depends-on',
    positive: [
      {
        name: 'a partial id',
        files: [f('a.py', migration(A12, null)), f('b.py', migration(B12, null, "depends_on = 'a1a1'\n"))],
        expect: [{ file: 'b.py', text: "'a1a1'", message: /KeyError: 'a1a1'.*Write 'a1a1a1a1a1a1'/, data: { suggestion: 'partial-id', fullId: A12 } }],
      },
      {
        name: 'a misspelt label',
        files: [f('c1.py', migration('c1', null, "branch_labels = 'core'\n")), f('x.py', migration('x1', null, "depends_on = ['c1', 'cores']\n"))],
        expect: [{ file: 'x.py', text: "'cores'", data: { suggestion: 'near-miss', candidates: ['core'] } }],
      },
    ],
    negative: [{ name: 'an id and a label', files: [f('c1.py', migration('c1', null, "branch_labels = 'core'\n")), f('x.py', migration('x1', null, "depends_on = ('c1', 'core')\n"))], expect: [] }],
  },
  {
    code: 'self-loop',
    positive: [{ name: 'itself as parent', files: [base, f('b2.py', migration('b2', "('a1', 'b2')"))], expect: [{ file: 'b2.py', text: "'b2'", message: /"Self-loop is detected in revisions \(b2\)"/ }] }],
    negative: [{ name: 'a normal parent', files: [base, f('b2.py', migration('b2', 'a1'))], expect: [] }],
  },
  {
    code: 'dependency-self-loop',
    positive: [{ name: 'itself as dependency', files: [base, f('b2.py', migration('b2', 'a1', "depends_on = 'b2'\n"))], expect: [{ file: 'b2.py', text: "'b2'", message: /"Dependency self-loop is detected in revisions \(b2\)"/ }] }],
    negative: [{ name: 'another revision as dependency', files: [base, f('b2.py', migration('b2', null, "depends_on = 'a1'\n"))], expect: [] }],
  },
  {
    code: 'cycle',
    positive: [
      {
        name: 'y1 -> y2 <-> y3: the loop is an error, y1 (stacked below) is information',
        files: [f('y1.py', migration('y1', null)), f('y2.py', migration('y2', "('y1', 'y3')")), f('y3.py', migration('y3', 'y2'))],
        options: { issues: [{ kind: 'cycle', ids: ['y1', 'y2', 'y3'] }] },
        expect: [
          { file: 'y1.py', text: 'None', severity: 'information', message: /"Cycle is detected in revisions \(y1, y2, y3\)"/ },
          { file: 'y2.py', text: "('y1', 'y3')", severity: 'error', relatedFiles: ['y3.py'], data: { loop: ['y2', 'y3'] } },
          { file: 'y3.py', text: "'y2'", severity: 'error', relatedFiles: ['y2.py'] },
        ],
      },
    ],
    negative: [{ name: 'a DAG', files: [base, f('b2.py', migration('b2', 'a1')), f('c3.py', migration('c3', "('a1', 'b2')"))], expect: [] }],
  },
  {
    code: 'dependency-cycle',
    positive: [
      {
        name: 'two revisions depending on each other',
        files: [f('d1.py', migration('d1', null, "depends_on = 'd2'\n")), f('d2.py', migration('d2', null, "depends_on = 'd1'\n"))],
        options: { issues: [{ kind: 'dependency-cycle', ids: ['d1', 'd2'] }] },
        expect: [
          { file: 'd1.py', text: "'d2'", relatedFiles: ['d2.py'], message: /"Dependency cycle is detected in revisions \(d1, d2\)"/ },
          { file: 'd2.py', text: "'d1'", relatedFiles: ['d1.py'] },
        ],
      },
    ],
    negative: [{ name: 'one-way dependency', files: [f('d1.py', migration('d1', null)), f('d2.py', migration('d2', null, "depends_on = 'd1'\n"))], expect: [] }],
  },
  {
    code: 'multiple-heads',
    positive: [
      {
        name: 'two children of one parent',
        files: [base, f('b2.py', migration('b2', 'a1')), f('c3.py', migration('c3', 'a1'))],
        expect: [
          { file: 'b2.py', text: "'b2'", severity: 'error', relatedFiles: ['c3.py'], message: /Multiple head revisions are present for given argument 'head'.*alembic merge heads.*change its down_revision from 'a1' to 'c3'/, data: { heads: ['b2', 'c3'], otherHeads: ['c3'] } },
          { file: 'c3.py', text: "'c3'", severity: 'error', relatedFiles: ['b2.py'], data: { heads: ['b2', 'c3'], otherHeads: ['b2'] } },
        ],
      },
      {
        name: 'named branches are information; an unnamed extra head is still an error',
        files: [
          f('c1.py', migration('c1', null, "branch_labels = 'core'\n")),
          f('p1.py', migration('p1', null, "branch_labels = 'plugin'\n")),
          f('p2.py', migration('p2', 'p1')),
          f('q1.py', migration('q1', null)),
        ],
        options: { labels: { p2: ['plugin'] } },
        expect: [
          { file: 'c1.py', text: "'c1'", severity: 'information', data: { label: 'core' } },
          { file: 'p2.py', text: "'p2'", severity: 'information', message: /plugin@head/ },
          { file: 'q1.py', text: "'q1'", severity: 'error' },
        ],
      },
    ],
    negative: [{ name: 'a single head', files: [base, f('b2.py', migration('b2', 'a1')), f('c3.py', migration('c3', "('a1', 'b2')"))], expect: [] }],
  },
];

function check(code: string, c: Case): void {
  const p = project(c.files, c.options);
  const got = p.problems.filter((x) => x.code === code);
  const describeGot = () => JSON.stringify(got.map((x) => [x.file.slice(VERSIONS.length + 1), textAt(p, x.file, x.span), x.severity, x.message]), null, 1);
  assert.equal(got.length, c.expect.length, `problems: ${describeGot()}`);
  c.expect.forEach((e, i) => {
    const x: Problem = got[i];
    assert.equal(x.file, `${VERSIONS}/${e.file}`, describeGot());
    if (e.text !== '*') assert.equal(textAt(p, x.file, x.span), e.text, describeGot());
    assert.equal(x.severity, e.severity ?? PROBLEM_CODES[code as keyof typeof PROBLEM_CODES].severity);
    if (e.message) assert.match(x.message, e.message);
    for (const [k, v] of Object.entries(e.data ?? {})) assert.deepEqual(x.data?.[k], v, `data.${k}`);
    if (e.relatedFiles) {
      assert.deepEqual(
        [...new Set((x.related ?? []).map((r) => r.file.slice(VERSIONS.length + 1)))],
        e.relatedFiles,
      );
    }
  });
}

describe(`validate (parse: ${usingReal.parse ? 'real' : 'stand-in'}, graph: ${usingReal.graph ? 'real' : 'hand-built'})`, () => {
  for (const row of table) {
    describe(row.code, () => {
      for (const c of row.positive) test(`raised: ${c.name}`, () => check(row.code, c));
      for (const c of row.negative) test(`not raised: ${c.name}`, () => check(row.code, c));
    });
  }

  test('the table covers every code', () => {
    assert.deepEqual(table.map((r) => r.code).sort(), Object.keys(PROBLEM_CODES).sort());
  });

  test('a clean project has no problems at all', () => {
    const p = project([base, f('b2.py', migration('b2', 'a1')), f('c3.py', migration('c3', 'b2', "branch_labels = 'x'\ndepends_on = 'a1'\n"))]);
    assert.deepEqual(p.problems, []);
  });

  test('problems come by file load order, then line', () => {
    const p = project([
      f('z.py', "revision = 'z-1'\ndown_revision = 'nope'\n"),
      f('a.py', "revision = 'a-1'\ndown_revision = ''\n"),
    ]);
    const order = p.problems.filter((x) => x.code !== 'multiple-heads').map((x) => [x.file.slice(VERSIONS.length + 1), x.span.start.line, x.code]);
    assert.deepEqual(order, [
      ['z.py', 0, 'illegal-revision-id-character'],
      ['z.py', 1, 'broken-down-revision'],
      ['a.py', 0, 'illegal-revision-id-character'],
      ['a.py', 1, 'empty-down-revision'],
    ]);
  });

  test('every message names a fix or the way out', () => {
    const p = project([
      f('y.py', "revision = 'y-1'\ndown_revision = 'nope'\nbranch_labels = 'head'\n"),
      f('w.py', "revision = 'w1'\ndown_revision = 'y-1'\n"),
      f('v.py', "revision = 'v1'\ndown_revision = 'y-1'\n"),
    ]);
    // w1 and v1 stand on a broken link, so they are not reported as extra heads (see below).
    assert.ok(p.problems.length >= 3);
    for (const x of p.problems) assert.match(x.message, /Write|Use|Fix|fix|Choose|did you mean|Did you mean|update|Remove|Rename|Give|remove/, x.message);
  });

  test('heads that exist only because a parent is missing are not called extra heads', () => {
    // b2's parent was deleted: Alembic fails on the broken link, and "merge the heads" would be the
    // wrong fix. Only the broken link is reported.
    const broken = project([base, f('b2.py', migration('b2', 'gone')), f('c3.py', migration('c3', 'b2'))]);
    assert.deepEqual(broken.problems.map((x) => x.code), ['broken-down-revision']);
    // Two real heads next to the cut-off line are still reported.
    const both = project([base, f('b2.py', migration('b2', 'a1')), f('c3.py', migration('c3', 'a1')), f('d4.py', migration('d4', 'gone'))]);
    assert.deepEqual(both.problems.filter((x) => x.code === 'multiple-heads').map((x) => x.data?.heads), [['b2', 'c3'], ['b2', 'c3']]);
  });
});
