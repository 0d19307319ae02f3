import { resolveRevisions } from '../../engine/index';
import { json, lines, ok } from '../output';
import { answer, fromOutcome } from './common';
import type { CommandDef } from './types';

export const resolve: CommandDef = {
  name: 'resolve',
  summary: 'Resolve a revision identifier (as `alembic show` takes it) to full revision ids.',
  usage: 'ID',
  positionals: { min: 1, max: 1 },
  options: [],
  notes: `
Prints the full revision ids ID names, one per line: a full id, a unique prefix, a branch label,
head, heads, label@head, -1... --json: {"revisions": [ids]}.
When Alembic would fail (unknown or ambiguous id, several heads for \`head\`...), prints
FAILED: <Alembic's message> on stderr (--json: {"error": "<Alembic's message>"}) and exits 1;
so does a project Alembic cannot load.`,
  run: (ctx) =>
    answer(ctx, ({ map }) =>
      fromOutcome(ctx, resolveRevisions(map, ctx.positionals[0]), (ids) =>
        ctx.json ? json({ revisions: ids }) : ok(lines(ids)),
      ),
    ),
};
