// The JSON shape of a TextMate grammar (the subset our grammars and the interpreter use), and
// loading the grammars from syntaxes/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface RawCapture {
  name?: string;
  patterns?: RawRule[];
}
export type RawCaptures = Record<string, RawCapture>;

export interface RawRule {
  comment?: string;
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  captures?: RawCaptures;
  beginCaptures?: RawCaptures;
  endCaptures?: RawCaptures;
  patterns?: RawRule[];
  include?: string;
  repository?: Record<string, RawRule>;
}

export interface RawGrammar {
  name?: string;
  scopeName: string;
  patterns: RawRule[];
  repository?: Record<string, RawRule>;
  injections?: Record<string, RawRule>;
}

export const SYNTAXES_DIR = fileURLToPath(new URL('../../syntaxes/', import.meta.url));

export const GRAMMAR_FILES = {
  output: 'alembic-output.tmLanguage.json',
  mako: 'mako-python.tmLanguage.json',
} as const;

export function readGrammarText(file: string): string {
  return readFileSync(SYNTAXES_DIR + file, 'utf8');
}

export function loadGrammar(file: string): RawGrammar {
  return JSON.parse(readGrammarText(file)) as RawGrammar;
}

/** Every rule object of a grammar, with a readable path for messages. */
export function* walkRules(grammar: RawGrammar): Generator<{ path: string; rule: RawRule }> {
  function* visit(rule: RawRule, path: string): Generator<{ path: string; rule: RawRule }> {
    yield { path, rule };
    for (const [i, p] of (rule.patterns ?? []).entries()) yield* visit(p, `${path}.patterns[${i}]`);
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [n, cap] of Object.entries(rule[key] ?? {})) {
        for (const [i, p] of (cap.patterns ?? []).entries()) yield* visit(p, `${path}.${key}.${n}.patterns[${i}]`);
      }
    }
    for (const [name, r] of Object.entries(rule.repository ?? {})) yield* visit(r, `${path}.repository.${name}`);
  }
  for (const [i, p] of grammar.patterns.entries()) yield* visit(p, `patterns[${i}]`);
  for (const [name, r] of Object.entries(grammar.repository ?? {})) yield* visit(r, `repository.${name}`);
  for (const [sel, r] of Object.entries(grammar.injections ?? {})) yield* visit(r, `injections[${JSON.stringify(sel)}]`);
}

/** Every scope name a rule or capture gives (names may hold several, space-separated). */
export function* scopeNamesOf(rule: RawRule): Generator<string> {
  const names = [rule.name, rule.contentName];
  for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
    for (const cap of Object.values(rule[key] ?? {})) names.push(cap.name);
  }
  for (const n of names) if (n) yield* n.split(/\s+/).filter(Boolean);
}
