// Where in a file a rule points: the exact literal when there is one, else the nearest thing that
// still says "here" (the assignment, the revision id, the top of the file).
import type { Assignment, IndexedFile, RelatedLocation, Span, StrLit } from '../types';

export const FILE_START: Span = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export type RevisionVar = 'revision' | 'down_revision' | 'branch_labels' | 'depends_on';

export function assignmentOf(file: IndexedFile, name: RevisionVar): Assignment | undefined {
  return file.parsed?.[name];
}

/** No literal: shared and frozen (callers only read the list). */
const NO_LITERALS = Object.freeze([]) as unknown as StrLit[];

/** The string literals of a variable: one for a str, the items of a tuple/list/set, none otherwise. */
export function literalsOf(a: Assignment | undefined): StrLit[] {
  if (!a) return NO_LITERALS;
  if (a.value.kind === 'str') return [a.value.lit];
  if (a.value.kind === 'seq') return a.value.items;
  return NO_LITERALS;
}

/** Every literal in `name` whose value is `value` (a parent may be listed twice). */
export function literalsNamed(file: IndexedFile, name: RevisionVar, value: string): StrLit[] {
  return literalsOf(assignmentOf(file, name)).filter((lit) => lit.value === value);
}

/** The `revision = '...'` value, or the top of the file when there is none. */
export function revisionSpan(file: IndexedFile): Span {
  return assignmentOf(file, 'revision')?.value.span ?? FILE_START;
}

/** A variable's whole value, falling back to the revision id. */
export function valueSpan(file: IndexedFile, name: RevisionVar): Span {
  return assignmentOf(file, name)?.value.span ?? revisionSpan(file);
}

export function relatedAt(file: IndexedFile, span: Span, message: string): RelatedLocation {
  return { file: file.ref.path, span, message };
}

/** The file name, for messages. */
export function fileName(file: IndexedFile): string {
  const rel = file.ref.relPath;
  return rel.slice(rel.lastIndexOf('/') + 1);
}
