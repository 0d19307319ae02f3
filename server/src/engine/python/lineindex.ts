// Offsets -> LSP positions (zero-based line, UTF-16 column). A line ends at LF, CRLF or a lone CR,
// as both Python and LSP clients count them.
//
// The positions and spans handed out are shared and frozen: migration files made from one template put
// their variables and header lines at the same places, so across thousands of files almost every span
// is one of a few hundred. Sharing them spares most of the parser's allocations (and the memory an
// index holds). Nothing may mutate a span; freezing makes a mistake throw instead of corrupting others.
import type { Position, Span } from '../types';

/** Positions on lines below this, at columns below POS_CHARS, are shared. */
const POS_LINES = 4096;
const POS_CHARS = 256;
const positionRows: (Position | undefined)[][] = [];

export function sharedPosition(line: number, character: number): Position {
  if (line >= POS_LINES || character >= POS_CHARS) return Object.freeze({ line, character });
  const row = (positionRows[line] ??= new Array<Position | undefined>(POS_CHARS).fill(undefined));
  return (row[character] ??= Object.freeze({ line, character }));
}

/**
 * Spans by packed coordinates; each map is emptied when it grows past SPAN_LIMIT (old spans stay
 * valid). Spans within one line, the usual kind, have keys small enough to be V8 small integers,
 * which hash without allocating.
 */
const lineSpans = new Map<number, Span>();
const spans = new Map<number, Span>();
const SPAN_LIMIT = 1 << 16;

export function sharedSpan(start: Position, end: Position): Span {
  if (start.line >= POS_LINES || end.line >= POS_LINES || start.character >= POS_CHARS || end.character >= POS_CHARS) {
    return Object.freeze({ start, end });
  }
  // 12 + 8 + 8 bits, or 12 + 8 + 12 + 8 bits: well inside a double's exact integers.
  const oneLine = start.line === end.line;
  const map = oneLine ? lineSpans : spans;
  const key = oneLine
    ? (start.line * POS_CHARS + start.character) * POS_CHARS + end.character
    : ((start.line * POS_CHARS + start.character) * POS_LINES + end.line) * POS_CHARS + end.character;
  let span = map.get(key);
  if (span === undefined) {
    if (map.size >= SPAN_LIMIT) map.clear();
    span = Object.freeze({ start, end });
    map.set(key, span);
  }
  return span;
}

// Line starts are found lazily, only as far as the positions asked for: most spans a migration needs
// are in its first lines (docstring, variables), so the function bodies are never scanned twice.
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Offset up to which line starts are known. */
  private scanned = 0;
  private readonly hasCR: boolean;

  constructor(private readonly text: string) {
    this.hasCR = text.indexOf('\r') >= 0;
  }

  private scanTo(offset: number): void {
    const t = this.text;
    let i = this.scanned;
    if (!this.hasCR) {
      for (i = t.indexOf('\n', i); i >= 0 && i < offset; i = t.indexOf('\n', i + 1)) this.starts.push(i + 1);
      this.scanned = i < 0 ? t.length : i;
      return;
    }
    for (; i < offset && i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.scanned = i;
  }

  /** The line of the last position asked for: the parser asks in nearly increasing order. */
  private hint = 0;

  position(offset: number): Position {
    const o = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
    if (o > this.scanned) this.scanTo(o);
    const s = this.starts;
    const last = s.length - 1;
    let line = this.hint;
    if (s[line] > o || (line < last && s[line + 1] <= o)) {
      // Not on the hinted line: the next one, or a binary search.
      line++;
      if (line > last || s[line] > o || (line < last && s[line + 1] <= o)) {
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (s[mid] <= o) lo = mid;
          else hi = mid - 1;
        }
        line = lo;
      }
    }
    this.hint = line;
    return sharedPosition(line, o - s[line]);
  }

  span(start: number, end: number): Span {
    return sharedSpan(this.position(start), this.position(end));
  }
}
