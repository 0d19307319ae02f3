// Edits only for files VS Code saves back byte for byte: a quick fix or rename that would edit a
// latin-1 file, or one with bytes that are not UTF-8, is refused (disabled with the reason where the
// client can show it), naming the file, the line and the fix. UTF-8 files, with or without a BOM or a
// coding line that changes nothing, are edited as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import { utf8EditHazard } from '../../server/src/engine/index';
import { diagnosticsByFile } from '../../server/src/features/diagnostics';
import { codeActions } from '../../server/src/features/fixes/code-actions';
import { rename } from '../../server/src/features/rename';
import { pathToUri } from '../../server/src/lsp/uris';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { projectFiles, revisionText, testWorkspace, type TestWorkspace } from '../helpers/featureContext';

const V = '/w/migrations/versions';
const A = 'a1a1a1a1a1a1';
const B = 'b2b2b2b2b2b2';
const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** b2's file with a typo in down_revision (so it has a re-point quick fix), in the bytes given. */
function project(b2: (text: string) => Uint8Array, opts: { disabledSupport?: boolean } = {}) {
  const text = revisionText(B, 'a1a1a1a1a1a2');
  const files: Record<string, string | Uint8Array> = { ...projectFiles({ [`${A}_one.py`]: revisionText(A, null) }), [`${V}/${B}_two.py`]: b2(text) };
  const ws = testWorkspace(files as Record<string, string>);
  return { ws: withDisabled(ws, opts.disabledSupport ?? true), path: `${V}/${B}_two.py`, text };
}

function withDisabled(ws: TestWorkspace, on: boolean): TestWorkspace {
  return { ...ws, ctx: { ...ws.ctx, disabledCodeActions: on } };
}

function fixes(ws: TestWorkspace, path: string): CodeAction[] {
  const all = ws.index.projects.flatMap((p) => p.indexed.problems);
  const diagnostics = (diagnosticsByFile(all, DEFAULT_SETTINGS).get(path) ?? []).filter((d) => d.code === 'broken-down-revision');
  assert.equal(diagnostics.length, 1, 'the typo is reported');
  const params: CodeActionParams = { textDocument: { uri: pathToUri(path) }, range: diagnostics[0].range, context: { diagnostics, only: ['quickfix'] } };
  return codeActions(ws.ctx, params);
}

/** A coding line (line 1), then the docstring with an é on its second line (line 3 of the file). */
function withLatin1Accent(text: string, cookie = '# -*- coding: latin-1 -*-\n'): string {
  return cookie + text.replace('\n\nRevision ID', '\nCafé au lait\nRevision ID');
}

test('the engine: which bytes a UTF-8 editor gives back as Python reads them', () => {
  assert.equal(utf8EditHazard(enc('x = "é"\n')), null, 'UTF-8');
  assert.equal(utf8EditHazard(Uint8Array.from([0xef, 0xbb, 0xbf, ...enc('x = "é"\n')])), null, 'UTF-8 with a BOM (kept by the editor)');
  assert.equal(utf8EditHazard(enc('# coding: latin-1\nx = 1\n')), null, 'a latin-1 cookie over ASCII only');
  assert.equal(utf8EditHazard(enc('# coding: utf8\nx = "é"\n')), null, 'a utf8 cookie');
  assert.deepEqual(utf8EditHazard(latin1('# coding: latin-1\n\nx = "é"\n')), { kind: 'invalid-utf8', line: 2 }, 'latin-1 é is no UTF-8');
  assert.deepEqual(utf8EditHazard(Uint8Array.from([...enc('a\r\nb\rc\n'), 0xff])), { kind: 'invalid-utf8', line: 3 }, 'CRLF and CR end lines');
  // Valid UTF-8 bytes that a cookie makes Python read as two latin-1 characters.
  assert.deepEqual(utf8EditHazard(enc('# coding: latin-1\nx = 1\ny = "é"\n')), { kind: 'other-encoding', encoding: 'iso8859-1', line: 2 });
});

test('a re-point fix is offered for UTF-8 files, with a BOM or a harmless coding line', () => {
  const variants: [string, (t: string) => Uint8Array][] = [
    ['plain', enc],
    ['BOM', (t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(t)])],
    ['latin-1 cookie, ASCII only', (t) => enc('# -*- coding: latin-1 -*-\n' + t)],
    ['utf-8 cookie and an accent', (t) => enc(withLatin1Accent(t, '# -*- coding: utf-8 -*-\n'))],
  ];
  for (const [name, bytes] of variants) {
    const { ws, path } = project(bytes);
    const actions = fixes(ws, path);
    assert.ok(actions.length > 0, name);
    for (const a of actions) {
      assert.equal(a.disabled, undefined, name);
      assert.ok(a.edit, name);
    }
  }
});

test('a latin-1 file: its fixes are disabled with the file, the line and the fix, and carry no edit', () => {
  const { ws, path } = project((t) => latin1(withLatin1Accent(t)));
  const actions = fixes(ws, path);
  assert.ok(actions.length > 0);
  for (const a of actions) {
    assert.equal(a.edit, undefined, 'nothing to apply');
    assert.equal(
      a.disabled?.reason,
      `${B}_two.py:3 has bytes that are not valid UTF-8; VS Code shows them as \ufffd and would write that when it saves this change. ` +
        'Fix: save the file as UTF-8 (or remove those bytes) and try again, or make the change by hand.',
    );
  }
  // A client that cannot show disabled actions gets none.
  const plain = project((t) => latin1(withLatin1Accent(t)), { disabledSupport: false });
  assert.deepEqual(fixes(plain.ws, plain.path), []);
});

test('UTF-8 bytes under a latin-1 coding line: Python and VS Code read different characters, so no edit', () => {
  const { ws, path } = project((t) => enc(withLatin1Accent(t)));
  const [first] = fixes(ws, path);
  assert.match(
    first.disabled?.reason ?? '',
    /^b2b2b2b2b2b2_two\.py:3: the file is iso8859-1 \(its coding line\), but VS Code reads and saves it as UTF-8.*Fix: convert it to UTF-8 and make its coding line say utf-8/,
  );
});

test('a rename that would edit a latin-1 file is refused, naming it; the same rename in UTF-8 goes ahead', () => {
  const make = (bytes: (t: string) => Uint8Array) => {
    const files: Record<string, string | Uint8Array> = {
      ...projectFiles({ [`${A}_one.py`]: revisionText(A, null) }),
      [`${V}/${B}_two.py`]: bytes(revisionText(B, A)),
    };
    return testWorkspace(files as Record<string, string>);
  };
  const a1 = `${V}/${A}_one.py`;
  const at = { line: revisionText(A, null).split('\n').findIndex((l) => l.startsWith('revision =')), character: 14 };
  const ask = (ws: TestWorkspace) => rename(ws.ctx, { textDocument: { uri: pathToUri(a1) }, position: at, newName: 'c3c3c3c3c3c3' });

  const refused = ask(make((t) => latin1(withLatin1Accent(t))));
  assert.ok(refused && !refused.ok);
  assert.match(refused.reason, new RegExp(`^Not renamed: ${B}_two\\.py:3 has bytes that are not valid UTF-8`));

  const done = ask(make(enc));
  assert.ok(done?.ok, JSON.stringify(done));
});
