// The right-hand side of `NAME = value`, evaluated only when it is a literal Alembic accepts: None, a
// str (implicit concatenation and parentheses included), or a tuple/list/set of str. Anything else is
// 'other' with its source text: never guessed.
import type { Span, StrLit, VarValue } from '../types';
import type { LineIndex } from './lineindex';
import { S_BYTES, S_FIELDS, S_TEMPLATE, TK_NAME, TK_OP, TK_STRING, type Tokenizer } from './pytokens';
import { evalString, stringBody } from './pystrings';
import { detach } from './detach';

export class ValueReader {
  constructor(private readonly tk: Tokenizer, private readonly lines: LineIndex) {}

  /** The value of tokens [s, e) of the current line. */
  read(s: number, e: number): VarValue {
    const tk = this.tk;
    if (s >= e) {
      const at = s < tk.count ? tk.start[s] : s > 0 ? tk.end[s - 1] : 0;
      return { kind: 'other', text: '', span: this.lines.span(at, at) };
    }
    const r: Range = { from: tk.start[s], to: tk.end[e - 1], span: this.lines.span(tk.start[s], tk.end[e - 1]) };
    if (this.hasTopComma(s, e)) return this.sequence('tuple', s, e, r);
    return this.atom(s, e, r);
  }

  /**
   * The value of one string literal at [start, end) without prefix, escapes or line ends — what
   * read gives for it — or of `None` there.
   */
  plainLiteral(start: number, end: number): VarValue {
    const span = this.lines.span(start, end);
    if (this.tk.text.charCodeAt(start) === 78) return { kind: 'none', span };
    const value = detach(this.tk.text.slice(start + 1, end - 1));
    const lit: StrLit = { value, span: this.lines.span(start, end), inner: this.lines.span(start + 1, end - 1) };
    return { kind: 'str', lit, span };
  }

  private atom(s: number, e: number, r: Range): VarValue {
    const span = r.span;
    const tk = this.tk;
    if (e - s === 1 && tk.kind[s] === TK_NAME && this.isWord(s, 'None')) return { kind: 'none', span };
    if (tk.kind[s] === TK_STRING) {
      const lit = this.strLit(s, e);
      return lit ? { kind: 'str', lit, span } : this.other(r);
    }
    if (tk.kind[s] === TK_OP && tk.pair[s] === e - 1) {
      const open = tk.aux[s];
      if (open === 40) {
        if (e - s === 2) return { kind: 'seq', container: 'tuple', items: [], span };
        if (this.hasTopComma(s + 1, e - 1)) return this.sequence('tuple', s + 1, e - 1, r);
        return this.atom(s + 1, e - 1, r);
      }
      if (open === 91) return this.sequence('list', s + 1, e - 1, r);
      if (open === 123 && e - s > 2) return this.sequence('set', s + 1, e - 1, r);
    }
    return this.other(r);
  }

  /** Comma-separated str items in [s, e); a trailing comma is allowed. */
  private sequence(container: 'tuple' | 'list' | 'set', s: number, e: number, r: Range): VarValue {
    const tk = this.tk;
    const items: StrLit[] = [];
    if (s === e) return { kind: 'seq', container, items, span: r.span };
    let itemStart = s;
    for (let i = s; i <= e; i++) {
      if (i === e || (tk.kind[i] === TK_OP && tk.aux[i] === 44)) {
        if (i === itemStart) {
          if (i === e && items.length > 0) break; // trailing comma
          return this.other(r);
        }
        const lit = this.strLit(itemStart, i);
        if (!lit) return this.other(r);
        items.push(lit);
        itemStart = i + 1;
        continue;
      }
      if (tk.kind[i] === TK_OP && tk.pair[i] > i) i = tk.pair[i];
    }
    return { kind: 'seq', container, items, span: r.span };
  }

  /** A str expression: string tokens, possibly in parentheses. Null when it is not a known str. */
  strLit(s: number, e: number): StrLit | null {
    const tk = this.tk;
    while (e - s >= 2 && tk.kind[s] === TK_OP && tk.aux[s] === 40 && tk.pair[s] === e - 1) { s++; e--; }
    if (s >= e) return null;
    let value = '';
    for (let i = s; i < e; i++) {
      if (tk.kind[i] !== TK_STRING) return null;
      const flags = tk.aux[i];
      if (flags & (S_BYTES | S_FIELDS | S_TEMPLATE)) return null;
      const v = evalString(tk.text, tk.start[i], tk.end[i], flags);
      if (!v.known) return null;
      value += v.value;
    }
    let inner: StrLit['inner'] = null;
    if (e - s === 1) {
      const { bodyStart, bodyEnd } = stringBody(tk.aux[s], tk.start[s], tk.end[s]);
      if (bodyEnd - bodyStart === value.length && tk.text.startsWith(value, bodyStart)) inner = this.lines.span(bodyStart, bodyEnd);
    }
    return { value: detach(value), span: this.lines.span(tk.start[s], tk.end[e - 1]), inner };
  }

  private hasTopComma(s: number, e: number): boolean {
    const tk = this.tk;
    for (let i = s; i < e; i++) {
      if (tk.kind[i] !== TK_OP) continue;
      if (tk.aux[i] === 44) return true;
      if (tk.pair[i] > i) i = tk.pair[i];
    }
    return false;
  }

  private isWord(i: number, w: string): boolean {
    const tk = this.tk;
    return tk.end[i] - tk.start[i] === w.length && tk.text.startsWith(w, tk.start[i]);
  }

  private other(r: Range): VarValue {
    return { kind: 'other', text: detach(this.tk.text.slice(r.from, r.to)), span: r.span };
  }
}

interface Range {
  from: number;
  to: number;
  span: Span;
}
