// Offsets -> LSP positions (zero-based line, UTF-16 column). A line ends at LF, CRLF or a lone CR,
// as both Python and LSP clients count them.
import type { Position, Span } from './types';

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

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    if (o > this.scanned) this.scanTo(o);
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - s[lo] };
  }

  span(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }
}
