// `duplicate-revision-id`: give one of the files a fresh id, in its `revision` literal, its
// `Revision ID:` header and its file name when that starts with the id (a rename in the same edit).
//
// Which references mean which file is decided the way Alembic decides it: its map keeps the file
// loaded last, so every `down_revision`/`depends_on` naming the id links to that file (and that is
// the file `upgrade` ran). Renumbering an earlier file therefore changes nothing else: references
// keep meaning the file Alembic uses, and the earlier file, never run, becomes a revision of its own.
// That is the preferred fix. Renumbering the file Alembic uses moves every reference along with it,
// so the graph stays the same; the title says how many files that touches.
import type { CodeAction, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { dirnamePath, joinPath } from '../../engine/index';
import { pathToUri } from '../../lsp/uris';
import type { FeatureContext } from '../context';
import { baseName, documentEdit, headerIdEdits, literalsOfVar, q, quickFix, replaceLiteral } from './edits';
import type { FixTarget } from './targets';

export function freshIdFixes(ctx: FeatureContext, t: FixTarget): CodeAction[] {
  const id = t.file.revisionId;
  const files = Array.isArray(t.problem.data?.files) ? (t.problem.data.files as unknown[]).filter((f): f is string => typeof f === 'string') : [];
  if (id === null || files.length < 2 || !files.includes(t.path)) return [];
  const winner = files[files.length - 1];
  const newId = ctx.newRevisionId();
  const own = [...literalsOfVar(t.file.parsed, 'revision').map((l) => replaceLiteral(l, t.text, newId)), ...headerIdEdits(t.file.parsed?.header.revisionId, id, newId)];
  const name = baseName(t.path);
  const newName = name.startsWith(id) ? newId + name.slice(id.length) : null;
  if (own.length === 0 && newName === null) return [];
  const changes: WorkspaceEdit['documentChanges'] = [];
  if (own.length > 0) changes.push(documentEdit(ctx, t.uri, own));
  const renamed = newName === null ? '' : `, rename the file to ${newName}`;
  if (newName !== null) changes.push({ kind: 'rename', oldUri: t.uri, newUri: pathToUri(joinPath(dirnamePath(t.path), newName)), options: { overwrite: false } });
  if (t.path !== winner) {
    const title = `Give this revision a fresh id ${q(newId)}${renamed}; references to ${q(id)} keep meaning ${baseName(winner)}, the file Alembic uses`;
    return [quickFix(title, { documentChanges: changes }, t.diagnostic, true)];
  }
  const refs = referenceEdits(ctx, t, files, id, newId);
  if (refs === null) return [];
  const touched = refs.map((r) => r.name);
  const follow =
    touched.length === 0
      ? '; no other revision refers to it'
      : `, and point ${touched.length === 1 ? 'the reference' : `the references`} in ${touched.join(', ')} at it (Alembic resolves ${q(id)} to this file)`;
  return [quickFix(`Give this revision a fresh id ${q(newId)}${renamed}${follow}`, { documentChanges: [...refs.map((r) => r.edit), ...changes] }, t.diagnostic)];
}

/** Every down_revision / depends_on literal (and `Revises:` id) naming `id` outside the duplicates. */
function referenceEdits(ctx: FeatureContext, t: FixTarget, duplicates: string[], id: string, newId: string): { name: string; edit: TextDocumentEdit }[] | null {
  const out: { name: string; edit: TextDocumentEdit }[] = [];
  for (const file of t.project.indexed.files) {
    if (duplicates.includes(file.ref.path)) continue;
    const lits = [...literalsOfVar(file.parsed, 'down_revision'), ...literalsOfVar(file.parsed, 'depends_on')].filter((l) => l.value === id);
    if (lits.length === 0) continue;
    const text = ctx.index.textOf(file.ref.path);
    const uri = pathToUri(file.ref.path);
    const open = ctx.documents.get(uri);
    if (text === null || (open && open.getText() !== text)) return null; // a buffer ahead of the index: no exact edit
    const parentIds = literalsOfVar(file.parsed, 'down_revision').some((l) => l.value === id);
    const header = parentIds ? headerIdEdits(file.parsed?.header.revises, id, newId) : [];
    out.push({ name: baseName(file.ref.path), edit: documentEdit(ctx, uri, [...lits.map((l) => replaceLiteral(l, text, newId)), ...header]) });
  }
  return out;
}
