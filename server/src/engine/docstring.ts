// Alembic's view of the docstring (Script.doc / Script.longdoc) and the header lines the templates
// write into it. Alembic never reads the header (§1.6); it is collected only to lint it against the
// variables, with spans mapped back to the source through the string's source map.
import type { HeaderFact, ParsedMigration } from './types';
import type { LineIndex } from './lineindex';
import { isPythonSpace, pyStrip } from './pychars';

/** `Script.longdoc` (the stripped docstring, or "") and `Script.doc` (longdoc up to the first "\n\n"). */
export function scriptDoc(docstring: string | null): { doc: string; longdoc: string } {
  const longdoc = docstring ? pyStrip(docstring) : '';
  const cut = longdoc.indexOf('\n\n');
  return { doc: cut < 0 ? longdoc : longdoc.slice(0, cut), longdoc };
}

const LABELS: [string, keyof ParsedMigration['header']][] = [
  ['Revision ID:', 'revisionId'],
  ['Revises:', 'revises'],
  ['Create Date:', 'createDate'],
];

/** The first `Revision ID:`, `Revises:` and `Create Date:` lines of a docstring value. */
export function headerFacts(
  value: string,
  toSource: (index: number, isEnd: boolean) => number,
  lines: LineIndex,
): ParsedMigration['header'] {
  const header: ParsedMigration['header'] = {};
  const toSpan = (a: number, b: number) => {
    const start = toSource(a, false);
    return lines.span(start, b > a ? toSource(b - 1, true) : start);
  };
  // Header lines hold one of the three labels: skip the docstring quickly when none is there.
  if (value.indexOf(':') < 0) return header;
  let lineStart = 0;
  while (lineStart <= value.length) {
    let lineEnd = value.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = value.length;
    let p = lineStart;
    while (p < lineEnd && (value[p] === ' ' || value[p] === '\t')) p++;
    for (const [label, key] of LABELS) {
      if (header[key] || !value.startsWith(label, p)) continue;
      let a = p + label.length;
      let b = lineEnd;
      while (a < b && isPythonSpace(value.charCodeAt(a))) a++;
      while (b > a && isPythonSpace(value.charCodeAt(b - 1))) b--;
      const fact: HeaderFact = { text: value.slice(a, b), span: toSpan(a, b), ids: [] };
      if (key !== 'createDate') {
        let s = a;
        for (let i = a; i <= b; i++) {
          if (i < b && value[i] !== ',') continue;
          let x = s;
          let y = i;
          while (x < y && isPythonSpace(value.charCodeAt(x))) x++;
          while (y > x && isPythonSpace(value.charCodeAt(y - 1))) y--;
          if (y > x) fact.ids.push({ id: value.slice(x, y), span: toSpan(x, y) });
          s = i + 1;
        }
      }
      header[key] = fact;
    }
    lineStart = lineEnd + 1;
  }
  return header;
}

