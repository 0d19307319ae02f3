// Build RevisionInput[] for graph tests from a compact text form, in load order.
//
//   revs('a1', 'b2 <- a1', 'c3 <- b2 [one]', 'd4 <- b2 {c3, core}', 'e5 <- d4, c3')
//
// One string per revision: `ID [<- PARENT, ...] [[LABEL, ...]] [{DEPENDS_ON, ...}] [: DOC]`
//   `<- a, b`   down_revision, tuple order (none: a base)
//   `[x, y]`    branch_labels
//   `{c3, core}` depends_on (ids or labels, as written)
//   `: text`    the docstring's first paragraph (Script.doc); longdoc is the same text
// Or pass an object ({ id, down, dependsOn, branchLabels, doc }) for anything the text form cannot say.
// Files are `/p/versions/<id>.py` unless `file` is given.
import type { RevisionInput } from '../../server/src/engine/types';

export type RevSpec = string | (Partial<RevisionInput> & { id: string });

const LINE = /^\s*([^\s<[{:]+)\s*(?:<-\s*([^[{:]*?))?\s*(?:\[([^\]]*)\])?\s*(?:\{([^}]*)\})?\s*(?::\s*(.*))?$/;

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

export function rev(spec: RevSpec): RevisionInput {
  if (typeof spec !== 'string') {
    const file = spec.file ?? `/p/versions/${spec.id}.py`;
    return {
      id: spec.id,
      file,
      location: spec.location ?? '/p/versions',
      relPath: spec.relPath ?? file.slice(file.lastIndexOf('/') + 1),
      down: spec.down ?? [],
      dependsOn: spec.dependsOn ?? [],
      branchLabels: spec.branchLabels ?? [],
      doc: spec.doc ?? '',
      longdoc: spec.longdoc ?? spec.doc ?? '',
    };
  }
  const m = LINE.exec(spec);
  if (!m) throw new Error(`revs: cannot read ${JSON.stringify(spec)}`);
  const [, id, down, labels, deps, doc] = m;
  return rev({ id, down: list(down), branchLabels: list(labels), dependsOn: list(deps), doc: doc?.trim() ?? '' });
}

export function revs(...specs: RevSpec[]): RevisionInput[] {
  return specs.map(rev);
}

/** A linear chain `prefix0 <- prefix1 <- ...` of n revisions (ids zero-padded to equal length). */
export function chain(n: number, prefix = 'r'): RevisionInput[] {
  const width = String(n - 1).length;
  const id = (i: number) => `${prefix}${String(i).padStart(width, '0')}`;
  return Array.from({ length: n }, (_, i) => rev({ id: id(i), down: i ? [id(i - 1)] : [] }));
}
