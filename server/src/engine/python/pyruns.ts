// Shortcuts over runs of characters that the tokenizer's loops would pass one at a time without
// effect. A sticky regex crosses such a run in native code, which matters most while V8 still runs the
// parser interpreted (the first thousands of files of a cold index). Each shortcut stops at the first
// character that the loop must look at, so the loop that follows gives the same result. A regex call
// costs about as much as an optimised loop over a few dozen characters, so they are kept for runs that
// are usually long: string bodies (docstrings) and comments, not names.

/**
 * Every fast path of the parser (these shortcuts, pyskim.ts, pytemplate.ts, pyannotation.ts, the
 * mention check) is off when this is false: tests compare both (test/engine/parse-fastpath.test.ts).
 */
export const fastPaths = { enabled: true };

const TO_LINE_END = /[^\n\r]*/y;

/**
 * Inside a string, the characters that only advance the scan: all but the quote, the backslash, CR,
 * LF (for a one-line string) and braces (for an f-string). Indexed by stringRunIndex.
 */
const STRING_RUNS = [
  /[^'\\\n\r]*/y, /[^'\\\n\r{}]*/y, /[^'\\\r]*/y, /[^'\\\r{}]*/y,
  /[^"\\\n\r]*/y, /[^"\\\n\r{}]*/y, /[^"\\\r]*/y, /[^"\\\r{}]*/y,
];

function runEnd(re: RegExp, t: string, p: number): number {
  re.lastIndex = p;
  re.test(t);
  return re.lastIndex;
}

/** The offset of the next CR or LF from p, or the text's length. */
export function lineEnd(t: string, p: number): number {
  return runEnd(TO_LINE_END, t, p);
}

export function stringRunIndex(quote: number, triple: boolean, format: boolean): number {
  return (quote === 34 ? 4 : 0) | (triple ? 2 : 0) | (format ? 1 : 0);
}

/** The end of the characters from p that a string of that kind (see stringRunIndex) passes over. */
export function stringRunEnd(kind: number, t: string, p: number): number {
  return runEnd(STRING_RUNS[kind], t, p);
}
