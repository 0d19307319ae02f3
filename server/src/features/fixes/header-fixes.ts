// `header-mismatch`: the docstring's `Revision ID:` / `Revises:` line rewritten from the variables
// (Alembic reads only the variables, so they are the truth). Safe, so fix-all applies it too.
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { HeaderFact, ParsedMigration } from '../../engine/index';
import type { FeatureContext } from '../context';
import { documentEdit, literalsOfVar, quickFix } from './edits';
import type { FixTarget } from './targets';

/** What people write in `Revises:` for a base (the header check accepts these too). */
const BASE_WORDS = new Set(['', 'None', '<base>', 'base']);

export function headerFixes(ctx: FeatureContext, t: FixTarget): CodeAction[] {
  const header = t.file.parsed?.header;
  const which = t.problem.data?.header;
  const expected = t.problem.data?.expected;
  if (!header || typeof expected !== 'string') return [];
  const fact = which === 'Revision ID' ? header.revisionId : which === 'Revises' ? header.revises : undefined;
  if (!fact) return [];
  const edit = factEdit(fact, expected, t.text);
  const title =
    which === 'Revises' && expected === ''
      ? 'Clear the docstring header `Revises:` (down_revision is None: a base)'
      : `Update the docstring header to \`${which}: ${expected}\` (from the variables)`;
  return [quickFix(title, { documentChanges: [documentEdit(ctx, t.uri, [edit])] }, t.diagnostic, true)];
}

/** Edits that make the header agree with the variables of `parsed` (none when it already does). */
export function headerRewrite(parsed: ParsedMigration, text: string): TextEdit[] {
  const out: TextEdit[] = [];
  const { revisionId, revises } = parsed.header;
  const rev = parsed.revision?.value;
  if (revisionId && rev?.kind === 'str' && revisionId.text !== rev.lit.value) out.push(factEdit(revisionId, rev.lit.value, text));
  const down = parsed.down_revision?.value;
  if (revises && down && down.kind !== 'other') {
    const expected = literalsOfVar(parsed, 'down_revision').map((l) => l.value).filter((v) => v !== '');
    const written = revises.ids.map((i) => i.id).filter((id) => !BASE_WORDS.has(id));
    if (!sameSet(expected, written)) out.push(factEdit(revises, expected.join(', '), text));
  }
  return out;
}

/** The fact's text replaced; an empty fact right after its colon gets the usual space first. */
function factEdit(fact: HeaderFact, value: string, text: string): TextEdit {
  if (fact.text === '' && value !== '') {
    const doc = TextDocument.create('file:///buffer', 'python', 0, text);
    if (text[doc.offsetAt(fact.span.start) - 1] === ':') return { range: fact.span, newText: ` ${value}` };
  }
  return { range: fact.span, newText: value };
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}
