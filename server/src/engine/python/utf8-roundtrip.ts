// Whether an editor that reads and writes a file as UTF-8 (VS Code's default, which knows nothing of
// Python's coding cookies) gives its bytes back unchanged around an edit, and sees the text our spans
// were measured on. A file that is not UTF-8 would have its other non-ASCII characters replaced when
// the edit is saved (by the user, or by the editor itself after a refactoring), and its columns could land
// elsewhere on a line; such files get no edit from us.
import { decodeSource } from './decode';
import { LineIndex } from './lineindex';

export type Utf8Hazard =
  /** Bytes that are not UTF-8 at all: an editor shows U+FFFD for them and writes that back. */
  | { kind: 'invalid-utf8'; line: number }
  /** Valid UTF-8 that a coding cookie makes Python read otherwise (latin-1 ...): the texts differ. */
  | { kind: 'other-encoding'; encoding: string; line: number };
// `line`: 0-based, the first line where the editor's text and Python's differ.

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lossy = new TextDecoder('utf-8', { ignoreBOM: false });

/** null when the bytes survive a UTF-8 editor and Python reads them as that editor shows them. */
export function utf8EditHazard(bytes: Uint8Array): Utf8Hazard | null {
  let asEditor: string;
  try {
    asEditor = utf8Strict.decode(bytes);
  } catch {
    const lossy = utf8Lossy.decode(bytes);
    return { kind: 'invalid-utf8', line: lineAt(lossy, Math.max(0, lossy.indexOf('\ufffd'))) };
  }
  const decoded = decodeSource(bytes);
  const asPython = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (asPython === asEditor) return null;
  return { kind: 'other-encoding', encoding: decoded.encoding, line: lineAt(asEditor, firstDifference(asPython, asEditor)) };
}

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The 0-based line of an offset, counted as the parser counts lines (LF, CRLF, a lone CR). */
function lineAt(text: string, offset: number): number {
  return new LineIndex(text).position(offset).line;
}
