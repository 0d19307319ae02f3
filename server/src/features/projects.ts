// The custom requests: `alembic/projects` (a line per project) and `alembic/graph` (one project's
// whole graph). Shapes are in protocol.ts.
import type { IndexedFile, RevisionNode } from '../engine/index';
import type { GraphEdge, GraphNode, GraphResult, ProjectSummary, ProtocolProblem } from '../protocol';
import type { ProjectState } from '../workspaceIndex';

export function projectSummary(p: ProjectState): ProjectSummary {
  const { config, indexed } = p;
  return {
    id: config.id,
    root: config.root,
    configFile: config.iniFile ?? config.pyprojectFile,
    section: config.section,
    scriptLocation: config.scriptLocation,
    versionLocations: config.versionLocations,
    sqlalchemyUrl: config.sqlalchemyUrl,
    revisionCount: indexed.map.nodes.length,
    headCount: indexed.map.heads.length,
    problemCount: indexed.problems.length,
    version: p.version,
  };
}

export function projectGraph(p: ProjectState): GraphResult {
  const { map, problems } = p.indexed;
  const broken = new Set<string>();
  for (const issue of map.issues) if (issue.kind === 'missing-parent' || issue.kind === 'missing-dependency') broken.add(issue.id);
  const fileOf = new Map<string, IndexedFile>();
  for (const f of p.indexed.files) if (f.revisionId !== null) fileOf.set(f.revisionId, f); // the later duplicate wins, as in Alembic
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const id of map.history) {
    const n = map.byId.get(id);
    if (!n) continue;
    nodes.push(graphNode(n, fileOf.get(id), broken.has(id)));
    for (const parent of n.parents) edges.push({ from: id, to: parent, kind: 'parent' });
    for (const dep of n.resolvedDeps) edges.push({ from: id, to: dep, kind: 'dependency' });
  }
  // Revisions outside the history walk (cut off by a cycle) still belong in the view.
  const listed = new Set(nodes.map((x) => x.id));
  for (const n of map.nodes) if (!listed.has(n.id)) nodes.push(graphNode(n, fileOf.get(n.id), broken.has(n.id)));
  const problemsOut: ProtocolProblem[] = problems.map((pr) => ({
    code: pr.code,
    severity: pr.severity,
    file: pr.file,
    line: pr.span.start.line,
    character: pr.span.start.character,
    message: pr.message,
  }));
  return {
    project: p.config.id,
    version: p.version,
    nodes,
    edges,
    heads: map.heads,
    bases: map.bases,
    branchPoints: map.branchPoints,
    mergePoints: map.mergePoints,
    labels: Object.fromEntries(map.labelOwner),
    problems: problemsOut,
  };
}

function graphNode(n: RevisionNode, file: IndexedFile | undefined, isBroken: boolean): GraphNode {
  return {
    id: n.id,
    file: n.file,
    line: file?.parsed?.revision?.nameSpan.start.line ?? 0,
    message: n.doc,
    createDate: file?.parsed?.header.createDate?.text ?? null,
    downRevisions: n.down,
    dependsOn: n.dependsOn,
    branchLabels: n.branchLabels,
    labels: n.labels,
    isHead: n.isHead,
    isBase: n.isBase,
    isBranchPoint: n.isBranchPoint,
    isMergePoint: n.isMergePoint,
    isBroken,
  };
}
