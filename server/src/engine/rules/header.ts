// The docstring header (`Revision ID:`, `Revises:`) is text the template writes; Alembic never reads
// it. After a rebase or a hand edit it drifts from the variables, and people then trust the wrong
// one, so a disagreement is worth a warning (the fix is always to the header).
import type { HeaderFact, IndexedFile, Problem } from '../types';
import { problem, q, type RuleContext } from './context';
import { literalsOf, valueSpan, relatedAt } from './spans';
import { peekHeader, peekHeaderTexts } from '../python/lazyheader';

/** What people write in `Revises:` for a base. */
const BASE_WORDS = new Set(['', 'None', '<base>', 'base']);

export function headerRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  for (const file of ctx.files) {
    if (!file.parsed) continue;
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
