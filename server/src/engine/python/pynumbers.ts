// Number literals as CPython's tokenizer reads them (Parser/tokenizer.c, tok_get and
// verify_end_of_number, 3.11 to 3.13): where the NUMBER token ends, and the errors the tokenizer
// raises itself (`1abc`: invalid decimal literal, `0o8`: invalid digit '8' in octal literal, `01`:
// leading zeros...). A number followed at once by `and`, `else`, `for`, `if`, `in`, `is`, `not` or
// `or` is only warned about (`1if x else y` compiles). An error is placed where CPython's offset
// points: the character before the tokenizer's position when it stopped.
//
// Written as CPython's code is, reading with next() and stepping back with backup(), so that each
// branch can be checked against it; the state is module-level (scanning never nests) so that a
// number costs no allocation.

export interface NumberError {
  message: string;
  /** Offsets in the text: [start, end). */
  start: number;
  end: number;
}

/** The error of the last scanNumber call, or null when the number was fine. */
export let numberError: NumberError | null = null;

let text = '';
let n = 0;
/** The next character to read (the tokenizer's `cur`). */
let p = 0;
/** Where the number started. */
let s = 0;

/**
 * Reads the number token that starts at `start` (a digit, or '.' followed by a digit). Returns where
 * it ends; numberError tells whether the tokenizer raised an error on it.
 */
export function scanNumber(t: string, start: number): number {
  numberError = null;
  text = t;
  n = t.length;
  p = start;
  s = start;
  let c = next();
  if (c === 46) return fraction(next()); // '.' then a digit (the caller checked)
  if (c !== 48) {
    const tail = decimalTail();
    return tail === null ? p : afterDigits(tail);
  }
  c = next();
  const lower = c | 0x20;
  if (c >= 0 && lower === 120) return prefixed(BASE_HEX, 'hexadecimal');
  if (c >= 0 && lower === 111) return prefixed(BASE_OCTAL, 'octal');
  if (c >= 0 && lower === 98) return prefixed(BASE_BINARY, 'binary');
  // Zeros, maybe an old-style octal.
  for (;;) {
    if (c === 95) {
      c = next();
      if (!isDigit(c)) return failBack('invalid decimal literal');
    }
    if (c !== 48) break;
    c = next();
  }
  const zerosEnd = p;
  let nonzero = false;
  if (isDigit(c)) {
    nonzero = true;
    const tail = decimalTail();
    if (tail === null) return p;
    c = tail;
  }
  if (c === 46) return fraction(next());
  if (c === 101 || c === 69) return exponent(c);
  if (c === 106 || c === 74) return imaginary();
  if (nonzero) {
    backup();
    numberError = {
      message: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
      start: s,
      end: Math.max(s + 1, zerosEnd - 1),
    };
    return p;
  }
  return end(c, 'decimal');
}

function next(): number {
  return p < n ? text.charCodeAt(p++) : (p++, -1);
}

function backup(): void {
  p--;
}

/** An error at the character before the current position (CPython's offset). */
function fail(message: string): number {
  const at = Math.max(s, p - 1);
  numberError = { message, start: at, end: at + 1 };
  return p;
}

/** tok_backup then syntaxerror. */
function failBack(message: string): number {
  backup();
  return fail(message);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** CPython's is_potential_identifier_char (-1, the end of the text, is not). */
function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || isDigit(c) || c >= 128;
}

const BASE_HEX = 16;
const BASE_OCTAL = 8;
const BASE_BINARY = 2;

function inBase(c: number, base: number): boolean {
  if (base === 16) return isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102);
  return c >= 48 && c < 48 + base;
}

/** 0x / 0o / 0b and their digits, single underscores between them. */
function prefixed(base: number, kind: string): number {
  const digitError = base !== BASE_HEX; // "invalid digit '8' in octal literal"
  let c = next();
  do {
    if (c === 95) c = next();
    if (!inBase(c, base)) {
      if (digitError && isDigit(c)) return fail(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
      return failBack(`invalid ${kind} literal`);
    }
    do c = next(); while (inBase(c, base));
  } while (c === 95);
  if (digitError && isDigit(c)) return fail(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
  return end(c, kind);
}

/** tok_decimal_tail, its first digit read: the first character after the digits, or null on error. */
function decimalTail(): number | null {
  for (;;) {
    let c: number;
    do c = next(); while (isDigit(c));
    if (c !== 95) return c;
    c = next();
    if (!isDigit(c)) {
      failBack('invalid decimal literal');
      return null;
    }
  }
}

/** After an integer part: a fraction, an exponent, an imaginary suffix, or the end. */
function afterDigits(c: number): number {
  return c === 46 ? fraction(next()) : afterFraction(c);
}

function fraction(c: number): number {
  if (isDigit(c)) {
    const tail = decimalTail();
    if (tail === null) return p;
    c = tail;
  }
  return afterFraction(c);
}

function afterFraction(c: number): number {
  if (c === 101 || c === 69) return exponent(c);
  if (c === 106 || c === 74) return imaginary();
  return end(c, 'decimal');
}

function exponent(e: number): number {
  let c = next();
  if (c === 43 || c === 45) {
    c = next();
    if (!isDigit(c)) return failBack('invalid decimal literal');
  } else if (!isDigit(c)) {
    // No exponent after all: the number ends before the 'e', if an 'e' may follow it.
    backup();
    if (!endsWell(e, 'decimal')) return p;
    backup();
    return p;
  }
  const tail = decimalTail();
  if (tail === null) return p;
  c = tail;
  if (c === 106 || c === 74) return imaginary();
  return end(c, 'decimal');
}

function imaginary(): number {
  return end(next(), 'imaginary');
}

/** verify_end_of_number, then the number ends before `c`. */
function end(c: number, kind: string): number {
  if (!endsWell(c, kind)) return p;
  backup();
  return p;
}

/** verify_end_of_number with `c` just read: false (numberError set) when it is an error. */
function endsWell(c: number, kind: string): boolean {
  if (keywordFollows(c)) return true; // only a warning
  if (isIdentChar(c)) {
    failBack(`invalid ${kind} literal`);
    return false;
  }
  return true;
}

/** Whether the keyword look-ahead of verify_end_of_number matches at `c` (just read). */
function keywordFollows(c: number): boolean {
  const rest = c === 97 ? 'nd' : c === 101 ? 'lse' : c === 102 ? 'or' : c === 111 ? 'r' : c === 110 ? 'ot' : null;
  if (rest !== null) return text.startsWith(rest, p) && !isIdentChar(p + rest.length < n ? text.charCodeAt(p + rest.length) : -1);
  if (c !== 105) return false;
  const c2 = p < n ? text.charCodeAt(p) : -1;
  return c2 === 102 || c2 === 110 || c2 === 115; // if, in, is: whatever follows
}
