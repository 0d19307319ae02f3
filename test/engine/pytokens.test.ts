// The tokenizer and string evaluation. String values were produced by Python 3.11 (ast.literal_eval /
// eval of the same literal) and hard-coded here.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LEX_RAISES, LEX_STOPS, OP_ARROW, OP_AUGASSIGN, OP_ELLIPSIS, OP_OTHER, OP_WALRUS, S_BYTES, S_FIELDS, S_FORMAT, S_RAW, S_TRIPLE, S_UNTERMINATED,
  TK_NAME, TK_NUMBER, TK_OP, TK_STRING, Tokenizer,
} from '../../server/src/engine/python/pytokens';
import { evalString } from '../../server/src/engine/python/pystrings';

interface Line { level: number; tokens: [number, string, number][] }

function lines(src: string): { lines: Line[]; error: string | null } {
  const tk = new Tokenizer(src);
  const out: Line[] = [];
  while (tk.nextLine()) {
    const tokens: [number, string, number][] = [];
    for (let i = 0; i < tk.count; i++) tokens.push([tk.kind[i], src.slice(tk.start[i], tk.end[i]), tk.aux[i]]);
    out.push({ level: tk.level, tokens });
  }
  return { lines: out, error: tk.error ? tk.error.message : null };
}

const texts = (l: Line) => l.tokens.map((t) => t[1]);

describe('tokenizer: logical lines', () => {
  test('brackets join physical lines; comments and blank lines vanish', () => {
    const r = lines('x = (1,  # c\n\n  2)\n# only comment\n\ny = [\n]\n');
    assert.deepEqual(r.lines.map(texts), [['x', '=', '(', '1', ',', '2', ')'], ['y', '=', '[', ']']]);
    assert.equal(r.error, null);
  });

  test('backslash continuation, CRLF and lone CR line ends', () => {
    const r = lines('a = 1 + \\\r\n  2\rb = 3\r\nc = 4');
    assert.deepEqual(r.lines.map(texts), [['a', '=', '1', '+', '2'], ['b', '=', '3'], ['c', '=', '4']]);
  });

  test('indentation levels follow Python (tabs to multiples of 8)', () => {
    const r = lines('if a:\n    b\n    if c:\n\td\n    e\nf\n');
    assert.deepEqual(r.lines.map((l) => l.level), [0, 1, 1, 2, 1, 0]);
    assert.equal(r.error, 'TabError: inconsistent use of tabs and spaces in indentation');
  });

  test('tabs used consistently are fine', () => {
    const r = lines('if a:\n\tb\n\tif c:\n\t\td\ne\n');
    assert.deepEqual(r.lines.map((l) => l.level), [0, 1, 1, 2, 0]);
    assert.equal(r.error, null);
  });

  test('a one-line compound statement opens no block', () => {
    assert.equal(lines('if a: b = 1\n    c\n').error, 'IndentationError: unexpected indent');
  });

  test('bracket pairs are recorded', () => {
    const tk = new Tokenizer('x = f(a[1], {2: (3)})\n');
    tk.nextLine();
    assert.equal(tk.pair[3], 16); // f( ... )
    assert.equal(tk.pair[5], 7); // a[1]
    assert.equal(tk.pair[9], 15); // {2: (3)}
    assert.equal(tk.pair[12], 14); // (3)
    assert.equal(tk.pair[4], -1); // not a bracket
  });
});

describe('tokenizer: tokens', () => {
  test('names, numbers and operators', () => {
    const [l] = lines('x: int = 0x_ff + 1_000.5e-3j ** 2 // .5 -> ... := a @= b != c <> d\n').lines;
    assert.deepEqual(l.tokens.map((t) => [t[0], t[1]]), [
      [TK_NAME, 'x'], [TK_OP, ':'], [TK_NAME, 'int'], [TK_OP, '='], [TK_NUMBER, '0x_ff'], [TK_OP, '+'],
      [TK_NUMBER, '1_000.5e-3j'], [TK_OP, '**'], [TK_NUMBER, '2'], [TK_OP, '//'], [TK_NUMBER, '.5'],
      [TK_OP, '->'], [TK_OP, '...'], [TK_OP, ':='], [TK_NAME, 'a'], [TK_OP, '@='], [TK_NAME, 'b'],
      [TK_OP, '!='], [TK_NAME, 'c'], [TK_OP, '<>'], [TK_NAME, 'd'],
    ]);
    const ops = l.tokens.filter((t) => t[0] === TK_OP).map((t) => t[2]);
    assert.deepEqual(ops, [58, 61, 43, OP_OTHER, OP_OTHER, OP_ARROW, OP_ELLIPSIS, OP_WALRUS, OP_AUGASSIGN, OP_OTHER, OP_OTHER]);
  });

  test('string prefixes in any case; invalid prefixes are names', () => {
    const [l] = lines(`a(r'x', Rb"x", bR'x', F'x', rf"x", u'x', ur'x', b'''x''', t'x')\n`).lines;
    const strs = l.tokens.filter((t) => t[0] === TK_STRING).map((t) => [t[1], t[2] & 0xff]);
    assert.deepEqual(strs, [
      ["r'x'", S_RAW | 128], ['Rb"x"', S_RAW | S_BYTES | 128], ["bR'x'", S_RAW | S_BYTES | 128], ["F'x'", S_FORMAT | 128],
      ['rf"x"', S_RAW | S_FORMAT | 128], ["u'x'", 128], ["'x'", 128], ["b'''x'''", S_BYTES | S_TRIPLE | 128], ["t'x'", S_FORMAT | 8 | 128],
    ]);
    assert.ok(l.tokens.some((t) => t[0] === TK_NAME && t[1] === 'ur'));
  });

  test('f-strings: fields, nested quotes (3.12), format specs, doubled braces', () => {
    const src = `x = f"{a['k']!r:>{w}} {{lit}} {f'{1}'}" + f'{{}}'\n`;
    const [l] = lines(src).lines;
    assert.deepEqual(texts(l), ['x', '=', `f"{a['k']!r:>{w}} {{lit}} {f'{1}'}"`, '+', "f'{{}}'"]);
    assert.ok(l.tokens[2][2] & S_FIELDS);
    assert.ok(!(l.tokens[4][2] & S_FIELDS));
    assert.equal(lines(`f"{x["a"]}"\n`).error, null, 'PEP 701 nesting is valid in Python 3.12+');
    // 3.12+: a comment inside a field spread over lines; its quote opens no string (test_fstring.py).
    const commented = lines(`x = f'''\n{ # the following operation it's\n3 # a number\n* 2}'''\ny = 1\n`);
    assert.equal(commented.error, null);
    assert.equal(commented.lines.length, 2);
  });

  test('a string containing comment and bracket characters', () => {
    const r = lines(`x = "# (not [a comment" + '\\'' + "\\""\ny = 1\n`);
    assert.equal(r.lines.length, 2);
    assert.equal(r.error, null);
  });

  test('non-ASCII identifiers are names; other characters are errors', () => {
    assert.equal(lines('café = ñ = 数据 = 1\n').error, null);
    assert.equal(lines('x = 1 € 2\n').error, 'SyntaxError: invalid character U+20AC');
    assert.equal(lines('x\u00a0= 1\n').error, 'SyntaxError: invalid non-printable character U+00A0');
  });
});

describe('tokenizer: errors Python stops at', () => {
  const cases: [string, string, RegExp][] = [
    ['unterminated string', "x = 'abc\ny = 1\n", /unterminated string literal/],
    ['unterminated triple string', 'x = """abc\n\ny = 1\n', /unterminated triple-quoted string literal/],
    ['unclosed bracket', 'x = (1,\ny = 2\n', /'\(' was never closed/],
    ['unmatched closer', 'x = 1)\n', /unmatched '\)'/],
    ['mismatched closer', 'x = [1)\n', /closing parenthesis '\)' does not match opening parenthesis '\['/],
    ['stray $', 'x = $\n', /unexpected character '\$'/],
    ['stray ?', 'x = a ? b\n', /unexpected character '\?'/],
    ['lone !', 'x = !a\n', /lone '!'/],
    ['backslash not at line end', 'x = 1 \\ 2\n', /unexpected character after line continuation character/],
    ['backslash at EOF', 'x = 1 \\', /unexpected EOF/],
    ['unexpected indent', 'x = 1\n  y = 2\n', /IndentationError: unexpected indent/],
    ['expected an indented block', 'if x:\ny = 1\n', /IndentationError: expected an indented block/],
    ['block header at EOF', 'def f():\n', /IndentationError: expected an indented block/],
    ['unindent mismatch', 'if x:\n    a\n  b\n', /unindent does not match/],
    ['too many nested parentheses', 'x = ' + '('.repeat(201) + ')'.repeat(201) + '\n', /too many nested parentheses/],
    ['vertical tab', 'x = 1\x0b\n', /non-printable character U\+000B/],
  ];
  for (const [name, src, re] of cases) {
    test(name, () => {
      const r = lines(src);
      assert.ok(r.error, 'an error is reported');
      assert.match(r.error ?? '', re);
    });
  }

  test('200 nested parentheses are still fine', () => {
    assert.equal(lines('x = ' + '('.repeat(200) + ')'.repeat(200) + '\n').error, null);
  });

  test('only the first error is kept, with its offsets', () => {
    const tk = new Tokenizer('x = 1\ny = $\nz = ?\n');
    while (tk.nextLine());
    assert.deepEqual(tk.error, { message: "SyntaxError: invalid syntax: unexpected character '$'", start: 10, end: 11, generic: true });
  });

  test("CPython's own tokenizer errors are all kept, in order, with how it treats each and the bracket open then", () => {
    const tk = new Tokenizer("x = $\nf(1 \\ 2,\n  'abc\n)\ny = )\n");
    while (tk.nextLine());
    assert.equal(tk.error?.generic, true, 'the first error is the parser\'s, not in lexErrors');
    const f = 6; // offset of 'f'
    assert.deepEqual(tk.lexErrors?.map((e) => [e.message, e.kind, e.openBracket]), [
      ['SyntaxError: unexpected character after line continuation character', LEX_STOPS, f + 1],
      ['SyntaxError: unterminated string literal', LEX_RAISES, f + 1],
      ["SyntaxError: unmatched ')'", LEX_RAISES, -1],
    ]);
    assert.ok(tk.lexErrors!.every((e, i, all) => i === 0 || all[i - 1].at <= e.at));
  });

  test('no tokenizer error, no list', () => {
    const tk = new Tokenizer('x = (1,\n  2)\n');
    while (tk.nextLine());
    assert.equal(tk.lexErrors, null);
  });

  test('an unterminated string stops at its line end and tokenizing goes on', () => {
    const r = lines("x = 'abc\ny = 1\n");
    assert.deepEqual(r.lines.map(texts), [['x', '=', "'abc"], ['y', '=', '1']]);
    const tk = new Tokenizer("x = 'abc\n");
    tk.nextLine();
    assert.ok(tk.aux[2] & S_UNTERMINATED);
  });
});

describe('string values (as Python 3.11 evaluates them)', () => {
  const cases: [string, string][] = [
    ["'a\\tb'", 'a\tb'],
    ["'\\x41\\u00e9\\U0001F600'", 'A\u00e9\ud83d\ude00'],
    ["'\\101\\7\\0'", 'A\u0007\u0000'],
    ["'\\777'", '\u01ff'],
    ["'\\d\\q'", '\\d\\q'],
    ["r'\\d\\n'", '\\d\\n'],
    ["R'''a\\'b'''", "a\\'b"],
    ["'''a\r\nb\rc'''", 'a\nb\nc'],
    ["r'''a\\\r\nb'''", 'a\\\nb'],
    ["'a\\\r\nb'", 'ab'],
    ["f'{{x}}'", '{x}'],
    ["'\\a\\b\\f\\v\\r'", '\u0007\b\f\u000b\r'],
    ["'\\''", "'"],
    ['"\\""', '"'],
    ["f'a\\{{b'", 'a\\{b'],
    ["'\\\\'", '\\'],
  ];
  for (const [lit, value] of cases) {
    test(JSON.stringify(lit), () => {
      const tk = new Tokenizer(lit + '\n');
      tk.nextLine();
      const v = evalString(lit, tk.start[0], tk.end[0], tk.aux[0]);
      assert.equal(v.value, value);
      assert.equal(v.known, true);
      assert.equal(v.error, null);
    });
  }

  test('\\N{NAME} is left unknown; bytes and f-string fields are never known', () => {
    for (const lit of ["'\\N{BULLET}'", "b'x'", "f'{x}'", "t'x'"]) {
      const tk = new Tokenizer(lit + '\n');
      tk.nextLine();
      assert.equal(evalString(lit, tk.start[0], tk.end[0], tk.aux[0]).known, false, lit);
    }
  });

  test('escapes Python rejects', () => {
    for (const [lit, msg] of [["'\\x4'", 'truncated \\xXX escape'], ["'\\u12'", 'truncated \\uXXXX escape'], ["'\\U00110000'", 'illegal Unicode character'], ["'\\N'", 'malformed \\N character escape']]) {
      const tk = new Tokenizer(lit + '\n');
      tk.nextLine();
      assert.equal(evalString(lit, tk.start[0], tk.end[0], tk.aux[0]).error?.message, msg, lit);
    }
  });
});
