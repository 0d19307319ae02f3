// Two files with one revision id. Alembic only warns ("Revision X is present more than once"), keeps
// the later file in its id map but the earlier one in its head/base bookkeeping, and then answers
// inconsistently (a head without "(head)", history failing with "overlaps"). So it is an error here.
import type { Problem } from '../types';
import { problem, q, type RuleContext } from './context';
import { fileName, relatedAt, revisionSpan } from './spans';

export function duplicatesRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  if (ctx.idsMatchMap) return out; // no id is declared twice
  // forEach: a for...of over the entries would make an [id, files] pair for every revision.
  ctx.filesById.forEach((files, id) => {
    if (files.length < 2) return;
    files.forEach((file, i) => {
      const others = files.filter((_, j) => j !== i);
      const winner = i === files.length - 1;
      out.push(
        problem(
          'duplicate-revision-id',
          file.ref.path,
          revisionSpan(file),
          `Revision id ${q(id)} is also declared in ${others.map(fileName).join(', ')}. Alembic warns "Revision ${id} is present more than once", ` +
            `${winner ? 'keeps this file (loaded last)' : 'lets the file loaded last replace this one'} and then gives inconsistent heads and history. ` +
            `Give one of them a new id (and point its children at it).`,
          {
            related: others.map((o) => relatedAt(o, revisionSpan(o), `also declares ${q(id)}`)),
            data: { id, files: files.map((f) => f.ref.path) },
          },
        ),
      );
    });
  });
  return out;
}
