// Fuzzing the decoder + parser: random bytes and random mutations of realistic migration files must
// never throw (nor hit the internal-error safety net), must always return a ParsedMigration whose
// spans lie inside the text, and must stay fast. Seeded, so a failure reproduces: the message names
// the seed and case number.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMigration } from '../../server/src/engine/python/parse';
import { decodeSource } from '../../server/src/engine/python/decode';
import type { ParsedMigration, Span } from '../../server/src/engine/types';
import { generateCorpus, prng } from '../bench/migration-corpus';

const SEED = 20241125;
const enc = new TextEncoder();

const TRICKY = [
  'revision = ("a",\n  "b")\nif x:\n    down_revision = None\nelse:\n\tpass\n',
  'x = f"{a[\'k\']!r:>{w}} {{}} {f\'{1}\'}"\nrevision: Union[str, None] = r"a\\b" \'c\'\n',
  '"""doc\\x41\n\nRevision ID: \\x61\nRevises: a, b\n"""\nmatch x:\n    case [revision, *rest] if rest:\n        pass\n',
  '# -*- coding: latin-1 -*-\nrevision = "caf\\xe9"\nclass A:\n    def upgrade(self): pass\n',
];

const INSERTS = ['"', "'", '"""', "'''", '(', ')', '[', ']', '{', '}', '\\', '\n', '\r\n', '\r', '\t', '    ', '#', 'f"{', 'b"', ':',
  '=', ',', ';', '\x00', '\u00e9', '😀', '\ufeff', '$', '?', '`', 'revision = ', 'def upgrade():\n', 'if x:\n', '\\N{', '\\x',
  '\n<<<<<<< HEAD\n', '\n=======\n', '\n>>>>>>> feature\n', '1', '0x', '01', '1e', '1_', '1abc', '.5'];

function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

function spansOf(value: unknown, out: Span[] = []): Span[] {
  if (!value || typeof value !== 'object') return out;
  const v = value as Record<string, unknown>;
  if (v.start && v.end && typeof (v.start as { line?: unknown }).line === 'number') out.push(v as unknown as Span);
  for (const k of Object.keys(v)) if (k !== 'start' && k !== 'end') spansOf(v[k], out);
  return out;
}

function check(bytes: Uint8Array, label: string): void {
  const t0 = performance.now();
  let p: ParsedMigration;
  try {
    p = parseMigration(bytes);
  } catch (err) {
    assert.fail(`${label}: threw ${String(err)}`);
  }
  const ms = performance.now() - t0;
  assert.ok(ms < 200, `${label}: took ${ms.toFixed(1)} ms`);
  for (const e of p.syntaxErrors) assert.ok(!e.message.startsWith('internal error'), `${label}: ${e.message}`);
  assert.ok(p.syntaxErrors.length <= 1, `${label}: Python stops at the first error`);
  const text = decodeSource(bytes).text;
  const lens = lineLengths(text);
  for (const s of spansOf(p)) {
    const ok = (pos: Span['start']) => pos.line >= 0 && pos.line < lens.length && pos.character >= 0 && pos.character <= lens[pos.line];
    assert.ok(ok(s.start) && ok(s.end), `${label}: span out of the text ${JSON.stringify(s)}`);
    assert.ok(s.start.line < s.end.line || (s.start.line === s.end.line && s.start.character <= s.end.character), `${label}: reversed span`);
  }
  for (const k of ['revision', 'down_revision', 'branch_labels', 'depends_on'] as const) {
    const a = p[k];
    if (a) assert.ok(['none', 'str', 'seq', 'other'].includes(a.value.kind), label);
  }
}

function mutate(src: Uint8Array, rnd: () => number, others: Uint8Array[]): Uint8Array {
  let b = Array.from(src);
  const ops = 1 + Math.floor(rnd() * 5);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(rnd() * (b.length + 1));
    switch (Math.floor(rnd() * 7)) {
      case 0: // flip a byte
        if (b.length) b[Math.min(at, b.length - 1)] ^= 1 << Math.floor(rnd() * 8);
        break;
      case 1: // truncate
        b = b.slice(0, at);
        break;
      case 2: { // splice a piece of another file
        const o = others[Math.floor(rnd() * others.length)];
        const s = Math.floor(rnd() * o.length);
        b.splice(at, Math.floor(rnd() * 40), ...o.slice(s, s + Math.floor(rnd() * 200)));
        break;
      }
      case 3: // insert a quote, bracket, backslash, line end...
        b.splice(at, 0, ...enc.encode(INSERTS[Math.floor(rnd() * INSERTS.length)]));
        break;
      case 4: { // duplicate a line
        const text = b;
        let s = at;
        while (s > 0 && text[s - 1] !== 10) s--;
        let e = at;
        while (e < text.length && text[e] !== 10) e++;
        b.splice(e, 0, ...text.slice(s, e + 1));
        break;
      }
      case 5: // delete a range
        b.splice(at, Math.floor(rnd() * 30));
        break;
      default: // a random byte
        b.splice(at, 0, Math.floor(rnd() * 256));
    }
  }
  return Uint8Array.from(b);
}

describe('fuzz', () => {
  const files = [...generateCorpus(60, SEED).map((m) => enc.encode(m.text)), ...TRICKY.map((t) => enc.encode(t))];

  test('random bytes (biased towards Python syntax)', () => {
    const rnd = prng(SEED);
    const alphabet = enc.encode('abcdefrtuxNUL_0123456789 \t\n\r\'"()[]{}\\#:=,;.!$?@*+-/\x00\x0c');
    for (let n = 0; n < 1000; n++) {
      const len = Math.floor(rnd() * 600);
      const b = new Uint8Array(len);
      for (let i = 0; i < len; i++) b[i] = rnd() < 0.85 ? alphabet[Math.floor(rnd() * alphabet.length)] : Math.floor(rnd() * 256);
      if (n % 10 === 0) b.set(enc.encode('# coding: latin-1\n').subarray(0, Math.min(len, 18)));
      if (n % 13 === 0 && len >= 3) b.set([0xef, 0xbb, 0xbf]);
      check(b, `random bytes seed=${SEED} case=${n}`);
    }
  });

  test('mutations of realistic migrations', () => {
    const rnd = prng(SEED + 1);
    for (let n = 0; n < 3000; n++) {
      const src = files[Math.floor(rnd() * files.length)];
      check(mutate(src, rnd, files), `mutation seed=${SEED + 1} case=${n}`);
    }
  });

  test('pathological inputs stay linear', () => {
    const big = [
      '('.repeat(50000),
      'f"{'.repeat(5000),
      '"""' + 'x'.repeat(200000),
      'x = [' + "'a', ".repeat(20000) + ']\n',
      'if x:\n'.repeat(3000),
      '\\\n'.repeat(20000),
      ("'" + '\\'.repeat(3)).repeat(10000),
      'revision = ' + '"a" '.repeat(20000) + '\n',
    ];
    for (const [i, s] of big.entries()) check(enc.encode(s), `pathological case=${i}`);
  });
});
