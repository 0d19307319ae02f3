// The text shortcut for migration files (HostFs.readUtf8, engine/project.ts readAndParse): whatever
// the bytes, a file read through Node's UTF-8 text must parse exactly as the same file read as bytes
// and decoded by the engine (BOMs, coding cookies, invalid and odd UTF-8, NULs, line endings), on
// real files so that Node's own decoder is the one checked.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeFs } from '../../server/src/node/nodeFs';
import { readAndParse } from '../../server/src/engine/project';
import { isPlainUtf8Text } from '../../server/src/engine/python/decode';
import type { HostFs } from '../../server/src/engine/types';
import { prng } from '../helpers/prng';

const withText = createNodeFs();
const bytesOnly: HostFs = { ...createNodeFs(), readUtf8: undefined };
const enc = new TextEncoder();

/** Both ways agree on this file; returns whether the text way was taken. */
function agree(path: string, what: string): boolean {
  const viaBytes = readAndParse(bytesOnly, path);
  let textCalls = 0;
  let plain = false;
  const counting: HostFs = {
    ...withText,
    readUtf8(p) {
      textCalls++;
      const r = withText.readUtf8!(p);
      plain = r.ok && isPlainUtf8Text(r.value);
      return r;
    },
  };
  const viaText = readAndParse(counting, path);
  assert.equal(textCalls, 1, what);
  assert.deepStrictEqual(viaText, viaBytes, what);
  // JSON as well: the header is an accessor until read, and both must give the same facts.
  assert.equal(JSON.stringify(viaText), JSON.stringify(viaBytes), what);
  return plain;
}

const parts = {
  doc: '"""Add things\n\nRevision ID: abc\nRevises: \nCreate Date: 2024-01-01\n\n"""\n',
  vars: "revision = 'abc'\ndown_revision = None\n",
};

/** Byte strings the decoders disagree on, or that send the engine down another path. */
const CASES: Record<string, Uint8Array> = {
  plain: enc.encode(parts.doc + parts.vars),
  'utf-8 multibyte (é, 日本, an emoji)': enc.encode('"""Café 日本 \u{1F600}"""\n' + parts.vars),
  'a BOM': new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(parts.doc + parts.vars)]),
  'a BOM and a latin-1 cookie': new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('# -*- coding: latin-1 -*-\n' + parts.vars)]),
  'a latin-1 cookie and a latin-1 byte': new Uint8Array([...enc.encode('# coding: latin-1\n"""caf'), 0xe9, ...enc.encode('"""\n' + parts.vars)]),
  'a cookie on line 2': new Uint8Array([...enc.encode('#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\n"""'), 0x80, ...enc.encode('"""\n' + parts.vars)]),
  'a blank line, then a cookie': enc.encode('\n# coding: ascii\n' + parts.vars),
  'a comment without a cookie': enc.encode('# just a comment\n' + parts.doc + parts.vars),
  'an unknown codec': enc.encode('# coding: klingon\n' + parts.vars),
  'a lone continuation byte': new Uint8Array([...enc.encode('"""a'), 0x80, ...enc.encode('"""\n' + parts.vars)]),
  'an overlong NUL (C0 80)': new Uint8Array([...enc.encode('"""a'), 0xc0, 0x80, ...enc.encode('"""\n' + parts.vars)]),
  'a UTF-8 encoded surrogate (ED A0 80)': new Uint8Array([...enc.encode('"""a'), 0xed, 0xa0, 0x80, ...enc.encode('"""\n' + parts.vars)]),
  'a sequence cut at the end': new Uint8Array([...enc.encode(parts.vars + '# x'), 0xe6, 0x97]),
  'a byte above F4': new Uint8Array([...enc.encode(parts.vars + '# '), 0xf5, 0x80, 0x80, 0x80]),
  'U+FFFD written in the file': enc.encode('"""\uFFFD"""\n' + parts.vars),
  'a NUL byte': enc.encode(parts.vars + 'x = "\0"\n'),
  'CRLF and lone CR endings': enc.encode(parts.doc.replace(/\n/g, '\r\n') + "revision = 'abc'\rdown_revision = None\r\n"),
  'tabs and form feeds': enc.encode('\f' + parts.vars + 'def upgrade():\n\tpass\n'),
  empty: new Uint8Array(0),
  'only a BOM': new Uint8Array([0xef, 0xbb, 0xbf]),
  'a syntax error': enc.encode(parts.vars + 'def upgrade(:\n    pass\n'),
};

describe('reading migration files as UTF-8 text', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'alembic-readutf8-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('odd bytes parse the same read as text or as bytes; only plain UTF-8 takes the text', () => {
    const plainOnes: string[] = [];
    Object.entries(CASES).forEach(([what, bytes], i) => {
      const path = join(dir, `case${i}.py`);
      writeFileSync(path, bytes);
      if (agree(path, what)) plainOnes.push(what);
    });
    assert.deepEqual(plainOnes, ['plain', 'utf-8 multibyte (é, 日本, an emoji)', 'a NUL byte', 'CRLF and lone CR endings', 'tabs and form feeds', 'empty', 'a syntax error']);
  });

  test('every migration file of every fixture project parses the same either way', () => {
    const root = fileURLToPath(new URL('../fixtures/projects', import.meta.url));
    let files = 0;
    let plain = 0;
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && e.name.endsWith('.py') && statSync(p).size < 1 << 20) {
          files++;
          if (agree(p, p)) plain++;
        }
      }
    };
    walk(root);
    assert.ok(files > 100 && plain > files / 2, `${plain} of ${files} files took the text`);
  });

  test('seeded byte mutations of a real migration parse the same either way', () => {
    const base = readFileSync(fileURLToPath(new URL('../fixtures/projects/encodings', import.meta.url)) + '/' + readdirSync(fileURLToPath(new URL('../fixtures/projects/encodings', import.meta.url)), { recursive: true }).map(String).find((f) => f.endsWith('.py')));
    const rnd = prng(20261125);
    const path = join(dir, 'mutated.py');
    const special = [0x00, 0x0a, 0x0d, 0x23, 0x22, 0x27, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xef, 0xbb, 0xf0, 0xf5, 0xff];
    for (let round = 0; round < 400; round++) {
      const b = [...base];
      const edits = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rnd() * (b.length + 1));
        const byte = rnd() < 0.7 ? special[Math.floor(rnd() * special.length)] : Math.floor(rnd() * 256);
        if (rnd() < 0.5) b.splice(at, 1, byte);
        else b.splice(at, 0, byte);
      }
      if (rnd() < 0.1) b.unshift(0xef, 0xbb, 0xbf);
      writeFileSync(path, new Uint8Array(b));
      agree(path, `round ${round}`);
    }
  });

  test('a file that cannot be read gives the same error either way', () => {
    for (const path of [join(dir, 'missing.py'), dir]) {
      assert.deepStrictEqual(readAndParse(withText, path), readAndParse(bytesOnly, path));
      assert.equal(readAndParse(withText, path).parsed, null);
    }
  });
});

test('isPlainUtf8Text: no BOM, no U+FFFD, no comment before the first code', () => {
  assert.equal(isPlainUtf8Text('"""doc"""\nrevision = "a"\n'), true);
  assert.equal(isPlainUtf8Text(''), true);
  assert.equal(isPlainUtf8Text('\n\n  x = 1  # coding: latin-1\n'), true);
  assert.equal(isPlainUtf8Text('\ufeffx = 1\n'), false);
  assert.equal(isPlainUtf8Text('x = "\ufffd"\n'), false);
  assert.equal(isPlainUtf8Text('# coding: latin-1\nx = 1\n'), false);
  assert.equal(isPlainUtf8Text(' \t\f\r\n# anything\n'), false);
});
