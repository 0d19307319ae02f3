// `multiple-heads`: join the heads with a merge revision (what `alembic merge heads` writes, created
// through the server command so the new file can be opened), or, for the newest head only, re-point
// its branch onto another head so history becomes a line again (only safe before that branch has
// been applied to a database, which the title says).
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import type { RevisionMap } from '../../engine/index';
import type { ProjectState } from '../../workspaceIndex';
import type { FeatureContext } from '../context';
import { pathToUri } from '../../lsp/uris';
import { documentEdit, literalsOfVar, parentEdits, q, quickFix } from './edits';
import { MERGE_COMMAND, mergeBlockedBy, type MergeRevisionArgs } from './merge-revision';
import type { FixTarget } from './targets';

export function headFixes(ctx: FeatureContext, t: FixTarget): CodeAction[] {
  const data = t.problem.data ?? {};
  const map = t.project.indexed.map;
  const self = t.file.revisionId;
  const heads = strings(data.heads);
  if (self === null || heads.length < 2 || !heads.every((h) => map.byId.get(h)?.isHead)) return [];
  const intentional = typeof data.label === 'string';
  const blocked = mergeBlockedBy(t.project.indexed);
  // Shown but disabled where the client can say why; else left out (the merge command refuses too).
  if (blocked !== null && !ctx.disabledCodeActions) return [];
  const out: CodeAction[] = [mergeAction(t, heads, 'merge heads', `Create a merge revision of all ${heads.length} heads (as \`alembic merge heads\`)`, !intentional)];
  if (heads.length >= 3) {
    for (const other of heads.filter((h) => h !== self)) {
      out.push(mergeAction(t, [self, other], `merge ${self} and ${other}`, `Create a merge revision of this head and ${q(other)} only`, false));
    }
  }
  const branch = data.branch as { first?: unknown; parent?: unknown } | undefined;
  if (!intentional && typeof branch?.first === 'string' && typeof branch.parent === 'string' && newestHeads(t.project, heads).includes(self)) {
    for (const other of heads.filter((h) => h !== self)) {
      const action = repointAction(ctx, t, branch.first, branch.parent, other);
      if (action) out.push(action);
    }
  }
  if (blocked !== null) {
    for (const action of out) {
      action.disabled = { reason: blocked };
      delete action.isPreferred;
    }
  }
  return out;
}

function mergeAction(t: FixTarget, heads: string[], message: string, title: string, preferred: boolean): CodeAction {
  const args: MergeRevisionArgs = { project: t.project.config.id, heads, message };
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, command: { title, command: MERGE_COMMAND, arguments: [args] } };
  if (t.diagnostic) action.diagnostics = [t.diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}

/** `first`'s down_revision (and `Revises:` header) moved from the branch point `parent` onto `other`. */
function repointAction(ctx: FeatureContext, t: FixTarget, first: string, parent: string, other: string): CodeAction | null {
  const map = t.project.indexed.map;
  const node = map.byId.get(first);
  const file = node ? t.project.filesByPath.get(node.file) : undefined;
  if (!node || !file || reaches(map, other, branchOf(map, t.file.revisionId!, first))) return null;
  const lits = literalsOfVar(file.parsed, 'down_revision').filter((l) => l.value === parent);
  const text = ctx.index.textOf(file.ref.path);
  if (lits.length !== 1 || text === null) return null;
  const uri = pathToUri(file.ref.path);
  const open = ctx.documents.get(uri);
  if (open && open.getText() !== text) return null;
  const who = first === t.file.revisionId ? 'this revision' : q(first);
  const title = `Re-point ${who} onto head ${q(other)} (down_revision ${q(parent)} → ${q(other)}; only if it is not applied to any database yet)`;
  return quickFix(title, { documentChanges: [documentEdit(ctx, uri, parentEdits(file.parsed, lits[0], text, other))] }, t.diagnostic);
}

/** The revisions from `head` down to `first` (the chain that would move). */
function branchOf(map: RevisionMap, head: string, first: string): Set<string> {
  const out = new Set<string>([head]);
  let node = map.byId.get(head);
  while (node && node.id !== first && node.down.length === 1 && !out.has(node.down[0])) {
    out.add(node.down[0]);
    node = map.byId.get(node.down[0]);
  }
  out.add(first);
  return out;
}

/** Whether `from` leads down (parents or dependencies) to any of `targets`: re-pointing would loop. */
function reaches(map: RevisionMap, from: string, targets: Set<string>): boolean {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length > 0) {
    const id = todo.pop()!;
    if (targets.has(id)) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = map.byId.get(id);
    if (node) todo.push(...node.parents, ...node.resolvedDeps);
  }
  return false;
}

/**
 * The heads created last, by their docstring `Create Date:`. When the dates tie or are missing the
 * newest cannot be told, so every head among the latest counts.
 */
export function newestHeads(project: ProjectState, heads: string[]): string[] {
  const dated = heads.map((id) => {
    const node = project.indexed.map.byId.get(id);
    const text = node ? project.filesByPath.get(node.file)?.parsed?.header.createDate?.text : undefined;
    return { id, at: text === undefined ? null : createDateValue(text) };
  });
  if (dated.some((d) => d.at === null)) return heads;
  const latest = Math.max(...dated.map((d) => d.at!));
  return dated.filter((d) => d.at === latest).map((d) => d.id);
}

/** `2024-01-01 12:30:00.123456[+01:00]` as microseconds since 1970 (UTC), or null. */
export function createDateValue(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2}):(\d{2}))?/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (+m[9] * 3600 + +m[10] * 60) * 1000 : 0;
  return (ms - offset) * 1000 + Number((m[7] ?? '').padEnd(6, '0'));
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
