// Small wording helpers shared by the editing features: a revision's one-line message, counts with
// the right singular or plural, and the ranges LSP wants from engine spans.
import type { Range } from 'vscode-languageserver';
import type { RevisionNode, Span } from '../engine/index';

/** The first non-empty line of a revision's message (Alembic's `Script.doc` can span lines). */
export function firstLine(doc: string): string {
  for (const line of doc.split('\n')) {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return '';
}

/** Cuts at a word boundary before `max` characters and marks the cut, so hints never end mid-word. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A long word with no space near the end is cut where it is; otherwise keep whole words.
  return (space >= max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '') + '…';
}

/** `1 child`, `2 children`, `0 parents`. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function toRange(span: Span): Range {
  return { start: { ...span.start }, end: { ...span.end } };
}

/** The one-line form Alembic users know from `alembic history`: `id (label, ...), message`. */
export function revisionTitle(node: RevisionNode, labelList: readonly string[] = node.labels): string {
  const labels = labelList.length > 0 ? ` (${labelList.join(', ')})` : '';
  const message = firstLine(node.doc);
  return message ? `${node.id}${labels}, ${message}` : `${node.id}${labels}`;
}
