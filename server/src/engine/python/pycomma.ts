// A missing comma: inside brackets, an expression followed at once by another, `f(a b)` or
// `sa.Column('x' sa.Integer())`. CPython's parser reports "invalid syntax. Perhaps you forgot a
// comma?" at the start of the first expression (its invalid_expression rule, second pass). Which
// message it gives depends on where its parser stands (a comprehension's `in` part, a conditional's
// `else` part, `{**a b}`... give a bare "invalid syntax" elsewhere, through its memoisation), so only
// the shapes checked against Python 3.11 are reported: the expressions are operands joined by
// operators, calls, subscripts and attributes, right after a bracket, a comma, `=`, `:` or `:=`. In any
// other shape nothing is said (the parser's limit), never a different error.
import { OP_ELLIPSIS, OP_OTHER, OP_WALRUS, TK_NAME, TK_NUMBER, TK_OP, TK_STRING, type Tokenizer } from './pytokens';

export const MISSING_COMMA = 'SyntaxError: invalid syntax. Perhaps you forgot a comma?';
const INVALID_SYNTAX = 'SyntaxError: invalid syntax';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
const ATOM_KEYWORDS = new Set(['None', 'True', 'False']);
/**
 * Soft keywords (3.12 adds `type`): an expression starting with one gets another message. CPython
 * 3.11 compares only the name's length of characters (strncmp), so `c` or `ma` count as `case` and
 * `match` there: any prefix is left alone.
 */
const SOFT_KEYWORDS = ['match', 'case', '_', 'type'];
const isSoftKeywordPrefix = (w: string): boolean => SOFT_KEYWORDS.some((k) => k.startsWith(w));
const WORD_OPERATORS = new Set(['and', 'or', 'in', 'is', 'not']);
/** One-character binary operators (their char codes): + - * / % @ & | ^ < >. */
const BINARY_CHARS = new Set([43, 45, 42, 47, 37, 64, 38, 124, 94, 60, 62]);

/**
 * An expression side by side with another that CPython may report otherwise: no missing comma can be
 * reported after it (CPython reports the first error of a file).
 */
export const UNSURE = 'unsure';

/**
 * The first missing comma of the logical line just read (its tokens), as [start, end) offsets with
 * where the comma belongs; null when there is none; UNSURE when two expressions stand side by side in
 * a shape not checked.
 */
export function missingCommaIn(tk: Tokenizer): { start: number; end: number; message: string; commaAt: number } | typeof UNSURE | null {
  const n = tk.count;
  const imported = importedNamesSideBySide(tk);
  if (imported >= 0) return { start: tk.start[imported], end: tk.end[imported], message: INVALID_SYNTAX, commaAt: tk.end[imported - 1] };
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const inside = depth > 0;
    if (tk.kind[i] === TK_OP) {
      const c = tk.aux[i];
      if (c === 40 || c === 91 || c === 123) depth++;
      else if (c === 41 || c === 93 || c === 125) depth--;
      // `f(a {})` is a missing comma too; `f(a ...)` is not checked.
      if (c !== 123 && c !== OP_ELLIPSIS) continue;
    }
    if (!inside || i === 0 || !endsOperand(tk, i - 1)) continue;
    if (isOp(tk, i, OP_ELLIPSIS)) return UNSURE;
    if (!startsOperand(tk, i) && !isOp(tk, i, 123)) continue;
    if (tk.kind[i - 1] === TK_STRING && tk.kind[i] === TK_STRING) continue; // "a" "b" is one string
    // The first two expressions side by side decide: CPython reports the first error it meets.
    const a = operandStart(tk, i - 1);
    if (a < 0) return UNSURE;
    if (tk.kind[a] === TK_NAME) {
      const w = word(tk, a);
      // `NAME STRING` (a string prefix typed apart), a soft keyword, and `print x` get other messages.
      if (isSoftKeywordPrefix(w) || tk.kind[a + 1] === TK_STRING || (a === i - 1 && (w === 'print' || w === 'exec'))) return UNSURE;
    }
    // In a dict or set after an unpacking (`{**a, b: c d}`), or after a bare `*` (itself an error in
    // a call), Python says otherwise.
    if ((enclosingOpener(tk, a) === 123 && unpacksBefore(tk, a)) || bareStarBefore(tk, a)) return UNSURE;
    return { start: tk.start[innerStart(tk, a, i - 1)], end: tk.end[primaryEnd(tk, i)], message: MISSING_COMMA, commaAt: tk.end[i - 1] };
  }
  return null;
}

/**
 * In an import statement, a name right after another (`from typing import Sequence Union`): CPython
 * says a bare "invalid syntax" at the second one. Its token, or -1.
 */
function importedNamesSideBySide(tk: Tokenizer): number {
  if (tk.count < 3 || tk.kind[0] !== TK_NAME) return -1;
  const first = word(tk, 0);
  if (first !== 'import' && first !== 'from') return -1;
  let i = 1;
  if (first === 'from') while (i < tk.count && !(tk.kind[i] === TK_NAME && word(tk, i) === 'import')) i++;
  for (i++; i < tk.count; i++) {
    if (tk.kind[i] === TK_NAME && tk.kind[i - 1] === TK_NAME && word(tk, i) !== 'as' && word(tk, i - 1) !== 'as' && word(tk, i - 1) !== 'import') return i;
  }
  return -1;
}

function word(tk: Tokenizer, i: number): string {
  return tk.text.slice(tk.start[i], tk.end[i]);
}

function isOp(tk: Tokenizer, i: number, code: number): boolean {
  return i >= 0 && tk.kind[i] === TK_OP && tk.aux[i] === code;
}

/** A name (not a keyword but None, True, False), a number or a string: an operand may start here. */
function startsOperand(tk: Tokenizer, i: number): boolean {
  const k = tk.kind[i];
  if (k === TK_NUMBER || k === TK_STRING) return true;
  if (k !== TK_NAME) return false;
  const w = word(tk, i);
  return !KEYWORDS.has(w) || ATOM_KEYWORDS.has(w);
}

/** What an operand may end with: a name, a number, a string, a closing bracket. */
function endsOperand(tk: Tokenizer, i: number): boolean {
  if (i < 0) return false;
  const k = tk.kind[i];
  if (k === TK_OP) {
    const c = tk.aux[i];
    return c === 41 || c === 93 || c === 125;
  }
  return startsOperand(tk, i);
}

/** The opening bracket of the closing bracket at token j (in this logical line), or -1. */
function openerOf(tk: Tokenizer, j: number): number {
  for (let o = j - 1; o >= 0; o--) if (tk.pair[o] === j && tk.kind[o] === TK_OP) return o;
  return -1;
}

/**
 * Where CPython's node for tokens a..last starts: a parenthesised expression without a comma at its top
 * (a group) is its inner expression (`((a)) b` is reported at `a`); a tuple, a generator, anything
 * with an operator or a trailer starts at its first token.
 */
function innerStart(tk: Tokenizer, a: number, last: number): number {
  while (isOp(tk, a, 40) && tk.pair[a] === last && last > a + 1 && !topLevelComma(tk, a + 1, last) && !hasFor(tk, a + 1, last)) {
    a++;
    last--;
  }
  return a;
}

function topLevelComma(tk: Tokenizer, from: number, to: number): boolean {
  let depth = 0;
  for (let q = from; q < to; q++) {
    if (tk.kind[q] !== TK_OP) continue;
    const c = tk.aux[q];
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 44 && depth === 0) return true;
  }
  return false;
}

function hasFor(tk: Tokenizer, from: number, to: number): boolean {
  for (let q = from; q < to; q++) if (tk.kind[q] === TK_NAME && word(tk, q) === 'for') return true;
  return false;
}

/**
 * Visits the operators at the top level of the brackets holding token i, before it, nearest first.
 * Returns the char code of those brackets' opener (0 when there is none), or -1 once `visit` says so.
 */
function walkBack(tk: Tokenizer, i: number, visit: (q: number) => boolean): number {
  let depth = 0;
  for (let q = i - 1; q >= 0; q--) {
    if (tk.kind[q] !== TK_OP) continue;
    const c = tk.aux[q];
    if (c === 41 || c === 93 || c === 125) depth++;
    else if (c === 40 || c === 91 || c === 123) {
      if (depth === 0) return c;
      depth--;
    } else if (depth === 0 && visit(q)) return -1;
  }
  return 0;
}

/** The char code of the innermost bracket still open at token i (0 when none). */
function enclosingOpener(tk: Tokenizer, i: number): number {
  return walkBack(tk, i, () => false);
}

/** Whether a `*` or `**` unpacking stands in the same brackets before token i. */
function unpacksBefore(tk: Tokenizer, i: number): boolean {
  return walkBack(tk, i, (q) => (tk.aux[q] === 42 || (tk.aux[q] === OP_OTHER && word(tk, q) === '**')) && !endsOperand(tk, q - 1)) === -1;
}

/** Whether a `*` with no operand after it (`f(x, *, y)`) stands in the same brackets before token i. */
function bareStarBefore(tk: Tokenizer, i: number): boolean {
  return walkBack(tk, i, (q) => tk.aux[q] === 42 && (isOp(tk, q + 1, 44) || isOp(tk, q + 1, 41))) === -1;
}

/** The first token of the primary (atom with its trailers) ending at token j, or -1. */
function primaryStart(tk: Tokenizer, j: number): number {
  for (;;) {
    if (j < 0) return -1;
    const k = tk.kind[j];
    if (k === TK_OP) {
      const c = tk.aux[j];
      if (c !== 41 && c !== 93 && c !== 125) return -1;
      const open = openerOf(tk, j);
      if (open < 0) return -1;
      // A call or a subscript of what ends just before; else a parenthesised expression, a list, a dict.
      if (c !== 125 && endsOperand(tk, open - 1)) {
        j = open - 1;
        continue;
      }
      return open;
    }
    if (k === TK_STRING) {
      while (j > 0 && tk.kind[j - 1] === TK_STRING) j--;
      return j;
    }
    // A name or a number: an attribute of what ends before the '.', or the atom itself.
    if (k === TK_NAME && isOp(tk, j - 1, 46) && endsOperand(tk, j - 2)) {
      j -= 2;
      continue;
    }
    return j;
  }
}

/** The start of the operand that ends at token j (operators and unary operators included), or -1. */
function operandStart(tk: Tokenizer, j: number): number {
  for (;;) {
    let s = primaryStart(tk, j);
    if (s < 0) return -1;
    // Unary operators in front: - + ~ not await.
    while (s > 0 && isUnaryAt(tk, s - 1)) s--;
    const q = s - 1;
    if (q < 0) return -1;
    if (isStop(tk, q)) return s;
    if (isOp(tk, q, 42) || (tk.kind[q] === TK_OP && tk.aux[q] === OP_OTHER && word(tk, q) === '**')) {
      // `*a b` / `**a b` unpacked in a call: checked; elsewhere (`{**a b}`...) Python says otherwise.
      if (!endsOperand(tk, q - 1)) return (isStop(tk, q - 1) && enclosingOpener(tk, q) === 40) ? s : -1;
    }
    if (!isBinaryAt(tk, q)) return -1;
    j = q - 1;
    if (tk.kind[q] === TK_NAME && (word(tk, q) === 'in' || word(tk, q) === 'not') && tk.kind[j] === TK_NAME && (word(tk, j) === 'not' || word(tk, j) === 'is')) j--; // not in, is not
    if (!endsOperand(tk, j)) return -1;
  }
}

/** A unary operator at i: - + ~ (not after an operand), not (not after `is`), await. */
function isUnaryAt(tk: Tokenizer, i: number): boolean {
  if (tk.kind[i] === TK_OP) {
    const c = tk.aux[i];
    return (c === 45 || c === 43 || c === 126) && !endsOperand(tk, i - 1);
  }
  if (tk.kind[i] !== TK_NAME) return false;
  const w = word(tk, i);
  return (w === 'not' && !(i > 0 && tk.kind[i - 1] === TK_NAME && word(tk, i - 1) === 'is')) || w === 'await';
}

function isBinaryAt(tk: Tokenizer, i: number): boolean {
  if (tk.kind[i] === TK_NAME) return WORD_OPERATORS.has(word(tk, i));
  if (tk.kind[i] !== TK_OP) return false;
  const c = tk.aux[i];
  return BINARY_CHARS.has(c) || c === OP_OTHER;
}

/** Where an argument, an element, a value or a slice bound starts: ( [ { , = : := */
function isStop(tk: Tokenizer, i: number): boolean {
  if (i < 0 || tk.kind[i] !== TK_OP) return false;
  const c = tk.aux[i];
  return c === 40 || c === 91 || c === 123 || c === 44 || c === 61 || c === 58 || c === OP_WALRUS;
}


/** The last token of the primary starting at token i (for the end of the reported range). */
function primaryEnd(tk: Tokenizer, i: number): number {
  let e = i;
  if (isOp(tk, e, 123) && tk.pair[e] > e) e = tk.pair[e];
  if (tk.kind[e] === TK_STRING) while (e + 1 < tk.count && tk.kind[e + 1] === TK_STRING) e++;
  for (;;) {
    if (e + 1 < tk.count && (isOp(tk, e + 1, 40) || isOp(tk, e + 1, 91)) && tk.pair[e + 1] > e + 1) {
      e = tk.pair[e + 1];
      continue;
    }
    if (isOp(tk, e + 1, 46) && e + 2 < tk.count && tk.kind[e + 2] === TK_NAME) {
      e += 2;
      continue;
    }
    return e;
  }
}
