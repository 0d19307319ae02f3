// Branch labels share one namespace with revision ids (RevisionMap._map_branch_labels): a label
// declared twice, or equal to an id, stops Alembic with "Branch name 'x' in revision A already used
// by revision B". Which of the two Alembic names depends on set order, so every declaration is flagged.
import type { IndexedFile, Problem, StrLit } from '../types';
import { problem, q, type RuleContext } from './context';
import { fileName, literalsOf, relatedAt, revisionSpan } from './spans';

interface Declaration {
  file: IndexedFile;
  revision: string;
  lit: StrLit;
}

export function labelsRule(ctx: RuleContext): Problem[] {
  const byLabel = new Map<string, Declaration[]>();
  const files = ctx.files;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (file.revisionId === null) continue;
    const a = file.parsed?.branch_labels;
    if (!a || (a.value.kind !== 'str' && a.value.kind !== 'seq')) continue; // most files declare none
    // A Python set literal drops repeats before Alembic sees them; a tuple or list keeps them.
    const isSet = a?.value.kind === 'seq' && a.value.container === 'set';
    const seen = new Set<string>();
    for (const lit of literalsOf(a)) {
      if (isSet && seen.has(lit.value)) continue;
      seen.add(lit.value);
      const list = byLabel.get(lit.value) ?? [];
      list.push({ file, revision: file.revisionId, lit });
      byLabel.set(lit.value, list);
    }
  }
  const out: Problem[] = [];
  for (const [label, decls] of byLabel) {
    // A label that is not a revision id has no file declaring it as one: known without the index when idsMatchMap.
    const idFiles = ctx.idsMatchMap && !ctx.map.byId.has(label) ? [] : (ctx.filesById.get(label) ?? []);
    for (const d of decls) {
      if (idFiles.length > 0) {
        out.push(
          problem(
            'branch-label-is-revision-id',
            d.file.ref.path,
            d.lit.span,
            `The branch label ${q(label)} is also a revision id (${fileName(idFiles[0])}). Labels and ids share one namespace; Alembic stops with "Branch name '${label}' in revision ${d.revision} already used by revision ${label}". Rename the label.`,
            { related: idFiles.map((f) => relatedAt(f, revisionSpan(f), `revision ${q(label)}`)), data: { label } },
          ),
        );
      }
      const others = decls.filter((o) => o !== d);
      if (others.length === 0) continue;
      const sameRevision = others.every((o) => o.file === d.file);
      const other = others.find((o) => o.file !== d.file) ?? others[0];
      out.push(
        problem(
          'branch-label-conflict',
          d.file.ref.path,
          d.lit.span,
          (sameRevision
            ? `The branch label ${q(label)} is declared twice in this revision.`
            : `The branch label ${q(label)} is also declared by revision ${other.revision} in ${fileName(other.file)}.`) +
            ` Alembic stops with "Branch name '${label}' in revision ${d.revision} already used by revision ${other.revision}". ` +
            (sameRevision ? 'Remove the repeat.' : 'A label names one branch: keep it on the revision that starts the branch and remove or rename the other.'),
          {
            related: others.map((o) => relatedAt(o.file, o.lit.span, `also declares ${q(label)}`)),
            data: { label, revisions: [...new Set(decls.map((x) => x.revision))] },
          },
        ),
      );
    }
  }
  return out;
}
