// What the user reads before a command changes a database: which revisions run, in order, on which
// connection, and the version table afterwards. Also the guard for protected connections.
import type { PlanStepInfo } from '../../../server/src/protocol';
import type { PlanCommand } from './targets';

export interface PlanSummary {
  steps: PlanStepInfo[];
  versionTableAfter: string[];
  warnings: string[];
}

export interface ConfirmInput {
  command: PlanCommand;
  target: string;
  purge?: boolean;
  connectionName: string;
  /** Already without its password. */
  url: string;
  plan: PlanSummary;
}

export interface Confirmation {
  /** The modal's question. */
  message: string;
  /** The plan, one step per line. */
  detail: string;
  /** The confirming button. */
  button: string;
}

const VERB: Record<PlanCommand, string> = { upgrade: 'Upgrade', downgrade: 'Downgrade', stamp: 'Stamp' };

export function planConfirmation(input: ConfirmInput): Confirmation {
  const { command, plan } = input;
  const verb = VERB[command];
  const purge = command === 'stamp' && input.purge ? ' (purging the version table first)' : '';
  const runs = plan.steps.filter((s) => s.revision !== null).length;
  const lines = [`Connection: ${input.connectionName} (${input.url})`];
  if (command === 'stamp') lines.push('No migration script runs: only the version table is rewritten.');
  else lines.push(`Runs ${runs} revision${runs === 1 ? '' : 's'}, in this order:`);
  plan.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${stepLine(s)}`));
  lines.push(`Version table after: ${plan.versionTableAfter.length > 0 ? plan.versionTableAfter.join(', ') : '(empty)'}`);
  for (const w of plan.warnings) lines.push(`Warning: ${w}`);
  return {
    message: `${verb} ${input.connectionName} to ${input.target}${purge}?`,
    detail: lines.join('\n'),
    button: verb,
  };
}

export function stepLine(s: PlanStepInfo): string {
  const from = s.from.length > 0 ? s.from.join(', ') : '<base>';
  const to = s.to.length > 0 ? s.to.join(', ') : '<base>';
  if (s.revision === null) return `stamp ${from} -> ${to}`;
  return `${s.kind} ${s.revision}${s.message ? ` (${s.message})` : ''}`;
}

/** Nothing would change: said instead of asking. */
export function nothingToDo(input: Omit<ConfirmInput, 'url'>): string | null {
  if (input.plan.steps.length > 0) return null;
  if (input.command === 'stamp' && input.purge) return null; // a purge rewrites the table even without steps
  return `${input.connectionName} is already at ${input.target}: nothing to ${input.command}.`;
}

/** Downgrades and stamps always ask; upgrades unless the user turned it off. */
export function needsConfirmation(command: PlanCommand, confirmUpgrade: boolean): boolean {
  return command !== 'upgrade' || confirmUpgrade;
}

/** The prompt of the typed-name guard of a protected connection. */
export function protectedPrompt(connectionName: string, command: PlanCommand): string {
  return `${connectionName} is protected. Type its name to ${command} it.`;
}

/** True only for the exact name (surrounding spaces forgiven, case not). */
export function protectedNameMatches(typed: string | undefined, connectionName: string): boolean {
  return typed !== undefined && typed.trim() === connectionName;
}

export function protectedNameProblem(typed: string, connectionName: string): string | null {
  return protectedNameMatches(typed, connectionName) ? null : `Type ${connectionName} exactly to go on, or press Escape to cancel.`;
}
