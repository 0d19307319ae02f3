// A script.py.mako's bytes -> the template text, as Mako reads a template file for Alembic
// (Lexer.decode_raw_stream): a UTF-8 byte order mark means UTF-8; otherwise a magic comment on the
// first line (`## -*- coding: latin-1 -*-`) names the encoding; otherwise UTF-8. Decoding is strict:
// a byte the encoding cannot decode makes Mako, and so `alembic revision` / `alembic merge`, fail.
import type { Outcome } from '../types';
import { decodeAsPythonCodec } from '../python/decode';

/** Mako's `_coding_re`, matched at the start of the template. */
const MAGIC_ENCODING = /^#.*coding[:=]\s*([-\w.]+).*\r?\n/;

const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });

export function decodeMakoTemplate(bytes: Uint8Array): Outcome<string> {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const magic = MAGIC_ENCODING.exec(utf8Lenient.decode(body))?.[1] ?? null;
  if (hasBom && magic !== null && magic !== 'utf-8') {
    return { ok: false, error: `Mako refuses the template: "Found utf-8 BOM in file, with conflicting magic encoding comment of '${magic}'". Fix: remove the byte order mark or the coding comment.` };
  }
  const encoding = hasBom ? 'utf-8' : (magic ?? 'utf-8');
  const decoded = decodeAsPythonCodec(body, encoding);
  if (decoded.ok) return { ok: true, value: decoded.text };
  if (decoded.error.startsWith('LookupError')) {
    return { ok: false, error: `Mako cannot read the template: ${decoded.error} (its first-line coding comment). Fix: name an encoding Python knows, such as utf-8.` };
  }
  return {
    ok: false,
    error: `Mako cannot read the template: "Unicode decode operation of encoding '${encoding}' failed" (${decoded.error}). Fix: save it as ${magic === null ? 'UTF-8' : `${encoding}, as its coding comment says,`} or correct the coding comment.`,
  };
}
