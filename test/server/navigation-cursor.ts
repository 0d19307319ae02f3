// Shared by the navigation tests: a cursor marker in a source text, positions of a substring, the text
// a range covers, and the in-memory project they all start from.
import type { Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../../server/src/features/context';
import { projectFiles, revisionText, testWorkspace, type TestWorkspace } from '../helpers/featureContext';

/** The cursor marker (not `|`, which is valid Python in `str | None`). */
export const CURSOR = '§';
export const V = '/w/migrations/versions';

/** The position of `CURSOR` in `text` (UTF-16 columns, as LSP counts) and the text without it. */
export function withCursor(marked: string): { text: string; pos: Position } {
  const i = marked.indexOf(CURSOR);
  if (i < 0 || marked.indexOf(CURSOR, i + 1) >= 0) throw new Error('exactly one cursor marker expected');
  return { text: marked.slice(0, i) + marked.slice(i + CURSOR.length), pos: positionAt(marked, i) };
}

/** The position of the `nth` occurrence of `needle` in `text`, plus `offset` characters. */
export function positionOf(text: string, needle: string, offset = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${JSON.stringify(needle)} (#${nth}) not in text`);
  }
  return positionAt(text, i + offset);
}

function positionAt(text: string, index: number): Position {
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}

/** The characters a single-line range covers. */
export function textAt(text: string, range: Range): string {
  if (range.start.line !== range.end.line) throw new Error('single-line range expected');
  return text.split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

/** A context whose editor shows `text` for `uri` (a buffer the index has not caught up with). */
export function withBuffer(ctx: FeatureContext, uri: string, text: string): FeatureContext {
  const doc = TextDocument.create(uri, 'python', 2, text);
  const documents = { get: (u: string) => (u === uri ? doc : undefined) } as unknown as FeatureContext['documents'];
  return { ...ctx, index: ctx.index, documents };
}

/**
 * The shared history: a1 (label core) -> b2 -> {c3, d4} -> m5 = merge(c3, d4); x1 (label ext) depends
 * on the label core; y2 on x1 depends on b2 by id.
 */
export const IDS = { a1: 'a1a1a1a1a1a1', b2: 'b2b2b2b2b2b2', c3: 'c3c3c3c3c3c3', d4: 'd4d4d4d4d4d4', m5: 'm5m5m5m5m5m5', x1: 'x1x1x1x1x1x1', y2: 'y2y2y2y2y2y2' };

export const SOURCES: Record<string, string> = {
  'a1_users.py': revisionText(IDS.a1, null, 'create users', { labels: ['core'] }),
  'b2_email.py': revisionText(IDS.b2, IDS.a1, 'add email'),
  'c3_index.py': revisionText(IDS.c3, IDS.b2, 'add index'),
  'd4_orders.py': revisionText(IDS.d4, IDS.b2, 'create orders'),
  'm5_merge.py': revisionText(IDS.m5, [IDS.c3, IDS.d4], 'merge c3 and d4'),
  'x1_ext.py': revisionText(IDS.x1, null, 'extension', { labels: ['ext'], depends: ['core'] }),
  'y2_ext.py': revisionText(IDS.y2, IDS.x1, 'extension two', { depends: [IDS.b2] }),
};

export function sharedWorkspace(extra: Record<string, string> = {}): TestWorkspace & { src: (name: string) => string; uriOf: (name: string) => string } {
  const sources = { ...SOURCES, ...extra };
  const ws = testWorkspace(projectFiles(sources));
  return { ...ws, src: (name) => sources[name], uriOf: (name) => ws.uri(`${V}/${name}`) };
}
