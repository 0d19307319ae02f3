// The docstring header (`Revision ID:`, `Revises:`) is text the template writes; Alembic never reads
// it. After a rebase or a hand edit it drifts from the variables, and people then trust the wrong
// one, so a disagreement is worth a warning (the fix is always to the header).
import type { HeaderFact, IndexedFile, ParsedMigration, Problem, StrLit } from '../types';
import { problem, q, type RuleContext } from './context';
import { literalsOf, valueSpan, relatedAt } from './spans';
import { peekHeader, peekHeaderTexts } from '../python/lazyheader';
import { isPythonSpace } from '../pystr';
import { getterOf } from './getter';

/** What people write in `Revises:` for a base. */
const BASE_WORDS = new Set(['', 'None', '<base>', 'base']);

export function headerRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const files = ctx.files;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (!file.parsed || headerSurelyAgrees(file.parsed)) continue;
    // Texts first; the spans are computed only for a fact that disagrees.
    const texts = peekHeaderTexts(file.parsed);
    const idMismatch = revisionIdHeader(file, texts.revisionId);
    if (idMismatch) out.push(idMismatch);
    const revisesMismatch = revisesHeader(file, texts.revises);
    if (revisesMismatch) out.push(revisesMismatch);
  }
  return out;
}

function revisionIdHeader(file: IndexedFile, text: HeaderFact | undefined): Problem | null {
  const rev = file.parsed?.revision;
  if (!text || rev?.value.kind !== 'str') return null;
  const id = rev.value.lit.value;
  if (text.text === id) return null;
  const fact = file.parsed ? peekHeader(file.parsed).revisionId : undefined;
  if (!fact) return null;
  return problem(
    'header-mismatch',
    file.ref.path,
    fact.span,
    `The docstring says \`Revision ID: ${fact.text}\` but the file declares \`revision = ${q(id)}\`. Alembic uses only the variable; update the header to ${q(id)} so nobody copies the wrong id.`,
    { related: [relatedAt(file, rev.value.span, 'the revision variable')], data: { header: 'Revision ID', expected: id } },
  );
}

function revisesHeader(file: IndexedFile, text: HeaderFact | undefined): Problem | null {
  const down = file.parsed?.down_revision;
  if (!text || !down || down.value.kind === 'other') return null;
  // The usual header names the one parent the variable names: settle that without building sets.
  if (down.value.kind === 'str' && text.ids.length === 1 && text.ids[0].id === down.value.lit.value && !BASE_WORDS.has(text.ids[0].id)) return null;
  const expected = literalsOf(down).map((lit) => lit.value).filter((v) => v !== '');
  const written = text.ids.map((i) => i.id).filter((id) => !BASE_WORDS.has(id));
  if (sameSet(expected, written)) return null;
  const fact = file.parsed ? peekHeader(file.parsed).revises : undefined;
  if (!fact) return null;
  const expectedText = expected.join(', ');
  return problem(
    'header-mismatch',
    file.ref.path,
    fact.span,
    `The docstring says \`Revises: ${fact.text}\` but \`down_revision\` is ${expected.length === 0 ? 'None (a base)' : expected.map(q).join(', ')}. Alembic uses only the variable; update the header${expected.length === 0 ? ' (leave it empty for a base)' : ` to \`Revises: ${expectedText}\``}.`,
    { related: [relatedAt(file, valueSpan(file, 'down_revision'), 'the down_revision variable')], data: { header: 'Revises', expected: expectedText } },
  );
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/**
 * Whether the header of a docstring whose facts are still to be computed (python/lazyheader.ts) agrees
 * with the variables for sure: the usual file, told from the docstring text with two searches and
 * without building the facts. False means "look closer", not "disagrees".
 */
export function headerSurelyAgrees(parsed: ParsedMigration): boolean {
  const doc = parsed.docstring;
  // A header computed already is read as it is (cheaply): the docstring text stands for it only while lazy.
  if (doc === null || getterOf(parsed, 'header') === undefined) return false;
  const rev = parsed.revision;
  if (rev !== undefined && rev.value.kind === 'str') {
    const at = factStart(doc.value, 'Revision ID:');
    if (at >= 0 && !factIs(doc.value, at, rev.value.lit.value)) return false;
  }
  const down = parsed.down_revision;
  if (down !== undefined && down.value.kind !== 'other') {
    const at = factStart(doc.value, 'Revises:');
    if (at < 0) return true;
    if (down.value.kind === 'str') {
      // The one parent, written alone: a header listing it is that one id (no comma to split it).
      const parent = down.value.lit.value;
      return !BASE_WORDS.has(parent) && parent.indexOf(',') < 0 && factIs(doc.value, at, parent);
    }
    // A merge's parents in their order, or a base's (no id at all, or only words for "none").
    return listedIds(doc.value, at, down.value.kind === 'seq' ? down.value.items : NO_LITERALS);
  }
  return true;
}

const NO_LITERALS: readonly StrLit[] = [];

/**
 * Whether the ids listed on the rest of the line from `at` (split at commas and stripped, empty ones
 * skipped, as docstring.ts reads them) are `items` in their order, each a real id, after dropping
 * the words that mean "none": then the revises rule, which compares the two as sets, agrees.
 */
function listedIds(value: string, at: number, items: readonly StrLit[]): boolean {
  let end = value.indexOf('\n', at);
  if (end < 0) end = value.length;
  let matched = 0;
  let start = at;
  for (let i = at; i <= end; i++) {
    if (i < end && value.charCodeAt(i) !== 44) continue;
    let x = start;
    let y = i;
    start = i + 1;
    while (x < y && isPythonSpace(value.charCodeAt(x))) x++;
    while (y > x && isPythonSpace(value.charCodeAt(y - 1))) y--;
    if (y === x) continue;
    const id = value.slice(x, y);
    if (BASE_WORDS.has(id)) continue;
    if (matched >= items.length || items[matched].value !== id) return false;
    matched++;
  }
  // An item that is '' or a word for "none" never matches (those pieces are skipped): then false.
  return matched === items.length;
}

/**
 * Where the text of a header fact starts (just after its label), as docstring.ts reads it: on the first
 * line whose first character after spaces and tabs starts the label. -1 when no line has it.
 */
function factStart(value: string, label: string): number {
  for (let at = value.indexOf(label); at >= 0; at = value.indexOf(label, at + 1)) {
    let p = at;
    while (p > 0 && (value.charCodeAt(p - 1) === 32 || value.charCodeAt(p - 1) === 9)) p--;
    if (p === 0 || value.charCodeAt(p - 1) === 10) return at + label.length;
  }
  return -1;
}

/** Whether the rest of the line from `at`, stripped as docstring.ts strips a fact, is `expected`. */
function factIs(value: string, at: number, expected: string): boolean {
  let end = value.indexOf('\n', at);
  if (end < 0) end = value.length;
  while (at < end && isPythonSpace(value.charCodeAt(at))) at++;
  while (end > at && isPythonSpace(value.charCodeAt(end - 1))) end--;
  return end - at === expected.length && value.startsWith(expected, at);
}
