// "expected an indented block": CPython's parser names the statement that opened the missing block
// and its line (`after function definition on line 5`, `after 'if' statement on line 3`), and places
// the error at the first line that is not indented, or at the end of the file (after a final CRLF, at
// the start of the line it opens). Each case states what /usr/bin/python3 (3.11) reports when it
// compiles the file's bytes: message, line and column (1-based); the live check asks it again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMigrationText } from '../../server/src/engine/python/parse';
import { compileWithPython, noPythonReason, PYTHON } from '../helpers/pythonCompile';

const CASES: [source: string, python: [message: string, line: number, col: number]][] = [
  ["def f():\nx\n", ["expected an indented block after function definition on line 1",2,1]],
  ["async def f():\nx\n", ["expected an indented block after function definition on line 1",2,1]],
  ["@d\ndef f(a,\n b):\nx\n", ["expected an indented block after function definition on line 2",4,1]],
  ["class A(B):\nx\n", ["expected an indented block after class definition on line 1",2,1]],
  ["if x:\nx\n", ["expected an indented block after 'if' statement on line 1",2,1]],
  ["if x:\n  y\nelif z:\nx\n", ["expected an indented block after 'elif' statement on line 3",4,1]],
  ["if x:\n  y\nelse:\nx\n", ["expected an indented block after 'else' statement on line 3",4,1]],
  ["while x:\nx\n", ["expected an indented block after 'while' statement on line 1",2,1]],
  ["for a in b:\nx\n", ["expected an indented block after 'for' statement on line 1",2,1]],
  ["async def g():\n async for a in b:\n x\n", ["expected an indented block after 'for' statement on line 2",3,2]],
  ["with (a as b, c):\nx\n", ["expected an indented block after 'with' statement on line 1",2,1]],
  ["try:\nx\n", ["expected an indented block after 'try' statement on line 1",2,1]],
  ["try:\n y\nexcept E:\nx\n", ["expected an indented block after 'except' statement on line 3",4,1]],
  ["try:\n y\nexcept* E:\nx\n", ["expected an indented block after 'except*' statement on line 3",4,1]],
  ["try:\n y\nfinally:\nx\n", ["expected an indented block after 'finally' statement on line 3",4,1]],
  ["match x:\nx\n", ["expected an indented block after 'match' statement on line 1",2,1]],
  ["match x:\n case 1:\n x\n", ["expected an indented block after 'case' statement on line 2",3,2]],
  ["if (x and\n    y):\nx\n", ["expected an indented block after 'if' statement on line 1",3,1]],
  ["try:\n y\nexcept E:\n z\nelse:\nx\n", ["expected an indented block after 'else' statement on line 5",6,1]],
  ["def f():\r\n    x = 1\r\n    if x:\r\n    y\r\n", ["expected an indented block after 'if' statement on line 3",4,5]],
  ["def f():\n", ["expected an indented block after function definition on line 1",1,9]],
  ["def f():", ["expected an indented block after function definition on line 1",1,9]],
  ["def f():\n\n\n", ["expected an indented block after function definition on line 1",3,1]],
  ["def f():   \n", ["expected an indented block after function definition on line 1",1,12]],
  ["def f():  # x\n", ["expected an indented block after function definition on line 1",1,14]],
  ["def f():\n    # c\n   \n", ["expected an indented block after function definition on line 1",3,4]],
  ["def f():\r\n    # c\r\n", ["expected an indented block after function definition on line 1",3,1]],
  ["def f():\r    # c\r", ["expected an indented block after function definition on line 1",2,8]],
  ["def upgrade():\n    pass\n\n\ndef downgrade():\n    # nothing to undo\n", ["expected an indented block after function definition on line 5",6,22]],
];

function engineReport(source: string): [string, number, number] | null {
  const e = parseMigrationText(source).syntaxErrors[0];
  if (!e) return null;
  const m = /^Python cannot import this file: IndentationError: (.*)\.$/.exec(e.message);
  return [m ? m[1] : e.message, e.span.start.line + 1, e.span.start.character + 1];
}

describe('a missing indented block, as CPython reports it', () => {
  for (const [source, python] of CASES) test(JSON.stringify(source), () => assert.deepEqual(engineReport(source), python));
});

describe('live check: Python reports what each block case says', { skip: noPythonReason }, () => {
  test(`${CASES.length} cases compiled by ${PYTHON}`, () => {
    const got = compileWithPython(CASES.map((c) => c[0]));
    CASES.forEach(([source, python], i) => assert.deepEqual(got[i] && [got[i]!.msg, got[i]!.line, got[i]!.col], python, JSON.stringify(source)));
    assert.ok(got.every((e) => e?.cls === 'IndentationError'), 'every case is an IndentationError');
  });
});
