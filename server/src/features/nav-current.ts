// The revision file under the cursor, read from the editor's buffer as it is now. The index catches
// up with an edit one turn later, so a request that arrives right after a keystroke would otherwise
// see spans that are one edit old; here the buffer is re-parsed when it differs from what was indexed.
import { parseMigrationText } from '../engine/index';
import type { IndexedFile } from '../engine/index';
import type { FeatureContext } from './context';
import { fileAt, type FileAt } from './locate';

/** The file at a URI with `file.parsed` matching the text the editor shows, or null for other documents. */
export function currentFile(ctx: FeatureContext, uri: string): FileAt | null {
  const at = fileAt(ctx.index, uri);
  if (!at) return null;
  const buffer = ctx.documents.get(uri)?.getText();
  if (buffer === undefined || buffer === ctx.index.textOf(at.path)) return at;
  const file: IndexedFile = { ...at.file, parsed: parseMigrationText(buffer) };
  return { ...at, file };
}

/** The text the editor shows for a path (the buffer when open), or null when unreadable. */
export function currentText(ctx: FeatureContext, uri: string, path: string): string | null {
  return ctx.documents.get(uri)?.getText() ?? ctx.index.textOf(path);
}
