import { historyRange, renderBranches } from '../../engine/index';
import { flag } from '../args';
import { VERBOSE } from '../options';
import { json, ok } from '../output';
import { answer, fromOutcome } from './common';
import type { CommandDef } from './types';

export const branches: CommandDef = {
  name: 'branches',
  summary: 'Show current branch points.',
  usage: '',
  positionals: { min: 0, max: 0 },
  options: [VERBOSE],
  notes: `
Prints what \`alembic branches\` prints: each branch point, then its children. Alembic lists the
children in Python set order, which changes from run to run; this tool sorts them.
--json: {"branchpoints": [{"id": ..., "children": [ids]}]}.
Fails (FAILED: on stderr, exit 1) wherever Alembic would: a project it cannot load, or one whose
history it cannot walk (\`alembic branches\` walks the whole history, as \`alembic history\` does).`,
  run: (ctx) =>
    answer(ctx, ({ map }) =>
      // Alembic's branches iterates walk_revisions(): whatever makes `history` fail makes it fail.
      fromOutcome(ctx, historyRange(map, ':'), () => {
        if (ctx.json) {
          return json({
            branchpoints: map.branchPoints.map((id) => ({ id, children: [...(map.byId.get(id)?.children ?? [])] })),
          });
        }
        return ok(renderBranches(map, { verbose: flag(ctx.args, 'verbose') }));
      }),
    ),
};
