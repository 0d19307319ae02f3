// `source.fixAll.alembic`: every fix of a file that needs no choice, in one edit: header lines
// rewritten from the variables, shortened ids expanded, and broken links whose text names one
// revision beyond doubt. Literal fixes go first; the header is then rewritten from the result, so
// a `Revises:` line follows a parent id fixed in the same pass.
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { parseMigrationText } from '../../engine/index';
import type { FeatureContext } from '../context';
import { applyTextEdits, lineEdits } from './apply-edits';
import { documentEdit } from './edits';
import { headerRewrite } from './header-fixes';
import { choiceEdits, LINK_CODES, linkFixPlan } from './link-fixes';
import type { FixDocument, FixTarget } from './targets';

export const FIX_ALL_KIND = 'source.fixAll.alembic';

export function fixAllAction(ctx: FeatureContext, doc: FixDocument, targets: FixTarget[]): CodeAction | null {
  const literalEdits: TextEdit[] = [];
  const followEdits: TextEdit[] = [];
  for (const t of targets) {
    if (!LINK_CODES.has(t.problem.code)) continue;
    const plan = linkFixPlan(t);
    const safe = plan?.choices.filter((c) => c.safe) ?? [];
    if (!plan || safe.length !== 1) continue;
    const [literal, ...header] = choiceEdits(t, plan, safe[0].value);
    literalEdits.push(literal);
    followEdits.push(...header);
  }
  const rewriteHeader = targets.some((t) => t.problem.code === 'header-mismatch');
  let text = applyTextEdits(doc.text, rewriteHeader ? literalEdits : [...literalEdits, ...dedupe(followEdits)]);
  if (rewriteHeader) {
    // Re-read the fixed text: the header is rewritten from the variables as they now are.
    text = applyTextEdits(text, headerRewrite(parseMigrationText(text), text));
  }
  const edits = lineEdits(doc.text, text);
  if (edits.length === 0) return null;
  return {
    title: 'Fix all obvious Alembic problems in this file (headers, shortened ids, unambiguous parent ids)',
    kind: FIX_ALL_KIND,
    edit: { documentChanges: [documentEdit(ctx, doc.uri, edits)] },
  };
}

/** Two fixed parents named in one `Revises:` line must not edit the same id twice. */
function dedupe(edits: TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((e) => {
    const key = JSON.stringify(e.range);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
