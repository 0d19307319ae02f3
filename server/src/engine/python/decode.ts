// Bytes -> source text, the way Python's import decodes a module (PEP 263): a UTF-8 BOM, else a coding
// cookie on line 1 or 2, else UTF-8. Never throws: problems come back as decode errors, and the text
// is still produced (with U+FFFD where bytes could not be decoded) so the rest of the file can be read.
import type { Span } from '../types';
import { CP1252_HIGH, codecPlan, lookupPythonCodec, tokenizerNormalName, type CodecPlan } from './pyencodings';

export interface DecodeError {
  message: string;
  span: Span;
}

export interface DecodedSource {
  text: string;
  /** Python's canonical codec name that was applied ('utf-8' by default). */
  encoding: string;
  errors: DecodeError[];
}

interface Cookie {
  name: string;
  line: number;
  /** Byte offsets of the name within the file. */
  start: number;
  end: number;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: true });

const FIX =
  'Save the file as UTF-8, or declare its real encoding on line 1 or 2 with a comment such as ' +
  '`# -*- coding: latin-1 -*-`.';

/**
 * Whether decodeSource, given the bytes this text was decoded from (as UTF-8, a BOM kept as U+FEFF,
 * invalid sequences as U+FFFD), would give this very text and no error: no BOM, no U+FFFD (so no
 * invalid byte) and no comment before the first code (so no coding cookie on line 1 or 2).
 * Conservative: false only means "decode the bytes instead".
 */
export function isPlainUtf8Text(text: string): boolean {
  if (text.charCodeAt(0) === 0xfeff) return false;
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c && c !== 0x0a && c !== 0x0d) break;
  }
  // A cookie is a comment on line 1 or 2, and only blank lines or comments may come before it.
  if (text.charCodeAt(i) === 0x23) return false;
  return text.indexOf('\ufffd') < 0;
}

export function decodeSource(bytes: Uint8Array): DecodedSource {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const cookie = findCookie(body);
  const errors: DecodeError[] = [];

  if (!cookie) return decodeUtf8(body, errors, hasBom);

  const normal = tokenizerNormalName(cookie.name);
  if (hasBom && normal !== 'utf-8') {
    errors.push({
      message:
        `The file starts with a UTF-8 byte order mark but declares \`coding: ${cookie.name}\`; Python refuses ` +
        `it ("SyntaxError: encoding problem: ${normal} with BOM"). Remove the mark or the cookie.`,
      span: cookieSpan(body, cookie),
    });
    return decodeUtf8(body, errors, hasBom);
  }
  const codec = normal === 'utf-8' ? 'utf-8' : normal === 'iso-8859-1' ? 'iso8859-1' : lookupPythonCodec(cookie.name);
  if (codec === null) {
    errors.push({
      message:
        `Unknown encoding \`${cookie.name}\` in the coding comment; Python refuses to import the file ` +
        `("SyntaxError: unknown encoding: ${cookie.name}"). Use a codec Python knows, such as utf-8 or latin-1.`,
      span: cookieSpan(body, cookie),
    });
    return decodeUtf8(body, errors, hasBom);
  }
  return decodeWith(codecPlan(codec), codec, body, cookie, errors);
}

/**
 * Bytes decoded strictly with the Python codec of that name, as `bytes.decode(name)` does: the text,
 * or why Python would fail (an unknown codec, a byte the codec cannot decode, a codec we cannot run).
 */
export function decodeAsPythonCodec(bytes: Uint8Array, name: string): { ok: true; text: string } | { ok: false; error: string } {
  const codec = lookupPythonCodec(name);
  if (codec === null) return { ok: false, error: `LookupError: unknown encoding: ${name}` };
  const plan = codecPlan(codec);
  if (plan.kind === 'refused' || plan.kind === 'unsupported') return { ok: false, error: `the ${codec} codec cannot be decoded here` };
  const errors: DecodeError[] = [];
  const decoded = decodeWith(plan, codec, bytes, { name, line: 0, start: 0, end: 0 }, errors);
  return errors.length === 0 ? { ok: true, text: decoded.text } : { ok: false, error: `${codec} cannot decode the file's bytes` };
}

function decodeWith(plan: CodecPlan, codec: string, body: Uint8Array, cookie: Cookie, errors: DecodeError[]): DecodedSource {
  switch (plan.kind) {
    case 'utf-8':
      return decodeUtf8(body, errors, false, codec);
    case 'latin-1':
      return { text: latin1(body), encoding: codec, errors };
    case 'ascii': {
      const bad = body.findIndex((b) => b >= 0x80);
      if (bad >= 0) errors.push(byteError(body, bad, `'ascii' codec can't decode byte 0x${hex(body[bad])}: ordinal not in range(128)`, true));
      return { text: latin1(body, true), encoding: codec, errors };
    }
    case 'cp1252': {
      let text = '';
      let bad = -1;
      for (let i = 0; i < body.length; i++) {
        const b = body[i];
        const c = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b;
        if (c === 0 && b !== 0 && bad < 0) bad = i;
        text += String.fromCharCode(c === 0 && b !== 0 ? 0xfffd : c);
      }
      if (bad >= 0) errors.push(byteError(body, bad, `'charmap' codec can't decode byte 0x${hex(body[bad])}: character maps to <undefined>`, true));
      return { text, encoding: codec, errors };
    }
    case 'whatwg': {
      let text: string;
      try {
        text = new TextDecoder(plan.label, { fatal: true, ignoreBOM: true }).decode(body);
      } catch {
        text = new TextDecoder(plan.label, { ignoreBOM: true }).decode(body);
        errors.push({ message: `Bytes that are not valid ${codec} make Python refuse to import the file. ${FIX}`, span: firstLine() });
        return { text, encoding: codec, errors };
      }
      if (plan.c1Undefined) {
        const c1 = firstC1(text);
        if (c1 >= 0) errors.push({ message: `A byte undefined in ${codec} makes Python refuse to import the file. ${FIX}`, span: textSpan(text, c1) });
      }
      return { text, encoding: codec, errors };
    }
    case 'refused':
      errors.push({
        message: `Python cannot read source code encoded as ${codec}; it refuses to import the file. ${FIX}`,
        span: cookieSpan(body, cookie),
      });
      return decodeUtf8(body, errors, false);
    case 'unsupported':
      // Python knows this codec but JavaScript has no decoder for it: ASCII is read as is (identifiers,
      // revision ids) and every other byte becomes U+FFFD. No error: Python would import the file.
      return { text: latin1(body, true), encoding: codec, errors };
  }
}

function decodeUtf8(body: Uint8Array, errors: DecodeError[], hasBom: boolean, codec = 'utf-8'): DecodedSource {
  try {
    return { text: utf8Fatal.decode(body), encoding: codec, errors };
  } catch {
    const bad = firstInvalidUtf8(body);
    const reason = `'utf-8' codec can't decode byte 0x${hex(body[bad])}`;
    const e = byteError(body, bad, reason);
    if (hasBom) e.message = e.message.replace(FIX, 'Save the file as UTF-8.');
    errors.push(e);
    return { text: utf8Lossy.decode(body), encoding: codec, errors };
  }
}

/** The error for an undecodable byte: the line and column it stands at, with the fix. */
function byteError(body: Uint8Array, offset: number, reason: string, singleByte = false): DecodeError {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const b = body[i];
    if (b === 0x0a || (b === 0x0d && body[i + 1] !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  // Columns count characters of the decoded text: one per byte for single-byte codecs.
  const character = singleByte ? offset - lineStart : utf8Lossy.decode(body.subarray(lineStart, offset)).length;
  const span = { start: { line, character }, end: { line, character: character + 1 } };
  return {
    message:
      `Line ${line + 1} is not valid in the file's encoding (byte 0x${hex(body[offset])}); Python refuses to ` +
      `import the file when such bytes are in code or strings ("${reason}"). ${FIX}`,
    span,
  };
}

/** Index of the first byte that starts an invalid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return b.length - 1;
}

/** PEP 263: `coding[:=]name` in a comment on line 1, or on line 2 when line 1 is blank or a comment. */
function findCookie(b: Uint8Array): Cookie | null {
  let start = 0;
  for (let line = 0; line < 2 && start < b.length; line++) {
    // Most files start with code (a docstring): no need to find where that line ends.
    let first = start;
    while (first < b.length && (b[first] === 0x20 || b[first] === 0x09 || b[first] === 0x0c)) first++;
    if (first < b.length && b[first] !== 0x23 && b[first] !== 0x0a && b[first] !== 0x0d) return null;
    let end = start;
    while (end < b.length && b[end] !== 0x0a && b[end] !== 0x0d) end++;
    const found = cookieInLine(b, start, end, line);
    if (found === 'code') return null;
    if (found) return found;
    start = end + (b[end] === 0x0d && b[end + 1] === 0x0a ? 2 : 1);
  }
  return null;
}

function cookieInLine(b: Uint8Array, start: number, end: number, line: number): Cookie | 'code' | null {
  let i = start;
  while (i < end && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0c)) i++;
  if (i === end) return null;
  if (b[i] !== 0x23) return 'code';
  for (; i + 6 < end; i++) {
    if (b[i] !== 0x63 || b[i + 1] !== 0x6f || b[i + 2] !== 0x64 || b[i + 3] !== 0x69 || b[i + 4] !== 0x6e || b[i + 5] !== 0x67) continue;
    let t = i + 6;
    if (b[t] !== 0x3a && b[t] !== 0x3d) continue;
    t++;
    while (t < end && (b[t] === 0x20 || b[t] === 0x09)) t++;
    const nameStart = t;
    while (t < end && isCookieChar(b[t])) t++;
    if (t > nameStart) {
      let name = '';
      for (let k = nameStart; k < t; k++) name += String.fromCharCode(b[k]);
      return { name, line, start: nameStart, end: t };
    }
  }
  return null;
}

function isCookieChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c === 46;
}

function cookieSpan(body: Uint8Array, cookie: Cookie): Span {
  let lineStart = cookie.start;
  while (lineStart > 0 && body[lineStart - 1] !== 0x0a && body[lineStart - 1] !== 0x0d) lineStart--;
  // The cookie line is ASCII up to the name, so byte columns are character columns.
  return {
    start: { line: cookie.line, character: cookie.start - lineStart },
    end: { line: cookie.line, character: cookie.end - lineStart },
  };
}

function latin1(b: Uint8Array, asciiOnly = false): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < b.length; i += CHUNK) {
    const part = b.subarray(i, Math.min(b.length, i + CHUNK));
    const codes = asciiOnly ? Array.from(part, (c) => (c < 0x80 ? c : 0xfffd)) : Array.from(part);
    out += String.fromCharCode(...codes);
  }
  return out;
}

function firstC1(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f) return i;
  }
  return -1;
}

function textSpan(text: string, offset: number): Span {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { start: { line, character: offset - lineStart }, end: { line, character: offset - lineStart + 1 } };
}

function firstLine(): Span {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}
