import { historyRange, renderHistory } from '../../engine/index';
import { flag, lastValue, revisionList, UsageError } from '../args';
import { CURRENT, VERBOSE } from '../options';
import { json, ok } from '../output';
import { answer, fromOutcome, requireRows } from './common';
import type { CommandDef } from './types';

export const history: CommandDef = {
  name: 'history',
  summary: 'List changeset scripts in chronological order.',
  usage: '',
  positionals: { min: 0, max: 0 },
  options: [
    { key: 'revRange', long: '--rev-range', short: '-r', value: 'REV_RANGE', help: 'specify a revision range; format is [start]:[end]' },
    VERBOSE,
    { key: 'indicateCurrent', long: '--indicate-current', short: '-i', help: 'indicate the current revision (needs --current)' },
    CURRENT,
  ],
  notes: `
Prints what \`alembic history\` prints, newest first. \`current\` in a range, and -i, stand for the
database's rows: give them with --current (-i then marks them, as Alembic does).
--json: {"history": [ids, newest first]}, or {"error": "<Alembic's message>"}.
A bad range fails as Alembic does (FAILED: on stderr, exit 1), and so does a project Alembic
cannot load.`,
  run: (ctx) => {
    const range = lastValue(ctx.args, 'revRange');
    let rows = revisionList(ctx.args, 'current');
    if (flag(ctx.args, 'indicateCurrent')) rows = requireRows(rows, '-i/--indicate-current');
    if (range !== undefined && range.split(':').some((part) => part.trim() === 'current')) {
      rows = requireRows(rows, `-r ${range}`);
    }
    if (range !== undefined && range.trim() === '') throw new UsageError('argument -r/--rev-range: expected [start]:[end]', 'history');
    return answer(ctx, ({ map }) =>
      fromOutcome(ctx, historyRange(map, range ?? ':', rows), (ids) => {
        if (ctx.json) return json({ history: ids });
        const currentRows = flag(ctx.args, 'indicateCurrent') ? rows : undefined;
        return ok(renderHistory(map, { ids, verbose: flag(ctx.args, 'verbose'), currentRows }));
      }),
    );
  },
};
