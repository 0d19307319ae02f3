// Words for a run in progress: the progress notification names each revision as Alembic starts it.
import type { StepEvent } from '../../../server/src/node/alembic/types';

export function stepProgressText(step: StepEvent): string | null {
  if (step.phase !== 'started') return null;
  const from = step.from.length > 0 ? step.from.join(', ') : 'base';
  const to = step.to.length > 0 ? step.to.join(', ') : 'base';
  if (step.revision === null) return `stamp ${from} → ${to}`;
  const verb = step.kind === 'downgrade' ? 'Downgrading' : 'Upgrading';
  return `${verb} ${step.revision}${step.message ? `: ${step.message}` : ''}`;
}
