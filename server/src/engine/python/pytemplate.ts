// Module-level lines exactly as Alembic's templates write them: `revision: str = 'abc'` (annotated or
// not, a plain string or None) and `def upgrade() -> None:`. Recognised with a few sticky regexes, they
// are applied without tokens (see parse.ts). Anything else — escapes, prefixes, a second statement,
// another value — is left to the tokenizer and the statement analyzer, which give the same result.
import { ANNOTATION_TO_EQUALS } from './pyannotation';
const BLANKS = String.raw`[ \t\f]*`;
/** The end of a line: nothing but blanks and a comment before it. */
const LINE_END = new RegExp(String.raw`${BLANKS}(?:#[^\n\r]*)?(?:\r\n?|\n|$)`, 'y');

const ASSIGNED_NAME = new RegExp(String.raw`(?:revision|down_revision|branch_labels|depends_on)(?=${BLANKS}[:=])`, 'y');
const EQUALS = new RegExp(String.raw`${BLANKS}=(?!=)${BLANKS}`, 'y');
const ANNOTATED_EQUALS = new RegExp(String.raw`${BLANKS}:${ANNOTATION_TO_EQUALS}${BLANKS}`, 'y');
/** A string without prefix, escapes, line ends or triple quotes; or None. */
const VALUE = /'(?!'')[^'\\\n\r]*'|"(?!"")[^"\\\n\r]*"|None(?![\w\u0080-\uffff])/y;

const DEF_HEAD = new RegExp(String.raw`def${BLANKS.replace('*', '+')}(?:upgrade|downgrade)${BLANKS}\(${BLANKS}\)${BLANKS}(?:->${BLANKS}None${BLANKS})?:`, 'y');

export const LINE_OTHER = 0;
export const LINE_ASSIGNMENT = 1;
export const LINE_DEF = 2;

/** What templateLine found; offsets in the text. */
export const found = {
  /** LINE_ASSIGNMENT: the index in TARGETS. */
  target: 0,
  nameStart: 0,
  nameEnd: 0,
  annotated: false,
  valueStart: 0,
  valueEnd: 0,
  /** LINE_DEF: 'upgrade' or 'downgrade'; colon is the offset of its ':'. */
  defined: 'upgrade' as 'upgrade' | 'downgrade',
  colon: 0,
  /** Where the next line starts. */
  next: 0,
};

function matchAt(re: RegExp, t: string, p: number): number {
  re.lastIndex = p;
  return re.test(t) ? re.lastIndex : -1;
}

/** Recognises the logical line whose first token is at `p`: LINE_ASSIGNMENT, LINE_DEF or LINE_OTHER. */
export function templateLine(t: string, p: number): number {
  const c = t.charCodeAt(p);
  if (c === 100 && t.startsWith('def', p)) {
    const head = matchAt(DEF_HEAD, t, p);
    if (head < 0) return LINE_OTHER;
    const next = matchAt(LINE_END, t, head);
    if (next < 0) return LINE_OTHER;
    found.defined = t.charCodeAt(t.indexOf('grade', p) - 1) === 112 ? 'upgrade' : 'downgrade';
    found.colon = head - 1;
    found.next = next;
    return LINE_DEF;
  }
  const nameEnd = matchAt(ASSIGNED_NAME, t, p);
  if (nameEnd < 0) return LINE_OTHER;
  let valueStart = matchAt(EQUALS, t, nameEnd);
  const annotated = valueStart < 0;
  if (annotated) valueStart = matchAt(ANNOTATED_EQUALS, t, nameEnd);
  if (valueStart < 0) return LINE_OTHER;
  const valueEnd = matchAt(VALUE, t, valueStart);
  if (valueEnd < 0) return LINE_OTHER;
  const next = matchAt(LINE_END, t, valueEnd);
  if (next < 0) return LINE_OTHER;
  const length = nameEnd - p;
  found.target = length === 8 ? 0 : length === 10 ? 3 : c === 100 ? 1 : 2;
  found.nameStart = p;
  found.nameEnd = nameEnd;
  found.annotated = annotated;
  found.valueStart = valueStart;
  found.valueEnd = valueEnd;
  found.next = next;
  return LINE_ASSIGNMENT;
}
