// Git merge conflict markers left in a migration file: the usual way a clean-looking merge of two
// branches breaks a migration (both edited `down_revision`, say). Python's tokenizer passes them
// without complaint (`<<<<<<<` is three `<<` and a `<`), so the tokenizer-level checks never see them;
// Python's parser refuses them.
//
// Certain by construction: seven `<`, `=`, `>` or `|` in a row where a token starts are two binary
// operators back to back (`<<` `<<`, `==` `==`, `>>` `>>`, `|` `|`), invalid wherever they stand. Git
// writes the markers at the start of a line; only there are they looked for, and only a marker where
// the tokenizer starts a token counts (not one inside a docstring, such as an RST underline).
import type { TokenError, Tokenizer } from './pytokens';
import { MARKER_RUN, MARKER_RUN_LENGTH, RESOLVE_CONFLICT } from '../conflict-markers';

/** The marker runs anywhere; the caller keeps the hits that start a line. */
const MARKER = new RegExp(MARKER_RUN, 'g');

const NONE: readonly number[] = Object.freeze([]);

/**
 * Offsets of the candidate markers: seven marker characters at the start of a line (after a byte
 * order mark on the first). Usually none: one native scan of the text, no allocation.
 */
export function conflictMarkerCandidates(text: string): readonly number[] {
  MARKER.lastIndex = 0;
  let out: number[] | null = null;
  while (MARKER.test(text)) {
    const at = MARKER.lastIndex - MARKER_RUN_LENGTH;
    if (startsLine(text, at)) (out ??= []).push(at);
  }
  return out ?? NONE;
}

function startsLine(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return before === 10 || before === 13 || (at === 1 && before === 0xfeff);
}

const MESSAGE = `SyntaxError: invalid syntax at a merge conflict marker; ${RESOLVE_CONFLICT}`;

/**
 * The first candidate at which a token of the line just read starts (null when none does): an error
 * CPython's parser gives as a bare "invalid syntax" (generic, see parse.ts pythonReports).
 */
export function conflictMarkerIn(tk: Tokenizer, candidates: readonly number[]): TokenError | null {
  for (let i = 0; i < tk.count; i++) {
    const start = tk.start[i];
    if (candidates.includes(start)) {
      return { message: MESSAGE, start, end: start + MARKER_RUN_LENGTH, generic: true };
    }
  }
  return null;
}
