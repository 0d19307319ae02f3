// What an id mention stands for, with the reason when it stands for nothing, and where a revision is
// declared. Resolution itself is locate.ts's `revisionOf`; this adds what hover and definition need
// to explain the answer (a label, a shortened id, several candidates).
import type { IndexedFile, Span } from '../engine/index';
import type { ProjectState } from '../workspaceIndex';
import { filesDeclaring, revisionOf } from './locate';

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
