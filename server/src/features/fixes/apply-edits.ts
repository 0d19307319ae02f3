// Applying LSP edits to plain texts: fix-all composes its edits on a copy of the buffer, and the tests
// apply what a code action returns to an in-memory or on-disk project. Throws on an edit a client
// would refuse (creating a file that exists, editing one that does not), so a test sees it.
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath } from '../../lsp/uris';

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///buffer', 'python', 0, text), edits);
}

/** One edit turning `before` into `after`: the changed middle, common prefix and suffix kept. */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const doc = TextDocument.create('file:///buffer', 'python', 0, before);
  return {
    range: { start: doc.positionAt(start), end: doc.positionAt(before.length - end) },
    newText: after.slice(start, after.length - end),
  };
}

/**
 * Edits turning `before` into `after`, one per changed line when no line was added or removed (the
 * fixes only change ids within lines), so each edit stays small and readable; else one edit.
 */
export function lineEdits(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length || /\r(?!\n)/.test(before) || /\r(?!\n)/.test(after)) return [minimalEdit(before, after)!];
  const out: TextEdit[] = [];
  a.forEach((line, i) => {
    const edit = minimalEdit(line, b[i]);
    if (!edit) return;
    out.push({ range: { start: { line: i, character: edit.range.start.character }, end: { line: i, character: edit.range.end.character } }, newText: edit.newText });
  });
  return out;
}

/** The texts by path after the edit, in the order its operations run (as a client applies them). */
export function applyWorkspaceEdit(files: ReadonlyMap<string, string>, edit: WorkspaceEdit): Map<string, string> {
  const out = new Map(files);
  const path = (uri: string): string => {
    const p = uriToPath(uri);
    if (p === null) throw new Error(`not a file URI: ${uri}`);
    return p;
  };
  const editText = (uri: string, edits: TextEdit[]) => {
    const p = path(uri);
    const text = out.get(p);
    if (text === undefined) throw new Error(`edit of a file that does not exist: ${p}`);
    out.set(p, applyTextEdits(text, edits));
  };
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) editText(uri, edits);
  for (const change of edit.documentChanges ?? []) {
    if (!('kind' in change)) {
      editText(change.textDocument.uri, change.edits.filter((e): e is TextEdit => 'range' in e));
    } else if (change.kind === 'create') {
      const p = path(change.uri);
      if (out.has(p) && !change.options?.overwrite) {
        if (change.options?.ignoreIfExists) continue;
        throw new Error(`create of a file that exists: ${p}`);
      }
      out.set(p, '');
    } else if (change.kind === 'rename') {
      const from = path(change.oldUri);
      const to = path(change.newUri);
      const text = out.get(from);
      if (text === undefined) throw new Error(`rename of a file that does not exist: ${from}`);
      if (out.has(to) && !change.options?.overwrite) throw new Error(`rename onto a file that exists: ${to}`);
      out.delete(from);
      out.set(to, text);
    } else {
      out.delete(path(change.uri));
    }
  }
  return out;
}
