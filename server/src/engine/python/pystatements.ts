// Which statements of a logical line bind Alembic's module variables. A plain `NAME = value` (or
// `NAME: annotation = value`) at module level is evaluated; every other way Python could bind or
// unbind the name (inside if/try/with/for..., unpacking, augmented assignment, import, del, for/with/
// except targets, walrus, def/class, match captures) makes the value unknown, since Python would run it.
import { OP_AUGASSIGN, OP_WALRUS, TK_NAME, TK_OP, TK_STRING, type Tokenizer } from './pytokens';

export const TARGETS = ['revision', 'down_revision', 'branch_labels', 'depends_on'] as const;
export type TargetName = (typeof TARGETS)[number];

/** What a line's trailing ':' opens: a function/class body (not module scope) or a control block. */
export const BLOCK_NONE = 0;
export const BLOCK_SCOPE = 1;
export const BLOCK_CONTROL = 2;

export interface BindingSink {
  /** `NAME = value` / `NAME: ann = value` at module level: value tokens [vs, ve). */
  plain(target: number, nameTok: number, vs: number, ve: number, annotated: boolean): void;
  /** Any other binding of the name, in the statement made of tokens [s, e). */
  opaque(target: number, nameTok: number, s: number, e: number): void;
  /** `def upgrade` / `def downgrade` outside functions and classes. */
  defined(name: 'upgrade' | 'downgrade'): void;
}

const COMPOUND = new Set(['if', 'elif', 'else', 'while', 'for', 'try', 'except', 'finally', 'with', 'def', 'class', 'async']);

export class StatementAnalyzer {
  constructor(private readonly tk: Tokenizer, private readonly sink: BindingSink) {}

  /** Analyzes the current logical line; returns what its trailing ':' (if any) opens. */
  line(module: boolean): number {
    const tk = this.tk;
    const e = tk.count;
    if (e === 0) return BLOCK_NONE;
    if (tk.kind[0] === TK_NAME) {
      const kw = this.word(0);
      const isSoft = kw === 'match' || kw === 'case';
      if (COMPOUND.has(kw) || (isSoft && this.softKeywordHeader(e))) {
        const colon = this.headerColon(0, e);
        if (colon >= 0) return this.compound(kw, colon, e);
      }
    }
    this.simpleList(0, e, module);
    return BLOCK_CONTROL;
  }

  private compound(kw: string, colon: number, e: number): number {
    const tk = this.tk;
    this.walrus(0, colon);
    let head = 0;
    let keyword = kw;
    if (kw === 'async' && colon > 1 && tk.kind[1] === TK_NAME) { head = 1; keyword = this.word(1); }
    if (keyword === 'def' || keyword === 'class') {
      const n = head + 1;
      if (n < colon && tk.kind[n] === TK_NAME) {
        const name = this.word(n);
        if (keyword === 'def' && (name === 'upgrade' || name === 'downgrade')) this.sink.defined(name);
        const t = this.target(n);
        if (t >= 0) this.sink.opaque(t, n, 0, colon);
      }
      return BLOCK_SCOPE; // a one-line body after the colon is not module scope either
    }
    if (keyword === 'for') {
      let stop = head + 1;
      while (stop < colon && !(tk.kind[stop] === TK_NAME && this.is(stop, 'in'))) stop = this.skip(stop) + 1;
      this.targetNames(head + 1, stop, 0, colon);
    } else if (keyword === 'with' || keyword === 'except') {
      for (let i = head + 1; i < colon; i++) {
        if (tk.kind[i] !== TK_NAME || !this.is(i, 'as') || i + 1 >= colon) continue;
        const j = i + 1;
        if (tk.kind[j] === TK_OP && tk.pair[j] > j) this.targetNames(j + 1, tk.pair[j], 0, colon);
        else if (this.target(j) >= 0) this.sink.opaque(this.target(j), j, 0, colon);
      }
    } else if (keyword === 'case') {
      this.captures(1, colon);
    }
    if (colon + 1 < e) this.simpleList(colon + 1, e, false);
    return BLOCK_CONTROL;
  }

  /** `match x:` / `case ...:` are statements only when they look like one (they are soft keywords). */
  private softKeywordHeader(e: number): boolean {
    const tk = this.tk;
    if (e < 3) return false;
    if (tk.kind[1] === TK_OP) {
      const op = tk.aux[1];
      // `match = 1`, `match.x`, `match: int`, `match += 1`, `match, y = ...` are ordinary statements.
      if (op === 61 || op === 46 || op === 58 || op === 44 || op === 59 || op === OP_AUGASSIGN || op === 41 || op === 93) return false;
    }
    const colon = this.headerColon(0, e);
    if (colon < 0) return false;
    for (let i = 1; i < colon; i = this.skip(i) + 1) if (tk.kind[i] === TK_OP && (tk.aux[i] === 61 || tk.aux[i] === OP_AUGASSIGN)) return false;
    return true;
  }

  /** Match-pattern capture names up to the guard. */
  private captures(s: number, e: number): void {
    const tk = this.tk;
    let guard = s;
    while (guard < e && !(tk.kind[guard] === TK_NAME && this.is(guard, 'if'))) guard = this.skip(guard) + 1;
    for (let i = s; i < guard; i++) {
      const t = this.target(i);
      if (t < 0) continue;
      const prevDot = i > 0 && tk.kind[i - 1] === TK_OP && tk.aux[i - 1] === 46;
      const next = i + 1 < tk.count && tk.kind[i + 1] === TK_OP ? tk.aux[i + 1] : -1;
      if (!prevDot && next !== 46 && next !== 40 && next !== 61) this.sink.opaque(t, i, 0, e);
    }
  }

  private simpleList(s: number, e: number, module: boolean): void {
    const tk = this.tk;
    let start = s;
    for (let i = s; i <= e; i++) {
      if (i === e || (tk.kind[i] === TK_OP && tk.aux[i] === 59)) {
        if (i > start) this.simple(start, i, module);
        start = i + 1;
      } else if (tk.kind[i] === TK_OP && tk.pair[i] > i) i = tk.pair[i];
    }
  }

  private simple(s: number, e: number, module: boolean): void {
    const tk = this.tk;
    this.walrus(s, e);
    if (tk.kind[s] === TK_NAME) {
      const kw = this.word(s);
      if (kw === 'import') return this.imports(s + 1, e, s, e);
      if (kw === 'from') {
        for (let i = s + 1; i < e; i++) if (tk.kind[i] === TK_NAME && this.is(i, 'import')) return this.imports(i + 1, e, s, e);
        return;
      }
      if (kw === 'del') return this.targetNames(s + 1, e, s, e);
      if (kw === 'type' && s + 2 < e && tk.kind[s + 1] === TK_NAME && tk.kind[s + 2] === TK_OP && (tk.aux[s + 2] === 61 || tk.aux[s + 2] === 91)) {
        const t = this.target(s + 1);
        if (t >= 0) this.sink.opaque(t, s + 1, s, e);
        return;
      }
    }
    const eqs: number[] = [];
    let aug = -1;
    let annColon = -1;
    for (let i = s; i < e; i = this.skip(i) + 1) {
      if (tk.kind[i] === TK_NAME) {
        if (this.is(i, 'lambda')) break; // no assignment '=' can follow a lambda
        continue;
      }
      if (tk.kind[i] !== TK_OP) continue;
      const op = tk.aux[i];
      if (op === 61) eqs.push(i);
      else if (op === OP_AUGASSIGN) { aug = i; break; }
      else if (op === 58 && eqs.length === 0 && annColon < 0) annColon = i;
    }
    if (aug >= 0) return this.targetNames(s, aug, s, e);
    if (annColon >= 0) {
      if (eqs.length === 0) return; // a bare annotation binds nothing
      const t = annColon === s + 1 ? this.target(s) : -1;
      if (t >= 0) this.assign(t, s, eqs[0] + 1, e, true, module, s);
      else this.targetNames(s, annColon, s, e);
      return;
    }
    if (eqs.length === 0) return;
    const valueStart = eqs[eqs.length - 1] + 1;
    let a = s;
    for (const eq of eqs) {
      const t = eq === a + 1 ? this.target(a) : -1;
      if (t >= 0) this.assign(t, a, valueStart, e, false, module, s);
      else this.targetNames(a, eq, s, e);
      a = eq + 1;
    }
  }

  private assign(t: number, nameTok: number, vs: number, ve: number, annotated: boolean, module: boolean, s: number): void {
    if (module) this.sink.plain(t, nameTok, vs, ve, annotated);
    else this.sink.opaque(t, nameTok, s, ve);
  }

  /** `import a.b as c, d` / the names after `from m import`. */
  private imports(s: number, e: number, stmtS: number, stmtE: number): void {
    const tk = this.tk;
    if (s < e && tk.kind[s] === TK_OP && tk.aux[s] === 40 && tk.pair[s] > s) { e = tk.pair[s]; s++; }
    let itemStart = s;
    for (let i = s; i <= e; i++) {
      if (i < e && !(tk.kind[i] === TK_OP && tk.aux[i] === 44)) continue;
      let bound = itemStart;
      for (let k = itemStart; k < i; k++) if (tk.kind[k] === TK_NAME && this.is(k, 'as') && k + 1 < i) bound = k + 1;
      if (bound < i && tk.kind[bound] === TK_NAME) {
        const t = this.target(bound);
        if (t >= 0) this.sink.opaque(t, bound, stmtS, stmtE);
      }
      itemStart = i + 1;
    }
  }

  /** Names a target list binds: not attributes, not inside subscripts or calls. */
  private targetNames(s: number, e: number, stmtS: number, stmtE: number): void {
    const tk = this.tk;
    for (let i = s; i < e; i++) {
      if (tk.kind[i] === TK_OP) {
        if (tk.pair[i] > i && i > s && this.isTrailerBase(i - 1)) i = tk.pair[i];
        continue;
      }
      const t = this.target(i);
      if (t < 0) continue;
      const prevDot = i > s && tk.kind[i - 1] === TK_OP && tk.aux[i - 1] === 46;
      const next = i + 1 < e && tk.kind[i + 1] === TK_OP ? tk.aux[i + 1] : -1;
      if (!prevDot && next !== 46 && next !== 40 && next !== 91) this.sink.opaque(t, i, stmtS, stmtE);
    }
  }

  private isTrailerBase(i: number): boolean {
    const tk = this.tk;
    if (tk.kind[i] === TK_NAME || tk.kind[i] === TK_STRING) return true;
    return tk.kind[i] === TK_OP && (tk.aux[i] === 41 || tk.aux[i] === 93 || tk.aux[i] === 125);
  }

  private walrus(s: number, e: number): void {
    const tk = this.tk;
    for (let i = s; i + 1 < e; i++) {
      if (tk.kind[i + 1] !== TK_OP || tk.aux[i + 1] !== OP_WALRUS) continue;
      const t = this.target(i);
      if (t >= 0) this.sink.opaque(t, i, s, e);
    }
  }

  /** The ':' ending a compound statement's header (lambda colons skipped), or -1. */
  private headerColon(s: number, e: number): number {
    const tk = this.tk;
    let lambdas = 0;
    for (let i = s; i < e; i = this.skip(i) + 1) {
      if (tk.kind[i] === TK_NAME) {
        if (this.is(i, 'lambda')) lambdas++;
      } else if (tk.kind[i] === TK_OP && tk.aux[i] === 58) {
        if (lambdas === 0) return i;
        lambdas--;
      }
    }
    return -1;
  }

  /** For an opening bracket, the index of its partner; otherwise the index itself. */
  private skip(i: number): number {
    const p = this.tk.pair[i];
    return this.tk.kind[i] === TK_OP && p > i ? p : i;
  }

  /** Index in TARGETS of the name token i, or -1. */
  target(i: number): number {
    const tk = this.tk;
    if (tk.kind[i] !== TK_NAME) return -1;
    const s = tk.start[i];
    const len = tk.end[i] - s;
    const t = tk.text;
    if (len === 8) return t.startsWith('revision', s) ? 0 : -1;
    if (len === 13) return t.startsWith('down_revision', s) ? 1 : t.startsWith('branch_labels', s) ? 2 : -1;
    if (len === 10) return t.startsWith('depends_on', s) ? 3 : -1;
    return -1;
  }

  is(i: number, w: string): boolean {
    const tk = this.tk;
    return tk.end[i] - tk.start[i] === w.length && tk.text.startsWith(w, tk.start[i]);
  }

  word(i: number): string {
    const tk = this.tk;
    return tk.text.slice(tk.start[i], tk.end[i]);
  }
}
