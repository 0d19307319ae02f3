// Mako's expression filters: `${x}` is `str(x)`; `${x | h, trim}` is `trim(h(str(x)))`; the `n`
// filter switches the default `str` off (`${down_revision | comma,n}` is `comma(down_revision)`).
// Names that are not Mako's built-in escapes are template expressions (`comma`, `repr`).

import { evalPy, type PyScope } from './mako-pyeval';
import { parsePyExpression } from './mako-pyparse';
import { pyStrip } from '../pystr';
import { PyError, pyStr, pyToStr, typeName, unsupported, type PyValue } from './mako-pyvalue';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '>': '&gt;', '<': '&lt;', '"': '&#34;', "'": '&#39;' };

function needStr(v: PyValue, method: string): string {
  if (v.kind !== 'str') throw new PyError('AttributeError', `'${typeName(v)}' object has no attribute '${method}'`);
  return v.value;
}

/** quote_plus(s.encode('utf8')): unreserved ASCII kept, space as '+', the rest %XX. */
function urlEscape(s: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(s)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.~-]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const BUILTIN_FILTERS: Record<string, (v: PyValue) => PyValue> = {
  str: (v) => pyStr(pyToStr(v)),
  unicode: (v) => pyStr(pyToStr(v)),
  // markupsafe.escape: str() first, then the five HTML characters.
  h: (v) => pyStr(pyToStr(v).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])),
  x: (v) => {
    if (v.kind !== 'str') throw new PyError('TypeError', `expected string or bytes-like object, got '${typeName(v)}'`);
    return pyStr(v.value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]));
  },
  u: (v) => pyStr(urlEscape(needStr(v, 'encode'))),
  trim: (v) => pyStr(pyStrip(needStr(v, 'strip'))),
};

/** Splits the text after `|` into filter sources, as Mako's argument-list parse does. */
function splitFilters(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last || out.length) out.push(last);
  return out.filter((f) => f !== '');
}

/** Applies an expression's filters (plus the default `str` unless `n` is among them). */
export function applyFilters(value: PyValue, filterText: string, scope: PyScope): PyValue {
  let names = splitFilters(filterText);
  if (!names.includes('n')) names = ['str', ...names];
  let out = value;
  for (const name of names) {
    if (name === 'n') continue;
    if (/^decode\../.test(name)) {
      out = pyStr(pyToStr(out));
      continue;
    }
    if (name === 'entity') throw unsupported("the 'entity' filter");
    const builtin = Object.prototype.hasOwnProperty.call(BUILTIN_FILTERS, name) ? BUILTIN_FILTERS[name] : undefined;
    if (builtin) {
      out = builtin(out);
      continue;
    }
    const fn = evalPy(parsePyExpression(name), scope);
    if (fn.kind === 'undefined') throw new PyError('TypeError', `'Undefined' object is not callable (the filter '${name}' is not defined)`);
    if (fn.kind !== 'callable') throw new PyError('TypeError', `'${typeName(fn)}' object is not callable (filter '${name}')`);
    out = fn.call([out], new Map());
  }
  return out;
}
