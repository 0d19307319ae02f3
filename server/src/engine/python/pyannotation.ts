// The annotation of `revision: Union[str, Sequence[str], None] = ...`, as Alembic's newer templates
// write the module variables. The statement analyzer only needs to know that the name is annotated and
// where the value starts; the annotation's own tokens (a third of a template's module-level tokens)
// change nothing when the annotation is made of names, dots, commas and balanced square brackets
// without `lambda` (which would end the analyzer's search for '='), a digit (a number could be one
// the tokenizer refuses) or two names side by side (a missing comma), so the parser can pass over it.

/**
 * Names (letters, '_', dots: no digit, a number could be one Python refuses, `1abc`) and commas, a
 * blank only after a comma: two names side by side (`Sequen None`) are a missing comma (pycomma.ts).
 */
const NAMES = String.raw`(?:[A-Za-z_.]|,[ \t\f]*)*`;
/** After a closing bracket: the end, or a comma and more names (`Sequence[str]e` is refused). */
const AFTER_BRACKET = String.raw`(?:,[ \t\f]*${NAMES})?`;
/**
 * After the ':', an annotation the analyzer would pass over: such names, commas and square brackets
 * nested up to three deep, no `lambda`; then the '=' (not '=='). Anything else (rare in an annotation)
 * is read into tokens.
 */
export const ANNOTATION_TO_EQUALS =
  String.raw`(?!=)(?![^=\n\r]*lambda)[ \t\f]*` +
  [1, 2, 3].reduce((inner) => String.raw`${NAMES}(?:\[${inner}\]${AFTER_BRACKET})*`, NAMES) +
  String.raw`[ \t\f]*=(?!=)`;
const ANNOTATED = new RegExp(String.raw`(?:revision|down_revision|branch_labels|depends_on)[ \t\f]*:${ANNOTATION_TO_EQUALS}`, 'y');

/** After annotationAt returns true: the annotation lies in [annotationFrom, annotationTo). */
export let annotationFrom = 0;
export let annotationTo = 0;

/** Whether the line starting at `p` assigns a module variable with an annotation of that plain kind. */
export function annotationAt(t: string, p: number): boolean {
  ANNOTATED.lastIndex = p;
  if (!ANNOTATED.test(t)) return false;
  annotationFrom = t.indexOf(':', p) + 1;
  annotationTo = ANNOTATED.lastIndex - 1;
  return true;
}
