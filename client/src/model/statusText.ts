// The status bar entry: the active connection's revision and how far behind it is, and a warning
// when the project has several heads (the state in which `alembic upgrade head` refuses to run).
import type { GraphResult } from '../../../server/src/protocol';
import { stateSummary, type DbState } from './connectionItems';

export interface StatusInput {
  /** Null: the project has no connection. */
  connectionName: string | null;
  state: DbState | undefined;
  graph: GraphResult | undefined;
  /** When the workspace has several projects, the project's short name. */
  projectLabel?: string;
}

export interface StatusText {
  text: string;
  tooltip: string;
  /** Show with the warning background. */
  warning: boolean;
}

export function statusText(input: StatusInput): StatusText {
  const heads = input.graph?.heads.length ?? 0;
  const headsPart = heads > 1 ? `$(warning) ${heads} heads` : '';
  const headsTip = heads > 1 ? `The project has ${heads} heads (${input.graph!.heads.join(', ')}): \`upgrade head\` and \`revision\` refuse to run until you merge them (Merge Heads…) or name a head.` : '';
  const where = input.projectLabel ? `${input.projectLabel}: ` : '';
  if (input.connectionName === null) {
    return {
      text: [headsPart, `$(database) ${where}no connection`].filter(Boolean).join(' '),
      tooltip: [headsTip, 'No database connection for this project: click to add one.'].filter(Boolean).join('\n\n'),
      warning: heads > 1,
    };
  }
  const state = input.state ?? { status: 'unread' };
  const summary = stateSummary(state, input.graph);
  const icon = state.status === 'error' ? '$(error)' : state.status === 'reading' ? '$(sync~spin)' : '$(database)';
  let detail = summary.text;
  if (state.status === 'ok' && state.rows.length > 1) detail = `${state.rows.length} revisions${summary.behind ? ` · ${summary.behind} behind` : summary.behind === 0 ? ' · up to date' : ''}`;
  return {
    text: [headsPart, `${icon} ${where}${input.connectionName}${detail ? `: ${detail}` : ''}`].filter(Boolean).join(' '),
    tooltip: [`Alembic: ${input.connectionName}`, summary.detail, headsTip, 'Click for Upgrade, Downgrade, Current, Refresh and more.'].filter(Boolean).join('\n\n'),
    warning: heads > 1,
  };
}
