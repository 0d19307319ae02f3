// Merge conflict markers, and what Python reports for a file whose first error is a bare "invalid
// syntax" (CPython's parser) while its tokenizer finds another error further on. Every case states
// what /usr/bin/python3 (3.11) reports when compiling it: class, line and column (1-based), or null
// when it compiles. The live check at the end asks that Python again, so a case cannot drift from it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMigration } from '../../server/src/engine/python/parse';
import { conflictMarkerCandidates } from '../../server/src/engine/python/pyconflict';
import { compileWithPython, noPythonReason, PYTHON } from '../helpers/pythonCompile';

interface PyError {
  cls: string;
  line: number;
  col: number;
}

const HEAD = "revision = 'b2'\n";

/** The engine's column, where it marks a different character than Python's caret on purpose. */
type EngineCol = number;

const CASES: [name: string, source: string, python: PyError | null, engineCol?: EngineCol][] = [
  ['markers around down_revision', `${HEAD}<<<<<<< HEAD\ndown_revision = 'a1'\n=======\ndown_revision = 'c3'\n>>>>>>> feature\n`, { cls: 'SyntaxError', line: 2, col: 1 }],
  ['markers in the middle of upgrade()', 'def upgrade():\n    a()\n<<<<<<< HEAD\n    b()\n=======\n    c()\n>>>>>>> feature\n', { cls: 'SyntaxError', line: 3, col: 1 }],
  ['a marker first in upgrade(): the block is missing', 'def upgrade():\n<<<<<<< HEAD\n    b()\n=======\n    c()\n>>>>>>> feature\n', { cls: 'IndentationError', line: 2, col: 1 }],
  ['markers inside a call spread over lines', "op.create_table(\n    'users',\n<<<<<<< HEAD\n    sa.Column('a'),\n=======\n    sa.Column('b'),\n>>>>>>> feature\n)\n", { cls: 'SyntaxError', line: 3, col: 1 }],
  ['the diff3 base marker', `${HEAD}<<<<<<< HEAD\nx = 1\n||||||| base\nx = 0\n=======\nx = 2\n>>>>>>> feature\n`, { cls: 'SyntaxError', line: 2, col: 1 }],
  ['a lone separator line', 'x = 1\n=======\n', { cls: 'SyntaxError', line: 2, col: 1 }],
  ['a longer marker', 'x = 1\n<<<<<<<<<< HEAD\n', { cls: 'SyntaxError', line: 2, col: 1 }],
  ['CRLF line ends', `${HEAD}<<<<<<< HEAD\r\nx = 1\r\n=======\r\nx = 2\r\n>>>>>>> f\r\n`.replace(/(?<!\r)\n/g, '\r\n'), { cls: 'SyntaxError', line: 2, col: 1 }],
  ['after a byte order mark', '\ufeff<<<<<<< HEAD\nx = 1\n', { cls: 'SyntaxError', line: 1, col: 1 }],
  ['an RST underline in the docstring', '"""Add users\n\nDetails\n=======\n>>>>>>> not a marker here\n"""\nrevision = \'a\'\n', null],
  ['marker lines in a string of a function body', 'def upgrade():\n    op.execute("""\n<<<<<<< HEAD\n=======\n>>>>>>> x\n""")\n', null],
  ['a marker continuing a string after a backslash', "x = 'abc\\\n<<<<<<< d'\n", null],
  ['banner comments', '# =======\nx = 1  # >>>>>>>\n    # <<<<<<<\n', null],
  // After a bare "invalid syntax", CPython reads on: a later tokenizer error it raises replaces it...
  ['marker, then an unterminated string', '<<<<<<< HEAD\nx = \'a\n', { cls: 'SyntaxError', line: 2, col: 5 }],
  ['marker, then an unmatched bracket', '<<<<<<< HEAD\nx = )\n', { cls: 'SyntaxError', line: 2, col: 5 }],
  ['marker, then a mismatched bracket', '<<<<<<< HEAD\nx = (1]\n', { cls: 'SyntaxError', line: 2, col: 7 }],
  ['marker, then a non-printable character', '<<<<<<< HEAD\nx = 1\x0b\n', { cls: 'SyntaxError', line: 2, col: 6 }],
  ['marker, then an invalid character', '<<<<<<< HEAD\nx = \u00a4\n', { cls: 'SyntaxError', line: 2, col: 5 }],
  ['marker, a lone !, then an unterminated string', "<<<<<<< HEAD\nx = 1 !\ny = 'abc\n", { cls: 'SyntaxError', line: 3, col: 5 }],
  ['an unterminated string inside a function after a marker', "def f():\n    a()\n<<<<<<< HEAD\n    b()\n    c = 'x\n", { cls: 'SyntaxError', line: 5, col: 9 }],
  // ...one it only flags stops it: the generic error stands,
  ['marker, then a bad indentation, then an unterminated string', "<<<<<<< HEAD\nif x:\n        a\n    b\nz = 'abc\n", { cls: 'SyntaxError', line: 1, col: 1 }],
  ['marker, then a bad line continuation, then an unterminated string', "<<<<<<< HEAD\nx = 1 \\ y\nz = 'abc\n", { cls: 'SyntaxError', line: 1, col: 1 }],
  ['a different indentation on each side of the conflict', 'def f():\n    a()\n<<<<<<< HEAD\n    b()\n=======\n      c()\n    d()\n>>>>>>> f\n', { cls: 'SyntaxError', line: 3, col: 1 }],
  ['marker, then a bracket opened after it and never closed', '<<<<<<< HEAD\nx = (\n', { cls: 'SyntaxError', line: 1, col: 1 }],
  // ...unless a bracket opened on an earlier line is still open then.
  ['markers inside a call never closed', "f(\n 'x',\n<<<<<<< HEAD\n 1,\n", { cls: 'SyntaxError', line: 1, col: 2 }],
  ['marker inside a call, then a bad line continuation', 'f(\n<<<<<<< HEAD\n 1 \\ x\n', { cls: 'SyntaxError', line: 1, col: 2 }],
  // The same holds for the parser's other bare "invalid syntax" errors the engine knows.
  ['nothing after the =, then an unterminated string', "revision =\nx = 'abc\n", { cls: 'SyntaxError', line: 2, col: 5 }],
  // (The engine marks the '=' with nothing after it; Python's caret is on the line end after it.)
  ['nothing after the =, then an unexpected character', 'revision =\nx = $\n', { cls: 'SyntaxError', line: 1, col: 11 }, 10],
  ['an unexpected character, then an unterminated string', "x = $\ny = 'abc\n", { cls: 'SyntaxError', line: 2, col: 5 }],
  ['an unexpected character inside a bracket never closed', '(\nx = $\n', { cls: 'SyntaxError', line: 1, col: 1 }],
  ['an unexpected character, then a bracket opened later', 'x = `\n(\n', { cls: 'SyntaxError', line: 1, col: 5 }],
];

const enc = new TextEncoder();

function engineReport(source: string): PyError | null {
  const parsed = parseMigration(enc.encode(source));
  if (parsed.syntaxErrors.length === 0) return null;
  assert.equal(parsed.syntaxErrors.length, 1, 'Python stops at its first error');
  const [e] = parsed.syntaxErrors;
  const cls = /(\w+Error):/.exec(e.message)?.[1] ?? '?';
  return { cls, line: e.span.start.line + 1, col: e.span.start.character + 1 };
}

describe('merge conflict markers and the error Python reports', () => {
  for (const [name, source, python, engineCol] of CASES) {
    test(name, () => assert.deepEqual(engineReport(source), python && engineCol !== undefined ? { ...python, col: engineCol } : python));
  }

  test('a marker error names the conflict and how to resolve it', () => {
    const parsed = parseMigration(enc.encode(CASES[0][1]));
    assert.match(parsed.syntaxErrors[0].message, /invalid syntax at a merge conflict marker; resolve the merge conflict: .*<<<<<<<, ======= and >>>>>>>/);
    assert.deepEqual(parsed.syntaxErrors[0].span, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
  });

  test('the variables a conflicted file still assigns are read as Python would have them (the last one)', () => {
    const v = parseMigration(enc.encode(CASES[0][1])).down_revision?.value;
    assert.ok(v?.kind === 'str' && v.lit.value === 'c3');
  });

  test('candidates are only runs of seven at the start of a line', () => {
    assert.deepEqual(conflictMarkerCandidates('a\n<<<<<<< x\n  =======\n# >>>>>>>\r>>>>>>>\n'), [2, 32]);
    assert.deepEqual(conflictMarkerCandidates('<<<<<< six\n'), []);
  });
});

describe('live check: Python reports what each case says', { skip: noPythonReason }, () => {
  test(`${CASES.length} cases compiled by ${PYTHON}`, () => {
    const got = compileWithPython(CASES.map((c) => c[1]));
    CASES.forEach(([name, , python], i) => assert.deepEqual(got[i] && { cls: got[i]!.cls, line: got[i]!.line, col: got[i]!.col }, python, name));
  });
});
