// Decoding source bytes as Python's import does (PEP 263). Expected texts and refusals were checked
// with /usr/bin/python3 (3.11) by compiling the same bytes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSource } from '../../server/src/engine/python/decode';
import { lookupPythonCodec, normalizeCodecName, tokenizerNormalName } from '../../server/src/engine/python/pyencodings';
import { parseMigration } from '../../server/src/engine/python/parse';

const enc = new TextEncoder();
function bytes(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? [...enc.encode(p)] : p));
  return Uint8Array.from(chunks.flat());
}

describe('decodeSource: encodings Python accepts', () => {
  const cases: [string, Uint8Array, string, string][] = [
    ['plain UTF-8', bytes('"""café 😀"""\n'), '"""café 😀"""\n', 'utf-8'],
    ['a UTF-8 BOM is stripped', bytes([0xef, 0xbb, 0xbf], '"""bom doc"""\n'), '"""bom doc"""\n', 'utf-8'],
    ['BOM with a utf-8 cookie', bytes([0xef, 0xbb, 0xbf], '# coding: utf-8\n"a"\n'), '# coding: utf-8\n"a"\n', 'utf-8'],
    ['latin-1 cookie, Emacs style', bytes('# -*- coding: latin-1 -*-\n"caf', [0xe9], '"\n'), '# -*- coding: latin-1 -*-\n"café"\n', 'iso8859-1'],
    ['latin-1 keeps C1 controls (not windows-1252)', bytes('# coding: latin-1\n"', [0x80], '"\n'), '# coding: latin-1\n"\x80"\n', 'iso8859-1'],
    ['Latin1 / l1 aliases', bytes('# coding: l1\n"', [0xe9], '"\n'), '# coding: l1\n"é"\n', 'iso8859-1'],
    ['vim cookie on line 2 after a shebang, cp1252', bytes('#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\n"', [0x80], '"\n'), '#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\n"€"\n', 'cp1252'],
    ['cookie on line 2 after a blank line', bytes('\n# coding: latin-1\n"', [0xe9], '"\n'), '\n# coding: latin-1\n"é"\n', 'iso8859-1'],
    ['cookie on line 2 after a spaces-only line', bytes('   \n# coding: latin-1\n"', [0xe9], '"\n'), '   \n# coding: latin-1\n"é"\n', 'iso8859-1'],
    ['"xcoding:" still matches, as in CPython', bytes('# xcoding: latin-1\n"', [0xe9], '"\n'), '# xcoding: latin-1\n"é"\n', 'iso8859-1'],
    ['utf8 / UTF_8 / utf-8-sig spellings', bytes('# coding: UTF_8\n"', [0xc3, 0xa9], '"\n'), '# coding: UTF_8\n"é"\n', 'utf-8'],
    ['iso-8859-15 through TextDecoder', bytes('# coding: iso_8859_15\n"', [0xa4], '"\n'), '# coding: iso_8859_15\n"€"\n', 'iso8859-15'],
    ['euc-jp (multi-byte)', bytes('# coding: euc-jp\n"', [0xa4, 0xa2], '"\n'), '# coding: euc-jp\n"あ"\n', 'euc_jp'],
    ['CRLF line ends around the cookie', bytes('# coding: latin-1\r\n"', [0xe9], '"\r\n'), '# coding: latin-1\r\n"é"\r\n', 'iso8859-1'],
  ];
  for (const [name, input, text, encoding] of cases) {
    test(name, () => {
      const d = decodeSource(input);
      assert.deepEqual(d.errors, []);
      assert.equal(d.text, text);
      assert.equal(d.encoding, encoding);
    });
  }

  test('a cookie after a code line is ignored (Python reads UTF-8)', () => {
    const d = decodeSource(bytes('x = 1\n# coding: latin-1\n"caf', [0xe9], '"\n'));
    assert.equal(d.encoding, 'utf-8');
    assert.equal(d.errors.length, 1);
    assert.equal(d.errors[0].span.start.line, 2);
  });

  test('a cookie in a trailing comment of a code line is not a cookie', () => {
    assert.equal(decodeSource(bytes('x = 1  # coding: latin-1\n')).encoding, 'utf-8');
  });

  test('a codec Python knows but JavaScript cannot decode: ASCII kept, no error', () => {
    const d = decodeSource(bytes('# coding: cp437\nrevision = "a', [0x81], '"\n'));
    assert.deepEqual(d.errors, []);
    assert.equal(d.text, '# coding: cp437\nrevision = "a\ufffd"\n');
  });
});

describe('decodeSource: what Python refuses', () => {
  test('invalid UTF-8 names the line, the byte and the fix', () => {
    const d = decodeSource(bytes('x = 1\ny = "ab', [0xe9], 'cd"\n'));
    assert.equal(d.errors.length, 1);
    const e = d.errors[0];
    assert.deepEqual(e.span, { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } });
    assert.match(e.message, /Line 2 .*0xe9.*utf-8.*Save the file as UTF-8.*coding: latin-1/);
    assert.equal(d.text, 'x = 1\ny = "ab\ufffdcd"\n', 'the text is still produced');
  });

  test('an unknown encoding', () => {
    const d = decodeSource(bytes('# coding: foo-bar\nrevision = "a"\n'));
    assert.equal(d.errors.length, 1);
    assert.match(d.errors[0].message, /unknown encoding: foo-bar/);
    assert.deepEqual(d.errors[0].span, { start: { line: 0, character: 10 }, end: { line: 0, character: 17 } });
    assert.equal(d.text, '# coding: foo-bar\nrevision = "a"\n');
  });

  test('mbcs is unknown on Linux too', () => {
    assert.equal(decodeSource(bytes('# coding: mbcs\n')).errors.length, 1);
  });

  test('a BOM with a non-utf-8 cookie', () => {
    const d = decodeSource(bytes([0xef, 0xbb, 0xbf], '# coding: latin-1\n"a"\n'));
    assert.match(d.errors[0].message, /encoding problem: iso-8859-1 with BOM/);
  });

  test('a BOM with "utf8" (not spelled utf-8) is refused too, as CPython does', () => {
    const d = decodeSource(bytes([0xef, 0xbb, 0xbf], '# coding: utf8\n"a"\n'));
    assert.match(d.errors[0].message, /encoding problem: utf8 with BOM/);
  });

  test('ascii cookie with a non-ASCII byte', () => {
    const d = decodeSource(bytes('# coding: ascii\nrevision = "caf', [0xc3, 0xa9], '"\n'));
    assert.equal(d.errors.length, 1);
    assert.match(d.errors[0].message, /'ascii' codec can't decode byte 0xc3/);
    assert.equal(d.errors[0].span.start.line, 1);
  });

  test('cp1252 undefined byte 0x81', () => {
    const d = decodeSource(bytes('# coding: cp1252\n"', [0x81], '"\n'));
    assert.match(d.errors[0].message, /character maps to <undefined>/);
  });

  test('cp1253 undefined byte (TextDecoder maps it to a C1 control)', () => {
    assert.equal(decodeSource(bytes('# coding: cp1253\n"', [0x8a], '"\n')).errors.length, 1);
  });

  test('a utf-16 cookie (Python cannot read source that way)', () => {
    assert.equal(decodeSource(bytes('# coding: utf-16\n"a"\n')).errors.length, 1);
  });

  test('NUL bytes decode fine here; the parser reports them as a syntax error', () => {
    const p = parseMigration(bytes('revision = "a"', [0], '\n'));
    assert.deepEqual(p.decodeErrors, []);
    assert.match(p.syntaxErrors[0].message, /null bytes/);
  });

  test('parseMigration carries decode errors and still reads the variables', () => {
    const p = parseMigration(bytes('revision = "a"\ndown_revision = None  # caf', [0xe9], '\n'));
    assert.equal(p.decodeErrors.length, 1);
    assert.ok(p.revision?.value.kind === 'str' && p.revision.value.lit.value === 'a');
  });
});

describe('codec names', () => {
  test('normalisation and aliases follow Python', () => {
    assert.equal(normalizeCodecName('ISO-8859--15 '), 'iso_8859_15');
    assert.equal(lookupPythonCodec('Latin-1'), 'iso8859-1');
    assert.equal(lookupPythonCodec('windows-1252'), 'cp1252');
    assert.equal(lookupPythonCodec('SJIS'), 'shift_jis');
    assert.equal(lookupPythonCodec('utf8'), 'utf-8');
    assert.equal(lookupPythonCodec('klingon'), null);
  });
  test("the tokenizer's own shortcut names", () => {
    assert.equal(tokenizerNormalName('UTF_8'), 'utf-8');
    assert.equal(tokenizerNormalName('utf-8-sig'), 'utf-8');
    assert.equal(tokenizerNormalName('latin-1-x'), 'iso-8859-1');
    assert.equal(tokenizerNormalName('utf8'), 'utf8');
  });
});
