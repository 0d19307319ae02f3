// The Python statements a template may hold: `% if/elif/else/for` control lines and the simple
// statements of `<% %>` / `<%! %>` blocks (imports, assignments, pass).

import { PySyntaxError, tokenizePython } from './mako-pylex';
import { PyParser, type PyExpr } from './mako-pyparse';

export type ControlHead =
  | { kind: 'if' | 'elif'; test: PyExpr }
  | { kind: 'else' }
  | { kind: 'for'; targets: string[]; iter: PyExpr };

/** `if x:`, `elif x:`, `else:`, `for a, b in x:` (the text after `%`). */
export function parseControlHead(text: string): ControlHead {
  const p: PyParser = new PyParser(tokenizePython(text));
  let head: ControlHead;
  if (p.eatName('if') || p.isName('elif')) {
    const kind = p.eatName('elif') ? 'elif' : 'if';
    head = { kind, test: p.testList() };
  } else if (p.eatName('else')) {
    head = { kind: 'else' };
  } else if (p.eatName('for')) {
    const targets = p.targetNames();
    if (!p.eatName('in')) p.fail("expected 'in'");
    head = { kind: 'for', targets, iter: p.testList() };
  } else {
    const word = p.peek().value;
    throw new PySyntaxError(`the control keyword '${word}' is not supported (only if/elif/else/for)`, 0);
  }
  p.expectOp(':');
  if (!p.atEnd()) p.fail('unexpected text after the colon');
  return head;
}

export type PyStatement = { line: number } & (
  | { kind: 'import'; module: string; alias: string }
  | { kind: 'assign'; targets: string[][]; value: PyExpr }
  | { kind: 'augassign'; target: string; op: string; value: PyExpr }
  | { kind: 'pass' }
  /** An expression evaluated for its effect (`context.write(...)`). */
  | { kind: 'expr'; value: PyExpr }
);

/**
 * The statements of a code block, one per logical line (brackets and `\` continue a line).
 * `line` is the zero-based line offset inside the block. Compound statements are refused.
 */
export function parseCodeBlock(code: string): PyStatement[] {
  const out: PyStatement[] = [];
  const lines = splitLogicalLines(code);
  const indents = lines.map((l) => /^[ \t]*/.exec(l.text)![0]);
  const base = indents[0] ?? '';
  lines.forEach((l, n) => {
    if (indents[n] !== base) throw new PySyntaxError('indented blocks are not supported in <% %> code', l.offset);
    for (const piece of splitSemicolons(l.text)) out.push(parseSimpleStatement(piece, l.line));
  });
  return out;
}

function parseSimpleStatement(src: string, line: number): PyStatement {
  const p: PyParser = new PyParser(tokenizePython(src));
  if (p.eatName('pass')) {
    if (!p.atEnd()) p.fail('unexpected text after pass');
    return { kind: 'pass', line };
  }
  if (p.eatName('import')) {
    const module = dotted(p);
    const alias = p.eatName('as') ? p.identifier() : module.split('.')[0];
    if (!p.atEnd()) p.fail('only one module per import statement is supported');
    return { kind: 'import', module, alias, line };
  }
  if (p.eatName('from')) {
    const module = dotted(p);
    if (!p.eatName('import')) p.fail("expected 'import'");
    const name = p.identifier();
    const alias = p.eatName('as') ? p.identifier() : name;
    if (!p.atEnd()) p.fail('only one name per from-import statement is supported');
    return { kind: 'import', module: `${module}.${name}`, alias, line };
  }
  const first = p.testList();
  const augOps = ['+=', '-=', '*=', '%='];
  const aug = augOps.find((o) => p.isOp(o));
  if (aug) {
    p.next();
    if (first.t !== 'name') p.fail('augmented assignment needs a plain name');
    const value = p.testList();
    if (!p.atEnd()) p.fail('unexpected text after the statement');
    return { kind: 'augassign', target: first.id, op: aug.slice(0, -1), value, line };
  }
  if (p.atEnd()) return { kind: 'expr', value: first, line };
  if (!p.isOp('=')) p.fail('only imports, assignments, expressions and pass are supported in <% %> code');
  const chain: PyExpr[] = [first];
  while (p.eatOp('=')) chain.push(p.testList());
  if (!p.atEnd()) p.fail('unexpected text after the statement');
  const value = chain.pop()!;
  return { kind: 'assign', targets: chain.map(targetOf), value, line };
}

function targetOf(e: PyExpr): string[] {
  if (e.t === 'name') return [e.id];
  if (e.t === 'tuple' || e.t === 'list') {
    return e.items.map((x) => {
      if (x.t !== 'name') throw new PySyntaxError('only names can be assigned to', x.pos);
      return x.id;
    });
  }
  throw new PySyntaxError('only names can be assigned to', e.pos);
}

function dotted(p: PyParser): string {
  let name = p.identifier();
  while (p.eatOp('.')) name += '.' + p.identifier();
  return name;
}

interface LogicalLine {
  text: string;
  line: number;
  offset: number;
}

/** Splits source into logical lines, skipping blank and comment-only ones. */
function splitLogicalLines(code: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let depth = 0;
  let start = 0;
  let startLine = 0;
  let line = 0;
  let i = 0;
  const push = (end: number): void => {
    const text = code.slice(start, end);
    if (text.replace(/#[^\n]*/g, '').trim() !== '') out.push({ text: text.replace(/^(?:[ \t]*(?:#[^\n]*)?\r?\n)+/, ''), line: startLine, offset: start });
  };
  while (i < code.length) {
    const ch = code[i];
    if (ch === '#') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      i = skipString(code, i);
      continue;
    }
    if (ch === '\\' && code[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === '\n') {
      line++;
      if (depth <= 0) {
        push(i);
        start = i + 1;
        startLine = line;
      }
    }
    i++;
  }
  push(code.length);
  return out;
}

function skipString(code: string, i: number): number {
  const q = code[i];
  const triple = code.startsWith(q.repeat(3), i);
  const quote = triple ? q.repeat(3) : q;
  let j = i + quote.length;
  while (j < code.length && !code.startsWith(quote, j)) j += code[j] === '\\' ? 2 : 1;
  return j + quote.length;
}

function splitSemicolons(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      i = skipString(text, i) - 1;
      continue;
    }
    if (ch === '#') break;
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ';' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.filter((p) => p.trim() !== '');
}
