// Evaluates parsed template expressions with Python's semantics over PyValue.

import type { PyExpr } from './mako-pyparse';
import { builtinMethod } from './mako-pystr';
import { isoformatPyDateTime, strftimePyDateTime } from './create-date';
import { pyPercentFormat } from './percent-format';
import { PYTHON_BUILTINS } from './mako-pybuiltins';
import {
  FALSE, NONE, PyError, TRUE, ordering, pyBool, pyEquals, pyInt, pyIter, pyRepr, pyStr, pyToStr, truthy,
  typeName, unsupported, type PyValue,
} from './mako-pyvalue';

/** Name lookup: template locals, then module names and the render context; builtins come last. */
export interface PyScope {
  get(name: string): PyValue | undefined;
}

export function childScope(parent: PyScope, names: Map<string, PyValue>): PyScope {
  return { get: (n) => names.get(n) ?? parent.get(n) };
}

/** Mako resolves an unknown name to UNDEFINED rather than raising NameError. */
function lookup(scope: PyScope, name: string): PyValue {
  return scope.get(name) ?? PYTHON_BUILTINS.get(name) ?? { kind: 'undefined', name };
}

export function evalPy(e: PyExpr, scope: PyScope): PyValue {
  switch (e.t) {
    case 'name': return lookup(scope, e.id);
    case 'int': return pyInt(e.value);
    case 'str': return pyStr(e.value);
    case 'const': return e.value === 'None' ? NONE : e.value === 'True' ? TRUE : FALSE;
    case 'fstr':
      return pyStr(
        e.parts
          .map((p) => {
            if (typeof p === 'string') return p;
            const v = evalPy(p.expr, scope);
            return p.conversion === 'r' ? pyRepr(v) : pyToStr(v);
          })
          .join(''),
      );
    case 'tuple': return { kind: 'tuple', items: e.items.map((x) => evalPy(x, scope)) };
    case 'list': return { kind: 'list', items: e.items.map((x) => evalPy(x, scope)) };
    case 'dict': return { kind: 'dict', entries: e.entries.map(([k, v]) => [hashable(evalPy(k, scope)), evalPy(v, scope)]) };
    case 'attr': return getAttr(evalPy(e.obj, scope), e.name);
    case 'index': return getItem(evalPy(e.obj, scope), evalPy(e.index, scope));
    case 'slice': return getSlice(evalPy(e.obj, scope), [e.lower, e.upper, e.step].map((x) => (x ? evalPy(x, scope) : NONE)));
    case 'call': {
      const fn = evalPy(e.fn, scope);
      const args = e.args.map((a) => evalPy(a, scope));
      const kwargs = new Map(e.kwargs.map(([k, v]) => [k, evalPy(v, scope)] as const));
      if (fn.kind === 'undefined') throw new PyError('TypeError', `'Undefined' object is not callable (the template variable '${fn.name}' was not passed)`);
      if (fn.kind !== 'callable') throw new PyError('TypeError', `'${typeName(fn)}' object is not callable`);
      return fn.call(args, kwargs);
    }
    case 'unary': {
      const v = evalPy(e.operand, scope);
      if (e.op === 'not') return pyBool(!truthy(v));
      const n = toNumber(v, `bad operand type for unary ${e.op}: '${typeName(v)}'`);
      return pyInt(e.op === '-' ? -n : n);
    }
    case 'boolop': {
      const left = evalPy(e.left, scope);
      if (e.op === 'and') return truthy(left) ? evalPy(e.right, scope) : left;
      return truthy(left) ? left : evalPy(e.right, scope);
    }
    case 'ifexp': return truthy(evalPy(e.test, scope)) ? evalPy(e.body, scope) : evalPy(e.orelse, scope);
    case 'compare': {
      let left = evalPy(e.first, scope);
      for (const [op, rightExpr] of e.rest) {
        const right = evalPy(rightExpr, scope);
        if (!compare(op, left, right)) return FALSE;
        left = right;
      }
      return TRUE;
    }
    case 'binary': return binary(e.op, evalPy(e.left, scope), evalPy(e.right, scope));
    case 'comprehension': {
      const items: PyValue[] = [];
      for (const item of pyIter(evalPy(e.iter, scope))) {
        const inner = childScope(scope, bindTargets(e.target, item));
        if (e.conds.every((c) => truthy(evalPy(c, inner)))) items.push(evalPy(e.elt, inner));
      }
      // A generator is consumed at once; every consumer here (join, list, sorted...) takes a list.
      return { kind: 'list', items };
    }
  }
}

/** Binds `for a, b in ...` targets, unpacking like Python. */
export function bindTargets(targets: string[], item: PyValue): Map<string, PyValue> {
  if (targets.length === 1) return new Map([[targets[0], item]]);
  const parts = pyIter(item);
  if (parts.length !== targets.length) {
    throw new PyError('ValueError', parts.length > targets.length
      ? `too many values to unpack (expected ${targets.length})`
      : `not enough values to unpack (expected ${targets.length}, got ${parts.length})`);
  }
  return new Map(targets.map((t, i) => [t, parts[i]]));
}

function hashable(v: PyValue): PyValue {
  if (v.kind === 'list' || v.kind === 'dict') throw new PyError('TypeError', `unhashable type: '${v.kind}'`);
  return v;
}

function toNumber(v: PyValue, message: string): number {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  throw new PyError('TypeError', message);
}

function getAttr(obj: PyValue, name: string): PyValue {
  let found: PyValue | undefined;
  if (obj.kind === 'object') found = obj.attr(name);
  else if (obj.kind === 'datetime') found = datetimeAttr(obj, name);
  else found = builtinMethod(obj, name);
  if (found) return found;
  if (obj.kind === 'undefined') {
    throw new PyError('AttributeError', `'Undefined' object has no attribute '${name}' (the template variable '${obj.name}' was not passed)`);
  }
  if (obj.kind === 'object' && obj.typeName !== 'module') {
    throw new PyError('AttributeError', `'${obj.typeName}' object has no attribute '${name}' (or it is not supported here)`);
  }
  throw new PyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
}

function datetimeAttr(obj: Extract<PyValue, { kind: 'datetime' }>, name: string): PyValue | undefined {
  const d = obj.value;
  const fields: Record<string, number> = {
    year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second, microsecond: d.microsecond,
  };
  if (name in fields) return pyInt(fields[name]);
  if (name === 'isoformat') {
    return {
      kind: 'callable',
      name: 'datetime.isoformat',
      call: (args) => {
        if (args.length > 1 || (args[0] && args[0].kind !== 'str')) throw unsupported('isoformat() with these arguments');
        return pyStr(isoformatPyDateTime(d, args[0]?.kind === 'str' ? args[0].value : 'T'));
      },
    };
  }
  if (name === 'strftime') {
    return {
      kind: 'callable',
      name: 'datetime.strftime',
      call: (args) => {
        if (args.length !== 1 || args[0].kind !== 'str') throw new PyError('TypeError', 'strftime() takes exactly one str argument');
        const text = strftimePyDateTime(d, args[0].value);
        if (text === null) throw unsupported(`strftime(${pyRepr(args[0])}): only %Y %y %m %d %H %I %M %S %f %j %p %a %A %b %B %z %% are rendered`);
        return pyStr(text);
      },
    };
  }
  // Python's datetime has many more attributes; none is guessed.
  throw unsupported(`datetime.${name}`);
}

function index(i: PyValue, length: number, what: string): number {
  const n = toNumber(i, `${what} indices must be integers or slices, not ${typeName(i)}`);
  const at = n < 0 ? n + length : n;
  if (at < 0 || at >= length) throw new PyError('IndexError', `${what} index out of range`);
  return at;
}

function getItem(obj: PyValue, key: PyValue): PyValue {
  switch (obj.kind) {
    case 'str': {
      const cps = Array.from(obj.value);
      return pyStr(cps[index(key, cps.length, 'string')]);
    }
    case 'tuple':
    case 'list':
      return obj.items[index(key, obj.items.length, obj.kind)];
    case 'dict': {
      const hit = obj.entries.find(([k]) => pyEquals(k, key));
      if (!hit) throw new PyError('KeyError', pyRepr(key));
      return hit[1];
    }
    case 'object':
      if (obj.getItem) {
        const v = obj.getItem(key);
        if (v === undefined) throw new PyError('KeyError', pyRepr(key));
        return v;
      }
  }
  throw new PyError('TypeError', `'${typeName(obj)}' object is not subscriptable`);
}

function getSlice(obj: PyValue, [lo, hi, step]: PyValue[]): PyValue {
  if (step.kind !== 'none') throw unsupported('slices with a step');
  const seq = obj.kind === 'str' ? Array.from(obj.value, pyStr) : obj.kind === 'tuple' || obj.kind === 'list' ? obj.items : null;
  if (seq === null) throw new PyError('TypeError', `'${typeName(obj)}' object is not subscriptable`);
  const bound = (v: PyValue, fallback: number): number => {
    if (v.kind === 'none') return fallback;
    const n = toNumber(v, 'slice indices must be integers or None or have an __index__ method');
    return Math.min(Math.max(n < 0 ? n + seq.length : n, 0), seq.length);
  };
  const part = seq.slice(bound(lo, 0), bound(hi, seq.length));
  if (obj.kind === 'str') return pyStr(part.map((p) => (p as { value: string }).value).join(''));
  return { kind: obj.kind as 'tuple' | 'list', items: part };
}

function compare(op: string, a: PyValue, b: PyValue): boolean {
  switch (op) {
    case '==': return pyEquals(a, b);
    case '!=': return !pyEquals(a, b);
    case 'is': return identical(a, b);
    case 'is not': return !identical(a, b);
    case 'in': return contains(b, a);
    case 'not in': return !contains(b, a);
  }
  const order = ordering(a, b, op);
  return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
}

function identical(a: PyValue, b: PyValue): boolean {
  // None, the booleans and UNDEFINED are singletons: `x is None` has one answer whatever x is.
  const singleton = (v: PyValue): boolean => v.kind === 'none' || v.kind === 'undefined' || v.kind === 'bool';
  if (singleton(a) || singleton(b)) {
    return a.kind === b.kind && (a.kind !== 'bool' || a.value === (b as typeof a).value);
  }
  if ((a.kind === 'str' || a.kind === 'int') && a.kind === b.kind) {
    throw unsupported(`'is' between ${a.kind} values (CPython's answer depends on interning)`);
  }
  return a === b;
}

function contains(container: PyValue, item: PyValue): boolean {
  if (container.kind === 'str') {
    if (item.kind !== 'str') throw new PyError('TypeError', `'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.value.includes(item.value);
  }
  if (container.kind === 'object' && container.contains) return container.contains(item);
  return pyIter(container).some((x) => pyEquals(x, item));
}

function binary(op: string, a: PyValue, b: PyValue): PyValue {
  const isNum = (v: PyValue): boolean => v.kind === 'int' || v.kind === 'bool';
  if (op === '%' && a.kind === 'str') return pyStr(pyPercentFormat(a.value, b));
  if (op === '+') {
    if (a.kind === 'str' && b.kind === 'str') return pyStr(a.value + b.value);
    if ((a.kind === 'list' || a.kind === 'tuple') && a.kind === b.kind) return { kind: a.kind, items: [...a.items, ...b.items] };
  }
  if (op === '*') {
    const [seq, n] = isNum(b) ? [a, b] : [b, a];
    if (isNum(n) && (seq.kind === 'str' || seq.kind === 'list' || seq.kind === 'tuple')) {
      const times = Math.max(0, Number((n as { value: number | boolean }).value));
      if (seq.kind === 'str') return pyStr(seq.value.repeat(times));
      return { kind: seq.kind, items: Array.from({ length: times }, () => seq.items).flat() };
    }
  }
  if (isNum(a) && isNum(b)) {
    const x = Number((a as { value: number | boolean }).value);
    const y = Number((b as { value: number | boolean }).value);
    const checked = (n: number): PyValue => {
      if (!Number.isSafeInteger(n)) throw unsupported('integers beyond 2**53');
      return pyInt(n);
    };
    switch (op) {
      case '+': return checked(x + y);
      case '-': return checked(x - y);
      case '*': return checked(x * y);
      case '//':
      case '%': {
        if (y === 0) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero');
        const q = Math.floor(x / y);
        return checked(op === '//' ? q : x - q * y);
      }
      case '**':
        if (y < 0) throw unsupported('negative powers (they give floats)');
        return checked(x ** y);
      case '/': throw unsupported('true division (it gives floats)');
    }
  }
  throw new PyError('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}
