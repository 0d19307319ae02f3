// The History view's items, computed from the server's graphs and the databases' positions: one
// group per project when there are several, revisions newest first (`alembic history` order), each
// with its structure icon (head, base, branch point, merge, broken), its state on the project's
// active connection, and a Markdown tooltip. Plain data: views/historyView.ts turns it into TreeItems.
import type { GraphNode, GraphResult } from '../../../server/src/protocol';
import { relativeConfig, type ProjectInfo } from './connections';
import type { DatabasePosition, RevisionMark } from './marks';
import { code, escapeMarkdown } from './markdown';

export interface ItemIcon {
  /** A codicon name. */
  id: string;
  /** A theme color id. */
  color?: string;
}

/** What the History and Connections views' items share: views/treeItems.ts makes a TreeItem of either. */
export interface ViewItem {
  /** Unique in the view. */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon: ItemIcon;
  /** Space-separated flags for `viewItem =~ /\bflag\b/` menu conditions. */
  contextValue: string;
  /** Where a click takes the user. */
  open?: { file: string; line: number };
}

export interface HistoryItem extends ViewItem {
  kind: 'project' | 'revision' | 'notice';
  projectId: string;
  revision?: string;
  children?: HistoryItem[];
}

export interface ProjectPosition {
  connectionName: string;
  position: DatabasePosition;
}

export interface HistoryInput {
  projects: readonly ProjectInfo[];
  graphs: ReadonlyMap<string, GraphResult>;
  /** The active connection's position, per project (absent: none selected, or not read yet). */
  positions: ReadonlyMap<string, ProjectPosition>;
  folders: readonly string[];
}

/** The view's top level: the revisions themselves for one project, a group per project otherwise. */
export function historyRoots(input: HistoryInput): HistoryItem[] {
  const projects = sortProjects(input.projects, input.folders);
  if (projects.length === 1) return projectChildren(projects[0], input);
  return projects.map((p) => ({
    ...projectGroup(p, input.folders, projectChildren(p, input)),
    description: `${p.revisionCount} revision${p.revisionCount === 1 ? '' : 's'}${p.headCount > 1 ? ` · ${p.headCount} heads` : ''}`,
    tooltip: `${code(p.configFile ?? p.scriptLocation)}\n\nScripts: ${code(p.scriptLocation)}`,
  }));
}

/** A project's group in a view that shows several projects (both views group the same way). */
export function projectGroup<C>(p: ProjectInfo, folders: readonly string[], children: C[]): ViewItem & { kind: 'project'; projectId: string; children: C[] } {
  return {
    kind: 'project',
    id: `project:${p.id}`,
    label: projectLabel(p, folders),
    icon: { id: 'folder-library' },
    contextValue: 'project',
    projectId: p.id,
    children,
  };
}

export function sortProjects(projects: readonly ProjectInfo[], folders: readonly string[]): ProjectInfo[] {
  return [...projects].sort((a, b) => projectLabel(a, folders).localeCompare(projectLabel(b, folders)) || a.id.localeCompare(b.id));
}

export function projectLabel(p: ProjectInfo, folders: readonly string[]): string {
  let where = relativeConfig(p, folders) ?? p.scriptLocation;
  // In a multi-root workspace every project's config may be "alembic.ini": name its folder too.
  if (folders.length > 1) {
    const file = p.configFile ?? p.scriptLocation;
    const folder = folders.find((f) => file === f || file.startsWith(f.endsWith('/') ? f : `${f}/`));
    if (folder) where = `${folder.slice(folder.replace(/\/+$/, '').lastIndexOf('/') + 1).replace(/\/+$/, '')}: ${where}`;
  }
  return p.section && p.section !== 'alembic' ? `${where} [${p.section}]` : where;
}

function projectChildren(p: ProjectInfo, input: HistoryInput): HistoryItem[] {
  const graph = input.graphs.get(p.id);
  if (!graph) return [];
  const at = input.positions.get(p.id);
  const items: HistoryItem[] = [];
  for (const row of at?.position.unknownRows ?? []) {
    items.push({
      kind: 'notice',
      id: `unknown:${p.id}:${row}`,
      label: `${at!.connectionName} is at ${row}, which no file declares`,
      description: 'restore the file, or Stamp with purge',
      tooltip: `The version table of **${escapeMarkdown(at!.connectionName)}** holds ${code(row)}, but no migration file of this project declares it (deleted, renamed, or on another branch). Restore the file, or use Stamp… with purge to rewrite the version table.`,
      icon: { id: 'warning', color: 'list.warningForeground' },
      contextValue: 'notice',
      projectId: p.id,
    });
  }
  const multipleHeads = graph.heads.length > 1;
  for (const n of graph.nodes) items.push(revisionItem(p.id, n, multipleHeads, at));
  return items;
}

function revisionItem(projectId: string, n: GraphNode, multipleHeads: boolean, at: ProjectPosition | undefined): HistoryItem {
  const mark = at?.position.marks.get(n.id);
  const flags = ['revision'];
  if (n.isHead) flags.push('head');
  if (n.isBase) flags.push('base');
  if (n.isMergePoint) flags.push('merge');
  if (n.isBranchPoint) flags.push('branchpoint');
  if (n.isBroken) flags.push('broken');
  if (mark) flags.push(mark);
  // Without a known position every move is offered; Alembic's plan says what it would do.
  if (mark !== 'applied' && mark !== 'current') flags.push('canUpgrade');
  if (mark !== 'pending') flags.push('canDowngrade');
  if (n.isHead && multipleHeads) flags.push('mergeable');
  const description = [mark ?? '', labelsText(n), dateText(n.createDate)].filter(Boolean).join(' · ');
  return {
    kind: 'revision',
    id: `rev:${projectId}:${n.id}`,
    label: `${n.id} ${n.message || '(no message)'}`,
    description,
    tooltip: revisionTooltip(n, at?.connectionName, mark),
    icon: revisionIcon(n, mark),
    contextValue: flags.join(' '),
    projectId,
    revision: n.id,
    open: { file: n.file, line: n.line },
  };
}

/** Structure decides the shape (broken first: it needs attention), the database position the color. */
export function revisionIcon(n: GraphNode, mark: RevisionMark | undefined): ItemIcon {
  if (n.isBroken) return { id: 'error', color: 'list.errorForeground' };
  const id = n.isMergePoint ? 'git-merge' : n.isBranchPoint ? 'repo-forked' : n.isHead ? 'arrow-circle-up' : n.isBase ? 'home' : 'git-commit';
  const color = mark === 'current' ? 'charts.blue' : mark === 'applied' ? 'charts.green' : undefined;
  return color ? { id, color } : { id };
}

export function revisionTooltip(n: GraphNode, connectionName: string | undefined, mark: RevisionMark | undefined): string {
  const kinds = [n.isHead && 'head', n.isBase && 'base', n.isBranchPoint && 'branch point', n.isMergePoint && 'merge point', n.isBroken && 'broken'].filter(Boolean);
  const lines = [`${code(n.id)} ${escapeMarkdown(n.message || '(no message)')}`];
  if (kinds.length > 0) lines.push(`*${kinds.join(' · ')}*`);
  lines.push(`Parents: ${n.downRevisions.length === 0 ? '\\<base\\>' : n.downRevisions.map(code).join(', ')}`);
  if (n.dependsOn.length > 0) lines.push(`Depends on: ${n.dependsOn.map(code).join(', ')}`);
  if (n.labels.length > 0) lines.push(`Branch labels: ${n.labels.map(code).join(', ')}`);
  if (n.createDate) lines.push(`Created: ${escapeMarkdown(n.createDate)}`);
  if (connectionName && mark) lines.push(`On **${escapeMarkdown(connectionName)}**: ${mark}`);
  if (n.isBroken) lines.push('A parent or dependency names no revision: open the file to see the problem and its quick fixes.');
  lines.push(code(n.file));
  return lines.join('\n\n');
}

function labelsText(n: GraphNode): string {
  return n.labels.length > 0 ? `(${n.labels.join(', ')})` : '';
}

/** `2026-11-23 22:15:38.689867` -> `2026-11-23`: the day fits beside the mark; the tooltip has the time. */
function dateText(d: string | null): string {
  if (!d) return '';
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2})?/.exec(d.trim());
  return m ? m[1] : d.trim();
}
