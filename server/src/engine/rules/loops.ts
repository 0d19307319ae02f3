// Loops in the graph. A revision that names itself is caught per file (Revision.__init__ raises
// LoopDetected). Longer loops come from the graph (RevisionMap._detect_cycles, reported as GraphIssues),
// which lists every revision that is not between a base and a head, including the ones merely
// stacked on a loop; we find the loop itself so the error sits where the fix is.
import type { Assignment, IndexedFile, Problem, RevisionMap } from '../types';
import { sortedPython } from '../py-order';
import { problem, type RuleContext } from './context';
import { literalsNamed, relatedAt, valueSpan, type RevisionVar } from './spans';
import { loopMembers } from './strongly-connected';

const MAX_RELATED = 10;

export function selfLoopRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const files = ctx.files;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const id = file.revisionId;
    if (id === null || !mentionsItself(file, id)) continue;
    for (const lit of literalsNamed(file, 'down_revision', id)) {
      out.push(
        problem('self-loop', file.ref.path, lit.span, `This revision lists itself in down_revision; Alembic stops with "Self-loop is detected in revisions (${id})". Write the id of its parent (or None for a base).`, { data: { id } }),
      );
    }
    for (const lit of literalsNamed(file, 'depends_on', id)) {
      out.push(
        problem('dependency-self-loop', file.ref.path, lit.span, `This revision lists itself in depends_on; Alembic stops with "Dependency self-loop is detected in revisions (${id})". Remove this entry.`, { data: { id } }),
      );
    }
  }
  return out;
}

/** Whether down_revision or depends_on names the file's own id (checked without building lists). */
function mentionsItself(file: IndexedFile, id: string): boolean {
  return names(file.parsed?.down_revision, id) || names(file.parsed?.depends_on, id);
}

function names(a: Assignment | undefined, id: string): boolean {
  if (a === undefined) return false;
  const value = a.value;
  if (value.kind === 'str') return value.lit.value === id;
  if (value.kind !== 'seq') return false;
  for (let i = 0; i < value.items.length; i++) if (value.items[i].value === id) return true;
  return false;
}

export function cycleRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  for (const issue of ctx.map.issues) {
    if (issue.kind === 'cycle') out.push(...cycleProblems(ctx, issue.ids, false));
    if (issue.kind === 'dependency-cycle') out.push(...cycleProblems(ctx, issue.ids, true));
  }
  return out;
}

function cycleProblems(ctx: RuleContext, ids: string[], withDependencies: boolean): Problem[] {
  const code = withDependencies ? 'dependency-cycle' : 'cycle';
  const alembicText = `${withDependencies ? 'Dependency cycle' : 'Cycle'} is detected in revisions (${sortedPython(ids).join(', ')})`;
  const edges = (id: string) => edgesOf(ctx.map, id, withDependencies);
  const onLoop = loopMembers(ids, edges);
  const variable = (file: IndexedFile): RevisionVar => (withDependencies && file.parsed?.depends_on ? 'depends_on' : 'down_revision');
  const loopList = sortedPython(onLoop);
  const shownLoop = loopList.length > MAX_RELATED ? `${loopList.slice(0, MAX_RELATED).join(', ')}...` : loopList.join(', ');
  const related = onLoop.slice(0, MAX_RELATED).flatMap((id) =>
    (ctx.filesById.get(id) ?? []).map((f) => relatedAt(f, valueSpan(f, variable(f)), `${id} is on the loop`)),
  );
  const links = withDependencies ? 'down_revision and depends_on links' : 'down_revision links';
  const out: Problem[] = [];
  if (onLoop.length === 0) {
    // No loop among the ids (e.g. no revision is a base because every root's parent is missing):
    // repeat Alembic's verdict once, on the first of them.
    const file = ids.map((id) => ctx.filesById.get(id)?.[0]).find((f) => f !== undefined);
    if (file) out.push(problem(code, file.ref.path, valueSpan(file, variable(file)), `Alembic stops with "${alembicText}": no revision here is both above a base and below a head. Check the broken links.`, { data: { ids } }));
    return out;
  }
  const loopSet = new Set(onLoop);
  for (const id of ids) {
    for (const file of ctx.filesById.get(id) ?? []) {
      const others = related.filter((r) => r.file !== file.ref.path);
      if (loopSet.has(id)) {
        out.push(
          problem(code, file.ref.path, valueSpan(file, variable(file)), `The ${links} of ${shownLoop} lead back to each other. Alembic stops with "${alembicText}". Point one of them at an older revision (or None for a base).`, {
            related: others,
            data: { ids, loop: onLoop },
          }),
        );
      } else {
        out.push(
          problem(code, file.ref.path, valueSpan(file, variable(file)), `This revision sits on top of a loop (${shownLoop}), so Alembic names it too: "${alembicText}". Fixing the loop fixes this.`, {
            severity: 'information',
            related: others,
            data: { ids, loop: onLoop },
          }),
        );
      }
    }
  }
  return out;
}

function edgesOf(map: RevisionMap, id: string, withDependencies: boolean): string[] {
  const node = map.byId.get(id);
  if (!node) return [];
  return withDependencies ? [...node.parents, ...node.resolvedDeps] : node.parents;
}
