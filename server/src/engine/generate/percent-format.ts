// Python's printf-style `str % args`. Alembic builds file names with it (`file_template %
// {rev, slug, year, ...}`, where `%(month).2d` pads) and templates use it (`"%s_upgrades" % name`).
// Errors carry Python's own wording.

import { PyError, pyRepr, pyToStr, typeName, type PyValue } from './mako-pyvalue';

interface Spec {
  key: string | null;
  flags: string;
  width: number | '*' | null;
  precision: number | '*' | null;
  conv: string;
}

const SPEC_RE = /^(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?[hlL]?/;

export function pyPercentFormat(format: string, args: PyValue): string {
  const isMapping = args.kind === 'dict';
  const positional = args.kind === 'tuple' ? args.items : [args];
  let next = 0;
  const take = (): PyValue => {
    if (next >= positional.length) throw new PyError('TypeError', 'not enough arguments for format string');
    return positional[next++];
  };
  let out = '';
  let i = 0;
  while (i < format.length) {
    const pct = format.indexOf('%', i);
    if (pct < 0) {
      out += format.slice(i);
      break;
    }
    out += format.slice(i, pct);
    const rest = format.slice(pct + 1);
    const m = SPEC_RE.exec(rest)!;
    const convIndex = pct + 1 + m[0].length;
    if (convIndex >= format.length) throw new PyError('ValueError', 'incomplete format');
    const spec: Spec = {
      key: m[1] ?? null,
      flags: m[2],
      width: m[3] === undefined ? null : m[3] === '*' ? '*' : Number(m[3]),
      precision: m[4] === undefined ? null : m[4] === '*' ? '*' : Number(m[4] || '0'),
      conv: format[convIndex],
    };
    i = convIndex + 1;
    if (spec.conv === '%' && spec.key === null) {
      out += '%';
      continue;
    }
    let value: PyValue;
    if (spec.key !== null) {
      if (!isMapping) throw new PyError('TypeError', 'format requires a mapping');
      const entry = args.entries.find(([k]) => k.kind === 'str' && k.value === spec.key);
      if (!entry) throw new PyError('KeyError', pyRepr({ kind: 'str', value: spec.key }));
      value = entry[1];
    } else {
      if (spec.width === '*') spec.width = intArg(take(), '* wants int');
      if (spec.precision === '*') spec.precision = intArg(take(), '* wants int');
      value = take();
    }
    if (spec.conv === '%') {
      out += '%';
      continue;
    }
    out += convert(spec, value, convIndex);
  }
  if (!isMapping && next < positional.length) {
    throw new PyError('TypeError', 'not all arguments converted during string formatting');
  }
  return out;
}

function intArg(v: PyValue, message: string): number {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  throw new PyError('TypeError', message);
}

function convert(spec: Spec, value: PyValue, index: number): string {
  const width = typeof spec.width === 'number' ? spec.width : 0;
  const precision = typeof spec.precision === 'number' ? spec.precision : null;
  switch (spec.conv) {
    case 's':
    case 'r': {
      let text = spec.conv === 's' ? pyToStr(value) : pyRepr(value);
      if (precision !== null) text = Array.from(text).slice(0, precision).join('');
      return padText(text, width, spec.flags.includes('-'));
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o':
      return formatInteger(spec, numberArg(value, spec.conv), width, precision);
    case 'c': {
      if (value.kind === 'str' && Array.from(value.value).length === 1) return padText(value.value, width, spec.flags.includes('-'));
      if (value.kind === 'int') return padText(String.fromCodePoint(value.value), width, spec.flags.includes('-'));
      throw new PyError('TypeError', '%c requires int or char');
    }
    case 'f':
    case 'F':
    case 'e':
    case 'E': {
      const n = numberArg(value, spec.conv);
      const digits = precision ?? 6;
      let body = spec.conv.toLowerCase() === 'f' ? Math.abs(n).toFixed(digits) : pyExponent(Math.abs(n), digits);
      if (spec.conv === 'E') body = body.toUpperCase();
      return padNumber(sign(n < 0, spec.flags), '', body, width, spec.flags);
    }
    default: {
      const ch = spec.conv;
      throw new PyError(
        'ValueError',
        `unsupported format character '${ch}' (0x${ch.codePointAt(0)!.toString(16)}) at index ${index}`,
      );
    }
  }
}

function numberArg(v: PyValue, conv: string): number {
  if (v.kind === 'int') return v.value;
  if (v.kind === 'bool') return Number(v.value);
  const what = 'diu'.includes(conv) ? 'a real number' : 'xXo'.includes(conv) ? 'an integer' : 'a real number';
  throw new PyError('TypeError', `%${conv} format: ${what} is required, not ${typeName(v)}`);
}

function formatInteger(spec: Spec, n: number, width: number, precision: number | null): string {
  const abs = Math.abs(n);
  let digits: string;
  let prefix = '';
  if (spec.conv === 'x' || spec.conv === 'X') {
    digits = abs.toString(16);
    if (spec.flags.includes('#')) prefix = '0x';
    if (spec.conv === 'X') {
      digits = digits.toUpperCase();
      prefix = prefix.toUpperCase();
    }
  } else if (spec.conv === 'o') {
    digits = abs.toString(8);
    if (spec.flags.includes('#')) prefix = '0o';
  } else {
    digits = String(abs);
  }
  if (precision !== null) digits = digits.padStart(precision, '0');
  return padNumber(sign(n < 0, spec.flags), prefix, digits, width, spec.flags);
}

function sign(negative: boolean, flags: string): string {
  if (negative) return '-';
  if (flags.includes('+')) return '+';
  if (flags.includes(' ')) return ' ';
  return '';
}

function padNumber(signText: string, prefix: string, body: string, width: number, flags: string): string {
  const len = signText.length + prefix.length + body.length;
  if (len >= width) return signText + prefix + body;
  if (flags.includes('-')) return signText + prefix + body + ' '.repeat(width - len);
  if (flags.includes('0')) return signText + prefix + '0'.repeat(width - len) + body;
  return ' '.repeat(width - len) + signText + prefix + body;
}

function padText(text: string, width: number, left: boolean): string {
  const len = Array.from(text).length;
  if (len >= width) return text;
  return left ? text + ' '.repeat(width - len) : ' '.repeat(width - len) + text;
}

/** `%e`: Python always writes at least two exponent digits (`1.5e+03`). */
function pyExponent(n: number, digits: number): string {
  const [mant, exp] = n.toExponential(digits).split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}
