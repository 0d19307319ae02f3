// What a rename at a position would rename: a revision id, a branch label, or nothing, with the
// reason Alembic users need when it is nothing ("shortened id", "names no revision", "duplicate"...).
import type { Position, Span } from '../engine/index';
import type { WorkspaceIndex } from '../workspaceIndex';
import { fileAt, filesDeclaring, mentionAt, revisionOf, type FileAt, type Mention } from './locate';

export type RenameTarget =
  | { kind: 'id'; id: string; span: Span; at: FileAt }
  | { kind: 'label'; label: string; owner: string; span: Span; at: FileAt };

/** null: not a revision file, no opinion (another extension may rename there). */
export type TargetOutcome = { ok: true; target: RenameTarget } | { ok: false; reason: string } | null;

const refuse = (reason: string): TargetOutcome => ({ ok: false, reason });

export function renameTargetAt(index: WorkspaceIndex, uri: string, pos: Position): TargetOutcome {
  const at = fileAt(index, uri);
  if (!at) return null;
  const m = mentionAt(at.file, pos);
  if (!m) {
    return refuse('Put the cursor on a revision id (in `revision`, `down_revision`, `depends_on` or the `Revision ID:` / `Revises:` header) or on a branch label to rename it.');
  }
  const map = at.project.indexed.map;
  if (m.kind === 'branch_labels') return labelTarget(at, m.text, m.span);
  if (map.byId.has(m.text)) return idTarget(at, m.text, m.span);
  if (m.kind === 'depends_on' || m.kind === 'down_revision') {
    if (map.labelOwner.has(m.text)) return labelTarget(at, m.text, m.span);
    const qualified = labelBeforeAt(m);
    if (qualified && map.labelOwner.has(qualified.label)) return labelTarget(at, qualified.label, qualified.span);
  }
  const full = m.text.length >= 4 ? revisionOf(at.project, m.text) : null;
  if (full !== null && full !== m.text) {
    return refuse(`'${m.text}' is a shortened id of ${full}; Alembic needs the full id here. Write '${full}' first, then rename it.`);
  }
  return refuse(`'${m.text}' names no revision or branch label in this project, so there is nothing to rename. Fix the reference instead (the problem on it offers the likely ids).`);
}

function idTarget(at: FileAt, id: string, span: Span): TargetOutcome {
  const declaring = filesDeclaring(at.project, id);
  if (declaring.length > 1) {
    return refuse(
      `${declaring.length} files declare the revision id '${id}' (${declaring.map((f) => f.ref.relPath).join(', ')}), so a rename cannot tell which one each reference means. Give one of them a new id by editing its \`revision\` by hand, then update the references meant for it.`,
    );
  }
  const file = declaring[0];
  if (!file || file.parsed?.revision?.value.kind !== 'str') {
    return refuse(`Revision '${id}' takes its id from its file name (it has no \`revision = '...'\` line). Add \`revision = '${id}'\` to ${file?.ref.relPath ?? 'the file'} first, then rename.`);
  }
  return { ok: true, target: { kind: 'id', id, span, at } };
}

function labelTarget(at: FileAt, label: string, span: Span): TargetOutcome {
  const map = at.project.indexed.map;
  const conflict = map.issues.find((i) => i.kind === 'label-conflict' && i.label === label);
  if (conflict) {
    return refuse(`The branch label '${label}' is declared more than once (or is also a revision id), so a rename cannot tell which declaration each use means. Resolve the conflict first.`);
  }
  const owner = map.labelOwner.get(label);
  if (owner === undefined) return refuse(`'${label}' is not a branch label Alembic knows in this project, so there is nothing to rename.`);
  return { ok: true, target: { kind: 'label', label, owner, span, at } };
}

/** `core@head` written as a literal: the label part and its characters (only for plain literals). */
export function labelBeforeAt(m: Mention): { label: string; span: Span } | null {
  const i = m.text.indexOf('@');
  const inner = m.literal?.inner;
  if (i <= 0 || !inner || inner.start.line !== inner.end.line) return null;
  const start = inner.start;
  return { label: m.text.slice(0, i), span: { start, end: { line: start.line, character: start.character + i } } };
}
