// How far a revision is from the bottom and the top of its history, counted over the same edges
// Alembic follows when it decides what to run: down_revision and depends_on (a label counts as the
// revision declaring it).
import type { RevisionMap, RevisionNode } from '../engine/index';

export interface Reach {
  /** Ancestors: revisions `alembic upgrade <id>` applies before it on an empty database. */
  below: number;
  /** Descendants: revisions between it and the head(s), which a downgrade below it would undo. */
  above: number;
}

export function reachOf(map: RevisionMap, id: string): Reach {
  return { below: ancestorsOf(map, id).size, above: descendantsOf(map, id).size };
}

/** Revisions below `id` through down_revision and depends_on (itself excluded). */
export function ancestorsOf(map: RevisionMap, id: string): Set<string> {
  return reachable(map, id, (n) => [...n.parents, ...n.resolvedDeps]);
}

/** Revisions that build on `id`, directly or not, through down_revision or depends_on (itself excluded). */
export function descendantsOf(map: RevisionMap, id: string): Set<string> {
  return reachable(map, id, (n) => n.allChildren);
}

/** A walk with a seen-set, so a cycle in a broken history cannot make it loop. */
function reachable(map: RevisionMap, id: string, next: (n: RevisionNode) => readonly string[]): Set<string> {
  const seen = new Set<string>([id]);
  const stack = [id];
  while (stack.length > 0) {
    const node = map.byId.get(stack.pop()!);
    if (!node) continue;
    for (const other of next(node)) {
      if (seen.has(other) || !map.byId.has(other)) continue;
      seen.add(other);
      stack.push(other);
    }
  }
  seen.delete(id);
  return seen;
}
