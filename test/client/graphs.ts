// Small GraphResults and ProjectInfos for the client's model tests, built from a compact list of
// revisions (newest first, as the server sends them) with heads, bases and branch/merge points derived.
import type { GraphNode, GraphResult } from '../../server/src/protocol';
import type { ProjectInfo } from '../../client/src/model/connections';

export interface Rev {
  id: string;
  down?: string[];
  deps?: string[];
  labels?: string[];
  message?: string;
  date?: string;
  broken?: boolean;
}

export function graph(revs: Rev[], project = '/w/alembic.ini#alembic'): GraphResult {
  const children = new Map<string, string[]>();
  for (const r of revs) for (const d of r.down ?? []) children.set(d, [...(children.get(d) ?? []), r.id]);
  const nodes: GraphNode[] = revs.map((r) => ({
    id: r.id,
    file: `/w/migrations/versions/${r.id}.py`,
    line: 7,
    message: r.message ?? `message ${r.id}`,
    createDate: r.date ?? null,
    downRevisions: r.down ?? [],
    dependsOn: r.deps ?? [],
    branchLabels: r.labels ?? [],
    labels: r.labels ?? [],
    isHead: (children.get(r.id) ?? []).length === 0,
    isBase: (r.down ?? []).length === 0,
    isBranchPoint: (children.get(r.id) ?? []).length > 1,
    isMergePoint: (r.down ?? []).length > 1,
    isBroken: r.broken ?? false,
  }));
  const labels: Record<string, string> = {};
  for (const r of revs) for (const l of r.labels ?? []) labels[l] = r.id;
  return {
    project,
    version: 1,
    nodes,
    edges: revs.flatMap((r) => [
      ...(r.down ?? []).map((to) => ({ from: r.id, to, kind: 'parent' as const })),
      ...(r.deps ?? []).map((to) => ({ from: r.id, to, kind: 'dependency' as const })),
    ]),
    heads: nodes.filter((n) => n.isHead).map((n) => n.id),
    bases: nodes.filter((n) => n.isBase).map((n) => n.id),
    branchPoints: nodes.filter((n) => n.isBranchPoint).map((n) => n.id),
    mergePoints: nodes.filter((n) => n.isMergePoint).map((n) => n.id),
    labels,
    problems: [],
  };
}

/** p1 from the semantics notes: a1 -> b2 -> {c3, d4} -> e5 (merge) -> f6. */
export const P1 = graph([
  { id: 'f6', down: ['e5'], message: 'after merge' },
  { id: 'e5', down: ['d4', 'c3'], message: 'merge c3 and d4' },
  { id: 'd4', down: ['b2'], message: 'branch two' },
  { id: 'c3', down: ['b2'], message: 'branch one' },
  { id: 'b2', down: ['a1'], message: 'add email', date: '2026-11-23 22:15:38.689867' },
  { id: 'a1', message: 'create users' },
]);

/** Two heads: a1 -> {b2 (core), c3 (plugin)}. */
export const TWO_HEADS = graph([
  { id: 'c3', down: ['a1'], labels: ['plugin'], message: 'plugin start' },
  { id: 'b2', down: ['a1'], labels: ['core'], message: 'core change' },
  { id: 'a1', message: 'create users' },
]);

export function project(configFile: string, extra: Partial<ProjectInfo> = {}): ProjectInfo {
  const root = configFile.slice(0, configFile.lastIndexOf('/'));
  return {
    id: `${configFile}#alembic`,
    root,
    configFile,
    section: 'alembic',
    scriptLocation: `${root}/migrations`,
    versionLocations: [`${root}/migrations/versions`],
    sqlalchemyUrl: null,
    revisionCount: 6,
    headCount: 1,
    problemCount: 0,
    version: 1,
    ...extra,
  };
}
