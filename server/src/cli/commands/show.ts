import { renderShow, resolveRevisions } from '../../engine/index';
import type { Outcome, RevisionMap } from '../../engine/index';
import { revisionList } from '../args';
import { revisionJson } from '../jsonShapes';
import { CURRENT } from '../options';
import { json, ok } from '../output';
import { answer, fromOutcome, requireRows } from './common';
import type { CommandDef } from './types';

export const show: CommandDef = {
  name: 'show',
  summary: 'Show the revision(s) denoted by the given symbol.',
  usage: 'REV',
  positionals: { min: 1, max: 1 },
  options: [CURRENT],
  notes: `
Prints what \`alembic show REV\` prints: the long form of each revision REV names (an id, a
unique prefix, a branch label, head, heads, label@head, -1...). \`show current\` shows the rows
given with --current. --json: {"revisions": [{"id", "file", "down_revisions", "depends_on",
"branch_labels", "message"}]}, or {"error": "<Alembic's message>"}.
An identifier Alembic cannot resolve fails as Alembic does (FAILED: on stderr, exit 1), and so does
a project Alembic cannot load.`,
  run: (ctx) => {
    const rev = ctx.positionals[0];
    const rows = rev === 'current' ? requireRows(revisionList(ctx.args, 'current'), 'show current') : null;
    return answer(ctx, ({ map }) => {
      const outcome = rows === null ? resolveRevisions(map, rev) : resolveEach(map, rows);
      return fromOutcome(ctx, outcome, (ids) => {
        if (ctx.json) return json({ revisions: ids.map((id) => revisionJson(map.byId.get(id)!)) });
        return ok(renderShow(map, ids));
      });
    });
  },
};

/** Alembic resolves the rows of `show current` as a tuple: each one, concatenated. */
function resolveEach(map: RevisionMap, rows: string[]): Outcome<string[]> {
  const ids: string[] = [];
  for (const row of rows) {
    const one = resolveRevisions(map, row);
    if (!one.ok) return one;
    ids.push(...one.value);
  }
  return { ok: true, value: ids };
}
