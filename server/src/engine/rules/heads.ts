// More than one head: the classic failure after two branches each add a migration on the same
// parent and both get merged in git. `alembic upgrade head` then fails at deploy time. A head that
// carries a branch label of its own is a deliberate branch (Alembic's "multiple bases / named
// branches" setup, used with `upgrade heads` or `label@head`), so it is reported as information.
import type { Problem, RevisionMap, RevisionNode } from '../types';
import { orList, problem, q, type RuleContext } from './context';
import { fileName, relatedAt, revisionSpan } from './spans';

const ALEMBIC_MULTIPLE_HEADS =
  "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, '<branchname>@head' to narrow to a specific head, or 'heads' for all heads";

export function multipleHeadsRule(ctx: RuleContext): Problem[] {
  const cutOff = cutOffRevisions(ctx.map);
  const heads = ctx.map.heads
    .filter((id) => !cutOff.has(id))
    .map((id) => ctx.map.byId.get(id))
    .filter((n): n is RevisionNode => n !== undefined);
  if (heads.length < 2) return [];
  const out: Problem[] = [];
  for (const head of heads) {
    const others = heads.filter((h) => h !== head);
    const ownLabel = head.labels.find((l) => others.every((o) => !o.labels.includes(l)));
    const related = others.flatMap((o) => (ctx.filesById.get(o.id) ?? []).map((f) => relatedAt(f, revisionSpan(f), `head ${o.id} (${fileName(f)})`)));
    const data: Record<string, unknown> = { heads: heads.map((h) => h.id), otherHeads: others.map((h) => h.id) };
    const start = branchStart(ctx.map, head);
    if (start) data.branch = start;
    const intro = `${head.id} is one of ${heads.length} heads (${heads.map((h) => h.id).join(', ')}).`;
    for (const file of ctx.filesById.get(head.id) ?? []) {
      if (ownLabel !== undefined) {
        out.push(
          problem('multiple-heads', file.ref.path, revisionSpan(file), `${intro} It is the head of branch ${q(ownLabel)}, so this looks intentional; \`alembic upgrade head\` still fails, use \`alembic upgrade heads\` or \`${ownLabel}@head\`.`, {
            severity: 'information',
            related,
            data: { ...data, label: ownLabel },
          }),
        );
        continue;
      }
      const repoint = start
        ? ` Or, if ${start.first} has not been applied to any database yet, change its down_revision from ${q(start.parent)} to ${orList(others.map((o) => o.id))} to make the history linear.`
        : '';
      out.push(
        problem(
          'multiple-heads',
          file.ref.path,
          revisionSpan(file),
          `${intro} \`alembic upgrade head\` fails: "${ALEMBIC_MULTIPLE_HEADS}". Fix: run \`alembic merge heads -m "merge heads"\` to join them.${repoint}`,
          { related, data },
        ),
      );
    }
  }
  return out;
}

/**
 * Revisions that stand apart only because a parent is missing (a deleted or mistyped down_revision),
 * and everything above them. Their heads are an artefact of the broken link, which has its own
 * problem: counting them as extra heads would bury the real cause under a wrong fix (merging).
 */
function cutOffRevisions(map: RevisionMap): Set<string> {
  const out = new Set<string>();
  const todo: string[] = [];
  const nodes = map.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (node.parents.length < node.down.length) {
      out.add(node.id);
      todo.push(node.id);
    }
  }
  while (todo.length > 0) {
    for (const child of map.byId.get(todo.pop()!)?.children ?? []) {
      if (!out.has(child)) {
        out.add(child);
        todo.push(child);
      }
    }
  }
  return out;
}

/**
 * The first revision of the head's own branch: walk down single-parent links until the parent is
 * a branch point. That revision's down_revision is the one to re-point. Null when the walk meets
 * a merge, a base or a dependency-only parent before any branch point.
 */
function branchStart(map: RevisionMap, head: RevisionNode): { first: string; parent: string } | null {
  let node = head;
  const seen = new Set<string>();
  while (node.down.length === 1 && !seen.has(node.id)) {
    seen.add(node.id);
    const parent = map.byId.get(node.down[0]);
    if (!parent) return null;
    if (parent.isBranchPoint) return { first: node.id, parent: parent.id };
    node = parent;
  }
  return null;
}
