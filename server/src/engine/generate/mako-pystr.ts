// Methods of Python's str, list, tuple and dict that templates call (`.strip()`, `"\n".join(x)`,
// `.split(",")`...), with Python's whitespace and line-break rules.

import {
  NONE, PyError, asStr, pyBool, pyEquals, pyInt, pyIter, pyStr, typeName, unsupported, type PyValue,
} from './mako-pyvalue';

// str.isspace() characters.
const PY_SPACE = '\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
// str.splitlines() boundaries.
const LINE_BREAKS = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;

type Method = (self: PyValue, args: PyValue[]) => PyValue;


function argCount(name: string, args: PyValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw new PyError('TypeError', `${name}() takes ${min === max ? min : `from ${min} to ${max}`} arguments (${args.length} given)`);
  }
}

function stripChars(args: PyValue[], name: string): Set<string> {
  argCount(name, args, 0, 1);
  const chars = args.length && args[0].kind !== 'none' ? asStr(args[0], `${name} arg`) : PY_SPACE;
  return new Set(Array.from(chars));
}

function strip(s: string, chars: Set<string>, left: boolean, right: boolean): string {
  const cps = Array.from(s);
  let a = 0;
  let b = cps.length;
  while (left && a < b && chars.has(cps[a])) a++;
  while (right && b > a && chars.has(cps[b - 1])) b--;
  return cps.slice(a, b).join('');
}

function split(s: string, sep: PyValue | undefined, maxsplit: number): PyValue {
  if (sep === undefined || sep.kind === 'none') {
    const words: string[] = [];
    const cps = Array.from(s);
    let i = 0;
    while (i < cps.length) {
      while (i < cps.length && PY_SPACE.includes(cps[i])) i++;
      if (i >= cps.length) break;
      if (maxsplit >= 0 && words.length === maxsplit) {
        words.push(strip(cps.slice(i).join(''), new Set(Array.from(PY_SPACE)), false, true));
        break;
      }
      let j = i;
      while (j < cps.length && !PY_SPACE.includes(cps[j])) j++;
      words.push(cps.slice(i, j).join(''));
      i = j;
    }
    return { kind: 'list', items: words.map(pyStr) };
  }
  const by = asStr(sep, 'separator');
  if (by === '') throw new PyError('ValueError', 'empty separator');
  const parts: string[] = [];
  let rest = s;
  while (maxsplit < 0 || parts.length < maxsplit) {
    const at = rest.indexOf(by);
    if (at < 0) break;
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + by.length);
  }
  parts.push(rest);
  return { kind: 'list', items: parts.map(pyStr) };
}

function intArg(v: PyValue | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  if (v.kind === 'int') return v.value;
  throw new PyError('TypeError', `an integer is required, not '${typeName(v)}'`);
}

function prefixTest(self: string, arg: PyValue, name: string, test: (s: string, p: string) => boolean): PyValue {
  if (arg.kind === 'tuple') return pyBool(arg.items.some((p) => test(self, asStr(p, `${name} first arg`))));
  if (arg.kind !== 'str') {
    throw new PyError('TypeError', `${name} first arg must be str or a tuple of str, not ${typeName(arg)}`);
  }
  return pyBool(test(self, arg.value));
}

const STR_METHODS: Record<string, Method> = {
  strip: (s, a) => pyStr(strip(asStr(s, ''), stripChars(a, 'strip'), true, true)),
  lstrip: (s, a) => pyStr(strip(asStr(s, ''), stripChars(a, 'lstrip'), true, false)),
  rstrip: (s, a) => pyStr(strip(asStr(s, ''), stripChars(a, 'rstrip'), false, true)),
  lower: (s, a) => (argCount('lower', a, 0, 0), pyStr(asStr(s, '').toLowerCase())),
  upper: (s, a) => (argCount('upper', a, 0, 0), pyStr(asStr(s, '').toUpperCase())),
  split: (s, a) => (argCount('split', a, 0, 2), split(asStr(s, ''), a[0], intArg(a[1], -1))),
  splitlines: (s, a) => {
    argCount('splitlines', a, 0, 0);
    const text = asStr(s, '');
    const lines = text.split(LINE_BREAKS);
    if (lines.length && lines[lines.length - 1] === '') lines.pop();
    return { kind: 'list', items: lines.map(pyStr) };
  },
  join: (s, a) => {
    argCount('join', a, 1, 1);
    const items = pyIter(a[0]).map((x, i) => {
      if (x.kind !== 'str') throw new PyError('TypeError', `sequence item ${i}: expected str instance, ${typeName(x)} found`);
      return x.value;
    });
    return pyStr(items.join(asStr(s, '')));
  },
  replace: (s, a) => {
    argCount('replace', a, 2, 3);
    const from = asStr(a[0], 'replace() argument 1');
    const to = asStr(a[1], 'replace() argument 2');
    const count = intArg(a[2], -1);
    if (from === '') throw unsupported("str.replace() with an empty 'old' string");
    const parts = asStr(s, '').split(from);
    if (count < 0 || parts.length - 1 <= count) return pyStr(parts.join(to));
    return pyStr(parts.slice(0, count + 1).join(to) + from + parts.slice(count + 1).join(from));
  },
  startswith: (s, a) => (argCount('startswith', a, 1, 1), prefixTest(asStr(s, ''), a[0], 'startswith', (x, p) => x.startsWith(p))),
  endswith: (s, a) => (argCount('endswith', a, 1, 1), prefixTest(asStr(s, ''), a[0], 'endswith', (x, p) => x.endsWith(p))),
  count: (s, a) => {
    argCount('count', a, 1, 1);
    const sub = asStr(a[0], 'count() argument');
    const text = asStr(s, '');
    if (sub === '') return pyInt(Array.from(text).length + 1);
    return pyInt(text.split(sub).length - 1);
  },
  find: (s, a) => {
    argCount('find', a, 1, 1);
    const text = asStr(s, '');
    const at = text.indexOf(asStr(a[0], 'find() argument'));
    return pyInt(at < 0 ? -1 : Array.from(text.slice(0, at)).length);
  },
  isidentifier: (s, a) => (argCount('isidentifier', a, 0, 0), pyBool(/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*$/u.test(asStr(s, '')))),
  isdigit: (s, a) => (argCount('isdigit', a, 0, 0), pyBool(/^\p{Nd}+$/u.test(asStr(s, '')))),
  zfill: (s, a) => {
    argCount('zfill', a, 1, 1);
    const text = asStr(s, '');
    const width = intArg(a[0], 0);
    const cps = Array.from(text);
    if (cps.length >= width) return pyStr(text);
    const sign = cps[0] === '+' || cps[0] === '-' ? cps.shift()! : '';
    return pyStr(sign + '0'.repeat(width - cps.length - sign.length) + cps.join(''));
  },
};

const SEQ_METHODS: Record<string, Method> = {
  index: (s, a) => {
    argCount('index', a, 1, 1);
    const at = pyIter(s).findIndex((x) => pyEquals(x, a[0]));
    if (at < 0) throw new PyError('ValueError', `${typeName(s)}.index(x): x not in ${typeName(s)}`);
    return pyInt(at);
  },
  count: (s, a) => (argCount('count', a, 1, 1), pyInt(pyIter(s).filter((x) => pyEquals(x, a[0])).length)),
};

const DICT_METHODS: Record<string, Method> = {
  get: (s, a) => {
    argCount('get', a, 1, 2);
    const hit = s.kind === 'dict' ? s.entries.find(([k]) => pyEquals(k, a[0])) : undefined;
    return hit ? hit[1] : (a[1] ?? NONE);
  },
  keys: (s, a) => (argCount('keys', a, 0, 0), { kind: 'list', items: s.kind === 'dict' ? s.entries.map(([k]) => k) : [] }),
  values: (s, a) => (argCount('values', a, 0, 0), { kind: 'list', items: s.kind === 'dict' ? s.entries.map(([, v]) => v) : [] }),
  items: (s, a) => (argCount('items', a, 0, 0), {
    kind: 'list',
    items: s.kind === 'dict' ? s.entries.map(([k, v]) => ({ kind: 'tuple', items: [k, v] }) as PyValue) : [],
  }),
};

/** A bound method of a str/list/tuple/dict value, or undefined when Python has none by that name. */
export function builtinMethod(self: PyValue, name: string): PyValue | undefined {
  const table =
    self.kind === 'str' ? STR_METHODS : self.kind === 'list' || self.kind === 'tuple' ? SEQ_METHODS : self.kind === 'dict' ? DICT_METHODS : null;
  const method = table && Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!method) return undefined;
  return {
    kind: 'callable',
    name: `${typeName(self)}.${name}`,
    call: (args, kwargs) => {
      if (kwargs.size) throw unsupported(`keyword arguments to ${typeName(self)}.${name}()`);
      return method(self, args);
    },
  };
}
