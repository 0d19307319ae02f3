// What `alembic upgrade/downgrade/stamp` would do online, from given alembic_version rows: the scripts in
// run order and the rows after each step (semantics doc §4). Errors are Alembic's CLI texts.
import type { Outcome, Plan, PlanStep, RevisionMap } from '../types';
import { RevOps } from '../graph/ops';
import { catchRevisionErrors, type CatchOptions } from '../graph/reverr';
import { collectDowngrade, collectUpgrade, sortCollected } from './collect';
import { HeadMaintainer, type Step } from './rows';
import { stampSteps } from './stamp';
import { earlyTargetError } from './targets';
import { loadError } from '../graph/loadfail';
import { sortedPython } from '../py-order';

export const RANGE_NOT_ALLOWED = 'Range revision not allowed';

function run(ops: RevOps, rows: readonly string[], steps: Step[]): Plan {
  const rowState = new HeadMaintainer(ops, rows);
  const out: PlanStep[] = [];
  for (const step of steps) {
    rowState.apply(step);
    const rowsAfter = sortedPython(rowState.heads);
    if (step.kind === 'stamp') {
      out.push({ kind: 'stamp', revision: null, from: step.from, to: step.to, rowsAfter });
    } else {
      const id = ops.id(step.rev);
      const down = ops.ix.map.nodes[step.rev].down;
      out.push(
        step.kind === 'upgrade'
          ? { kind: 'upgrade', revision: id, from: [...down], to: [id], rowsAfter }
          : { kind: 'downgrade', revision: id, from: [id], to: [...down], rowsAfter },
      );
    }
  }
  const plan: Plan = {
    steps: out,
    revisions: out.filter((s) => s.revision !== null).map((s) => s.revision!),
    versionTableAfter: sortedPython(rowState.heads),
  };
  if (ops.warnings.length) plan.warnings = [...ops.warnings];
  return plan;
}

function guarded(map: RevisionMap, options: CatchOptions, body: (ops: RevOps) => Plan, early?: () => Error | null): Outcome<Plan> {
  const ops = new RevOps(map);
  return catchRevisionErrors(() => {
    const before = early?.();
    if (before) throw before;
    const failure = loadError(map);
    if (failure) throw failure;
    return body(ops);
  }, options);
}

/** `alembic upgrade <target>` from `rows`. */
export function planUpgrade(map: RevisionMap, rows: string[], target: string): Outcome<Plan> {
  if (target.includes(':')) return { ok: false, error: RANGE_NOT_ALLOWED };
  const options = { ancestor: 'Destination %(end)s is not a valid upgrade target from current head(s)', end: target };
  return guarded(map, options, (ops) => {
    const order = sortCollected(ops, collectUpgrade(ops, target, rows, false, true, true)).reverse();
    return run(ops, rows, order.map((rev) => ({ kind: 'upgrade', rev })));
  }, () => earlyTargetError('upgrade', target, rows));
}

/** `alembic downgrade <target>` from `rows` (rows[0] is the row the database returns first). */
export function planDowngrade(map: RevisionMap, rows: string[], target: string): Outcome<Plan> {
  if (target.includes(':')) return { ok: false, error: RANGE_NOT_ALLOWED };
  const options = { ancestor: 'Destination %(end)s is not a valid downgrade target from current head(s)', end: target };
  return guarded(map, options, (ops) => {
    const order = sortCollected(ops, collectDowngrade(ops, rows, target, true));
    return run(ops, rows, order.map((rev) => ({ kind: 'downgrade', rev })));
  }, () => earlyTargetError('downgrade', target, rows));
}

/** `alembic stamp <targets...> [--purge]` from `rows`. */
export function planStamp(map: RevisionMap, rows: string[], targets: string[], purge: boolean): Outcome<Plan> {
  const start = purge ? [] : rows;
  const options = { multipleHeads: 'Multiple heads are present; please specify a single target revision' };
  return guarded(map, options, (ops) => run(ops, start, stampSteps(ops, targets, start)));
}
