// When an edit leaves the revision graph alone. The graph and the project-level rules read a file's
// revision id, the values of down_revision / depends_on / branch_labels (and how the labels are
// written: a set literal drops repeats) and its docstring; everything else a file holds (its body,
// comments, the exact positions) only matters to the file's own rules and to where problems point.
import type { Assignment, IndexedFile } from '../engine/index';

/** Whether two versions of one file give the revision map the same edges, ids and labels. */
export function sameGraphFacts(a: IndexedFile, b: IndexedFile): boolean {
  if (a.revisionId !== b.revisionId || (a.parsed === null) !== (b.parsed === null)) return false;
  const pa = a.parsed;
  const pb = b.parsed;
  if (pa === null || pb === null) return true;
  return (
    sameValues(pa.down_revision, pb.down_revision) &&
    sameValues(pa.depends_on, pb.depends_on) &&
    labelShape(pa.branch_labels) === labelShape(pb.branch_labels) &&
    sameValues(pa.branch_labels, pb.branch_labels)
  );
}

/** Whether the docstring (the revision's message, `Script.doc` / `longdoc`) is the same. */
export function sameDocstring(a: IndexedFile, b: IndexedFile): boolean {
  return (a.parsed?.docstring?.value ?? null) === (b.parsed?.docstring?.value ?? null);
}

/** The strings a variable holds as the graph reads them: one for a str, the items of a sequence. */
function sameValues(a: Assignment | undefined, b: Assignment | undefined): boolean {
  const va = a?.value;
  const vb = b?.value;
  const xs = va?.kind === 'str' ? [va.lit] : va?.kind === 'seq' ? va.items : [];
  const ys = vb?.kind === 'str' ? [vb.lit] : vb?.kind === 'seq' ? vb.items : [];
  if (xs.length !== ys.length) return false;
  for (let i = 0; i < xs.length; i++) if (xs[i].value !== ys[i].value) return false;
  return true;
}

/** How the labels are written, as far as the label rule tells them apart. */
function labelShape(a: Assignment | undefined): string {
  const v = a?.value;
  if (v?.kind === 'seq') return `seq:${v.container}`;
  return v?.kind === 'str' ? 'str' : '';
}
