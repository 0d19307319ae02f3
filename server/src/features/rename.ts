// Rename of a revision id or a branch label, as one workspace edit. For an id: the `revision`
// literal, the `Revision ID:` header, every `down_revision` / `depends_on` / `Revises:` reference in
// the project, and the file itself when its name starts with the id. For a label: its declaration
// and every use in `depends_on` (plain or `label@...`). Anything else is refused with the reason.
import {
  RenameFile,
  TextDocumentEdit,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { IndexedFile } from '../engine/index';
import { pathToUri } from '../lsp/uris';
import type { FeatureContext } from './context';
import { unsafeEditReason } from './edit-safety';
import { renamedFileName } from './edit-filename';
import { invalidNewId, invalidNewLabel } from './edit-names';
import { labelBeforeAt, renameTargetAt, type RenameTarget } from './edit-target';
import { toRange } from './edit-text';
import { mentionsIn } from './locate';

/** null: not a revision file (no opinion); a reason: refused, and why. */
export type RenameOutcome<T> = { ok: true; value: T } | { ok: false; reason: string } | null;

export function prepareRename(ctx: FeatureContext, params: PrepareRenameParams): RenameOutcome<{ range: Range; placeholder: string }> {
  const found = renameTargetAt(ctx.index, params.textDocument.uri, params.position);
  if (!found?.ok) return found;
  const t = found.target;
  return { ok: true, value: { range: toRange(t.span), placeholder: t.kind === 'id' ? t.id : t.label } };
}

export function rename(ctx: FeatureContext, params: RenameParams): RenameOutcome<WorkspaceEdit> {
  const found = renameTargetAt(ctx.index, params.textDocument.uri, params.position);
  if (!found?.ok) return found;
  const t = found.target;
  const newName = params.newName;
  const map = t.at.project.indexed.map;
  const invalid = t.kind === 'id' ? invalidNewId(newName, t.id, map) : invalidNewLabel(newName, t.label, map);
  if (invalid) return { ok: false, reason: invalid };
  const edits = t.kind === 'id' ? idEdits(t.at.project.indexed.files, t.id, newName) : labelEdits(t.at.project.indexed.files, t.label, t.owner, newName);
  const changes: WorkspaceEdit['documentChanges'] = [];
  for (const [path, list] of edits) {
    const uri = pathToUri(path);
    changes.push(TextDocumentEdit.create({ uri, version: ctx.documents.get(uri)?.version ?? null }, list));
  }
  if (t.kind === 'id') {
    const moved = fileRename(ctx, t, newName);
    if (moved && !moved.ok) return moved;
    if (moved) changes.push(moved.value);
  }
  const edit: WorkspaceEdit = { documentChanges: changes };
  const unsafe = unsafeEditReason(ctx, edit);
  if (unsafe) return { ok: false, reason: `Not renamed: ${unsafe}` };
  return { ok: true, value: edit };
}

type Edits = Map<string, TextEdit[]>;

function idEdits(files: readonly IndexedFile[], oldId: string, newId: string): Edits {
  const out: Edits = new Map();
  for (const f of files) {
    const declaring = f.revisionId === oldId;
    for (const m of mentionsIn(f)) {
      if (m.text !== oldId || m.kind === 'branch_labels') continue;
      // A stray `Revision ID:` copied into another file is that file's own header problem.
      if ((m.kind === 'revision' || m.kind === 'header-revision-id') && !declaring) continue;
      add(out, f.ref.path, replaceMention(m.span, m.literal !== undefined && m.literal.inner === null, newId));
    }
  }
  return out;
}

function labelEdits(files: readonly IndexedFile[], label: string, owner: string, newLabel: string): Edits {
  const out: Edits = new Map();
  for (const f of files) {
    for (const m of mentionsIn(f)) {
      const plain = m.literal !== undefined && m.literal.inner === null;
      if (m.kind === 'branch_labels') {
        if (m.text === label && f.revisionId === owner) add(out, f.ref.path, replaceMention(m.span, plain, newLabel));
      } else if (m.kind === 'depends_on' || m.kind === 'down_revision') {
        const qualified = labelBeforeAt(m);
        if (m.text === label) add(out, f.ref.path, replaceMention(m.span, plain, newLabel));
        else if (qualified?.label === label) add(out, f.ref.path, { range: toRange(qualified.span), newText: newLabel });
      }
    }
  }
  return out;
}

/** A literal written with escapes or in pieces is replaced whole, as a plain quoted string. */
function replaceMention(span: RenameTarget['span'], wholeLiteral: boolean, name: string): TextEdit {
  return { range: toRange(span), newText: wholeLiteral ? `'${name}'` : name };
}

function add(out: Edits, path: string, edit: TextEdit): void {
  const list = out.get(path);
  if (list) list.push(edit);
  else out.set(path, [edit]);
}

/** The RenameFile for the declaring file, null when its name does not carry the id, or a refusal. */
function fileRename(ctx: FeatureContext, t: Extract<RenameTarget, { kind: 'id' }>, newId: string): RenameOutcome<RenameFile> {
  const file = t.at.project.indexed.files.find((f) => f.revisionId === t.id);
  if (!file) return null;
  const path = file.ref.path;
  const slash = path.lastIndexOf('/');
  const name = renamedFileName(t.at.project.config.fileTemplate, path.slice(slash + 1), t.id, newId);
  if (name === null) return null;
  const newPath = path.slice(0, slash + 1) + name;
  if (ctx.index.textOf(newPath) !== null || t.at.project.filesByPath.has(newPath)) {
    return { ok: false, reason: `The file would be renamed to ${name}, but that file already exists. Move it away or choose another id.` };
  }
  return { ok: true, value: RenameFile.create(pathToUri(path), pathToUri(newPath), { overwrite: false, ignoreIfExists: false }) };
}
