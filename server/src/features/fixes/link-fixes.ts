// down_revision / depends_on entries that name nothing (`broken-down-revision`,
// `partial-id-in-down-revision`, `label-in-down-revision`, `broken-depends-on`): the literal replaced
// by each did-you-mean candidate the rule found, or (down_revision) by a current head. Where the
// broken text names one revision beyond doubt (a shortened id, a wrong case, a file name, a slug,
// a branch label with one target) the fix is preferred and fix-all applies it.
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import type { RevisionMap, StrLit } from '../../engine/index';
import type { FeatureContext } from '../context';
import { baseName, documentEdit, literalsOfVar, parentEdits, q, quickFix, replaceLiteral } from './edits';
import { sameSpan, type FixTarget } from './targets';

export const LINK_CODES = new Set(['broken-down-revision', 'partial-id-in-down-revision', 'label-in-down-revision', 'broken-depends-on']);

/** Suggestion kinds where the broken text itself identifies its target. */
const OBVIOUS_KINDS = new Set(['case', 'partial-id', 'file-name', 'slug', 'label']);

export interface LinkChoice {
  value: string;
  title: string;
  /** The one obvious answer: shown first and preferred. */
  preferred: boolean;
  /** Obvious enough for fix-all to apply without asking. */
  safe: boolean;
}

export interface LinkFixPlan {
  variable: 'down_revision' | 'depends_on';
  lit: StrLit;
  choices: LinkChoice[];
}

export function linkFixPlan(t: FixTarget): LinkFixPlan | null {
  const variable = t.problem.code === 'broken-depends-on' ? 'depends_on' : 'down_revision';
  const lit = literalsOfVar(t.file.parsed, variable).find((l) => sameSpan(l.span, t.problem.span));
  if (!lit) return null;
  const data = t.problem.data ?? {};
  const map = t.project.indexed.map;
  const fullId = typeof data.fullId === 'string' ? data.fullId : null;
  if (fullId !== null) {
    return { variable, lit, choices: [{ value: fullId, title: `Expand ${q(lit.value)} to the full id ${q(fullId)}${where(map, fullId)}`, preferred: true, safe: true }] };
  }
  const candidates = Array.isArray(data.candidates) ? data.candidates.filter((c): c is string => typeof c === 'string') : [];
  const kind = t.problem.code === 'label-in-down-revision' ? 'label' : String(data.suggestion ?? 'none');
  const single = candidates.length === 1 && data.sourceless !== true;
  const safe = single && OBVIOUS_KINDS.has(kind);
  const preferred = safe || (single && kind === 'near-miss');
  const choices: LinkChoice[] = candidates.map((c) => ({
    value: c,
    title: kind === 'label' ? `Replace branch label ${q(lit.value)} with revision ${q(c)}${where(map, c)}` : `Change ${variable} to ${q(c)}${where(map, c)}`,
    preferred,
    safe,
  }));
  if (variable === 'down_revision' && t.file.revisionId !== null) {
    for (const head of headsOutside(map, t.file.revisionId)) {
      if (candidates.includes(head)) continue;
      choices.push({ value: head, title: `Change down_revision to the current head ${q(head)}${where(map, head)}`, preferred: false, safe: false });
    }
  }
  return { variable, lit, choices };
}

export function linkFixes(ctx: FeatureContext, t: FixTarget): CodeAction[] {
  const plan = linkFixPlan(t);
  if (!plan) return [];
  return plan.choices.map((c) =>
    quickFix(c.title, { documentChanges: [documentEdit(ctx, t.uri, choiceEdits(t, plan, c.value))] }, t.diagnostic, c.preferred),
  );
}

/** The literal, and for down_revision the `Revises:` header where it named the broken id. */
export function choiceEdits(t: FixTarget, plan: LinkFixPlan, value: string): TextEdit[] {
  return plan.variable === 'down_revision' ? parentEdits(t.file.parsed, plan.lit, t.text, value) : [replaceLiteral(plan.lit, t.text, value)];
}

/** ` (0003_add_x.py)` for a revision, ` (branch label of 'abc')` for a label. */
function where(map: RevisionMap, value: string): string {
  const node = map.byId.get(value);
  if (node) return ` (${baseName(node.relPath)})`;
  const owner = map.labelOwner.get(value);
  return owner !== undefined ? ` (branch label declared by ${q(owner)})` : '';
}

/** The heads a revision may follow: not itself, nor anything above it (that would loop). */
function headsOutside(map: RevisionMap, id: string): string[] {
  const above = new Set<string>([id]);
  const todo = [id];
  while (todo.length > 0) {
    for (const child of map.byId.get(todo.pop()!)?.allChildren ?? []) {
      if (!above.has(child)) {
        above.add(child);
        todo.push(child);
      }
    }
  }
  return [...new Set(map.heads)].filter((h) => !above.has(h) && map.byId.get(h)?.isHead === true);
}
