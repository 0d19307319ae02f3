// What is under the cursor: which project and file a URI belongs to, and which revision id (or
// branch label) mention a position falls on. Every navigation and editing feature starts here.
import type { IndexedFile, Position, Span, StrLit } from '../engine/index';
import { uriToPath } from '../lsp/uris';
import type { ProjectState, WorkspaceIndex } from '../workspaceIndex';

/** Where an id is mentioned in a revision file. */
export type MentionKind = 'revision' | 'down_revision' | 'depends_on' | 'branch_labels' | 'header-revision-id' | 'header-revises';

export interface Mention {
  kind: MentionKind;
  /** The id or label as written. */
  text: string;
  /** The characters of the id itself (inside the quotes for a literal). */
  span: Span;
  /** For a literal: the whole literal with its quotes. */
  literal?: StrLit;
}

export interface FileAt {
  project: ProjectState;
  file: IndexedFile;
  path: string;
}

/** The project and revision file a document URI is, or null for any other document. */
export function fileAt(index: WorkspaceIndex, uri: string): FileAt | null {
  const path = uriToPath(uri);
  if (path === null) return null;
  for (const project of index.projectsOf(path)) {
    const file = index.fileIn(project, path);
    if (file) return { project, file, path };
  }
  return null;
}

const VARIABLES = ['revision', 'down_revision', 'depends_on', 'branch_labels'] as const;

/** Every id mention in a file, in source order. */
export function mentionsIn(file: IndexedFile): Mention[] {
  const out: Mention[] = [];
  const parsed = file.parsed;
  if (!parsed) return out;
  for (const name of VARIABLES) {
    const a = parsed[name];
    if (!a) continue;
    const lits = a.value.kind === 'str' ? [a.value.lit] : a.value.kind === 'seq' ? a.value.items : [];
    for (const lit of lits) out.push({ kind: name, text: lit.value, span: lit.inner ?? lit.span, literal: lit });
  }
  const header = parsed.header;
  for (const id of header.revisionId?.ids ?? []) out.push({ kind: 'header-revision-id', text: id.id, span: id.span });
  for (const id of header.revises?.ids ?? []) out.push({ kind: 'header-revises', text: id.id, span: id.span });
  return out.sort((a, b) => a.span.start.line - b.span.start.line || a.span.start.character - b.span.start.character);
}

/** The mention the position touches (its end counts, as an editor's cursor right after a word does). */
export function mentionAt(file: IndexedFile, pos: Position): Mention | null {
  for (const m of mentionsIn(file)) if (contains(m.span, pos) || (m.literal && contains(m.literal.span, pos))) return m;
  return null;
}

export function contains(span: Span, pos: Position): boolean {
  return !before(pos, span.start) && !before(span.end, pos);
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * The revision a mention stands for: a revision id as is; a branch label (in depends_on, or in
 * branch_labels itself) the revision that declares it; a partial id its only match.
 */
export function revisionOf(project: ProjectState, text: string): string | null {
  const map = project.indexed.map;
  if (map.byId.has(text)) return text;
  const owner = map.labelOwner.get(text);
  if (owner !== undefined) return owner;
  if (text.length >= 4) {
    let found: string | null = null;
    for (const id of map.byId.keys()) {
      if (!id.startsWith(text)) continue;
      if (found !== null) return null; // ambiguous
      found = id;
    }
    return found;
  }
  return null;
}

/** The files declaring a revision id (two or more for a duplicate), load order. */
export function filesDeclaring(project: ProjectState, id: string): IndexedFile[] {
  return project.indexed.files.filter((f) => f.revisionId === id);
}
