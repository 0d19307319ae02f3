// Number literals as CPython's tokenizer reads them: the errors it raises itself (`1abc`, `0o8`,
// `01`...) are syntax errors of the file, at Python's line and column, at module level and in
// function bodies (where the parser otherwise skims); numbers Python accepts, or only warns about
// (`1if x else y`), are no error. Every case states what /usr/bin/python3 (3.11) reports; the live
// check at the end asks it again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMigrationText } from '../../server/src/engine/python/parse';
import { compileWithPython, noPythonReason, PYTHON, type PythonSyntaxError } from '../helpers/pythonCompile';

/** Python's message and its 1-based column on the line, or null when the line compiles. */
type PyNumberError = { msg: string; col: number } | null;

const LEADING = 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers';

const CASES: [source: string, python: PyNumberError][] = [
  ['x = 1abc', { msg: 'invalid decimal literal', col: 5 }],
  ['f(1abc)', { msg: 'invalid decimal literal', col: 3 }],
  ['x = 0x', { msg: 'invalid hexadecimal literal', col: 6 }],
  ['x = 0xg', { msg: 'invalid hexadecimal literal', col: 6 }],
  ['x = 0x1_', { msg: 'invalid hexadecimal literal', col: 8 }],
  ['x = 0xffL', { msg: 'invalid hexadecimal literal', col: 8 }],
  ['x = 0o8', { msg: "invalid digit '8' in octal literal", col: 7 }],
  ['x = 0o18', { msg: "invalid digit '8' in octal literal", col: 8 }],
  ['x = 0o', { msg: 'invalid octal literal', col: 6 }],
  ['x = 0b2', { msg: "invalid digit '2' in binary literal", col: 7 }],
  ['x = 0b1_', { msg: 'invalid binary literal', col: 8 }],
  ['x = 01', { msg: LEADING, col: 5 }],
  ['x = 0_7', { msg: LEADING, col: 5 }],
  ['x = 1_', { msg: 'invalid decimal literal', col: 6 }],
  ['x = 1__0', { msg: 'invalid decimal literal', col: 6 }],
  ['x = 0_', { msg: 'invalid decimal literal', col: 6 }],
  ['x = 10L', { msg: 'invalid decimal literal', col: 6 }],
  ['x = 1e', { msg: 'invalid decimal literal', col: 5 }],
  ['x = 0e', { msg: 'invalid decimal literal', col: 5 }],
  ['x = 1e+', { msg: 'invalid decimal literal', col: 7 }],
  ['x = 1e_5', { msg: 'invalid decimal literal', col: 5 }],
  ['x = 1e5x', { msg: 'invalid decimal literal', col: 7 }],
  ['x = 1.5abc', { msg: 'invalid decimal literal', col: 7 }],
  ['x = 1._5', { msg: 'invalid decimal literal', col: 6 }],
  ['x = .5x', { msg: 'invalid decimal literal', col: 6 }],
  ['x = 1j2', { msg: 'invalid imaginary literal', col: 6 }],
  ['x = 1_j', { msg: 'invalid decimal literal', col: 6 }],
  ['x = 1andy', { msg: 'invalid decimal literal', col: 5 }],
  ['x = [1fory in z]', { msg: 'invalid decimal literal', col: 6 }],
  ['x = 0x1fory', { msg: 'invalid hexadecimal literal', col: 8 }],
  ['x = 1\u20ac', { msg: 'invalid decimal literal', col: 5 }],
  // Fine: every form Python accepts, and the keyword-after-number cases it only warns about.
  ['x = 0 + 00 + 0_0 + 09.5 + 09e1 + 09j + 00.5', null],
  ['x = 1_000 + 1_2.3_4e5_6j + 1.e5 + 1.j + 1. + 1E5 + 1J', null],
  ['x = 0x_f + 0XF + 0o_7 + 0O7 + 0b_1 + 0B1', null],
  ['x = 1if 1 else 2', null],
  ['x = 1 if 1else 2', null],
  ['x = [1for y in z]', null],
  ['x = 1and y', null],
  ['x = 1or y', null],
  ['x = 1not in y', null],
  ['x = 1in y', null],
  ['x = 1is y', null],
  ['x = 1..real', null],
  ['x = a1 + b_2 + __3', null],
];

/**
 * "expected an indented block" comes from CPython's parser, in its second pass; CPython then reads the
 * rest of the file, and an error its tokenizer raises there (a number, an unterminated string) is
 * reported instead. "unexpected indent" is not replaced so.
 */
const AFTER_A_BLOCK_OPENER: [source: string, python: { cls: string; msg: string; line: number; col: number }][] = [
  ['def f():\n0x\n', { cls: 'SyntaxError', msg: 'invalid hexadecimal literal', line: 2, col: 2 }],
  ['def f():\nx = 1 + 0x\n', { cls: 'SyntaxError', msg: 'invalid hexadecimal literal', line: 2, col: 10 }],
  ['def f():\nx = 1\ny = 0x\n', { cls: 'SyntaxError', msg: 'invalid hexadecimal literal', line: 3, col: 6 }],
  ['if x:\n  # c\n1abc\n', { cls: 'SyntaxError', msg: 'invalid decimal literal', line: 3, col: 1 }],
  ["def f():\nx = 'abc\n", { cls: 'SyntaxError', msg: 'unterminated string literal (detected at line 2)', line: 2, col: 5 }],
  ['def f():\nx = (\n', { cls: 'IndentationError', msg: 'expected an indented block after function definition on line 1', line: 2, col: 1 }],
  ['def f():\n    x\n        0x\n', { cls: 'IndentationError', msg: 'unexpected indent', line: 3, col: 8 }],
];

/** Where the engine puts these (its own wording for the two IndentationErrors, and the line start). */
const ENGINE_AFTER_A_BLOCK_OPENER: [string, number, number][] = [
  ['SyntaxError: invalid hexadecimal literal', 2, 2],
  ['SyntaxError: invalid hexadecimal literal', 2, 10],
  ['SyntaxError: invalid hexadecimal literal', 3, 6],
  ['SyntaxError: invalid decimal literal', 3, 1],
  ['SyntaxError: unterminated string literal', 2, 5],
  ['IndentationError: expected an indented block after function definition on line 1', 2, 1],
  ['IndentationError: unexpected indent', 3, 1],
];

function engineReport(source: string): PyNumberError {
  const parsed = parseMigrationText(source);
  const e = parsed.syntaxErrors[0];
  if (!e) return null;
  const m = /^Python cannot import this file: SyntaxError: (.*)\.$/.exec(e.message);
  return { msg: m ? m[1] : e.message, col: e.span.start.character + 1 };
}

describe('number literals as CPython tokenizes them', () => {
  for (const [source, python] of CASES) {
    test(`module level: ${source}`, () => assert.deepEqual(engineReport(`${source}\n`), python));
    test(`in upgrade(): ${source}`, () => {
      const body = engineReport(`def upgrade():\n    ${source}\n    pass\n`);
      assert.deepEqual(body, python && { ...python, col: python.col + 4 });
    });
  }

  test('after a line ending with a colon, a tokenizer error further on wins over "expected an indented block"', () => {
    AFTER_A_BLOCK_OPENER.forEach(([source], i) => {
      const e = parseMigrationText(source).syntaxErrors[0];
      assert.deepEqual([e.message.replace(/^Python cannot import this file: (.*)\.$/, '$1'), e.span.start.line + 1, e.span.start.character + 1], ENGINE_AFTER_A_BLOCK_OPENER[i], source);
    });
  });

  test('the error is on its line and stops the import like any syntax error', () => {
    const parsed = parseMigrationText("revision = 'a1'\ndown_revision = None\n\n\ndef upgrade():\n    op.add_column('t', sa.Column('x', sa.String(length=10O)))\n");
    assert.deepEqual(parsed.syntaxErrors.map((e) => [e.message, e.span.start.line, e.span.start.character]), [
      ['Python cannot import this file: SyntaxError: invalid decimal literal.', 5, 56], // Python: line 6, column 57
    ]);
  });
});

describe('live check: Python reports what each number case says', { skip: noPythonReason }, () => {
  test(`${CASES.length} cases compiled by ${PYTHON}, at module level and in a function`, () => {
    const got = compileWithPython(CASES.flatMap(([source]) => [`${source}\n`, `def upgrade():\n    ${source}\n    pass\n`]));
    const short = (e: PythonSyntaxError | null) => e && { msg: e.msg, col: e.col };
    CASES.forEach(([source, python], i) => {
      assert.deepEqual(short(got[2 * i]), python, `module level: ${source}`);
      assert.deepEqual(short(got[2 * i + 1]), python && { ...python, col: python.col + 4 }, `in upgrade(): ${source}`);
    });
  });

  test(`${AFTER_A_BLOCK_OPENER.length} cases after a block opener`, () => {
    const got = compileWithPython(AFTER_A_BLOCK_OPENER.map((c) => c[0]));
    AFTER_A_BLOCK_OPENER.forEach(([source, python], i) => assert.deepEqual(got[i], python, source));
  });
});
