// A script.py.mako's bytes read as Mako reads them for Alembic: UTF-8 unless a byte order mark or a
// first-line coding comment says otherwise, strictly (a bad byte fails, as `alembic merge` does).
// The live check hands the same bytes to the real Mako that Debian's Alembic uses.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { decodeMakoTemplate } from '../../server/src/engine/index';
import { integrationSkipReason, locateAlembic } from '../helpers/alembic';

const enc = (s: string) => Array.from(new TextEncoder().encode(s));
const latin1 = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const BOM = [0xef, 0xbb, 0xbf];

/** name, bytes, the text Mako reads (null: Mako refuses the template). */
const CASES: [string, number[], string | null][] = [
  ['utf-8', enc('"""${message}"""\n# café\n'), '"""${message}"""\n# café\n'],
  ['utf-8 with a BOM', [...BOM, ...enc('# café\n')], '# café\n'],
  ['latin-1 bytes, no coding comment', latin1('# café\n'), null],
  ['latin-1 with a first-line coding comment', latin1('## -*- coding: latin-1 -*-\n# café\n'), '## -*- coding: latin-1 -*-\n# café\n'],
  ['a coding comment on the second line does not count', latin1('\n## coding: latin-1\n# café\n'), null],
  ['cp1252 curly quotes', [...latin1('# coding=cp1252\n# '), 0x93, 0x94, 0x0a], '# coding=cp1252\n# \u201c\u201d\n'],
  ['ascii declared, a byte above 0x7f', latin1('# coding: ascii\n# café\n'), null],
  ['a BOM and a different coding comment', [...BOM, ...enc('# coding: latin-1\nx\n')], null],
  ['a BOM and coding: utf-8', [...BOM, ...enc('# coding: utf-8\nx\n')], '# coding: utf-8\nx\n'],
  ['an unknown encoding', enc('# coding: klingon\nx\n'), null],
];

describe('decodeMakoTemplate', () => {
  for (const [name, bytes, text] of CASES) {
    test(name, () => {
      const out = decodeMakoTemplate(Uint8Array.from(bytes));
      if (text === null) assert.equal(out.ok, false, JSON.stringify(out));
      else assert.deepEqual(out, { ok: true, value: text });
    });
  }

  test('the refusals say what Mako says and the fix', () => {
    const bad = decodeMakoTemplate(Uint8Array.from(latin1('# café\n')));
    assert.deepEqual(bad, {
      ok: false,
      error: `Mako cannot read the template: "Unicode decode operation of encoding 'utf-8' failed" (utf-8 cannot decode the file's bytes). Fix: save it as UTF-8 or correct the coding comment.`,
    });
    const conflicting = decodeMakoTemplate(Uint8Array.from([...BOM, ...enc('# coding: latin-1\nx\n')]));
    assert.ok(!conflicting.ok && conflicting.error.includes(`Found utf-8 BOM in file, with conflicting magic encoding comment of 'latin-1'`));
    const unknown = decodeMakoTemplate(Uint8Array.from(enc('# coding: klingon\nx\n')));
    assert.ok(!unknown.ok && unknown.error.includes('LookupError: unknown encoding: klingon'));
  });
});

// Mako's own reading of each case: the decoded text, or null when it raises.
const MAKO_READS = `
import json, sys, tempfile, os
from mako.lexer import Lexer
out = []
for data in json.load(sys.stdin):
    raw = bytes(data)
    try:
        _, text = Lexer(raw).decode_raw_stream(raw, True, None, 'script.py.mako')
        out.append(text)
    except Exception:
        out.append(None)
print(json.dumps(out))
`;

const skip = integrationSkipReason();

describe('live check: the real Mako reads each case as said', { skip }, () => {
  test(`${CASES.length} cases`, () => {
    const alembic = locateAlembic();
    assert.ok(!('missing' in alembic), 'missing' in alembic ? alembic.missing : '');
    const run = spawnSync(alembic.python, ['-c', MAKO_READS], { input: JSON.stringify(CASES.map((c) => c[1])), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || String(run.error));
    const got = JSON.parse(run.stdout) as (string | null)[];
    CASES.forEach(([name, , text], i) => assert.equal(got[i], text, name));
  });
});
