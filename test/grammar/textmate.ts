// A small line-by-line TextMate interpreter, good enough to check our two grammars without
// vscode-textmate/vscode-oniguruma (not installed). It follows vscode-textmate's rules where they
// matter here: the leftmost match wins and ties go to the earlier pattern (a begin/end rule's end
// pattern first); `match` and `begin`/`end` rules with captures (also captures with `patterns`);
// `name`/`contentName`; nested and external includes (`#x`, `$self`, `$base`, `scope`,
// `scope#x`; an unknown external grammar is skipped, as VS Code does); the root grammar's
// `injections` with L:/R: priorities; regions that run across lines. Regexes run as JavaScript
// RegExps, which regexAudit.ts makes safe for these grammars. Lines are given without "\n", so `$`
// matches at the end of the line and the scan goes on to the end position for zero-width ends.
import type { RawCaptures, RawGrammar, RawRule } from './grammarTypes';
import { parseSelector, type PrioritizedMatcher } from './scopeSelector';

export interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}
export interface TokenizedLine {
  line: string;
  tokens: Token[];
}

interface Candidate {
  rule: RawRule;
  grammar: RawGrammar;
}
interface Frame {
  rule?: RawRule;
  grammar: RawGrammar;
  patterns: Candidate[];
  nameScopes: string[];
  scopes: string[];
  end?: RegExp;
  enterLine: number;
  enterPos: number;
}
interface Found {
  m: RegExpExecArray;
  end?: true;
  cand?: Candidate;
  priority?: number;
}

const split = (name: string | undefined): string[] => (name ? name.split(/\s+/).filter(Boolean) : []);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export class Tokenizer {
  private readonly regexes = new Map<string, RegExp>();
  private readonly injections: { selector: PrioritizedMatcher; patterns: Candidate[] }[] = [];

  constructor(
    private readonly root: RawGrammar,
    private readonly others: ReadonlyMap<string, RawGrammar> = new Map(),
  ) {
    for (const [selector, rule] of Object.entries(root.injections ?? {})) {
      const patterns = this.flatten(rule.patterns ?? [], root);
      for (const s of parseSelector(selector)) this.injections.push({ selector: s, patterns });
    }
  }

  tokenize(text: string): TokenizedLine[] {
    return this.tokenizeDocument(text).lines;
  }

  /** The lines, and the scopes of the regions still open after the last line (none when every
   *  begin found its end). */
  tokenizeDocument(text: string): { lines: TokenizedLine[]; open: string[] } {
    const stack: Frame[] = [this.rootFrame()];
    const lines = text.split(/\r?\n/).map((line, lineNo) => {
      const scopes: string[][] = new Array(line.length);
      this.scan(line, 0, stack, scopes, lineNo);
      return { line, tokens: merge(line, scopes) };
    });
    return { lines, open: stack.slice(1).map((f) => f.scopes.join(' ')) };
  }

  private rootFrame(): Frame {
    const s = [this.root.scopeName];
    return { grammar: this.root, patterns: this.flatten(this.root.patterns, this.root), nameScopes: s, scopes: s, enterLine: -1, enterPos: -1 };
  }

  private regex(source: string): RegExp {
    let re = this.regexes.get(source);
    if (!re) {
      re = new RegExp(source, 'dg');
      this.regexes.set(source, re);
    }
    return re;
  }

  /** What an include names; `key` identifies it so recursive includes are followed once. */
  private resolve(include: string, grammar: RawGrammar): { rules: RawRule[]; grammar: RawGrammar; key: object } | undefined {
    if (include === '$self') return { rules: grammar.patterns, grammar, key: grammar.patterns };
    if (include === '$base') return { rules: this.root.patterns, grammar: this.root, key: this.root.patterns };
    const [scope, key] = include.startsWith('#') ? ['', include.slice(1)] : include.split('#');
    const target = scope ? (scope === this.root.scopeName ? this.root : this.others.get(scope)) : grammar;
    if (!target) return undefined;
    if (key === undefined) return { rules: target.patterns, grammar: target, key: target.patterns };
    const rule = target.repository?.[key];
    if (!rule) throw new Error(`include "${include}" names no repository entry`);
    return { rules: [rule], grammar: target, key: rule };
  }

  private flatten(patterns: RawRule[], grammar: RawGrammar, seen = new Set<object>(), out: Candidate[] = []): Candidate[] {
    for (const rule of patterns) {
      if (rule.include) {
        const target = this.resolve(rule.include, grammar);
        if (!target || seen.has(target.key)) continue;
        seen.add(target.key);
        this.flatten(target.rules, target.grammar, seen, out);
      } else if (rule.match !== undefined || rule.begin !== undefined) {
        out.push({ rule, grammar });
      } else if (rule.patterns) {
        this.flatten(rule.patterns, grammar, seen, out);
      }
    }
    return out;
  }

  private earliest(cands: Candidate[], line: string, pos: number, best?: Found): Found | undefined {
    for (const cand of cands) {
      const re = this.regex((cand.rule.match ?? cand.rule.begin) as string);
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && (!best || m.index < best.m.index)) best = { m, cand };
    }
    return best;
  }

  private injected(scopes: string[], line: string, pos: number): Found | undefined {
    let best: Found | undefined;
    for (const inj of this.injections) {
      if (!inj.selector.matches(scopes)) continue;
      const found = this.earliest(inj.patterns, line, pos);
      if (found && (!best || found.m.index < best.m.index)) best = { ...found, priority: inj.selector.priority };
    }
    return best;
  }

  private scan(line: string, pos: number, stack: Frame[], out: string[][], lineNo: number): void {
    for (let steps = 0; ; steps++) {
      if (steps > 10_000) throw new Error(`no progress on line ${lineNo + 1}: ${line}`);
      const top = stack[stack.length - 1];
      let best: Found | undefined;
      if (top.end) {
        top.end.lastIndex = pos;
        const m = top.end.exec(line);
        if (m) best = { m, end: true };
      }
      best = this.earliest(top.patterns, line, pos, best);
      const inj = this.injected(top.scopes, line, pos);
      if (inj && (!best || inj.m.index < best.m.index || (inj.m.index === best.m.index && inj.priority === -1))) best = inj;
      if (!best) {
        fill(out, pos, line.length, top.scopes);
        return;
      }
      const start = best.m.index;
      const end = start + best.m[0].length;
      fill(out, pos, start, top.scopes);
      if (best.end) {
        const rule = top.rule as RawRule;
        this.captures(line, best.m, top.nameScopes, rule.endCaptures ?? rule.captures, out, top.grammar);
        stack.pop();
        if (end === start && top.enterLine === lineNo && top.enterPos === pos) {
          throw new Error(`rule "${rule.name ?? rule.begin}" was entered and left at column ${pos} without advancing`);
        }
      } else {
        const { rule, grammar } = best.cand as Candidate;
        const nameScopes = [...top.scopes, ...split(rule.name)];
        if (rule.match !== undefined) {
          if (end === start) throw new Error(`match rule /${rule.match}/ matched nothing at column ${start}: VS Code would stop the line`);
          this.captures(line, best.m, nameScopes, rule.captures, out, grammar);
        } else {
          if (end === start && stack.some((f) => f.rule === rule && f.enterLine === lineNo && f.enterPos === pos)) {
            throw new Error(`begin /${rule.begin}/ re-entered at column ${pos} without advancing`);
          }
          this.captures(line, best.m, nameScopes, rule.beginCaptures ?? rule.captures, out, grammar);
          const endSource = (rule.end ?? '(?!)').replace(/\\(\d+)/g, (_, n: string) => escapeRe(best.m[Number(n)] ?? ''));
          stack.push({
            rule,
            grammar,
            patterns: this.flatten(rule.patterns ?? [], grammar),
            nameScopes,
            scopes: [...nameScopes, ...split(rule.contentName)],
            end: new RegExp(endSource, 'dg'),
            enterLine: lineNo,
            enterPos: pos,
          });
        }
      }
      pos = end;
      if (pos > line.length) return;
    }
  }

  /** Scopes for one match: the base scopes, then each capture's name and patterns, in index order. */
  private captures(
    line: string,
    m: RegExpExecArray,
    base: string[],
    caps: RawCaptures | undefined,
    out: string[][],
    grammar: RawGrammar,
  ): void {
    const [start, end] = m.indices?.[0] ?? [m.index, m.index + m[0].length];
    fill(out, start, end, base);
    if (!caps) return;
    const keys = Object.keys(caps).map(Number).sort((a, b) => a - b);
    for (const k of keys) {
      const range = m.indices?.[k];
      if (!range || range[0] === range[1]) continue;
      const cap = caps[String(k)];
      for (let i = range[0]; i < range[1]; i++) out[i] = [...out[i], ...split(cap.name)];
      if (cap.patterns) {
        const frame: Frame = {
          grammar,
          patterns: this.flatten(cap.patterns, grammar),
          nameScopes: out[range[0]],
          scopes: out[range[0]],
          enterLine: -1,
          enterPos: -1,
        };
        this.scan(line.slice(0, range[1]), range[0], [frame], out, -1);
      }
    }
  }
}

function fill(out: string[][], from: number, to: number, scopes: string[]): void {
  for (let i = from; i < to; i++) out[i] = scopes;
}

function merge(line: string, scopes: string[][]): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < line.length; i++) {
    const last = tokens[tokens.length - 1];
    if (last && last.end === i && last.scopes.join(' ') === scopes[i].join(' ')) {
      last.end = i + 1;
      last.text += line[i];
    } else {
      tokens.push({ start: i, end: i + 1, text: line[i], scopes: scopes[i] });
    }
  }
  return tokens;
}
