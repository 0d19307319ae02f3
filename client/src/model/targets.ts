// The targets offered by Upgrade…, Downgrade… and Stamp…: Alembic's symbolic names first (only where
// they mean something for this graph and database), then the revisions themselves. The server's
// `alembic/plan` decides what a choice really does; this only keeps the list short and sensible.
import type { GraphResult } from '../../../server/src/protocol';
import { databasePosition } from './marks';

export type PlanCommand = 'upgrade' | 'downgrade' | 'stamp';

export interface TargetChoice {
  /** What Alembic is given: `heads`, `+1`, `core@head`, an id. */
  target: string;
  label: string;
  description: string;
}

/** `rows` null: the database position is unknown, so every revision is offered. */
export function targetChoices(command: PlanCommand, graph: GraphResult, rows: readonly string[] | null): TargetChoice[] {
  const out: TargetChoice[] = [];
  const add = (target: string, description: string) => out.push({ target, label: target, description });
  const marks = rows ? databasePosition(graph, rows).marks : null;
  const message = (id: string) => graph.nodes.find((n) => n.id === id)?.message ?? '';
  const one = graph.heads.length === 1;
  if (command === 'upgrade' || command === 'stamp') {
    add('heads', graph.heads.length > 1 ? `all ${graph.heads.length} heads` : 'the latest revision');
    if (one) add('head', `${graph.heads[0]} ${message(graph.heads[0])}`.trim());
    for (const label of Object.keys(graph.labels).sort()) add(`${label}@head`, `the head of branch ${label}`);
  }
  if (command === 'upgrade' && rows && rows.length <= 1 && marks && [...marks.values()].includes('pending')) add('+1', 'the next revision');
  if (command === 'downgrade' && rows && rows.length === 1) add('-1', `the revision before ${rows[0]}`);
  if (command === 'downgrade' || command === 'stamp') add('base', command === 'stamp' ? 'no revision: empty the version table' : 'undo every revision');
  for (const n of graph.nodes) {
    const mark = marks?.get(n.id);
    // Upgrading to an applied revision, or downgrading to a pending one, is a no-op or an error.
    if (command === 'upgrade' && marks && mark !== 'pending') continue;
    if (command === 'downgrade' && marks && mark !== 'applied') continue;
    out.push({ target: n.id, label: n.id, description: [n.message, mark === 'current' ? '(current)' : ''].filter(Boolean).join(' ') });
  }
  return out;
}

/** Why a typed target is malformed, or null (Alembic's own rules decide the rest, through the plan). */
export function targetProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return 'Type a revision id, head, heads, base, +N, -N or label@head.';
  if (/\s/.test(t) && !/^[^\s,]+(\s*,\s*[^\s,]+)+$/.test(t)) return 'One target only (or several ids separated by commas for stamp).';
  if (t.includes(':')) return 'Ranges (a:b) are for Preview SQL only; pick one target.';
  return null;
}

/** The `--head` choices of New Revision… when the project has several heads (one head needs no question). */
export function headChoices(graph: GraphResult): TargetChoice[] {
  if (graph.heads.length <= 1) return [];
  const out: TargetChoice[] = graph.heads.map((h) => {
    const n = graph.nodes.find((x) => x.id === h);
    return { target: h, label: h, description: [n?.message, n?.labels.length ? `(${n.labels.join(', ')})` : ''].filter(Boolean).join(' ') };
  });
  for (const label of Object.keys(graph.labels).sort()) out.push({ target: `${label}@head`, label: `${label}@head`, description: `the head of branch ${label}` });
  out.push({ target: 'heads', label: 'heads', description: `all ${graph.heads.length} heads: the new revision merges them` });
  return out;
}
