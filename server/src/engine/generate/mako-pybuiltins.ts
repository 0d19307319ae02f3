// The Python builtins a template expression may call. Mako falls back to builtins for any name the
// render context does not hold, so `repr(x)` and `str(x)` work without being passed.

import {
  NONE, PyError, ordering, pyBool, pyInt, pyIter, pyLen, pyRepr, pyStr, pyToStr, truthy, typeName, unsupported,
  type PyCall, type PyValue,
} from './mako-pyvalue';

function fn(name: string, min: number, max: number, body: (args: PyValue[]) => PyValue): [string, PyValue] {
  const call: PyCall = (args, kwargs) => {
    if (kwargs.size) throw unsupported(`keyword arguments to ${name}()`);
    if (args.length < min || args.length > max) {
      const expected = min === max ? `exactly ${min} argument${min === 1 ? '' : 's'}` : `at most ${max} arguments`;
      throw new PyError('TypeError', `${name}() takes ${expected} (${args.length} given)`);
    }
    return body(args);
  };
  return [name, { kind: 'callable', name, call }];
}

function toInt(v: PyValue): PyValue {
  if (v.kind === 'int') return v;
  if (v.kind === 'bool') return pyInt(Number(v.value));
  if (v.kind === 'str') {
    const t = v.value.trim().replace(/_/g, '');
    if (/^[+-]?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return pyInt(Number(t));
    throw new PyError('ValueError', `invalid literal for int() with base 10: ${pyRepr(v)}`);
  }
  throw new PyError('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`);
}

// isinstance() against the builtin types templates test for (`isinstance(down_revision, str)`).
const TYPE_KINDS: Record<string, PyValue['kind']> = { str: 'str', list: 'list', tuple: 'tuple', int: 'int', bool: 'bool', dict: 'dict' };

function isInstance(v: PyValue, type: PyValue): boolean {
  if (type.kind === 'tuple') return type.items.some((t) => isInstance(v, t));
  const kind = type.kind === 'callable' ? TYPE_KINDS[type.name] : undefined;
  if (!kind) throw unsupported(`isinstance() against ${type.kind === 'callable' ? type.name : typeName(type)}`);
  // bool is a subclass of int in Python.
  return v.kind === kind || (kind === 'int' && v.kind === 'bool');
}

export const PYTHON_BUILTINS: ReadonlyMap<string, PyValue> = new Map([
  fn('repr', 1, 1, ([v]) => pyStr(pyRepr(v))),
  fn('str', 0, 1, (a) => pyStr(a.length ? pyToStr(a[0]) : '')),
  fn('len', 1, 1, ([v]) => pyInt(pyLen(v))),
  fn('bool', 0, 1, (a) => pyBool(a.length ? truthy(a[0]) : false)),
  fn('int', 0, 1, (a) => (a.length ? toInt(a[0]) : pyInt(0))),
  fn('list', 0, 1, (a) => ({ kind: 'list', items: a.length ? [...pyIter(a[0])] : [] })),
  fn('tuple', 0, 1, (a) => ({ kind: 'tuple', items: a.length ? [...pyIter(a[0])] : [] })),
  fn('sorted', 1, 1, ([v]) => ({ kind: 'list', items: [...pyIter(v)].sort((x, y) => ordering(x, y, '<')) })),
  fn('any', 1, 1, ([v]) => pyBool(pyIter(v).some(truthy))),
  fn('all', 1, 1, ([v]) => pyBool(pyIter(v).every(truthy))),
  fn('enumerate', 1, 1, ([v]) => ({
    kind: 'list',
    items: pyIter(v).map((x, i) => ({ kind: 'tuple', items: [pyInt(i), x] }) as PyValue),
  })),
  fn('isinstance', 2, 2, ([v, t]) => pyBool(isInstance(v, t))),
  ['None', NONE],
]);
