// Where a database stands in a project's history, from its alembic_version rows: `current` for the
// rows themselves (what `history --indicate-current` marks), `applied` for everything they reach
// through down_revision and depends_on, `pending` for the rest (what `upgrade heads` would run).
import type { GraphResult } from '../../../server/src/protocol';

export type RevisionMark = 'current' | 'applied' | 'pending';

export interface DatabasePosition {
  marks: Map<string, RevisionMark>;
  /** Rows naming no revision of the project (a deleted file, another branch checked out). */
  unknownRows: string[];
  /** How many revisions `upgrade heads` would still run. */
  pendingCount: number;
}

export function databasePosition(graph: Pick<GraphResult, 'nodes' | 'edges'>, rows: readonly string[]): DatabasePosition {
  const parents = new Map<string, string[]>();
  for (const e of graph.edges) {
    const list = parents.get(e.from) ?? [];
    list.push(e.to);
    parents.set(e.from, list);
  }
  const known = new Set(graph.nodes.map((n) => n.id));
  const marks = new Map<string, RevisionMark>();
  const stack: string[] = [];
  for (const r of rows) {
    if (!known.has(r)) continue;
    marks.set(r, 'current');
    stack.push(r);
  }
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const p of parents.get(id) ?? []) {
      if (!known.has(p) || marks.has(p)) continue;
      marks.set(p, 'applied');
      stack.push(p);
    }
  }
  let pendingCount = 0;
  for (const n of graph.nodes) {
    if (marks.has(n.id)) continue;
    marks.set(n.id, 'pending');
    pendingCount++;
  }
  return { marks, unknownRows: rows.filter((r) => !known.has(r)), pendingCount };
}
