// A recursive-descent parser for the Python expression subset templates use, with Python's
// precedence. Statements (control lines, `<% %>` code) are parsed in mako-pystmt.ts on top of it.

import { PySyntaxError, tokenizePython, unescapePython, type PyToken } from './mako-pylex';

export type FStringPart = string | { expr: PyExpr; conversion: 'r' | 's' | null };

export type PyExpr = { pos: number } & (
  | { t: 'name'; id: string }
  | { t: 'int'; value: number }
  | { t: 'str'; value: string }
  | { t: 'fstr'; parts: FStringPart[] }
  | { t: 'const'; value: 'None' | 'True' | 'False' }
  | { t: 'tuple' | 'list'; items: PyExpr[] }
  | { t: 'dict'; entries: [PyExpr, PyExpr][] }
  | { t: 'attr'; obj: PyExpr; name: string }
  | { t: 'index'; obj: PyExpr; index: PyExpr }
  | { t: 'slice'; obj: PyExpr; lower: PyExpr | null; upper: PyExpr | null; step: PyExpr | null }
  | { t: 'call'; fn: PyExpr; args: PyExpr[]; kwargs: [string, PyExpr][] }
  | { t: 'unary'; op: 'not' | '-' | '+'; operand: PyExpr }
  | { t: 'binary'; op: string; left: PyExpr; right: PyExpr }
  | { t: 'boolop'; op: 'and' | 'or'; left: PyExpr; right: PyExpr }
  | { t: 'compare'; first: PyExpr; rest: [string, PyExpr][] }
  | { t: 'ifexp'; test: PyExpr; body: PyExpr; orelse: PyExpr }
  | { t: 'comprehension'; kind: 'list' | 'gen'; elt: PyExpr; target: string[]; iter: PyExpr; conds: PyExpr[] }
);

const KEYWORDS = new Set([
  'and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'lambda', 'None', 'True', 'False', 'await', 'yield',
  'import', 'from', 'as', 'elif', 'while', 'def', 'class', 'return', 'pass', 'del', 'global', 'with',
]);

export class PyParser {
  private i = 0;
  constructor(private readonly toks: PyToken[]) {}

  static of(src: string): PyParser {
    return new PyParser(tokenizePython(src));
  }

  peek(offset = 0): PyToken {
    return this.toks[Math.min(this.i + offset, this.toks.length - 1)];
  }
  next(): PyToken {
    return this.toks[this.i++];
  }
  isOp(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'op' && t.value === v;
  }
  isName(v: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'name' && t.value === v;
  }
  eatOp(v: string): boolean {
    if (!this.isOp(v)) return false;
    this.i++;
    return true;
  }
  eatName(v: string): boolean {
    if (!this.isName(v)) return false;
    this.i++;
    return true;
  }
  expectOp(v: string): void {
    if (!this.eatOp(v)) this.fail(`expected '${v}'`);
  }
  atEnd(): boolean {
    return this.peek().type === 'end';
  }
  fail(message: string): never {
    const t = this.peek();
    throw new PySyntaxError(`${message}, found ${t.type === 'end' ? 'end of expression' : `'${t.value}'`}`, t.pos);
  }
  identifier(): string {
    const t = this.peek();
    if (t.type !== 'name' || KEYWORDS.has(t.value)) this.fail('expected a name');
    this.i++;
    return t.value;
  }

  /** A whole expression list (`a, b` makes a tuple), as Python's `testlist`. */
  testList(): PyExpr {
    const first = this.test();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.eatOp(',')) {
      if (this.endsList()) break;
      items.push(this.test());
    }
    return { t: 'tuple', items, pos: first.pos };
  }

  private endsList(): boolean {
    const t = this.peek();
    return t.type === 'end' || (t.type === 'op' && [')', ']', '}', '=', ':'].includes(t.value));
  }

  test(): PyExpr {
    if (this.isName('lambda')) this.fail('lambda is not supported');
    const body = this.orTest();
    if (!this.eatName('if')) return body;
    const test = this.orTest();
    if (!this.eatName('else')) this.fail("expected 'else'");
    return { t: 'ifexp', test, body, orelse: this.test(), pos: body.pos };
  }

  private orTest(): PyExpr {
    let left = this.andTest();
    while (this.eatName('or')) left = { t: 'boolop', op: 'or', left, right: this.andTest(), pos: left.pos };
    return left;
  }

  private andTest(): PyExpr {
    let left = this.notTest();
    while (this.eatName('and')) left = { t: 'boolop', op: 'and', left, right: this.notTest(), pos: left.pos };
    return left;
  }

  private notTest(): PyExpr {
    const pos = this.peek().pos;
    if (this.eatName('not')) return { t: 'unary', op: 'not', operand: this.notTest(), pos };
    return this.comparison();
  }

  private comparison(): PyExpr {
    const first = this.bitOr();
    const rest: [string, PyExpr][] = [];
    for (;;) {
      let op: string | null = null;
      const t = this.peek();
      if (t.type === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(t.value)) op = t.value;
      else if (this.isName('in')) op = 'in';
      else if (this.isName('not') && this.isName('in', 1)) op = 'not in';
      else if (this.isName('is')) op = this.isName('not', 1) ? 'is not' : 'is';
      if (op === null) break;
      this.i += op.includes(' ') ? 2 : 1;
      rest.push([op, this.bitOr()]);
    }
    return rest.length ? { t: 'compare', first, rest, pos: first.pos } : first;
  }

  private binaryLevel(ops: string[], sub: () => PyExpr): PyExpr {
    let left = sub();
    for (;;) {
      const t = this.peek();
      if (t.type !== 'op' || !ops.includes(t.value)) return left;
      this.i++;
      left = { t: 'binary', op: t.value, left, right: sub(), pos: left.pos };
    }
  }
  private bitOr = (): PyExpr => this.binaryLevel(['|'], this.bitXor);
  private bitXor = (): PyExpr => this.binaryLevel(['^'], this.bitAnd);
  private bitAnd = (): PyExpr => this.binaryLevel(['&'], this.shift);
  private shift = (): PyExpr => this.binaryLevel(['<<', '>>'], this.arith);
  private arith = (): PyExpr => this.binaryLevel(['+', '-'], this.term);
  private term = (): PyExpr => this.binaryLevel(['*', '/', '//', '%', '@'], this.factor);

  private factor = (): PyExpr => {
    const t = this.peek();
    if (t.type === 'op' && (t.value === '-' || t.value === '+')) {
      this.i++;
      return { t: 'unary', op: t.value, operand: this.factor(), pos: t.pos };
    }
    if (t.type === 'op' && t.value === '~') this.fail("operator '~' is not supported");
    const base = this.atomExpr();
    if (this.eatOp('**')) return { t: 'binary', op: '**', left: base, right: this.factor(), pos: base.pos };
    return base;
  };

  private atomExpr(): PyExpr {
    let e = this.atom();
    for (;;) {
      if (this.eatOp('.')) {
        e = { t: 'attr', obj: e, name: this.identifier(), pos: e.pos };
      } else if (this.eatOp('(')) {
        e = this.callRest(e);
      } else if (this.eatOp('[')) {
        e = this.subscriptRest(e);
      } else {
        return e;
      }
    }
  }

  private callRest(fn: PyExpr): PyExpr {
    const args: PyExpr[] = [];
    const kwargs: [string, PyExpr][] = [];
    while (!this.isOp(')')) {
      if (this.isOp('*') || this.isOp('**')) this.fail('argument unpacking is not supported');
      if (this.peek().type === 'name' && this.isOp('=', 1)) {
        const name = this.identifier();
        this.next();
        kwargs.push([name, this.test()]);
      } else {
        if (kwargs.length) this.fail('positional argument follows keyword argument');
        const arg = this.test();
        if (this.isName('for')) {
          args.push(this.comprehensionRest(arg, 'gen'));
        } else {
          args.push(arg);
        }
      }
      if (!this.eatOp(',')) break;
    }
    this.expectOp(')');
    return { t: 'call', fn, args, kwargs, pos: fn.pos };
  }

  private subscriptRest(obj: PyExpr): PyExpr {
    const part = (): PyExpr | null => (this.isOp(':') || this.isOp(']') ? null : this.test());
    const lower = part();
    if (!this.eatOp(':')) {
      if (lower === null) this.fail('expected a subscript');
      this.expectOp(']');
      return { t: 'index', obj, index: lower, pos: obj.pos };
    }
    const upper = part();
    const step = this.eatOp(':') ? part() : null;
    this.expectOp(']');
    return { t: 'slice', obj, lower, upper, step, pos: obj.pos };
  }

  private comprehensionRest(elt: PyExpr, kind: 'list' | 'gen'): PyExpr {
    this.eatName('for');
    const target = this.targetNames();
    if (!this.eatName('in')) this.fail("expected 'in'");
    const iter = this.orTest();
    const conds: PyExpr[] = [];
    while (this.eatName('if')) conds.push(this.orTest());
    if (this.isName('for')) this.fail('nested comprehensions are not supported');
    return { t: 'comprehension', kind, elt, target, iter, conds, pos: elt.pos };
  }

  /** `name` or `a, b` or `(a, b)`: the targets of a `for`. */
  targetNames(): string[] {
    const paren = this.eatOp('(');
    const names = [this.identifier()];
    while (this.eatOp(',')) {
      if (this.isName('in') || this.isOp(')') || this.isOp('=')) break;
      names.push(this.identifier());
    }
    if (paren) this.expectOp(')');
    return names;
  }

  private atom(): PyExpr {
    const t = this.peek();
    if (t.type === 'int') {
      this.i++;
      return { t: 'int', value: t.value, pos: t.pos };
    }
    if (t.type === 'str') return this.strings();
    if (t.type === 'name') {
      if (t.value === 'None' || t.value === 'True' || t.value === 'False') {
        this.i++;
        return { t: 'const', value: t.value, pos: t.pos };
      }
      return { t: 'name', id: this.identifier(), pos: t.pos };
    }
    if (this.eatOp('(')) {
      if (this.eatOp(')')) return { t: 'tuple', items: [], pos: t.pos };
      const first = this.test();
      if (this.isName('for')) {
        const gen = this.comprehensionRest(first, 'gen');
        this.expectOp(')');
        return gen;
      }
      if (this.eatOp(')')) return first;
      const items = [first];
      while (this.eatOp(',')) {
        if (this.isOp(')')) break;
        items.push(this.test());
      }
      this.expectOp(')');
      return { t: 'tuple', items, pos: t.pos };
    }
    if (this.eatOp('[')) {
      const items: PyExpr[] = [];
      if (!this.isOp(']')) {
        const first = this.test();
        if (this.isName('for')) {
          const comp = this.comprehensionRest(first, 'list');
          this.expectOp(']');
          return comp;
        }
        items.push(first);
        while (this.eatOp(',')) {
          if (this.isOp(']')) break;
          items.push(this.test());
        }
      }
      this.expectOp(']');
      return { t: 'list', items, pos: t.pos };
    }
    if (this.eatOp('{')) {
      const entries: [PyExpr, PyExpr][] = [];
      while (!this.isOp('}')) {
        const key = this.test();
        if (!this.eatOp(':')) this.fail('set literals are not supported; expected');
        entries.push([key, this.test()]);
        if (!this.eatOp(',')) break;
      }
      this.expectOp('}');
      return { t: 'dict', entries, pos: t.pos };
    }
    this.fail('expected an expression');
  }

  /** Adjacent literals concatenate (`'a' "b"`); any f-string among them makes the whole an f-string. */
  private strings(): PyExpr {
    const pos = this.peek().pos;
    const parts: FStringPart[] = [];
    let anyF = false;
    while (this.peek().type === 'str') {
      const t = this.next() as Extract<PyToken, { type: 'str' }>;
      if (t.fstring) {
        anyF = true;
        parts.push(...parseFStringBody(t.value, t.raw, t.pos));
      } else {
        parts.push(t.value);
      }
    }
    if (!anyF) return { t: 'str', value: parts.join(''), pos };
    return { t: 'fstr', parts, pos };
  }
}

/** `{expr}`, `{expr!r}`, `{{`, `}}`; format specs are not supported. */
function parseFStringBody(body: string, raw: boolean, pos: number): FStringPart[] {
  const parts: FStringPart[] = [];
  let text = '';
  const flush = (): void => {
    if (text) parts.push(raw ? text : unescapePython(text, pos));
    text = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if ((ch === '{' || ch === '}') && body[i + 1] === ch) {
      text += ch;
      i++;
      continue;
    }
    if (ch === '}') throw new PySyntaxError("f-string: single '}' is not allowed", pos);
    if (ch !== '{') {
      text += ch;
      continue;
    }
    flush();
    let depth = 0;
    let j = i + 1;
    for (; j < body.length; j++) {
      const c = body[j];
      if ('([{'.includes(c)) depth++;
      else if (')]'.includes(c) || (c === '}' && depth > 0)) depth--;
      else if (depth === 0 && (c === '}' || c === '!' || c === ':') && body[j + 1] !== '=') break;
    }
    const inner = body.slice(i + 1, j);
    let conversion: 'r' | 's' | null = null;
    if (body[j] === '!') {
      const c = body[j + 1];
      if (c !== 'r' && c !== 's') throw new PySyntaxError('f-string: only !r and !s conversions are supported', pos);
      conversion = c;
      j += 2;
    }
    if (body[j] === ':') throw new PySyntaxError('f-string format specs are not supported', pos);
    if (body[j] !== '}') throw new PySyntaxError("f-string: expecting '}'", pos);
    const p = PyParser.of(inner);
    const expr = p.testList();
    if (!p.atEnd()) p.fail('unexpected text in f-string expression');
    parts.push({ expr, conversion });
    i = j;
  }
  flush();
  return parts;
}

/** Parses one complete expression (a `${}` body or a filter argument). */
export function parsePyExpression(src: string): PyExpr {
  const p = PyParser.of(src);
  if (p.atEnd()) throw new PySyntaxError('empty expression', 0);
  const e = p.testList();
  if (!p.atEnd()) p.fail('unexpected text after the expression');
  return e;
}
