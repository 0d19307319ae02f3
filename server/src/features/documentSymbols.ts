// The outline of a revision file: one symbol for the revision (its id, with its message as detail)
// holding a child per revision variable (`revision`, `down_revision`, `branch_labels`, `depends_on`)
// with its value. Functions and imports are left to the Python language server.
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import type { Assignment, ParsedMigration, Position, Span } from '../engine/index';
import type { FeatureContext } from './context';
import { firstLine, toRange, truncate } from './edit-text';
import { fileAt } from './locate';

const VARIABLES = ['revision', 'down_revision', 'branch_labels', 'depends_on'] as const;

export function documentSymbols(ctx: FeatureContext, params: DocumentSymbolParams): DocumentSymbol[] | null {
  const at = fileAt(ctx.index, params.textDocument.uri);
  const parsed = at?.file.parsed;
  if (!at || !parsed) return null;
  const children: DocumentSymbol[] = [];
  for (const name of VARIABLES) {
    const a = parsed[name];
    if (a) children.push(variableSymbol(a));
  }
  const spans = [...children.map((c) => c.range), ...(parsed.docstring ? [parsed.docstring.span] : [])];
  if (spans.length === 0) return [];
  // This file's own docstring: for a duplicate id the map's revision may be the other file.
  const message = firstLine(parsed.docstring?.value ?? '');
  return [
    {
      name: at.file.revisionId ?? '(no revision id)',
      detail: message ? truncate(message, 80) : undefined,
      kind: SymbolKind.Module,
      range: toRange(cover(spans)),
      selectionRange: toRange(selection(parsed)),
      children,
    },
  ];
}

function variableSymbol(a: Assignment): DocumentSymbol {
  return {
    name: a.name,
    detail: valueText(a),
    kind: a.name === 'revision' ? SymbolKind.Constant : SymbolKind.Variable,
    range: toRange({ start: a.nameSpan.start, end: a.value.span.end }),
    selectionRange: toRange(a.nameSpan),
  };
}

/** The value as a reader wants it: the ids, `None`, or the expression that could not be read. */
function valueText(a: Assignment): string {
  const v = a.value;
  if (v.kind === 'none') return a.name === 'down_revision' ? 'None (base)' : 'None';
  if (v.kind === 'str') return v.lit.value;
  if (v.kind === 'seq') return v.items.length === 0 ? `empty ${v.container}` : v.items.map((i) => i.value).join(', ');
  return truncate(`${v.text} (not a literal)`, 60);
}

/** Where the cursor goes when the revision is picked: its id literal, else the docstring. */
function selection(parsed: ParsedMigration): Span {
  const r = parsed.revision;
  if (r) return r.value.span;
  if (parsed.docstring) return parsed.docstring.span;
  const first = VARIABLES.map((n) => parsed[n]).find((a) => a !== undefined);
  return first!.nameSpan;
}

function cover(spans: Span[]): Span {
  let start = spans[0].start;
  let end = spans[0].end;
  for (const s of spans) {
    if (earlier(s.start, start)) start = s.start;
    if (earlier(end, s.end)) end = s.end;
  }
  return { start, end };
}

function earlier(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
