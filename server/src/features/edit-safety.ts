// Every edit we hand the editor (quick fixes, fix-all, rename) changes only files that VS Code reads
// and saves as the very bytes Python reads (engine/python/utf8-roundtrip.ts). A file in latin-1, or
// with bytes that are not UTF-8, would lose its other non-ASCII characters when the editor saves the
// change, so such an edit is refused, naming the file, the line and the fix.
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver';
import type { Utf8Hazard } from '../engine/index';
import { uriToPath } from '../lsp/uris';
import type { FeatureContext } from './context';

/** The files whose text an edit changes (a created file has no bytes to lose; a renamed one keeps them). */
export function textEditedPaths(edit: WorkspaceEdit): string[] {
  const uris = new Set<string>(Object.keys(edit.changes ?? {}));
  for (const change of edit.documentChanges ?? []) if ('textDocument' in change) uris.add(change.textDocument.uri);
  return [...uris].map(uriToPath).filter((p): p is string => p !== null);
}

/**
 * Why the edit must not be applied (the first file at risk, its line and the fix), or null. `checked`
 * keeps each file's answer across the edits of one request (quick fixes mostly edit the same file).
 */
export function unsafeEditReason(ctx: FeatureContext, edit: WorkspaceEdit, checked = new Map<string, string | null>()): string | null {
  for (const path of textEditedPaths(edit)) {
    let reason = checked.get(path);
    if (reason === undefined) {
      const hazard = ctx.index.utf8HazardOf(path);
      reason = hazard ? hazardMessage(path, hazard) : null;
      checked.set(path, reason);
    }
    if (reason !== null) return reason;
  }
  return null;
}

export function hazardMessage(path: string, hazard: Utf8Hazard): string {
  const where = `${path.slice(path.lastIndexOf('/') + 1)}:${hazard.line + 1}`;
  if (hazard.kind === 'invalid-utf8') {
    return (
      `${where} has bytes that are not valid UTF-8; VS Code shows them as \ufffd and would write that when it saves this change. ` +
      'Fix: save the file as UTF-8 (or remove those bytes) and try again, or make the change by hand.'
    );
  }
  return (
    `${where}: the file is ${hazard.encoding} (its coding line), but VS Code reads and saves it as UTF-8, which would change its non-ASCII characters. ` +
    'Fix: convert it to UTF-8 and make its coding line say utf-8 (or delete that line), then try again; or make the change by hand.'
  );
}

/**
 * Quick fixes whose edit is unsafe are shown disabled with the reason where the client can show that
 * (their edit removed, so nothing can apply it), and left out elsewhere.
 */
export function guardCodeActions(ctx: FeatureContext, actions: CodeAction[]): CodeAction[] {
  const out: CodeAction[] = [];
  const checked = new Map<string, string | null>();
  for (const action of actions) {
    const reason = action.edit ? unsafeEditReason(ctx, action.edit, checked) : null;
    if (reason === null) out.push(action);
    else if (ctx.disabledCodeActions) {
      const { edit: _unsafe, ...rest } = action;
      out.push({ ...rest, disabled: { reason } });
    }
  }
  return out;
}
