// What an id mention stands for, with the reason when it stands for nothing, and where a revision is
// declared. Resolution itself is locate.ts's `revisionOf`; this adds what hover and definition need
// to explain the answer (a label, a shortened id, several candidates).
import type { TextDocumentPositionParams } from 'vscode-languageserver';
import type { IndexedFile, Span } from '../engine/index';
import type { ProjectState } from '../workspaceIndex';
import type { FeatureContext } from './context';
import { filesDeclaring, mentionAt, revisionOf, type FileAt } from './locate';
import { currentFile } from './nav-current';

export type Resolution =
  | { ok: true; id: string; via: 'id' | 'label' | 'partial' }
  | { ok: false; candidates: string[] };

/** How `text` (as written in a revision file) resolves in the project. */
export function resolveMention(project: ProjectState, text: string): Resolution {
  const map = project.indexed.map;
  const id = revisionOf(project, text);
  if (id !== null) {
    const via = map.byId.has(text) ? 'id' : map.labelOwner.has(text) ? 'label' : 'partial';
    return { ok: true, id, via };
  }
  return { ok: false, candidates: text.length >= 4 ? prefixMatches(project, text) : [] };
}

/**
 * The revision that the id or label under the cursor stands for, in the text the editor shows; null
 * outside a revision file, off a mention, or on one that names no revision.
 */
export function revisionUnderCursor(ctx: FeatureContext, params: TextDocumentPositionParams): { at: FileAt; id: string } | null {
  const at = currentFile(ctx, params.textDocument.uri);
  if (!at) return null;
  const mention = mentionAt(at.file, params.position);
  if (!mention) return null;
  const resolved = resolveMention(at.project, mention.text);
  return resolved.ok ? { at, id: resolved.id } : null;
}

/** Revision ids starting with `text` (more than one when a shortened id is ambiguous). */
function prefixMatches(project: ProjectState, text: string): string[] {
  const out: string[] = [];
  for (const id of project.indexed.map.byId.keys()) if (id.startsWith(text)) out.push(id);
  return out;
}

export interface Declaration {
  file: IndexedFile;
  /** The value of the `revision` assignment; the file's start when the id comes from its name. */
  span: Span;
}

const FILE_START: Span = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a revision id is declared: one place, or one per file for a duplicate id (load order). */
export function declarationsOf(project: ProjectState, id: string): Declaration[] {
  return filesDeclaring(project, id).map((file) => ({ file, span: file.parsed?.revision?.value.span ?? FILE_START }));
}
