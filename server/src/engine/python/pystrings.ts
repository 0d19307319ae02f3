// The value of one string token, as Python evaluates a str literal: escapes, raw strings, newline
// normalisation (Python reads CRLF and CR as LF), f-string brace escapes. Never throws.
import { S_BYTES, S_FIELDS, S_FORMAT, S_PREFIX_SHIFT, S_RAW, S_SIMPLE, S_TEMPLATE, S_TRIPLE, S_UNTERMINATED } from './pytokens';

export interface StringValue {
  value: string;
  /** False when the value cannot be known statically (\N{NAME}, f-string fields, bytes, t-strings). */
  known: boolean;
  /** An escape Python rejects ("truncated \xXX escape"...), with its offsets in the text. */
  error: { message: string; start: number; end: number } | null;
}

/** Where each UTF-16 unit of a value came from in the source: [srcStart[i], srcEnd[i]). */
export interface SourceMap {
  srcStart: number[];
  srcEnd: number[];
}

export function stringBody(flags: number, start: number, end: number): { bodyStart: number; bodyEnd: number } {
  const quoteLen = flags & S_TRIPLE ? 3 : 1;
  const bodyStart = start + ((flags >> S_PREFIX_SHIFT) & 0xff) + quoteLen;
  const bodyEnd = flags & S_UNTERMINATED ? end : end - quoteLen;
  return { bodyStart, bodyEnd: Math.max(bodyStart, bodyEnd) };
}

export function evalString(text: string, start: number, end: number, flags: number, map?: SourceMap): StringValue {
  const { bodyStart, bodyEnd } = stringBody(flags, start, end);
  const known = (flags & (S_BYTES | S_FIELDS | S_TEMPLATE)) === 0;
  if (flags & S_SIMPLE) {
    if (map) for (let i = bodyStart; i < bodyEnd; i++) { map.srcStart.push(i); map.srcEnd.push(i + 1); }
    return { value: text.slice(bodyStart, bodyEnd), known, error: null };
  }
  return decodeBody(text, bodyStart, bodyEnd, flags, known, map);
}

function decodeBody(t: string, s: number, e: number, flags: number, known: boolean, map?: SourceMap): StringValue {
  const raw = (flags & S_RAW) !== 0;
  const bytes = (flags & S_BYTES) !== 0;
  const format = (flags & S_FORMAT) !== 0;
  let out = '';
  let error: StringValue['error'] = null;
  let run = s;
  const emit = (piece: string, from: number, to: number) => {
    out += piece;
    if (map) for (let k = 0; k < piece.length; k++) { map.srcStart.push(from); map.srcEnd.push(to); }
  };
  const flush = (upTo: number) => {
    if (upTo > run) {
      out += t.slice(run, upTo);
      if (map) for (let i = run; i < upTo; i++) { map.srcStart.push(i); map.srcEnd.push(i + 1); }
    }
  };
  let p = s;
  while (p < e) {
    const c = t.charCodeAt(p);
    if (c === 13) {
      flush(p);
      const to = p + 1 < e && t.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
      emit('\n', p, to);
      p = run = to;
    } else if (format && (c === 123 || c === 125) && p + 1 < e && t.charCodeAt(p + 1) === c) {
      flush(p + 1);
      p = run = p + 2;
    } else if (c === 92 && !raw) {
      flush(p);
      const r = decodeEscape(t, p, e, bytes);
      if (r.error && !error) error = { message: r.error, start: p, end: r.end };
      if (r.unknown) known = false;
      emit(r.piece, p, r.end);
      p = run = r.end;
    } else p++;
  }
  if (p > e) p = e;
  flush(p);
  return { value: out, known, error };
}

interface Escape {
  piece: string;
  end: number;
  error?: string;
  unknown?: boolean;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

function decodeEscape(t: string, p: number, e: number, bytes: boolean): Escape {
  if (p + 1 >= e) return { piece: '\\', end: e };
  const d = t[p + 1];
  if (d === '\n') return { piece: '', end: p + 2 };
  if (d === '\r') return { piece: '', end: t[p + 2] === '\n' && p + 2 < e ? p + 3 : p + 2 };
  const simple = SIMPLE_ESCAPES[d];
  if (simple !== undefined) return { piece: simple, end: p + 2 };
  if (d >= '0' && d <= '7') {
    let q = p + 1;
    let v = 0;
    while (q < e && q < p + 4 && t[q] >= '0' && t[q] <= '7') v = v * 8 + (t.charCodeAt(q++) - 48);
    return { piece: String.fromCharCode(bytes ? v & 0xff : v), end: q };
  }
  if (d === 'x') return hexEscape(t, p, e, 2, 'truncated \\xXX escape');
  if (!bytes && d === 'u') return hexEscape(t, p, e, 4, 'truncated \\uXXXX escape');
  if (!bytes && d === 'U') return hexEscape(t, p, e, 8, 'truncated \\UXXXXXXXX escape');
  if (!bytes && d === 'N') {
    if (t[p + 2] !== '{') return { piece: '\\N', end: p + 2, error: 'malformed \\N character escape' };
    const close = t.indexOf('}', p + 3);
    if (close < 0 || close >= e || close === p + 3) return { piece: '\\N', end: p + 2, error: 'malformed \\N character escape' };
    // Unicode names are not available here: keep the escape's text and mark the value unknown.
    return { piece: t.slice(p, close + 1), end: close + 1, unknown: true };
  }
  // An unknown escape keeps its backslash (Python only warns).
  return { piece: '\\', end: p + 1 };
}

function hexEscape(t: string, p: number, e: number, digits: number, truncated: string): Escape {
  let v = 0;
  for (let k = 0; k < digits; k++) {
    const q = p + 2 + k;
    const h = q < e ? hexValue(t.charCodeAt(q)) : -1;
    if (h < 0) return { piece: '\\' + t[p + 1], end: q, error: truncated };
    v = v * 16 + h;
  }
  const end = p + 2 + digits;
  if (v > 0x10ffff) return { piece: '', end, error: 'illegal Unicode character' };
  return { piece: String.fromCodePoint(v), end };
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  const l = c | 0x20;
  if (l >= 97 && l <= 102) return l - 87;
  return -1;
}
