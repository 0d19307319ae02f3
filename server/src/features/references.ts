// Find all references of the revision under the cursor: its children (down_revision), its dependents
// (depends_on, by id or through one of its branch labels), the docstring headers that mention it, and,
// when asked, its declaration (`revision = '...'` and the declaring file's `Revision ID:` line).
import type { Location, ReferenceParams } from 'vscode-languageserver';
import type { IndexedFile } from '../engine/index';
import { pathToUri } from '../lsp/uris';
import type { ProjectState } from '../workspaceIndex';
import type { FeatureContext } from './context';
import { mentionsIn, revisionOf, type Mention } from './locate';
import { revisionUnderCursor } from './nav-resolve';

export function references(ctx: FeatureContext, params: ReferenceParams): Location[] | null {
  const target = revisionUnderCursor(ctx, params);
  if (!target) return null;
  const { at, id } = target;
  // The current file as the editor shows it, the others as indexed.
  const files = at.project.indexed.files.map((f) => (f.ref.path === at.path ? at.file : f));
  return referencesTo(at.project, files, id, params.context.includeDeclaration);
}

/** Every mention of revision `id` in `files`, load order then source order. */
export function referencesTo(project: ProjectState, files: IndexedFile[], id: string, includeDeclaration: boolean): Location[] {
  const refersTo = (text: string) => resolvesTo(project, text, id);
  const out: Location[] = [];
  for (const file of files) {
    const declares = file.revisionId === id;
    for (const m of mentionsIn(file)) {
      if (!counts(m, declares, includeDeclaration) || !refersTo(m.text)) continue;
      out.push({ uri: pathToUri(file.ref.path), range: m.span });
    }
  }
  return out;
}

/** Which mentions are references: links always, the declaration itself only when asked for. */
function counts(m: Mention, declaringFile: boolean, includeDeclaration: boolean): boolean {
  switch (m.kind) {
    case 'down_revision':
    case 'depends_on':
    case 'header-revises':
      return true;
    case 'revision':
      return includeDeclaration;
    case 'header-revision-id':
      // In the declaring file it restates the declaration; anywhere else it is a (mistaken) mention.
      return includeDeclaration || !declaringFile;
    case 'branch_labels':
      return false;
  }
}

/** Whether `text` stands for `id`: cheap tests first, so the full lookup runs only on likely hits. */
function resolvesTo(project: ProjectState, text: string, id: string): boolean {
  const likely = text === id || project.indexed.map.labelOwner.get(text) === id || (text.length >= 4 && id.startsWith(text));
  return likely && revisionOf(project, text) === id;
}
