// The merge revision and encodings: the template is read as Mako reads it (a latin-1 template with
// its coding comment renders, one without is refused as `alembic merge` fails), and a new file is
// refused when Alembic would write it in another encoding than the UTF-8 VS Code writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeRevisionEdit } from '../../server/src/features/fixes/merge-revision';
import { DEFAULT_TEMPLATE, projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';

const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';
const C = 'c3c3c3c3c3c3';
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** Two heads (b2, c3) on a1, with the template and ini given. */
function forked(template: string | Uint8Array, ini = '[alembic]\nscript_location = %(here)s/migrations\n') {
  const files: Record<string, string | Uint8Array> = {
    ...projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, A), [`${C}_three.py`]: revisionText(C, A) }),
    '/w/alembic.ini': ini,
    '/w/migrations/script.py.mako': template,
  };
  return testWorkspace(files as Record<string, string>, { ids: ['feedfacecafe'] });
}

const merge = (w: ReturnType<typeof forked>, message = 'merge heads') =>
  mergeRevisionEdit(w.ctx, { project: '/w/alembic.ini#alembic', heads: [B, C], message });

/** The text the merge would insert into the new file. */
function inserted(out: ReturnType<typeof merge>): string {
  assert.ok(out.ok, JSON.stringify(out));
  const change = out.edit.documentChanges?.[1];
  assert.ok(change && 'edits' in change);
  return (change.edits[0] as { newText: string }).newText;
}

test('a latin-1 template with its first-line coding comment renders, its characters read as latin-1', () => {
  const template = '## -*- coding: latin-1 -*-\n' + DEFAULT_TEMPLATE.replace('from alembic import op', '# café\nfrom alembic import op');
  const text = inserted(merge(forked(latin1(template))));
  assert.match(text, /^# café$/m);
  assert.doesNotMatch(text, /coding/, 'the ## line is a Mako comment');
});

test('a template in latin-1 without a coding comment is refused, as Mako refuses it', () => {
  const template = DEFAULT_TEMPLATE.replace('from alembic import op', '# café\nfrom alembic import op');
  const out = merge(forked(latin1(template)));
  assert.deepEqual(out, {
    ok: false,
    error:
      `Not merged: /w/migrations/script.py.mako: Mako cannot read the template: "Unicode decode operation of encoding 'utf-8' failed" ` +
      `(utf-8 cannot decode the file's bytes). Fix: save it as UTF-8 or correct the coding comment.`,
  });
});

test('output_encoding other than UTF-8: refused only when the new file has non-ASCII characters', () => {
  const ini = '[alembic]\nscript_location = %(here)s/migrations\noutput_encoding = latin-1\n';
  assert.ok(merge(forked(DEFAULT_TEMPLATE, ini)).ok, 'ASCII is the same bytes in latin-1');
  const out = merge(forked(DEFAULT_TEMPLATE, ini), 'fusion des têtes');
  assert.ok(!out.ok);
  assert.equal(
    out.error,
    'Not merged: the project\'s output_encoding is latin-1, and line 1 of the new file has non-ASCII characters, which VS Code would write as UTF-8 ' +
      'where Alembic writes latin-1. Fix: run `alembic merge` in a terminal, or use a message without non-ASCII characters.',
  );
  // Python's other names for UTF-8 are UTF-8.
  const utf8 = '[alembic]\nscript_location = %(here)s/migrations\noutput_encoding = UTF8\n';
  assert.match(inserted(merge(forked(DEFAULT_TEMPLATE, utf8), 'fusion des têtes')), /^"""fusion des têtes$/m);
});

test('output_encoding from pyproject.toml counts as from alembic.ini', () => {
  const files: Record<string, string> = {
    ...projectFiles({ [`${A}_one.py`]: revisionText(A, null), [`${B}_two.py`]: revisionText(B, A), [`${C}_three.py`]: revisionText(C, A) }),
    '/w/pyproject.toml': '[tool.alembic]\nscript_location = "%(here)s/migrations"\noutput_encoding = "latin-1"\n',
  };
  delete files['/w/alembic.ini'];
  const w = testWorkspace(files, { ids: ['feedfacecafe'] });
  const out = mergeRevisionEdit(w.ctx, { project: '/w/pyproject.toml#tool.alembic', heads: [B, C], message: 'fusion des têtes' });
  assert.ok(!out.ok && out.error.includes("output_encoding is latin-1"), JSON.stringify(out));
});
