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

/**
 * An import statement written plainly on one line: `import a.b as c, d`, `from .m import x as y, z`,
 * `from m import *`. Any other (a missing comma, `import a b`, which pycomma.ts reports; parentheses)
 * is read into tokens.
 */
const PLAIN_IMPORT =
  /(?:from[ \t\f]+[\w.]+[ \t\f]+)?import[ \t\f]+(?:\*|[\w.]+(?:[ \t\f]+as[ \t\f]+\w+)?(?:[ \t\f]*,[ \t\f]*[\w.]+(?:[ \t\f]+as[ \t\f]+\w+)?)*)[ \t\f]*(?=[#\r\n]|$)/y;

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
  if (startsImport(t, p)) {
    PLAIN_IMPORT.lastIndex = p;
    if (!PLAIN_IMPORT.test(t)) return -1;
  }
  let depth = 0;
  let comment = -1; // where a comment started on the current physical line
  let afterOperand = false; // inside brackets: blanks, comments or line ends since an operand's end
  for (;;) {
    while (p < n) {
      const k = t.charCodeAt(p);
      if (k < 128 && PLAIN_CHARS[k] === 1) {
        // Inside brackets, blanks after an operand are looked at (below): `f(a b)` lacks a comma.
        if (k <= 32 && depth > 0 && isBlank(k) && endsOperand(t.charCodeAt(p - 1))) break;
        p++;
      }
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
        if (comment < 0 && endsOperand(t.charCodeAt(p - 1))) afterOperand = true;
        comment = -1;
        p = next;
        // The next line's indentation, here rather than one blank case at a time.
        let d = t.charCodeAt(p);
        while (isBlank(d)) d = t.charCodeAt(++p);
        if (afterOperand && startsOperand(d)) return -1;
        if (d !== 35 && d !== 10 && d !== 13) afterOperand = false;
        continue;
      }
      case 32: case 9: case 12: {
        // Blanks after an operand inside brackets (the loop above passes all others): another operand?
        do p++; while (p < n && isBlank(t.charCodeAt(p)));
        const d = t.charCodeAt(p);
        if (startsOperand(d)) return -1;
        // A comment or a line end may still come between the two.
        afterOperand = d === 35 || d === 10 || d === 13;
        continue;
      }
      case 35: // '#'
        if (depth > 0 && endsOperand(t.charCodeAt(p - 1))) afterOperand = true;
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
        if (depth > 0 && isWordChar(t.charCodeAt(p))) return -1; // `f('a'b)`: a missing comma?
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
        if (depth > 0 && startsOperand(t.charCodeAt(p))) return -1; // `f(g(x)y)`: a missing comma?
        continue;
      case 93: case 125:
        // ']' is '[' + 2 and '}' is '{' + 2.
        if (depth === 0 || openers[--depth] !== c - 2) return -1;
        p++;
        if (depth > 0 && startsOperand(t.charCodeAt(p))) return -1;
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

/** Whether the line starting at p is an import statement (`import x`, `from x import y`). */
function startsImport(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  if (c === 105) return t.startsWith('import', p) && isBlank(t.charCodeAt(p + 6));
  if (c === 102) return t.startsWith('from', p) && isBlank(t.charCodeAt(p + 4));
  return false;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12;
}

/** What an operand can end with: a name or number character, a quote, a closing bracket. */
function endsOperand(c: number): boolean {
  return isWordChar(c) || c === 39 || c === 34 || c === 41 || c === 93 || c === 125;
}

/** What an operand can start with: a name or number character, a quote, '{' (a dict or set). */
function startsOperand(c: number): boolean {
  return isWordChar(c) || c === 39 || c === 34 || c === 123;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
