// Tokens of the Python expressions and simple statements found in `${...}`, `% if ...:` lines and
// `<% ... %>` blocks. Newlines count as blanks (Mako wraps expressions in parentheses).

export type PyToken =
  | { type: 'name'; value: string; pos: number }
  | { type: 'int'; value: number; pos: number }
  /** A string literal with its escapes resolved; an f-string keeps its raw body for the parser. */
  | { type: 'str'; value: string; pos: number; fstring: boolean; raw: boolean }
  | { type: 'op'; value: string; pos: number }
  | { type: 'end'; value: ''; pos: number };

export class PySyntaxError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
  }
}

const OPS3 = ['**=', '//=', '>>=', '<<=', '...'];
const OPS2 = ['**', '//', '==', '!=', '<=', '>=', '<<', '>>', '->', ':=', '+=', '-=', '*=', '/=', '%='];
const OPS1 = '+-*/%()[]{},:.<>|&^~=@;';
const NAME_START = /[\p{L}\p{Nl}_]/u;
const NAME_PART = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;

export function tokenizePython(src: string): PyToken[] {
  const out: PyToken[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f') {
      i++;
      continue;
    }
    if (ch === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    const prefix = /^([rRuUfFbB]{0,2})(['"])/.exec(src.slice(i, i + 4));
    if (prefix && validPrefix(prefix[1])) {
      const tok = readString(src, i, prefix[1].toLowerCase());
      out.push(tok.token);
      i = tok.end;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)(?![.eEjJ0-9a-zA-Z])/.exec(src.slice(i));
      if (!m) throw new PySyntaxError('only integer literals are supported', i);
      const text = m[1].replace(/_/g, '');
      const value = /^0[oO]/.test(text) ? parseInt(text.slice(2), 8) : /^0[bB]/.test(text) ? parseInt(text.slice(2), 2) : Number(text);
      if (!Number.isSafeInteger(value)) throw new PySyntaxError('integer literal too large', i);
      if (/^0[0-9]/.test(text) && /[1-9]/.test(text)) throw new PySyntaxError('leading zeros in decimal integer literals are not permitted', i);
      out.push({ type: 'int', value, pos: i });
      i += m[1].length;
      continue;
    }
    const cp = String.fromCodePoint(src.codePointAt(i)!);
    if (NAME_START.test(cp)) {
      let j = i + cp.length;
      while (j < src.length) {
        const c = String.fromCodePoint(src.codePointAt(j)!);
        if (!NAME_PART.test(c)) break;
        j += c.length;
      }
      out.push({ type: 'name', value: src.slice(i, j).normalize('NFKC'), pos: i });
      i = j;
      continue;
    }
    const op = OPS3.find((o) => src.startsWith(o, i)) ?? OPS2.find((o) => src.startsWith(o, i)) ?? (OPS1.includes(ch) ? ch : null);
    if (op === null) throw new PySyntaxError(`invalid character '${cp}'`, i);
    out.push({ type: 'op', value: op, pos: i });
    i += op.length;
  }
  out.push({ type: 'end', value: '', pos: src.length });
  return out;
}

function validPrefix(p: string): boolean {
  const l = p.toLowerCase();
  return ['', 'r', 'u', 'f', 'b', 'rf', 'fr', 'rb', 'br'].includes(l);
}

function readString(src: string, start: number, prefix: string): { token: PyToken; end: number } {
  if (prefix.includes('b')) throw new PySyntaxError('bytes literals are not supported', start);
  const raw = prefix.includes('r');
  const fstring = prefix.includes('f');
  let i = start + prefix.length;
  const q = src[i];
  const triple = src.startsWith(q.repeat(3), i);
  const quote = triple ? q.repeat(3) : q;
  i += quote.length;
  const bodyStart = i;
  while (true) {
    if (i >= src.length) throw new PySyntaxError('unterminated string literal', start);
    if (src[i] === '\\') {
      i += 2;
      continue;
    }
    if (!triple && src[i] === '\n') throw new PySyntaxError('unterminated string literal', start);
    if (src.startsWith(quote, i)) break;
    i++;
  }
  const body = src.slice(bodyStart, i);
  const value = fstring || raw ? body : unescapePython(body, start);
  return { token: { type: 'str', value, pos: start, fstring, raw }, end: i + quote.length };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '',
};

/** The value of a non-raw Python string body. Unknown escapes keep their backslash, as Python does. */
export function unescapePython(body: string, pos: number): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) {
      out += '\\';
      continue;
    }
    if (next === '\r' && body[i + 2] === '\n') {
      i += 2;
      continue;
    }
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
      continue;
    }
    if (/[0-7]/.test(next)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))!;
      out += String.fromCodePoint(parseInt(m[0], 8));
      i += m[0].length;
      continue;
    }
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (width) {
      const digits = body.slice(i + 2, i + 2 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(digits)) {
        throw new PySyntaxError(`truncated \\${next} escape`, pos);
      }
      out += String.fromCodePoint(parseInt(digits, 16));
      i += 1 + width;
      continue;
    }
    if (next === 'N') throw new PySyntaxError('\\N{...} escapes are not supported', pos);
    out += '\\';
  }
  return out;
}
