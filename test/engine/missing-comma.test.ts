// A missing comma, as CPython reports it: inside brackets, an expression followed at once by another is
// "invalid syntax. Perhaps you forgot a comma?" at the start of the first (pycomma.ts), and two names side
// by side in an import statement a bare "invalid syntax" at the second. Where Python says something
// else, or the shape is one not checked, nothing is reported (never a different error). Each case is
// checked at module level and in a function body, with and without the parser's fast paths; the live
// check asks /usr/bin/python3 (3.11) for each answer again.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMigrationText } from '../../server/src/engine/python/parse';
import { fastPaths } from '../../server/src/engine/python/pyruns';
import { compileWithPython, noPythonReason, PYTHON } from '../helpers/pythonCompile';

type PyAnswer = [message: string, line: number, col: number] | null;

/** Reported exactly as Python reports them. */
const REPORTED: [source: string, python: PyAnswer][] = [
  ["f(a b)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(a.b(1) c.d)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(x + y z)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(k=a b)", ["invalid syntax. Perhaps you forgot a comma?",1,5]],
  ["f(*a b)", ["invalid syntax. Perhaps you forgot a comma?",1,4]],
  ["f(**a b)", ["invalid syntax. Perhaps you forgot a comma?",1,5]],
  ["f(-a b)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(not a b)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(await a b)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["[a b]", ["invalid syntax. Perhaps you forgot a comma?",1,2]],
  ["{a b}", ["invalid syntax. Perhaps you forgot a comma?",1,2]],
  ["{k: v w}", ["invalid syntax. Perhaps you forgot a comma?",1,5]],
  ["x[a b]", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["x[1:a b]", ["invalid syntax. Perhaps you forgot a comma?",1,5]],
  ["f(lambda: a b)", ["invalid syntax. Perhaps you forgot a comma?",1,11]],
  ["def f(x=a b): pass", ["invalid syntax. Perhaps you forgot a comma?",1,9]],
  ["def f(x: a b): pass", ["invalid syntax. Perhaps you forgot a comma?",1,10]],
  ["f(a\n  b)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(a,\n  b\n  c)", ["invalid syntax. Perhaps you forgot a comma?",2,3]],
  ["f(a # c\n b)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(\"a\" \"b\" c)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(1 2)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(None x)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(a {})", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(a := 1 b)", ["invalid syntax. Perhaps you forgot a comma?",1,8]],
  ["f(x, y=a.b c.d)", ["invalid syntax. Perhaps you forgot a comma?",1,8]],
  ["f((a) b)", ["invalid syntax. Perhaps you forgot a comma?",1,4]],
  ["f(((a)) b)", ["invalid syntax. Perhaps you forgot a comma?",1,5]],
  ["f((a, b) c)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f((a for a in b) c)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f((a) + b c)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(a is not b c)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["f(a) + g(b c)", ["invalid syntax. Perhaps you forgot a comma?",1,10]],
  ["sa.Column('x' sa.Integer())", ["invalid syntax. Perhaps you forgot a comma?",1,11]],
  ["sa.Column('x', sa.String(), server_default='a' nullable=False)", ["invalid syntax. Perhaps you forgot a comma?",1,44]],
  ["op.add_column(\"t\", sa.Column(\"x\", sa.String(10) nullable=True))", ["invalid syntax. Perhaps you forgot a comma?",1,35]],
  ["x = f(g(1)h)", ["invalid syntax. Perhaps you forgot a comma?",1,7]],
  ["x = f('a'b)", ["invalid syntax. Perhaps you forgot a comma?",1,7]],
  ["import a b", ["invalid syntax",1,10]],
  ["from typing import Sequence Union", ["invalid syntax",1,29]],
  ["from a import b as c d", ["invalid syntax",1,22]],
  ["from a import (b c)", ["invalid syntax",1,18]],
  ["f(a b c d)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
];

/** Python's answer differs in kind, or the shape is not checked: the engine says nothing. */
const SILENT: [source: string, python: PyAnswer][] = [
  ["x = a b", ["invalid syntax",1,7]],
  ["f(a if b else c d)", ["invalid syntax",1,17]],
  ["[x for x in y z]", ["invalid syntax",1,15]],
  ["f(x \"a\")", ["invalid syntax",1,5]],
  ["f(print x)", ["Missing parentheses in call to 'print'. Did you mean print(...)?",1,3]],
  ["f(match x)", ["invalid syntax",1,9]],
  ["f(k=c d)", ["invalid syntax",1,7]],
  ["f(a ...)", ["invalid syntax. Perhaps you forgot a comma?",1,3]],
  ["{**a, b: c d}", ["invalid syntax",1,12]],
  ["f(x, *, y=a b)", ["iterable argument unpacking follows keyword argument unpacking",1,3]],
  ["f(a (b))", null],
  ["f(\"a\" \"b\")", null],
  ["f(1if 1 else 2)", null],
  ["x = [\n    1,\n    2\n]", null],
];

function engineReport(source: string, inBody: boolean, fast: boolean): PyAnswer {
  const before = fastPaths.enabled;
  fastPaths.enabled = fast;
  try {
    const text = inBody ? 'def upgrade():\n' + source.split('\n').map((l) => '    ' + l).join('\n') + '\n' : source + '\n';
    const e = parseMigrationText(text).syntaxErrors[0];
    if (!e) return null;
    const m = /^Python cannot import this file: SyntaxError: (.*?)\.?$/.exec(e.message);
    return [m ? m[1] : e.message, e.span.start.line + 1 - (inBody ? 1 : 0), e.span.start.character + 1 - (inBody ? 4 : 0)];
  } finally {
    fastPaths.enabled = before;
  }
}

describe('a missing comma, as CPython reports it', () => {
  for (const [source, python] of REPORTED) {
    test(JSON.stringify(source), () => {
      for (const inBody of [false, true]) for (const fast of [true, false]) assert.deepEqual(engineReport(source, inBody, fast), python, `body ${inBody}, fast paths ${fast}`);
    });
  }
  for (const [source] of SILENT) {
    test(`nothing said: ${JSON.stringify(source)}`, () => {
      for (const inBody of [false, true]) for (const fast of [true, false]) assert.equal(engineReport(source, inBody, fast), null, `body ${inBody}, fast paths ${fast}`);
    });
  }
});

describe('live check: Python answers as each missing-comma case says', { skip: noPythonReason }, () => {
  test(`${REPORTED.length + SILENT.length} cases compiled by ${PYTHON}`, () => {
    const all = [...REPORTED, ...SILENT];
    const got = compileWithPython(all.map(([source]) => source + '\n'));
    all.forEach(([source, python], i) => assert.deepEqual(got[i] && [got[i]!.msg, got[i]!.line, got[i]!.col], python, JSON.stringify(source)));
  });
});
