// The edit pieces every fix is made of: a string literal's content replaced (its quotes kept), the
// docstring header ids that follow a changed variable, and the LSP wrappers around them.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HeaderFact, ParsedMigration, StrLit } from '../../engine/index';
import type { FeatureContext } from '../context';

/**
 * Replaces what a literal stands for. A plain literal keeps its quotes and only its inner characters
 * change; a literal with escapes or several parts (no inner span) is rewritten whole, in its quotes.
 */
export function replaceLiteral(lit: StrLit, text: string, value: string): TextEdit {
  if (lit.inner) return { range: lit.inner, newText: value };
  const doc = TextDocument.create('file:///buffer', 'python', 0, text);
  const source = text.slice(doc.offsetAt(lit.span.start), doc.offsetAt(lit.span.end));
  const quote = /["']/.exec(source)?.[0] ?? "'";
  return { range: lit.span, newText: `${quote}${value}${quote}` };
}

/** The literals of a module variable (one for a str, the items of a tuple/list). */
export function literalsOfVar(parsed: ParsedMigration | null, name: 'revision' | 'down_revision' | 'depends_on'): StrLit[] {
  const value = parsed?.[name]?.value;
  if (!value) return [];
  return value.kind === 'str' ? [value.lit] : value.kind === 'seq' ? value.items : [];
}

/** Header ids (`Revises:` or `Revision ID:`) that name `oldId`, rewritten to `newId`. */
export function headerIdEdits(fact: HeaderFact | undefined, oldId: string, newId: string): TextEdit[] {
  return (fact?.ids ?? []).filter((i) => i.id === oldId).map((i) => ({ range: i.span, newText: newId }));
}

/**
 * A changed parent id in down_revision: the literal, and the `Revises:` header where it named the
 * old id (a header that names something else is left for the header check to report).
 */
export function parentEdits(parsed: ParsedMigration | null, lit: StrLit, text: string, newId: string): TextEdit[] {
  return [replaceLiteral(lit, text, newId), ...headerIdEdits(parsed?.header.revises, lit.value, newId)];
}

/** Text edits of one file, tied to the editor's version of it when it is open. */
export function documentEdit(ctx: FeatureContext, uri: string, edits: TextEdit[]): TextDocumentEdit {
  return { textDocument: { uri, version: ctx.documents.get(uri)?.version ?? null }, edits };
}

export function quickFix(title: string, edit: WorkspaceEdit, diagnostic: Diagnostic | undefined, isPreferred = false): CodeAction {
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (isPreferred) action.isPreferred = true;
  return action;
}

/** `'x'` as the titles quote ids. */
export function q(id: string): string {
  return `'${id}'`;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
