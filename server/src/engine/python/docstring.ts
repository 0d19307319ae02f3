// Alembic's view of the docstring (Script.doc / Script.longdoc) and the header lines the templates
// write into it. Alembic never reads the header (§1.6); it is collected only to lint it against the
// variables, with spans mapped back to the source through the string's source map.
import type { HeaderFact, ParsedMigration } from '../types';
import type { LineIndex } from './lineindex';

/** What headerFacts needs of a line index: spans of source offsets. */
export type SpanSource = Pick<LineIndex, 'span'>;
import { isPythonSpace, pyStrip } from '../pystr';

/** `Script.longdoc` (the stripped docstring, or "") and `Script.doc` (longdoc up to the first "\n\n"). */
export function scriptDoc(docstring: string | null): { doc: string; longdoc: string } {
  const longdoc = docstring ? pyStrip(docstring) : '';
  const cut = longdoc.indexOf('\n\n');
  return { doc: cut < 0 ? longdoc : longdoc.slice(0, cut), longdoc };
}

const LABELS = ['Revision ID:', 'Revises:', 'Create Date:'];
const KEYS: (keyof ParsedMigration['header'])[] = ['revisionId', 'revises', 'createDate'];

/** The first `Revision ID:`, `Revises:` and `Create Date:` lines of a docstring value. */
export function headerFacts(
  value: string,
  toSource: (index: number, isEnd: boolean) => number,
  lines: SpanSource,
): ParsedMigration['header'] {
  const header: ParsedMigration['header'] = {};
  // Header lines hold one of the three labels: skip the docstring quickly when none is there.
  if (value.indexOf(':') < 0) return header;
  let found = 0;
  let lineStart = 0;
  // Once the three are found no later line can change anything.
  while (lineStart <= value.length && found < LABELS.length) {
    let lineEnd = value.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = value.length;
    let p = lineStart;
    while (p < lineEnd && (value.charCodeAt(p) === 32 || value.charCodeAt(p) === 9)) p++;
    // Every label starts with R or C: most lines of a long docstring are skipped on one character.
    const first = value.charCodeAt(p);
    if (first === 82 || first === 67) {
      for (let k = 0; k < LABELS.length; k++) {
        if (header[KEYS[k]] || !value.startsWith(LABELS[k], p)) continue;
        header[KEYS[k]] = readFact(value, p + LABELS[k].length, lineEnd, k !== 2, toSource, lines);
        found++;
      }
    }
    lineStart = lineEnd + 1;
  }
  return header;
}

/** The fact in value[a, b) (after its label); with `listsIds`, each comma-separated id too. */
function readFact(
  value: string,
  a: number,
  b: number,
  listsIds: boolean,
  toSource: (index: number, isEnd: boolean) => number,
  lines: SpanSource,
): HeaderFact {
  const toSpan = (x: number, y: number) => {
    const start = toSource(x, false);
    return lines.span(start, y > x ? toSource(y - 1, true) : start);
  };
  while (a < b && isPythonSpace(value.charCodeAt(a))) a++;
  while (b > a && isPythonSpace(value.charCodeAt(b - 1))) b--;
  const ids: HeaderFact['ids'] = [];
  if (listsIds) {
    let s = a;
    for (let i = a; i <= b; i++) {
      if (i < b && value.charCodeAt(i) !== 44) continue;
      let x = s;
      let y = i;
      while (x < y && isPythonSpace(value.charCodeAt(x))) x++;
      while (y > x && isPythonSpace(value.charCodeAt(y - 1))) y--;
      if (y > x) ids.push({ id: value.slice(x, y), span: toSpan(x, y) });
      s = i + 1;
    }
  }
  // Pushing grew the list to room for 17; the index keeps it, so keep it exactly as long as needed.
  return { text: value.slice(a, b), span: toSpan(a, b), ids: ids.length > 0 ? ids.slice() : ids };
}

