// What every Alembic command prints when the revision map cannot be built at all (semantics doc §1.5,
// §1.7, §2.4, §2.5), in the order Alembic meets the problems: per file while loading (self-loop, then
// dependency self-loop, then illegal characters), then label clashes, then unknown depends_on (KeyError),
// then unknown down_revision (KeyError), then cycles. A duplicate id only warns.
import type { RevisionMap } from '../types';
import { keyError, revisionError, RevError } from './reverr';
import { sortedPython } from '../py-order';

/** Newest Alembic; 1.8.1 allows ':' (semantics doc §9). */
export const ILLEGAL_ID_CHARACTERS = ['@', '-', '+', ':'];

export function illegalIdMessage(id: string): string | null {
  // Asked for every revision on every load: answer the usual case without allocating.
  if (!/[@\-+:]/.test(id)) return null;
  const bad = sortedPython(ILLEGAL_ID_CHARACTERS.filter((c) => id.includes(c)));
  return bad.length ? `Character(s) '${bad.join(', ')}' not allowed in revision identifier '${id}'` : null;
}

export function loadError(map: RevisionMap): RevError | null {
  const selfLoops = new Set<string>();
  const depSelfLoops = new Set<string>();
  for (const issue of map.issues) {
    if (issue.kind === 'self-loop') selfLoops.add(issue.id);
    if (issue.kind === 'dependency-self-loop') depSelfLoops.add(issue.id);
  }
  for (const node of map.nodes) {
    if (selfLoops.has(node.id)) return revisionError(`Self-loop is detected in revisions (${node.id})`);
    if (depSelfLoops.has(node.id)) return revisionError(`Dependency self-loop is detected in revisions (${node.id})`);
    const illegal = illegalIdMessage(node.id);
    if (illegal) return revisionError(illegal);
  }
  const first = <K extends string>(kind: K) => map.issues.find((i) => i.kind === kind);
  const clash = first('label-conflict');
  if (clash && clash.kind === 'label-conflict') {
    return revisionError(`Branch name '${clash.label}' in revision ${clash.id} already used by revision ${clash.otherId}`);
  }
  const dep = first('missing-dependency');
  if (dep && dep.kind === 'missing-dependency') return keyError(dep.dependency);
  const parent = first('missing-parent');
  if (parent && parent.kind === 'missing-parent') return keyError(parent.parent);
  const cycle = map.issues.find((i) => (i.kind === 'cycle' || i.kind === 'dependency-cycle') && !i.missedByAlembic);
  if (cycle && (cycle.kind === 'cycle' || cycle.kind === 'dependency-cycle')) {
    return revisionError(`${cycle.kind === 'cycle' ? 'Cycle' : 'Dependency cycle'} is detected in revisions (${cycle.ids.join(', ')})`);
  }
  return null;
}
