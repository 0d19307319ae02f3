// Which id string the cursor is in, for completion: a string of `down_revision` or `depends_on`, and
// the characters between its quotes (what a completion replaces). The parser answers for a file that
// parses; while the user is typing (an unclosed quote in a tuple, say) a line-level reading takes over.
import type { ParsedMigration, Position, Span, StrLit } from '../engine/index';
import { contains } from './locate';

export type IdVariable = 'down_revision' | 'depends_on';

export interface StringSlot {
  variable: IdVariable;
  /** The characters inside the quotes (empty for `''`), replaced as a whole. */
  content: Span;
  /** The other strings of the same value (`('a', '')`: `a`), not worth offering again. */
  siblings: string[];
}

const VARIABLES = ['down_revision', 'depends_on', 'revision', 'branch_labels'] as const;

export function stringSlotAt(parsed: ParsedMigration, text: string, pos: Position): StringSlot | null {
  for (const name of VARIABLES) {
    const value = parsed[name]?.value;
    const lits: StrLit[] = value?.kind === 'str' ? [value.lit] : value?.kind === 'seq' ? value.items : [];
    for (const lit of lits) {
      if (!contains(lit.span, pos)) continue;
      if (lit.inner === null || !contains(lit.inner, pos)) return null; // on a quote, or an escaped/concatenated literal
      if (name !== 'down_revision' && name !== 'depends_on') return null;
      return { variable: name, content: lit.inner, siblings: lits.filter((l) => l !== lit).map((l) => l.value) };
    }
  }
  // A file that parses has said where its strings are; guess from the line only while it does not.
  return parsed.syntaxErrors.length > 0 ? slotFromLines(text, pos) : null;
}

const ASSIGNMENT = /^(down_revision|depends_on)\s*(?::[^=]*)?=(?!=)/;
/** Lines a bracketed value may continue on: indented, or starting with a quote, bracket or comma. */
const CONTINUATION = /^(\s|['"()[\],]|$)/;
const LOOKBACK = 30;

function slotFromLines(text: string, pos: Position): StringSlot | null {
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[pos.line];
  if (line === undefined) return null;
  const start = openStringAt(line, pos.character);
  if (start === null) return null;
  const variable = assignedVariable(lines, pos.line);
  if (variable === null) return null;
  const quote = line[start - 1];
  const close = line.indexOf(quote, pos.character);
  const end = close >= 0 ? close : pos.character + (/^[^\s'",)\]#]*/.exec(line.slice(pos.character))?.[0].length ?? 0);
  return { variable, content: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } }, siblings: [] };
}

/** Where the content of the single-line string open at `column` starts, or null when the cursor is not in one. */
function openStringAt(line: string, column: number): number | null {
  let quote = '';
  let start = -1;
  for (let i = 0; i < column && i < line.length; i++) {
    const ch = line[i];
    if (quote === '') {
      if (ch === '#') return null;
      if (ch !== "'" && ch !== '"') continue;
      if (line.startsWith(ch.repeat(3), i)) return null; // triple quotes: a docstring, not an id
      quote = ch;
      start = i + 1;
    } else if (ch === '\\') {
      i++;
    } else if (ch === quote) {
      quote = '';
    }
  }
  return quote === '' ? null : start;
}

/** The id variable whose value spans line `index`, looking up through the lines of a bracketed value. */
function assignedVariable(lines: string[], index: number): IdVariable | null {
  for (let i = index; i >= 0 && i > index - LOOKBACK; i--) {
    const found = ASSIGNMENT.exec(lines[i]);
    if (found) return found[1] as IdVariable;
    if (!CONTINUATION.test(lines[i])) return null;
  }
  return null;
}
