// Problems as VS Code shows them (vscode.languages.getDiagnostics), published by the language server
// for files nobody opened: several heads, a down_revision naming nothing, and an id declared twice.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { e2eContext } from './context';
import { diagnostics, indexedApi, until } from './helpers';

const ctx = e2eContext();
const versions = (fixture: string, file: string) => join(ctx.folders[fixture], 'migrations/versions', file);
const textAt = async (file: string, range: vscode.Range) => (await vscode.workspace.openTextDocument(vscode.Uri.file(file))).getText(range);

suite('diagnostics', () => {
  suiteSetup(async () => {
    const projects = await (await indexedApi()).whenIndexed();
    assert.equal(projects.length, 4, projects.map((p) => p.root).join(', '));
  });

  test('several heads: multiple-heads on each head, naming the other head', async () => {
    for (const [fixture, heads] of [
      ['multiple-heads', ['a2a2a2a2a2a2_app_two.py', 'e2e2e2e2e2e2_other_two.py']],
      ['branchpoint', ['c3c3c3c3c3c3_branch_one.py', 'd4d4d4d4d4d4_branch_two.py']],
    ] as const) {
      for (const [i, head] of heads.entries()) {
        const file = versions(fixture, head);
        const [d] = await until(`multiple-heads on ${head}`, () => diagnostics(file, 'multiple-heads').length === 1 && diagnostics(file, 'multiple-heads'));
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
        assert.match(await textAt(file, d.range), /^'[0-9a-f]{12}'$/, 'on the revision id');
        const other = versions(fixture, heads[1 - i]);
        assert.ok((d.relatedInformation ?? []).some((r) => r.location.uri.fsPath === other), `related: ${JSON.stringify(d.relatedInformation)}`);
      }
    }
  });

  test('a broken parent: broken-down-revision on the literal, naming the current head as the fix', async () => {
    const b2 = versions('missing-parent', 'b2b2b2b2b2b2_add_email.py');
    const [d] = await until('broken-down-revision on b2', () => diagnostics(b2, 'broken-down-revision').length === 1 && diagnostics(b2, 'broken-down-revision'));
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(await textAt(b2, d.range), "'doesnotexist'");
    assert.match(d.message, /'a1a1a1a1a1a1' \(the current head\)/);
  });

  test('a duplicate id: duplicate-revision-id on both files, each pointing at the other', async () => {
    const first = versions('duplicate-id', 'c3c3c3c3c3c3_branch_one.py');
    const second = versions('duplicate-id', 'zz_duplicate.py');
    for (const [file, other] of [[first, second], [second, first]]) {
      const [d] = await until(`duplicate-revision-id on ${file}`, () => diagnostics(file, 'duplicate-revision-id').length === 1 && diagnostics(file, 'duplicate-revision-id'));
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(await textAt(file, d.range), "'c3c3c3c3c3c3'");
      assert.ok((d.relatedInformation ?? []).some((r) => r.location.uri.fsPath === other), `related: ${JSON.stringify(d.relatedInformation)}`);
    }
  });

  test('the problems come from the extension: source and nothing on files without problems', async () => {
    const a1 = versions('multiple-heads', 'a1a1a1a1a1a1_app_one.py');
    assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(a1)), []);
    const b2 = versions('missing-parent', 'b2b2b2b2b2b2_add_email.py');
    assert.ok(vscode.languages.getDiagnostics(vscode.Uri.file(b2)).every((d) => /alembic/i.test(d.source ?? '')), 'source names Alembic');
  });
});
