// Hover on a revision id or branch label: the revision's card (nav-markdown.ts), preceded by a note
// when the mention reaches it indirectly (a label, a shortened id) or in a way Alembic rejects; on an
// id that names nothing, says so and how to fix it.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { FeatureContext } from './context';
import { mentionAt, type Mention } from './locate';
import { currentFile } from './nav-current';
import { code, revisionCard } from './nav-markdown';
import { resolveMention, type Resolution } from './nav-resolve';

export function hover(ctx: FeatureContext, params: HoverParams): Hover | null {
  const at = currentFile(ctx, params.textDocument.uri);
  if (!at) return null;
  const mention = mentionAt(at.file, params.position);
  if (!mention) return null;
  const resolved = resolveMention(at.project, mention.text);
  const value = resolved.ok ? [noteFor(mention, resolved), revisionCard(at.project, resolved.id)].filter(Boolean).join('\n\n') : brokenText(mention, resolved.candidates);
  return { contents: { kind: MarkupKind.Markdown, value }, range: mention.span };
}

/** Why the mention reaches the revision the way it does, and what Alembic thinks of it. */
function noteFor(mention: Mention, resolved: Extract<Resolution, { ok: true }>): string {
  const written = code(mention.text);
  const full = code(resolved.id);
  if (resolved.via === 'label') {
    if (mention.kind === 'down_revision') return `${written} is a branch label of ${full}, but down_revision accepts only full revision ids: write ${full}.`;
    if (mention.kind === 'branch_labels') return `Branch label ${written}, declared by ${full}.`;
    return `Branch label ${written}: it stands for ${full}, the revision declaring it.`;
  }
  if (resolved.via === 'partial') {
    const where = mention.kind === 'down_revision' || mention.kind === 'depends_on' ? ` Alembic needs the full id in ${mention.kind}: write ${full}.` : '';
    return `${written} is a shortened id of ${full}.${where}`;
  }
  return '';
}

function brokenText(mention: Mention, candidates: string[]): string {
  if (mention.text === '') return 'An empty id names no revision. For a base, write `None` instead of an empty string.';
  const written = code(mention.text);
  if (candidates.length > 1) {
    return `${written} names no single revision: it is the start of ${candidates.length} ids (${candidates.slice(0, 10).map(code).join(', ')}). Write the full id.`;
  }
  const what = mention.kind === 'depends_on' ? 'revision or branch label' : 'revision';
  return `${written} names no ${what} in this project. Check it for a typo, or point it at an existing revision.`;
}
