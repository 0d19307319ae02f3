// A fast way over the logical lines of function and class bodies, whose tokens nobody reads: the
// parser only needs to know where each line ends and whether it ends with ':'. The loop looks at each
// character once, pushes no tokens, and crosses strings and comments with sticky regexes.
//
// It is exact by refusing: any line holding something that could make the full tokenizer report an
// error, or give a string a prefix (bytes, f-strings...), makes skimLogicalLine give up, and the
// caller tokenizes that line in full. When it succeeds, the full tokenizer would have met no error.
import { numberError, scanNumber } from './pynumbers';

/**
 * Characters that only ever make names and operators that cannot fail (whitespace inside a line
 * included). Left out: digits (a number can fail: `1abc`), quotes, brackets, '#', line ends, '\\',
 * '!', '$', '?', '`', control characters, DEL and everything non-ASCII.
 */
const PLAIN_CHARS = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_ \t\f.,=+-*/%<>&|^~@;:') PLAIN_CHARS[c.charCodeAt(0)] = 1;

/** A one-line string without prefix or escapes (the caller has ruled out triple quotes). */
const SINGLE_QUOTED = /'[^'\\\n\r]*'/y;
const DOUBLE_QUOTED = /"[^"\\\n\r]*"/y;
/** A triple-quoted string without prefix or escapes: it ends at the first three quotes. */
const TRIPLE_SINGLE_QUOTED = /'''[^'\\]*(?:'(?!'')[^'\\]*)*'''/y;
const TRIPLE_DOUBLE_QUOTED = /"""[^"\\]*(?:"(?!"")[^"\\]*)*"""/y;
const COMMENT_BODY = /[^\n\r]*/y;

/** Deeper than this the full tokenizer reports "too many nested parentheses": let it. */
const MAX_DEPTH = 200;

const openers = new Uint8Array(MAX_DEPTH);

/** Offset of the ':' ending the last line skimmed, or -1 when it did not end with one. */
export let skimmedColon = -1;

/**
 * Crosses the logical line whose first token is at `p`. Returns where the next line starts (after the
 * line end, or the text's length), or -1 when the line needs the full tokenizer.
 */
export function skimLogicalLine(t: string, p: number): number {
  const n = t.length;
  let depth = 0;
  let comment = -1; // where a comment started on the current physical line
  for (;;) {
    while (p < n) {
      const k = t.charCodeAt(p);
      if (k < 128 && PLAIN_CHARS[k] === 1) p++;
      else if (k >= 48 && k <= 57 && isWordChar(t.charCodeAt(p - 1))) p++; // a digit inside a name
      else break;
    }
    if (p >= n) {
      if (depth > 0) return -1;
      noteColon(t, comment >= 0 ? comment : n);
      return n;
    }
    const c = t.charCodeAt(p);
    if (c >= 48 && c <= 57) {
      // A number, read as CPython reads it: one its tokenizer refuses goes to the full tokenizer to be
      // reported, and so does one after a '.' (`.5`, `x.5`), rare enough not to be worth the care.
      if (t.charCodeAt(p - 1) === 46) return -1;
      p = scanNumber(t, p);
      if (numberError) return -1;
      continue;
    }
    switch (c) {
      case 10: case 13: {
        const next = c === 13 && t.charCodeAt(p + 1) === 10 ? p + 2 : p + 1;
        if (depth === 0) {
          noteColon(t, comment >= 0 ? comment : p);
          return next;
        }
        comment = -1;
        p = next;
        continue;
      }
      case 35: // '#'
        comment = p;
        COMMENT_BODY.lastIndex = p;
        COMMENT_BODY.test(t);
        p = COMMENT_BODY.lastIndex;
        continue;
      case 39: case 34: {
        // After a letter or digit the quote may close a prefix (b'', f''...): not for us.
        if (isWordChar(t.charCodeAt(p - 1))) return -1;
        const triple = t.charCodeAt(p + 1) === c && t.charCodeAt(p + 2) === c;
        const re = c === 39 ? (triple ? TRIPLE_SINGLE_QUOTED : SINGLE_QUOTED) : triple ? TRIPLE_DOUBLE_QUOTED : DOUBLE_QUOTED;
        re.lastIndex = p;
        if (!re.test(t)) return -1;
        p = re.lastIndex;
        continue;
      }
      case 40: case 91: case 123:
        if (depth >= MAX_DEPTH) return -1;
        openers[depth++] = c;
        p++;
        continue;
      case 41:
        if (depth === 0 || openers[--depth] !== 40) return -1;
        p++;
        continue;
      case 93: case 125:
        // ']' is '[' + 2 and '}' is '{' + 2.
        if (depth === 0 || openers[--depth] !== c - 2) return -1;
        p++;
        continue;
      case 33: // '!' is an operator only in '!='
        if (t.charCodeAt(p + 1) !== 61) return -1;
        p += 2;
        continue;
      default:
        return -1;
    }
  }
}

/** Records whether the last token before `end` (a line end or a comment) is ':'. */
function noteColon(t: string, end: number): void {
  let q = end - 1;
  for (;;) {
    const c = t.charCodeAt(q);
    if (c !== 32 && c !== 9 && c !== 12) break;
    q--;
  }
  skimmedColon = t.charCodeAt(q) === 58 ? q : -1;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
