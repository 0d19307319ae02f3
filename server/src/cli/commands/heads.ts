import { renderHeads } from '../../engine/index';
import { flag } from '../args';
import { VERBOSE } from '../options';
import { json, ok } from '../output';
import { answer } from './common';
import type { CommandDef } from './types';

export const heads: CommandDef = {
  name: 'heads',
  summary: 'Show current available heads in the script directory.',
  usage: '',
  positionals: { min: 0, max: 0 },
  options: [
    VERBOSE,
    { key: 'resolveDependencies', long: '--resolve-dependencies', help: 'treat dependency versions as down revisions' },
  ],
  notes: `
Prints what \`alembic heads\` prints: one line per head, in Alembic's load order (files sorted by
name, as current Alembic reads them). --json: {"heads": [ids]}.
When Alembic would fail to load the project (a broken down_revision or depends_on, a cycle, a file
it cannot import...), prints FAILED: with Alembic's message on stderr and exits 1, as Alembic
refuses too; \`check\` lists every problem.`,
  run: (ctx) =>
    answer(ctx, ({ map }) => {
      const resolveDependencies = flag(ctx.args, 'resolveDependencies');
      if (ctx.json) return json({ heads: [...(resolveDependencies ? map.realHeads : map.heads)] });
      return ok(renderHeads(map, { verbose: flag(ctx.args, 'verbose'), resolveDependencies }));
    }),
};
