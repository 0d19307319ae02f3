// The Connections view's items: each connection with its current revision(s), how many revisions it
// is behind the heads, or why it could not be read; the active one per project marked; grouped by
// project when the workspace has several. Plain data: views/connectionsView.ts makes TreeItems of it.
import type { GraphResult } from '../../../server/src/protocol';
import type { ProjectInfo, ResolvedConnection } from './connections';
import { databasePosition } from './marks';
import { code, escapeMarkdown } from './markdown';
import { projectGroup, type ViewItem } from './historyItems';
import { redactUrl } from '../../../server/src/redactUrl';

/** What the client knows about one connection's version table. */
export type DbState =
  | { status: 'unread' }
  | { status: 'reading' }
  | { status: 'untrusted' }
  | { status: 'ok'; rows: string[]; stamped: boolean; note?: string }
  | { status: 'error'; kind: string; message: string };

export interface ConnectionItem extends ViewItem {
  kind: 'project' | 'connection' | 'revision' | 'notice';
  connectionKey?: string;
  projectId?: string;
  children?: ConnectionItem[];
}

export interface ConnectionsInput {
  projects: readonly ProjectInfo[];
  connections: readonly ResolvedConnection[];
  graphs: ReadonlyMap<string, GraphResult>;
  states: ReadonlyMap<string, DbState>;
  /** Connection keys chosen as active (one per project). */
  active: ReadonlySet<string>;
  /** Problems of the alembic.connections setting, already worded. */
  problems: readonly string[];
  folders: readonly string[];
}

export function connectionRoots(input: ConnectionsInput): ConnectionItem[] {
  const notices: ConnectionItem[] = input.problems.map((message, i) => ({
    kind: 'notice',
    id: `problem:${i}`,
    label: message,
    tooltip: escapeMarkdown(message),
    icon: { id: 'warning', color: 'list.warningForeground' },
    contextValue: 'settingProblem',
  }));
  const withConnections = input.projects.filter((p) => input.connections.some((c) => c.projectId === p.id));
  if (withConnections.length <= 1) return [...notices, ...input.connections.map((c) => connectionItem(c, input))];
  return [
    ...notices,
    ...withConnections.map((p) => projectGroup(p, input.folders, input.connections.filter((c) => c.projectId === p.id).map((c) => connectionItem(c, input)))),
  ];
}

export function connectionItem(c: ResolvedConnection, input: ConnectionsInput): ConnectionItem {
  const state = input.states.get(c.key) ?? { status: 'unread' };
  const graph = input.graphs.get(c.projectId);
  const active = input.active.has(c.key);
  const flags = ['connection', active ? 'active' : 'inactive', c.protected ? 'protected' : '', state.status, c.source.kind === 'setting' ? 'configured' : 'fromIni'];
  const summary = stateSummary(state, graph);
  const children: ConnectionItem[] = [];
  if (state.status === 'ok' && graph) {
    for (const row of state.rows) {
      const node = graph.nodes.find((n) => n.id === row);
      children.push({
        kind: 'revision',
        id: `current:${c.key}:${row}`,
        label: node ? `${row} ${node.message}` : row,
        description: node ? (node.isHead ? 'head' : '') : 'no file declares it',
        icon: node ? { id: 'debug-stackframe-dot', color: 'charts.blue' } : { id: 'warning', color: 'list.warningForeground' },
        contextValue: 'currentRevision',
        open: node ? { file: node.file, line: node.line } : undefined,
      });
    }
  }
  return {
    kind: 'connection',
    id: `conn:${c.key}`,
    label: c.name,
    description: summary.text,
    tooltip: connectionTooltip(c, state, summary.detail, active),
    icon: state.status === 'error' ? { id: 'error', color: 'list.errorForeground' } : active ? { id: 'database', color: 'charts.blue' } : { id: 'database' },
    contextValue: flags.filter(Boolean).join(' '),
    connectionKey: c.key,
    projectId: c.projectId,
    children,
  };
}

const ERROR_TEXT: Record<string, string> = {
  unreachable: 'unreachable',
  timeout: 'timed out',
  auth: 'wrong password or user',
  'no-database': 'no such database',
  'unsupported-url': 'URL not supported',
  password: 'password needed',
  env: 'environment variable missing',
};

/** One line for the description, a sentence for the tooltip. */
export function stateSummary(state: DbState, graph: GraphResult | undefined): { text: string; detail: string; behind?: number } {
  switch (state.status) {
    case 'unread':
      return { text: '', detail: 'Not read yet: use Refresh.' };
    case 'reading':
      return { text: 'reading…', detail: 'Reading the version table…' };
    case 'untrusted':
      return { text: 'workspace not trusted', detail: 'Trust this workspace to let the extension read this database.' };
    case 'error':
      return { text: ERROR_TEXT[state.kind] ?? 'error', detail: state.message };
    case 'ok': {
      const current = state.rows.length === 0 ? (state.stamped ? 'empty version table' : 'not stamped') : state.rows.map((r) => r.slice(0, 12)).join(', ');
      const note = state.note ? ` ${state.note}` : '';
      if (!graph) return { text: current, detail: `At ${current}.${note}` };
      const pos = databasePosition(graph, state.rows);
      if (pos.unknownRows.length > 0) {
        return { text: `${current} · unknown revision`, detail: `The version table names ${pos.unknownRows.join(', ')}, which no migration file declares.` };
      }
      const behind = pos.pendingCount === 0 ? 'up to date' : `${pos.pendingCount} behind`;
      const detail = pos.pendingCount === 0 ? 'At the heads.' : `${pos.pendingCount} revision${pos.pendingCount === 1 ? '' : 's'} to upgrade to the heads.`;
      return { text: `${current} · ${behind}`, detail: detail + note, behind: pos.pendingCount };
    }
  }
}

function connectionTooltip(c: ResolvedConnection, state: DbState, detail: string, active: boolean): string {
  const lines = [`**${escapeMarkdown(c.name)}**${active ? ' (active)' : ''}${c.protected ? ' · protected' : ''}`];
  lines.push(`URL: ${code(redactUrl(c.url))}`);
  if (c.section) lines.push(`Section: ${code(c.section)}`);
  if (c.source.kind === 'ini') lines.push('From the project\'s `sqlalchemy.url`: add a connection to use other databases.');
  if (state.status === 'ok' && state.rows.length > 0) lines.push(`Version table: ${state.rows.map(code).join(', ')}`);
  lines.push(escapeMarkdown(detail));
  return lines.join('\n\n');
}
