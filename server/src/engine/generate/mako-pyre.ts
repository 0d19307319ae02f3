// The part of Python's `re` module templates use (`re.split(r',\s*', names)` in the multidb
// template; `re.sub` in customised ones). Patterns are translated to JavaScript only where both
// engines agree; anything else is refused rather than approximated.

import { NONE, PyError, asStr, pyStr, typeName, unsupported, type PyValue } from './mako-pyvalue';

const WORD = '\\p{L}\\p{N}_';
const SPACE = '\\s\\x1c-\\x1f\\x85';

/** Translates a Python `re` pattern (str, default flags) into an equivalent JavaScript RegExp. */
export function translatePyRegex(pattern: string): RegExp {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const n = pattern[i + 1];
      i++;
      if (n === undefined) throw new PyError('re.error', 'bad escape (end of pattern)');
      if (n === 'w') out += inClass ? WORD : `[${WORD}]`;
      else if (n === 'W') out += inClass ? unsupportedEscape(n) : `[^${WORD}]`;
      else if (n === 'd') out += inClass ? '\\p{Nd}' : '\\p{Nd}';
      else if (n === 'D') out += inClass ? unsupportedEscape(n) : '\\P{Nd}';
      else if (n === 's') out += inClass ? SPACE : `[${SPACE}]`;
      else if (n === 'S') out += inClass ? unsupportedEscape(n) : `[^${SPACE}]`;
      else if (n === 'A' && !inClass) out += '(?<![\\s\\S])';
      else if (n === 'Z' && !inClass) out += '(?![\\s\\S])';
      else if ((n === 'b' || n === 'B') && !inClass) throw unsupported('\\b and \\B in a regular expression (word boundaries differ)');
      else if ('ntrfv0'.includes(n) || /[^\p{L}\p{N}]/u.test(n)) out += '\\' + n;
      else if (/[1-9]/.test(n)) out += '\\' + n;
      else throw unsupported(`the escape \\${n} in a regular expression`);
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += '\\' + pattern[++i];
      continue;
    }
    if (ch === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith(':') || rest.startsWith('=') || rest.startsWith('!') || rest.startsWith('<=') || rest.startsWith('<!')) {
        out += ch;
        continue;
      }
      if (rest.startsWith('P<')) {
        out += '(?<';
        i += 3;
        continue;
      }
      throw unsupported(`the group syntax (?${rest[0] ?? ''} in a regular expression`);
    }
    // Python's `$` also matches before a final newline.
    if (ch === '$') out += '(?=\\n?(?![\\s\\S]))';
    else if (ch === '.') out += '[^\\n]';
    else out += ch;
  }
  try {
    return new RegExp(out, 'gu');
  } catch (e) {
    throw unsupported(`the regular expression ${JSON.stringify(pattern)} (${(e as Error).message})`);
  }
}

function unsupportedEscape(n: string): never {
  throw unsupported(`\\${n} inside a character class`);
}

function matches(re: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') throw unsupported('a regular expression that matches empty text');
    found.push(m);
  }
  return found;
}

function maxCount(v: PyValue | undefined): number {
  if (v === undefined) return 0;
  if (v.kind !== 'int') throw new PyError('TypeError', `an integer is required, not '${typeName(v)}'`);
  return v.value;
}

function reSplit(args: PyValue[]): PyValue {
  if (args.length < 2 || args.length > 3) throw new PyError('TypeError', 're.split() takes 2 or 3 arguments');
  const re = translatePyRegex(asStr(args[0], 'pattern'));
  if (args[1].kind !== 'str') throw new PyError('TypeError', `expected string or bytes-like object, got '${typeName(args[1])}'`);
  const text = args[1].value;
  const limit = maxCount(args[2]);
  const out: PyValue[] = [];
  let last = 0;
  let splits = 0;
  for (const m of matches(re, text)) {
    if (limit > 0 && splits++ >= limit) break;
    out.push(pyStr(text.slice(last, m.index)));
    for (const g of m.slice(1)) out.push(g === undefined ? NONE : pyStr(g));
    last = m.index + m[0].length;
  }
  out.push(pyStr(text.slice(last)));
  return { kind: 'list', items: out };
}

function reSub(args: PyValue[]): PyValue {
  if (args.length < 3 || args.length > 4) throw new PyError('TypeError', 're.sub() takes 3 or 4 arguments');
  const re = translatePyRegex(asStr(args[0], 'pattern'));
  const repl = asStr(args[1], 'repl');
  if (/\\(?![\\n])/.test(repl.replace(/\\\\/g, ''))) throw unsupported('group references in a re.sub() replacement');
  if (args[2].kind !== 'str') throw new PyError('TypeError', `expected string or bytes-like object, got '${typeName(args[2])}'`);
  const text = args[2].value;
  const limit = maxCount(args[3]);
  const plain = repl.replace(/\\\\/g, '\\').replace(/\\n/g, '\n');
  let out = '';
  let last = 0;
  let n = 0;
  for (const m of matches(re, text)) {
    if (limit > 0 && n >= limit) break;
    out += text.slice(last, m.index) + plain;
    last = m.index + m[0].length;
    n++;
  }
  return pyStr(out + text.slice(last));
}

export const RE_MODULE: PyValue = {
  kind: 'object',
  typeName: 'module',
  attr: (name) => {
    if (name === 'split') return { kind: 'callable', name: 're.split', call: (a, kw) => (noKw(kw, 're.split'), reSplit(a)) };
    if (name === 'sub') return { kind: 'callable', name: 're.sub', call: (a, kw) => (noKw(kw, 're.sub'), reSub(a)) };
    return undefined;
  },
};

function noKw(kwargs: Map<string, PyValue>, name: string): void {
  if (kwargs.size) throw unsupported(`keyword arguments to ${name}()`);
}
