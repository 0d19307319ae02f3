// Hand-built RevisionMaps for the render and validate tests. They do not depend on graph.ts (written
// in parallel): every derived field is computed here the simple way, and the parts that need
// Alembic's algorithms (inherited labels, history order) are given explicitly, copied from what
// real Alembic 1.8.1 printed for the same projects (built under /tmp, os.listdir patched to sorted).
import type { GraphIssue, RevisionMap, RevisionNode } from '../../server/src/engine/types';

export interface HandRev {
  id: string;
  down?: string[];
  deps?: string[];
  /** Declared branch_labels. */
  declared?: string[];
  /** Effective labels (declared plus inherited); default: the declared ones. */
  labels?: string[];
  /** File name inside `<root>/migrations/versions/`; default `<id>.py`. */
  fileName?: string;
  longdoc?: string;
}

/** Script.doc: the longdoc up to the first blank line. */
export function docOf(longdoc: string): string {
  return longdoc.split('\n\n')[0];
}

export function handMap(root: string, revs: HandRev[], history?: string[], issues: GraphIssue[] = []): RevisionMap {
  const labelOwner = new Map<string, string>();
  for (const r of revs) for (const l of r.declared ?? []) if (!labelOwner.has(l)) labelOwner.set(l, r.id);
  const ids = new Set(revs.map((r) => r.id));
  const resolve = (dep: string) => (ids.has(dep) ? dep : labelOwner.get(dep));
  const nodes: RevisionNode[] = revs.map((r, loadIndex) => {
    const down = r.down ?? [];
    const deps = r.deps ?? [];
    const longdoc = r.longdoc ?? '';
    const resolvedDeps = deps.map(resolve).filter((d): d is string => d !== undefined);
    const fileName = r.fileName ?? `${r.id}.py`;
    return {
      id: r.id,
      file: `${root}/migrations/versions/${fileName}`,
      location: `${root}/migrations/versions`,
      relPath: fileName,
      down,
      dependsOn: deps,
      branchLabels: r.declared ?? [],
      doc: docOf(longdoc),
      longdoc,
      loadIndex,
      parents: down.filter((d) => ids.has(d)),
      children: [],
      allChildren: [],
      resolvedDeps,
      normalizedDown: [...new Set([...down, ...resolvedDeps])],
      labels: [...(r.labels ?? r.declared ?? [])].sort(),
      isHead: false,
      isRealHead: false,
      isBase: down.length === 0,
      isRealBase: down.length === 0 && deps.length === 0,
      isBranchPoint: false,
      isMergePoint: down.length > 1,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    for (const p of n.parents) byId.get(p)!.children.push(n.id);
    for (const p of new Set([...n.parents, ...n.resolvedDeps])) byId.get(p)?.allChildren.push(n.id);
  }
  for (const n of nodes) {
    n.isHead = n.children.length === 0;
    n.isRealHead = n.allChildren.length === 0;
    n.isBranchPoint = n.children.length > 1;
  }
  const pick = (f: (n: RevisionNode) => boolean) => nodes.filter(f).map((n) => n.id);
  return {
    nodes,
    byId,
    labelOwner,
    heads: pick((n) => n.isHead),
    realHeads: pick((n) => n.isRealHead),
    bases: pick((n) => n.isBase),
    realBases: pick((n) => n.isRealBase),
    branchPoints: pick((n) => n.isBranchPoint),
    mergePoints: pick((n) => n.isMergePoint),
    history: history ?? [...nodes].reverse().map((n) => n.id),
    issues,
  };
}

/** The docstring `alembic revision` writes (1.8.1 template), Create Date fixed. */
function templateDoc(message: string, id: string, revises: string): string {
  return `${message}\n\nRevision ID: ${id}\nRevises: ${revises}\nCreate Date: 2026-01-01 00:00:00.000000`;
}

/** p1 of the semantics doc: a1 -> b2 -> {c3, d4} -> e5 = merge(d4, c3) -> f6. */
export function p1(root = '/home/dev/p1'): RevisionMap {
  const rev = (id: string, msg: string, down: string[], slug: string): HandRev => ({
    id,
    down,
    fileName: `${id}_${slug}.py`,
    longdoc: templateDoc(msg, id, down.join(', ')),
  });
  const [a, b, c, d, e, f] = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map((x) => x.repeat(6));
  return handMap(root, [
    rev(a, 'create users', [], 'create_users'),
    rev(b, 'add email', [a], 'add_email'),
    rev(c, 'branch one', [b], 'branch_one'),
    rev(d, 'branch two', [b], 'branch_two'),
    rev(e, 'merge c3 and d4', [d, c], 'merge_c3_and_d4'),
    rev(f, 'after merge', [e], 'after_merge'),
  ], [f, e, d, c, b, a]);
}

/** p2 of the semantics doc: core c1 -> c2 -> c3, plugin p1 -> p2 (deps c3) -> p3 (deps core). */
export function p2(root = '/home/dev/p2'): RevisionMap {
  const rev = (id: string, msg: string, down: string[], extra: Partial<HandRev> = {}): HandRev => ({
    id,
    down,
    fileName: `${id}_${msg.replace(/ /g, '_')}.py`,
    longdoc: templateDoc(msg, id, down.join(', ')),
    ...extra,
  });
  return handMap(root, [
    rev('c1000000', 'core one', [], { declared: ['core'] }),
    rev('c2000000', 'core two', ['c1000000'], { labels: ['core'] }),
    rev('c3000000', 'core three', ['c2000000'], { labels: ['core'] }),
    rev('p1000000', 'plugin one', [], { declared: ['plugin'] }),
    rev('p2000000', 'plugin two', ['p1000000'], { labels: ['plugin'], deps: ['c3000000'] }),
    rev('p3000000', 'plugin three', ['p2000000'], { labels: ['plugin'], deps: ['core'] }),
  ], ['p3000000', 'p2000000', 'p1000000', 'c3000000', 'c2000000', 'c1000000']);
}

/**
 * Edge cases, hand-written files: two labels, a file with no docstring, a multi-line doc, an odd
 * docstring with blank and indented lines, a list depends_on, a three-way branch point, an effective head.
 */
export function pe(root = '/home/dev/pe'): RevisionMap {
  const both = ['alpha', 'zeta'];
  return handMap(root, [
    { id: 'x1', declared: ['zeta', 'alpha'], longdoc: 'x one' },
    { id: 'x2', down: ['x1'], labels: both },
    { id: 'x3', down: ['x2'], labels: both, longdoc: 'line one\nline two\nRevision ID: x3\n\npara2\n    indented\n\n\nend' },
    { id: 'x4', down: ['x2'], labels: both, deps: ['x1', 'alpha'], longdoc: 'x four' },
    { id: 'x5', down: ['x2'], labels: both, longdoc: 'spaced doc  \n\n\ttab line\n  tail' },
    { id: 'y1', declared: ['ylab'], longdoc: 'y one' },
    { id: 'y2', down: ['y1'], labels: ['ylab'], deps: ['x5'], longdoc: 'y two' },
  ], ['x3', 'x4', 'y2', 'y1', 'x5', 'x2', 'x1']);
}
