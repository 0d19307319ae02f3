// A small Python tokenizer, built for reading module-level statements fast. It hands out one logical
// line at a time (tokens in reusable typed arrays, no object per token), keeps Python's indentation
// stack, and notices the errors Python's own tokenizer would stop at. It never throws.
//
// Offsets are UTF-16 indices into the text (JS string indices). Spans are computed by the caller.
// A caller that needs only a line's shape can begin it (beginLine: indentation and its errors) and then
// skip it (skipLine/skimLine, see pyskim.ts) instead of reading its tokens (readLine).
import { numberError, scanNumber } from './pynumbers';
import { isIdentifierText } from './pychars';
import { LineIndex } from './lineindex';
import { skimLogicalLine, skimmedColon } from './pyskim';
import { fastPaths, lineEnd, stringRunEnd, stringRunIndex } from './pyruns';

export const TK_NAME = 1;
export const TK_NUMBER = 2;
export const TK_STRING = 3;
export const TK_OP = 4;

// Operator codes (aux of a TK_OP token): the char code for one-character operators, or one of these.
export const OP_WALRUS = 256; // :=
export const OP_AUGASSIGN = 257; // += -= *= ... **= //= >>= <<=
export const OP_ARROW = 258; // ->
export const OP_ELLIPSIS = 259; // ...
export const OP_OTHER = 260; // == != <= >= ** // << >> <>

// String flags (aux of a TK_STRING token).
export const S_BYTES = 1;
export const S_RAW = 2;
export const S_FORMAT = 4; // f or t prefix
export const S_TEMPLATE = 8; // t prefix (Python 3.14 template string: never a str)
export const S_TRIPLE = 16;
export const S_UNTERMINATED = 32;
export const S_FIELDS = 64; // an f-string with at least one {replacement field}
export const S_SIMPLE = 128; // no backslash, no CR, no {{ }}: the body is the value
/** Bits 8-15: length of the prefix (0-2). */
export const S_PREFIX_SHIFT = 8;

export interface TokenError {
  message: string;
  start: number;
  end: number;
  /**
   * An error of CPython's parser, which a later tokenizer error can replace (see `lexErrors`): a bare
   * "invalid syntax" (an operator character it has no use for), or "expected an indented block",
   * which its second pass raises (CPython then tokenizes the rest of the file all the same).
   */
  generic?: boolean;
}

/**
 * How CPython's tokenizer itself treats an error (the others are its parser's): LEX_RAISES for one
 * it raises with its own message (unterminated string, unmatched bracket, invalid character),
 * LEX_STOPS for one it only flags (indentation, a bad line continuation, the end inside brackets).
 * It matters after a generic parser error: CPython then reads the rest of the file and stops at the
 * first tokenizer error, which replaces the generic one when it raises (parse.ts).
 */
export const LEX_RAISES = 1;
export const LEX_STOPS = 2;

export interface LexError extends TokenError {
  kind: typeof LEX_RAISES | typeof LEX_STOPS;
  /** Where the tokenizer was when it met the error (errors come in this order). */
  at: number;
  /** The offset of the innermost bracket still open then, or -1. */
  openBracket: number;
}

const MAX_LEVEL = 200; // CPython's MAXLEVEL: deeper bracket nesting is "too many nested parentheses"
const MAX_FSTRING_NESTING = 32; // recursion guard for f-strings inside f-strings

/** The statement a line ending with ':' begins, by its first word (`async def` is a def). */
const BLOCK_OPENER = /(?:async[ \t\f]+)?(def|class|if|elif|else|while|for|with|try|except|finally|match|case)(?![\w\u0080-\uffff])([ \t\f]*\*)?/y;

/**
 * CPython's IndentationError for a block that is missing (its parser's invalid_* rules): it names the
 * statement and its line, `after function definition on line 3`, `after 'if' statement on line 7`.
 */
function expectedBlock(text: string, opener: number): string {
  BLOCK_OPENER.lastIndex = opener;
  const m = BLOCK_OPENER.exec(text);
  if (!m) return 'IndentationError: expected an indented block';
  const what = m[1] === 'def' ? 'function definition' : m[1] === 'class' ? 'class definition' : `'${m[1]}${m[1] === 'except' && m[2] ? '*' : ''}' statement`;
  return `IndentationError: expected an indented block after ${what} on line ${new LineIndex(text).position(opener).line + 1}`;
}

/**
 * Where CPython places an error met at the end of the file (checked with 3.11, source read as bytes):
 * the end of the last line, or after a final CRLF, the start of the line it opens.
 */
function endOfSource(text: string): number {
  const n = text.length;
  const last = text.charCodeAt(n - 1);
  if (last === CH_LF && text.charCodeAt(n - 2) === CH_CR) return n;
  return last === CH_LF || last === CH_CR ? n - 1 : n;
}


const CH_TAB = 9, CH_LF = 10, CH_FF = 12, CH_CR = 13, CH_SPACE = 32, CH_HASH = 35, CH_BACKSLASH = 92;

const shared = {
  kind: new Uint8Array(256),
  start: new Int32Array(256),
  end: new Int32Array(256),
  aux: new Int32Array(256),
  pair: new Int32Array(256),
  brackets: new Int32Array(MAX_LEVEL),
};

export class Tokenizer {
  readonly text: string;
  pos = 0;
  /** Tokens of the current logical line. */
  count = 0;
  // The arrays are shared by all tokenizers (parsing is synchronous and never re-entrant), so that
  // reading thousands of files does not allocate and grow them once per file.
  kind = shared.kind;
  start = shared.start;
  end = shared.end;
  aux = shared.aux;
  /** For an opening bracket token: the index of its closing token in this line, or -1. */
  pair = shared.pair;
  /** Indentation level of the current line (0 = module level). */
  level = 0;
  /** The first syntax error met (Python stops at the first), or null. */
  error: TokenError | null = null;
  /** Every error of CPython's tokenizer met, in order (null while there is none: the usual case). */
  lexErrors: LexError[] | null = null;

  private indents: number[] = [0];
  private altIndents: number[] = [0];
  private prevEndedWithColon = false;
  /** The first token of the logical line begun last (the block opener, when it ends with ':'). */
  private lineFirst = 0;
  private bracketTok = shared.brackets;
  private bracketOverflow = 0;
  private depth = 0;
  private done = false;

  constructor(text: string) {
    this.text = text;
    // A text that still starts with a byte order mark (read without decodeSource) is a UTF-8 file
    // with a BOM, which Python accepts: skip the mark, keep offsets relative to the text given.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  /** Reads the next logical line into the token arrays. Returns false at the end of the file. */
  nextLine(): boolean {
    if (!this.beginLine()) return false;
    this.readLine();
    return true;
  }

  /**
   * Moves to the next logical line and measures its indentation (`level`), without reading its
   * tokens: follow with readLine or skipLine. Returns false at the end of the file.
   */
  beginLine(): boolean {
    this.count = 0;
    if (this.done) return false;
    if (!this.readIndentation()) {
      this.done = true;
      if (this.prevEndedWithColon) {
        const at = endOfSource(this.text);
        this.fail(expectedBlock(this.text, this.lineFirst), at, at);
      }
      return false;
    }
    this.lineStart = this.pos;
    return true;
  }

  /** Offset of the first token of the line begun. */
  lineStart = 0;

  /** Reads the tokens of the line begun into the token arrays. */
  readLine(): void {
    this.readTokens();
    this.skipFrom = -1;
    const last = this.count - 1;
    this.prevEndedWithColon = last >= 0 && this.kind[last] === TK_OP && this.aux[last] === 58;
  }

  /**
   * Passes over the line begun when that is certain to change nothing but `endsWithColon` (see
   * pyskim.ts): no tokens are kept then (`count` stays 0). Otherwise reads it like readLine.
   */
  skipLine(): void {
    if (!this.skimLine()) this.readLine();
  }

  /**
   * Passes over the line begun, like skipLine, when that is certain to change nothing but
   * `endsWithColon`; returns false, having changed nothing, when the line needs reading. The line's
   * text is then [lineStart, pos). To read it after all, call readLineAgain.
   */
  skimLine(): boolean {
    const next = fastPaths.enabled ? skimLogicalLine(this.text, this.pos) : -1;
    if (next < 0) return false;
    this.pos = next;
    this.prevEndedWithColon = skimmedColon >= 0;
    return true;
  }

  /**
   * Reads the line begun like readLine, but passes over [from, to) without making tokens of it. Only
   * for a stretch that holds whole tokens which can make no error and no bracket left open.
   */
  readLineWithout(from: number, to: number): void {
    this.skipFrom = from;
    this.skipTo = to;
    this.readLine();
  }

  private skipFrom = -1;
  private skipTo = -1;

  /**
   * Passes over the line begun, which the caller has read some other way: the next line starts at
   * `next`, and `colon` is the offset of the line's last token when that is ':' (else -1).
   */
  passLine(next: number, colon: number): void {
    this.pos = next;
    this.prevEndedWithColon = colon >= 0;
  }

  /** Reads the tokens of a line that skimLine passed over. */
  readLineAgain(): void {
    this.pos = this.lineStart;
    this.readLine();
  }

  /** Whether the last line read or skipped ended with ':' (the token, not ':=' nor a string's). */
  get endsWithColon(): boolean {
    return this.prevEndedWithColon;
  }

  /** Skips blank and comment-only lines; measures the indentation of the next logical line. */
  private readIndentation(): boolean {
    const t = this.text;
    const n = t.length;
    for (;;) {
      let col = 0;
      let alt = 0;
      let p = this.pos;
      const lineStart = p;
      for (; p < n; p++) {
        const c = t.charCodeAt(p);
        if (c === CH_SPACE) { col++; alt++; }
        else if (c === CH_TAB) { col = (Math.floor(col / 8) + 1) * 8; alt++; }
        else if (c === CH_FF) { col = 0; alt = 0; }
        else break;
      }
      if (p >= n) { this.pos = n; return false; }
      const c = t.charCodeAt(p);
      if (c === CH_HASH) { p = skipToLineEnd(t, p); }
      if (p < n && (t.charCodeAt(p) === CH_LF || t.charCodeAt(p) === CH_CR)) {
        this.pos = skipNewline(t, p);
        continue;
      }
      if (p >= n) { this.pos = n; return false; }
      this.pos = p;
      this.applyIndent(col, alt, lineStart, p);
      return true;
    }
  }

  private applyIndent(col: number, alt: number, lineStart: number, first: number): void {
    const ind = this.indents;
    const alts = this.altIndents;
    const top = ind.length - 1;
    const opener = this.lineFirst;
    this.lineFirst = first;
    if (col > ind[top]) {
      if (alt <= alts[top]) this.fail('TabError: inconsistent use of tabs and spaces in indentation', lineStart, first, LEX_STOPS);
      if (!this.prevEndedWithColon) this.fail('IndentationError: unexpected indent', lineStart, first);
      ind.push(col);
      alts.push(alt);
    } else {
      if (this.prevEndedWithColon && !this.error) this.error = { message: expectedBlock(this.text, opener), start: first, end: first + 1, generic: true };
      while (ind.length > 1 && col < ind[ind.length - 1]) {
        ind.pop();
        alts.pop();
      }
      if (col !== ind[ind.length - 1]) this.fail('IndentationError: unindent does not match any outer indentation level', lineStart, first, LEX_STOPS);
      else if (alt !== alts[alts.length - 1]) this.fail('TabError: inconsistent use of tabs and spaces in indentation', lineStart, first, LEX_STOPS);
    }
    this.level = ind.length - 1;
  }

  private readTokens(): void {
    const t = this.text;
    const n = t.length;
    let p = this.pos;
    for (;;) {
      if (p === this.skipFrom) p = this.skipTo;
      if (p >= n) {
        if (this.depth > 0) this.unclosedAtEof();
        this.pos = n;
        return;
      }
      const c = t.charCodeAt(p);
      if (c === CH_SPACE || c === CH_TAB || c === CH_FF) { p++; continue; }
      if (c === CH_LF || c === CH_CR) {
        p = skipNewline(t, p);
        if (this.depth === 0) { this.pos = p; return; }
        continue;
      }
      if (c === CH_HASH) { p = skipToLineEnd(t, p); continue; }
      if (c === CH_BACKSLASH) {
        const q = p + 1;
        if (q < n && (t.charCodeAt(q) === CH_LF || t.charCodeAt(q) === CH_CR)) { p = skipNewline(t, q); continue; }
        if (q >= n) this.fail('unexpected EOF while parsing (a backslash ends the file)', p, q, LEX_STOPS);
        else this.fail('unexpected character after line continuation character', p, q, LEX_STOPS);
        p = q;
        continue;
      }
      if (isAsciiIdentStart(c) || c >= 0x80) { p = this.readNameOrString(p); continue; }
      if (c >= 48 && c <= 57) { p = this.readNumber(p); continue; }
      if (c === 39 || c === 34) { p = this.readString(p, p, 0); continue; }
      if (c === 46 && p + 1 < n && isDigit(t.charCodeAt(p + 1))) { p = this.readNumber(p); continue; }
      p = this.readOperator(p, c);
    }
  }

  private push(kind: number, start: number, end: number, aux: number): number {
    const i = this.count;
    if (i === this.kind.length) this.grow();
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.aux[i] = aux;
    this.pair[i] = -1;
    this.count = i + 1;
    return i;
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const k = new Uint8Array(size); k.set(this.kind); this.kind = k;
    const s = new Int32Array(size); s.set(this.start); this.start = s;
    const e = new Int32Array(size); e.set(this.end); this.end = e;
    const a = new Int32Array(size); a.set(this.aux); this.aux = a;
    const m = new Int32Array(size); m.set(this.pair); this.pair = m;
    shared.kind = k; shared.start = s; shared.end = e; shared.aux = a; shared.pair = m;
  }

  private readNameOrString(p: number): number {
    const t = this.text;
    const n = t.length;
    const s = p;
    let ascii = true;
    while (p < n) {
      const c = t.charCodeAt(p);
      if (isAsciiIdentPart(c)) p++;
      else if (c >= 0x80) { ascii = false; p++; }
      else break;
    }
    if (p < n && p - s <= 2 && ascii) {
      const q = t.charCodeAt(p);
      if (q === 39 || q === 34) {
        const flags = prefixFlags(t, s, p);
        if (flags >= 0) return this.readString(s, p, flags);
      }
    }
    if (!ascii && !isIdentifierText(t.slice(s, p))) {
      const bad = firstBadChar(t, s, p);
      const code = t.codePointAt(bad) ?? 0;
      const what = code < 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0xfeff ? 'invalid non-printable character' : 'invalid character';
      this.fail(`${what} U+${code.toString(16).toUpperCase().padStart(4, '0')}`, bad, bad + (code > 0xffff ? 2 : 1), LEX_RAISES);
    }
    this.push(TK_NAME, s, p, 0);
    return p;
  }

  private readNumber(p: number): number {
    const end = scanNumber(this.text, p);
    // CPython's tokenizer stops at such an error (its own, so it outranks a later parser error).
    if (numberError) this.fail(numberError.message, numberError.start, numberError.end, LEX_RAISES);
    this.push(TK_NUMBER, p, end, 0);
    return end;
  }

  /** A string token starting at `s` (its prefix) whose opening quote is at `q`. */
  private readString(s: number, q: number, flags: number): number {
    const end = this.scanString(q, flags, 0);
    this.push(TK_STRING, s, end, this.lastFlags | ((q - s) << S_PREFIX_SHIFT));
    return end;
  }

  private lastFlags = 0;

  /**
   * Scans a string body from its opening quote; returns the offset after the closing quote (or where
   * an unterminated string stops) and leaves the flags in `lastFlags`.
   */
  private scanString(q: number, flags: number, nesting: number): number {
    const t = this.text;
    const n = t.length;
    const quote = t.charCodeAt(q);
    const triple = q + 2 < n && t.charCodeAt(q + 1) === quote && t.charCodeAt(q + 2) === quote;
    if (triple) flags |= S_TRIPLE;
    let p = q + (triple ? 3 : 1);
    let simple = true;
    const raw = (flags & S_RAW) !== 0;
    const format = (flags & S_FORMAT) !== 0 && nesting < MAX_FSTRING_NESTING;
    const runKind = fastPaths.enabled ? stringRunIndex(quote, triple, format) : -1;
    while (p < n) {
      if (runKind >= 0) {
        p = stringRunEnd(runKind, t, p);
        if (p >= n) break;
      }
      const c = t.charCodeAt(p);
      if (c === quote) {
        if (!triple) { this.lastFlags = flags | (simple ? S_SIMPLE : 0); return p + 1; }
        if (p + 2 < n && t.charCodeAt(p + 1) === quote && t.charCodeAt(p + 2) === quote) {
          this.lastFlags = flags | (simple ? S_SIMPLE : 0);
          return p + 3;
        }
        p++;
      } else if (c === CH_BACKSLASH) {
        simple = simple && raw;
        p++;
        if (p < n) {
          const d = t.charCodeAt(p);
          if (d === CH_CR) simple = false;
          if (d === CH_CR && p + 1 < n && t.charCodeAt(p + 1) === CH_LF) p += 2;
          else if (format && !raw && d === 78 && p + 1 < n && t.charCodeAt(p + 1) === 123) {
            // \N{NAME}: its braces are not a replacement field.
            const close = t.indexOf('}', p);
            p = close < 0 ? n : close + 1;
          } else if (!(format && (d === 123 || d === 125))) p++; // a backslash does not escape a brace
        }
      } else if (c === CH_LF || c === CH_CR) {
        if (!triple) break;
        if (c === CH_CR) simple = false;
        p++;
      } else if (format && (c === 123 || c === 125)) {
        if (p + 1 < n && t.charCodeAt(p + 1) === c) { simple = false; p += 2; continue; }
        if (c === 125) { p++; continue; } // a lone '}' is Python's error; not worth a report of its own
        flags |= S_FIELDS;
        simple = false;
        p = this.scanField(p + 1, nesting);
      } else p++;
    }
    // Unterminated: a single-quoted string stops at the end of its line, a triple-quoted one at EOF.
    const kind = triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
    this.fail(kind, q, p, LEX_RAISES, p);
    this.lastFlags = flags | S_UNTERMINATED;
    return p;
  }

  /** Skips an f-string replacement field (after its '{'), nested strings and fields included. */
  private scanField(p: number, nesting: number): number {
    const t = this.text;
    const n = t.length;
    let depth = 0;
    while (p < n) {
      const c = t.charCodeAt(p);
      if (c === 39 || c === 34) {
        p = this.scanString(p, 0, nesting + 1);
      } else if (c === CH_HASH) {
        // A comment inside a field spread over lines (Python 3.12+): its quotes open no string.
        p = skipToLineEnd(t, p);
      } else if (isAsciiIdentStart(c)) {
        const s = p;
        while (p < n && isAsciiIdentPart(t.charCodeAt(p))) p++;
        const q = p < n ? t.charCodeAt(p) : 0;
        if ((q === 39 || q === 34) && p - s <= 2) {
          const flags = prefixFlags(t, s, p);
          if (flags >= 0) p = this.scanString(p, flags, nesting + 1);
        }
      } else if (c === 40 || c === 91 || c === 123) { depth++; p++; }
      else if (c === 41 || c === 93) { if (depth > 0) depth--; p++; }
      else if (c === 125) {
        if (depth === 0) return p + 1;
        depth--;
        p++;
      } else if (c === 58 && depth === 0) {
        return this.scanFormatSpec(p + 1, nesting);
      } else p++;
    }
    return p;
  }

  /** The format spec after ':' in a field: literal text with nested {fields}, up to the closing '}'. */
  private scanFormatSpec(p: number, nesting: number): number {
    const t = this.text;
    const n = t.length;
    while (p < n) {
      const c = t.charCodeAt(p);
      if (c === 125) return p + 1;
      if (c === 123) p = this.scanField(p + 1, nesting + 1);
      else if (c === CH_LF || c === CH_CR || c === 39 || c === 34) return p; // let the string scanner decide
      else p++;
    }
    return p;
  }

  private readOperator(p: number, c: number): number {
    const t = this.text;
    const c2 = p + 1 < t.length ? t.charCodeAt(p + 1) : 0;
    const c3 = p + 2 < t.length ? t.charCodeAt(p + 2) : 0;
    switch (c) {
      case 40: case 91: case 123: return this.open(p, c);
      case 41: case 93: case 125: return this.close(p, c);
      case 44: case 59: case 126: case 64:
        if (c === 64 && c2 === 61) { this.push(TK_OP, p, p + 2, OP_AUGASSIGN); return p + 2; }
        this.push(TK_OP, p, p + 1, c);
        return p + 1;
      case 58:
        if (c2 === 61) { this.push(TK_OP, p, p + 2, OP_WALRUS); return p + 2; }
        this.push(TK_OP, p, p + 1, c);
        return p + 1;
      case 61:
        if (c2 === 61) { this.push(TK_OP, p, p + 2, OP_OTHER); return p + 2; }
        this.push(TK_OP, p, p + 1, c);
        return p + 1;
      case 46:
        if (c2 === 46 && c3 === 46) { this.push(TK_OP, p, p + 3, OP_ELLIPSIS); return p + 3; }
        this.push(TK_OP, p, p + 1, c);
        return p + 1;
      case 45:
        if (c2 === 62) { this.push(TK_OP, p, p + 2, OP_ARROW); return p + 2; }
        return this.arith(p, c, c2, c3);
      case 43: case 37: case 38: case 124: case 94:
        return this.arith(p, c, c2, c3);
      case 42: case 47: case 60: case 62:
        if (c2 === c) {
          // ** // << >> and their augmented forms.
          if (c3 === 61) { this.push(TK_OP, p, p + 3, OP_AUGASSIGN); return p + 3; }
          this.push(TK_OP, p, p + 2, OP_OTHER);
          return p + 2;
        }
        if ((c === 60 || c === 62) && c2 === 61) { this.push(TK_OP, p, p + 2, OP_OTHER); return p + 2; }
        if (c === 60 && c2 === 62) { this.push(TK_OP, p, p + 2, OP_OTHER); return p + 2; }
        return this.arith(p, c, c2, c3);
      case 33:
        if (c2 === 61) { this.push(TK_OP, p, p + 2, OP_OTHER); return p + 2; }
        this.failGeneric("invalid syntax: a lone '!' is not an operator", p);
        return p + 1;
      case 0:
        this.fail('source code cannot contain null bytes', p, p + 1);
        return p + 1;
      default: {
        const printable = c > 0x20 && c < 0x7f;
        const hexCode = c.toString(16).toUpperCase().padStart(4, '0');
        if (printable) this.failGeneric(`invalid syntax: unexpected character '${String.fromCharCode(c)}'`, p);
        else this.fail(`invalid non-printable character U+${hexCode}`, p, p + 1, LEX_RAISES);
        return p + 1;
      }
    }
  }

  private arith(p: number, c: number, c2: number, _c3: number): number {
    if (c2 === 61) {
      const isAug = c !== 60 && c !== 62;
      this.push(TK_OP, p, p + 2, isAug ? OP_AUGASSIGN : OP_OTHER);
      return p + 2;
    }
    this.push(TK_OP, p, p + 1, c);
    return p + 1;
  }

  private open(p: number, c: number): number {
    const i = this.push(TK_OP, p, p + 1, c);
    if (this.depth >= MAX_LEVEL) {
      this.fail('too many nested parentheses', p, p + 1, LEX_RAISES);
      this.bracketOverflow++;
      return p + 1;
    }
    this.bracketTok[this.depth++] = i;
    return p + 1;
  }

  private close(p: number, c: number): number {
    const i = this.push(TK_OP, p, p + 1, c);
    if (this.bracketOverflow > 0) { this.bracketOverflow--; return p + 1; }
    if (this.depth === 0) {
      this.fail(`unmatched '${String.fromCharCode(c)}'`, p, p + 1, LEX_RAISES);
      return p + 1;
    }
    const openIdx = this.bracketTok[--this.depth];
    const o = this.aux[openIdx];
    const expected = o === 40 ? 41 : o === 91 ? 93 : 125;
    if (c !== expected) {
      this.fail(`closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis '${String.fromCharCode(o)}'`, p, p + 1, LEX_RAISES);
    }
    this.pair[openIdx] = i;
    return p + 1;
  }

  private unclosedAtEof(): void {
    const openIdx = this.bracketTok[this.depth - 1];
    const s = this.start[openIdx];
    this.fail(`'${this.text[s]}' was never closed`, s, s + 1, LEX_STOPS, this.text.length);
    this.depth = 0;
    this.bracketOverflow = 0;
  }

  /**
   * Records the first error; `message` may start with Python's exception class, else SyntaxError.
   * An error of CPython's tokenizer (`lex`) is also kept in `lexErrors`, met at `at`.
   */
  private fail(message: string, start: number, end: number, lex?: LexError['kind'], at = start): void {
    if (!/^[A-Z]\w*Error: /.test(message)) message = 'SyntaxError: ' + message;
    if (!this.error) this.error = { message, start, end };
    if (lex !== undefined) {
      const openBracket = this.depth > 0 && this.bracketOverflow === 0 ? this.start[this.bracketTok[this.depth - 1]] : -1;
      (this.lexErrors ??= []).push({ message, start, end, kind: lex, at, openBracket });
    }
  }

  /** A character CPython's tokenizer passes as an operator and its parser refuses with a bare "invalid syntax". */
  private failGeneric(message: string, p: number): void {
    if (!this.error) this.error = { message: 'SyntaxError: ' + message, start: p, end: p + 1, generic: true };
  }
}

/** The flags of a string prefix (letters between s and e), or -1 when it is not a valid prefix. */
export function prefixFlags(t: string, s: number, e: number): number {
  let flags = 0;
  for (let i = s; i < e; i++) {
    const c = t.charCodeAt(i) | 0x20;
    let bit: number;
    if (c === 0x72) bit = S_RAW;
    else if (c === 0x62) bit = S_BYTES;
    else if (c === 0x66) bit = S_FORMAT;
    else if (c === 0x74) bit = S_FORMAT | S_TEMPLATE;
    else if (c === 0x75) { if (e - s !== 1) return -1; bit = 0; }
    else return -1;
    if (flags & bit) return -1;
    flags |= bit;
  }
  // b cannot combine with f or t.
  if ((flags & S_BYTES) && (flags & S_FORMAT)) return -1;
  return flags;
}

function skipToLineEnd(t: string, p: number): number {
  if (fastPaths.enabled) return lineEnd(t, p);
  const n = t.length;
  while (p < n) {
    const c = t.charCodeAt(p);
    if (c === CH_LF || c === CH_CR) return p;
    p++;
  }
  return n;
}

function skipNewline(t: string, p: number): number {
  if (t.charCodeAt(p) === CH_CR && p + 1 < t.length && t.charCodeAt(p + 1) === CH_LF) return p + 2;
  return p + 1;
}

function firstBadChar(t: string, s: number, e: number): number {
  for (let i = s; i < e; ) {
    const cp = t.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    if (cp >= 0x80 && !isIdentifierText((i === s ? '' : 'a') + String.fromCodePoint(cp))) return i;
    i += w;
  }
  return s;
}

function isAsciiIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isAsciiIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
