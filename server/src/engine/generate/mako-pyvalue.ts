// The Python values a `script.py.mako` template sees, and the few Python behaviours the template
// language leans on: truthiness, equality, `repr()` and `str()`. Only what Alembic passes to the
// template (str, None, tuple, list, datetime, bool, its helpers) and what template expressions
// build from them (int, dict, bound methods) exists here; anything else is an error, never a guess.

import { formatPyDateTime, reprPyDateTime, type PyDateTime } from './create-date';
import { pyStrRepr } from '../pystr';

export type PyValue =
  | { kind: 'none' }
  /** Mako's `UNDEFINED`: a template variable nobody passed. Falsy; `str()` of it fails. */
  | { kind: 'undefined'; name: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'tuple'; items: PyValue[] }
  | { kind: 'list'; items: PyValue[] }
  | { kind: 'dict'; entries: [PyValue, PyValue][] }
  | { kind: 'datetime'; value: PyDateTime }
  | { kind: 'callable'; name: string; call: PyCall }
  /** An opaque object (alembic's Config, Mako's context, the `re` module, a loop). */
  | {
      kind: 'object';
      typeName: string;
      attr: (name: string) => PyValue | undefined;
      /** `obj[key]`, when the object supports it (undefined: KeyError). */
      getItem?: (key: PyValue) => PyValue | undefined;
      /** `key in obj`, when the object supports it. */
      contains?: (key: PyValue) => boolean;
    };

export type PyCall = (args: PyValue[], kwargs: Map<string, PyValue>) => PyValue;

/**
 * A Python exception raised while evaluating (Alembic would fail the same way), or, with pyType
 * `Unsupported`, something this interpreter does not evaluate. The renderer adds the template line.
 */
export class PyError extends Error {
  constructor(readonly pyType: string, detail: string) {
    super(pyType === UNSUPPORTED ? `not supported by the template interpreter: ${detail}` : `${pyType}: ${detail}`);
  }
}

export const UNSUPPORTED = 'Unsupported';

export function unsupported(detail: string): PyError {
  return new PyError(UNSUPPORTED, detail);
}

export const NONE: PyValue = { kind: 'none' };
export const TRUE: PyValue = { kind: 'bool', value: true };
export const FALSE: PyValue = { kind: 'bool', value: false };

export function pyStr(value: string): PyValue {
  return { kind: 'str', value };
}
export function pyBool(value: boolean): PyValue {
  return value ? TRUE : FALSE;
}
export function pyInt(value: number): PyValue {
  return { kind: 'int', value };
}

export function typeName(v: PyValue): string {
  switch (v.kind) {
    case 'none': return 'NoneType';
    case 'undefined': return 'Undefined';
    case 'callable': return 'builtin_function_or_method';
    case 'object': return v.typeName;
    case 'datetime': return 'datetime.datetime';
    default: return v.kind;
  }
}

export function truthy(v: PyValue): boolean {
  switch (v.kind) {
    case 'none':
    case 'undefined':
      return false;
    case 'bool': return v.value;
    case 'int': return v.value !== 0;
    case 'str': return v.value.length > 0;
    case 'tuple':
    case 'list': return v.items.length > 0;
    case 'dict': return v.entries.length > 0;
    default: return true;
  }
}

export function pyEquals(a: PyValue, b: PyValue): boolean {
  // Python: True == 1 and False == 0.
  const num = (v: PyValue): number | null =>
    v.kind === 'int' ? v.value : v.kind === 'bool' ? Number(v.value) : null;
  const na = num(a);
  const nb = num(b);
  if (na !== null || nb !== null) return na === nb;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'none': return true;
    case 'str': return a.value === (b as typeof a).value;
    case 'tuple':
    case 'list': {
      const other = (b as typeof a).items;
      return a.items.length === other.length && a.items.every((x, i) => pyEquals(x, other[i]));
    }
    case 'datetime': return formatPyDateTime(a.value) === formatPyDateTime((b as typeof a).value);
    default: return a === b;
  }
}

/** Python's `<` ordering for ints, strs (by code point) and same-kind sequences. */
export function ordering(a: PyValue, b: PyValue, op: string): number {
  if ((a.kind === 'int' || a.kind === 'bool') && (b.kind === 'int' || b.kind === 'bool')) return Number(a.value) - Number(b.value);
  if (a.kind === 'str' && b.kind === 'str') {
    // Python compares code points; JavaScript's < compares UTF-16 units.
    const x = Array.from(a.value, (c) => c.codePointAt(0)!);
    const y = Array.from(b.value, (c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  }
  if ((a.kind === 'tuple' || a.kind === 'list') && a.kind === b.kind) {
    for (let i = 0; i < Math.min(a.items.length, b.items.length); i++) {
      if (!pyEquals(a.items[i], b.items[i])) return ordering(a.items[i], b.items[i], op);
    }
    return a.items.length - b.items.length;
  }
  throw new PyError('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function pyRepr(v: PyValue): string {
  switch (v.kind) {
    case 'none': return 'None';
    case 'undefined': return '<mako.runtime.Undefined object>';
    case 'bool': return v.value ? 'True' : 'False';
    case 'int': return String(v.value);
    case 'str': return pyStrRepr(v.value);
    case 'tuple':
      return v.items.length === 1 ? `(${pyRepr(v.items[0])},)` : `(${v.items.map(pyRepr).join(', ')})`;
    case 'list': return `[${v.items.map(pyRepr).join(', ')}]`;
    case 'dict': return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(', ')}}`;
    case 'datetime': {
      const r = reprPyDateTime(v.value);
      if (r === null) throw unsupported('repr() of a timezone-aware datetime (its text depends on the tzinfo class)');
      return r;
    }
    case 'callable': return `<built-in function ${v.name}>`;
    case 'object':
      // The text would contain a memory address: nothing a generated file could be compared with.
      throw unsupported(`repr() of a ${v.typeName} object (its text holds a memory address)`);
  }
}

/** Python's `str()`; Mako applies it to every `${}` unless the `n` filter is given. */
export function pyToStr(v: PyValue): string {
  switch (v.kind) {
    case 'str': return v.value;
    case 'undefined': throw new PyError('NameError', `Undefined (the template variable '${v.name}' was not passed)`);
    case 'datetime': return formatPyDateTime(v.value);
    case 'object': throw unsupported(`str() of a ${v.typeName} object (its text holds a memory address)`);
    default: return pyRepr(v);
  }
}

/** Python's len() for the sized values. */
export function pyLen(v: PyValue): number {
  switch (v.kind) {
    case 'str': return Array.from(v.value).length;
    case 'tuple':
    case 'list': return v.items.length;
    case 'dict': return v.entries.length;
    default: throw new PyError('TypeError', `object of type '${typeName(v)}' has no len()`);
  }
}

/** The items of an iterable value, as Python's `for` sees them. */
export function pyIter(v: PyValue): PyValue[] {
  switch (v.kind) {
    case 'str': return Array.from(v.value, pyStr);
    case 'tuple':
    case 'list': return v.items;
    case 'dict': return v.entries.map(([k]) => k);
    default: throw new PyError('TypeError', `'${typeName(v)}' object is not iterable`);
  }
}

export function asStr(v: PyValue, what: string): string {
  if (v.kind !== 'str') throw new PyError('TypeError', `${what} must be str, not ${typeName(v)}`);
  return v.value;
}
