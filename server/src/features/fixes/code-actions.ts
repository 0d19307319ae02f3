// textDocument/codeAction: the quick fixes for the diagnostics the client sends, and the file's
// `source.fixAll.alembic` action when the request asks for that kind (or for every kind).
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { FeatureContext } from '../context';
import { guardCodeActions } from '../edit-safety';
import { FIX_ALL_KIND, fixAllAction } from './fix-all';
import { freshIdFixes } from './fresh-id';
import { headFixes } from './head-fixes';
import { headerFixes } from './header-fixes';
import { LINK_CODES, linkFixes } from './link-fixes';
import { syntaxFixes } from './syntax-fixes';
import { allTargets, fixDocument, targetsOf, type FixTarget } from './targets';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export function codeActions(ctx: FeatureContext, params: CodeActionParams): CodeAction[] {
  const doc = fixDocument(ctx, params.textDocument.uri);
  if (!doc) return [];
  const only = params.context.only;
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const t of targetsOf(doc, params.context.diagnostics)) out.push(...quickFixes(ctx, t));
    // The one obvious fix of each problem first, as editors offer the first preferred action.
    out.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
  }
  if (wants(only, FIX_ALL_KIND)) {
    const all = fixAllAction(ctx, doc, allTargets(ctx, doc));
    if (all) out.push(all);
  }
  return guardCodeActions(ctx, out);
}

function quickFixes(ctx: FeatureContext, t: FixTarget): CodeAction[] {
  const code = t.problem.code;
  if (LINK_CODES.has(code)) return linkFixes(ctx, t);
  if (code === 'header-mismatch') return headerFixes(ctx, t);
  if (code === 'multiple-heads') return headFixes(ctx, t);
  if (code === 'duplicate-revision-id') return freshIdFixes(ctx, t);
  if (code === 'syntax-error') return syntaxFixes(ctx, t);
  return [];
}

/** Whether `kind` is asked for: no filter, the kind itself, or a parent kind (`source`, `source.fixAll`). */
function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}
