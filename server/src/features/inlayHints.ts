// After each id in `down_revision` and `depends_on`, the message of the revision it names, so a
// reader sees "what comes before this" without opening files. The hint links to that revision's
// file; its tooltip has the whole message. Ids that name nothing get no hint (a diagnostic covers them).
import type { InlayHint, InlayHintParams, Position, Range } from 'vscode-languageserver';
import type { RevisionMap, RevisionNode } from '../engine/index';
import { pathToUri } from '../lsp/uris';
import type { FeatureContext } from './context';
import { firstLine, revisionTitle, toRange, truncate } from './edit-text';
import { fileAt, mentionsIn, type Mention } from './locate';

/** Long enough for most messages, short enough to keep `down_revision` lines readable. */
export const HINT_MESSAGE_LENGTH = 40;

export function inlayHints(ctx: FeatureContext, params: InlayHintParams): InlayHint[] {
  if (!ctx.settings().inlayHints) return [];
  const at = fileAt(ctx.index, params.textDocument.uri);
  if (!at) return [];
  const map = at.project.indexed.map;
  const hints: InlayHint[] = [];
  for (const m of mentionsIn(at.file)) {
    if ((m.kind !== 'down_revision' && m.kind !== 'depends_on') || !m.literal) continue;
    const position = m.literal.span.end;
    if (!within(position, params.range)) continue;
    const named = target(m, map);
    if (!named) continue;
    const hint = hintFor(named.node, named.viaLabel, position, at.project.filesByPath.get(named.node.file)?.parsed?.revision?.value.span);
    if (hint) hints.push(hint);
  }
  return hints;
}

/** Exactly what Alembic accepts: a full id, or (in depends_on only) a declared branch label. */
function target(m: Mention, map: RevisionMap): { node: RevisionNode; viaLabel: boolean } | null {
  const byId = map.byId.get(m.text);
  if (byId) return { node: byId, viaLabel: false };
  const owner = m.kind === 'depends_on' ? map.labelOwner.get(m.text) : undefined;
  const node = owner !== undefined ? map.byId.get(owner) : undefined;
  return node ? { node, viaLabel: true } : null;
}

function hintFor(node: RevisionNode, viaLabel: boolean, position: Position, literal: Range | undefined): InlayHint | null {
  const message = truncate(firstLine(node.doc), HINT_MESSAGE_LENGTH);
  // A label stands for the revision declaring it: name that revision, since the label alone does not.
  const text = viaLabel ? (message ? `${node.id}: ${message}` : node.id) : message;
  if (!text) return null;
  const tooltip = `${revisionTitle(node)}${viaLabel ? ' (declares this label)' : ''}\n\n${node.doc || '(no message)'}\n\n${node.relPath}`;
  const start = { line: 0, character: 0 };
  return {
    position,
    label: [{ value: text, tooltip, location: { uri: pathToUri(node.file), range: literal ? toRange(literal) : { start, end: start } } }],
    paddingLeft: true,
  };
}

function within(p: Position, r: Range): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}
