import { planDowngrade, planStamp, planUpgrade } from '../../engine/index';
import type { Plan, PlanStep, RevisionMap } from '../../engine/index';
import { flag, revisionList, UsageError } from '../args';
import { json, lines, ok } from '../output';
import { answer, fromOutcome } from './common';
import type { CommandDef } from './types';

const KINDS = ['upgrade', 'downgrade', 'stamp'] as const;

export const plan: CommandDef = {
  name: 'plan',
  summary: 'List the scripts an upgrade, downgrade or stamp would run, and the version table after it.',
  usage: '{upgrade,downgrade,stamp} TARGET...',
  positionals: { min: 2, max: Infinity },
  options: [
    {
      key: 'from',
      long: '--from',
      value: 'REV[,REV]',
      repeatable: true,
      help: "the alembic_version rows before the command (default: none, an empty table)",
    },
    { key: 'purge', long: '--purge', help: 'stamp only: unconditionally erase the version table before stamping' },
  ],
  notes: `
Prints the \`Running upgrade a -> b, doc\` lines Alembic logs for each step (without the log
prefix), then the rows of alembic_version after the command. stamp takes one or more targets.
--json: {"revisions": [the scripts run, in order], "version_table_after": [rows, sorted]},
or {"error": "<Alembic's message>"}.
When Alembic would refuse (unknown target, several heads for \`head\`, an unknown row...), prints
FAILED: <Alembic's message> on stderr and exits 1; so does a project Alembic cannot load.`,
  run: (ctx) => {
    const [kind, ...targets] = ctx.positionals;
    if (!(KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(`argument kind: invalid choice: '${kind}' (choose from 'upgrade', 'downgrade', 'stamp')`, 'plan');
    }
    if (kind !== 'stamp' && targets.length > 1) {
      throw new UsageError(`${kind} takes one target, got ${targets.length}: ${targets.join(' ')}`, 'plan');
    }
    const purge = flag(ctx.args, 'purge');
    if (purge && kind !== 'stamp') throw new UsageError('--purge applies to stamp only', 'plan');
    const rows = revisionList(ctx.args, 'from') ?? [];
    return answer(ctx, ({ map }) => {
      const outcome =
        kind === 'upgrade'
          ? planUpgrade(map, rows, targets[0])
          : kind === 'downgrade'
            ? planDowngrade(map, rows, targets[0])
            : planStamp(map, rows, targets, purge);
      return fromOutcome(ctx, outcome, (p) => {
        // Python warnings Alembic prints on the way (e.g. an ambiguous `downgrade -1`).
        const warnings = (p.warnings ?? []).map((w) => `warning: ${w}\n`).join('');
        const result = ctx.json ? json({ revisions: p.revisions, version_table_after: p.versionTableAfter }) : ok(planText(map, p));
        return { ...result, stderr: warnings + result.stderr };
      });
    });
  },
};

function planText(map: RevisionMap, p: Plan): string {
  const after = p.versionTableAfter.length ? p.versionTableAfter.join(', ') : '(empty)';
  return lines([...p.steps.map((s) => stepLine(map, s)), `Version table after: ${after}`]);
}

/** `MigrationStep.__str__`: `<name> <from> -> <to>`, plus `, <doc>` when the script has one. */
function stepLine(map: RevisionMap, step: PlanStep): string {
  const name = step.kind === 'stamp' ? 'stamp_revision' : step.kind;
  const doc = step.revision === null ? '' : (map.byId.get(step.revision)?.doc ?? '');
  return `Running ${name} ${step.from.join(', ')} -> ${step.to.join(', ')}${doc ? ', ' + doc : ''}`;
}
