// The Markdown card describing one revision, shared by hover and completion's documentation:
// message, date, file, links both ways, labels, its place in the graph and how much lies around it.
import type { RevisionNode } from '../engine/index';
import type { ProjectState } from '../workspaceIndex';
import { declarationsOf } from './nav-resolve';
import { reachOf } from './nav-reach';

/** Longest list shown in full; a branch point with hundreds of children stays readable. */
const LIST_LIMIT = 10;

export function revisionCard(project: ProjectState, id: string): string {
  const map = project.indexed.map;
  const node = map.byId.get(id);
  if (!node) return `Revision ${code(id)} is not in the revision map.`;
  const decls = declarationsOf(project, id);
  const winner = decls.find((d) => d.file.ref.path === node.file) ?? decls[decls.length - 1];
  const lines: string[] = [];
  lines.push(`**Revision ${code(id)}**${node.doc ? ': ' + escape(oneLine(node.doc)) : ''}`);
  const roles = rolesOf(node);
  if (roles.length > 0) lines.push('', `*${roles.join(' · ')}*`);
  const facts: string[] = [];
  const date = winner?.file.parsed?.header.createDate?.text;
  if (date) facts.push(`Created: ${escape(date)}`);
  facts.push(`File: ${code(relativePath(project, node.file))}`);
  facts.push(`Parents: ${node.down.length === 0 ? 'none (a base)' : list(node.down.map((p) => linked(p, map.byId.has(p))))}`);
  facts.push(`Children: ${node.children.length === 0 ? 'none' : list(node.children.map(code))}`);
  if (node.dependsOn.length > 0) facts.push(`Depends on: ${list(node.dependsOn.map((d) => dependency(project, d)))}`);
  const dependents = node.allChildren.filter((c) => !node.children.includes(c));
  if (dependents.length > 0) facts.push(`Dependents (depends_on): ${list(dependents.map(code))}`);
  if (node.labels.length > 0) facts.push(`Branch labels: ${list(node.labels.map((l) => code(l) + (node.branchLabels.includes(l) ? ' (declared here)' : ' (inherited)')))}`);
  const reach = reachOf(map, id);
  facts.push(`Between base and it: ${count(reach.below)} (its ancestors through down_revision and depends_on)`);
  facts.push(`Between it and the head(s): ${count(reach.above)} (its descendants)`);
  lines.push('', ...facts.map((f) => `- ${f}`));
  if (decls.length > 1) {
    const files = decls.map((d) => code(relativePath(project, d.file.ref.path)));
    lines.push('', `**Duplicate id**: declared by ${decls.length} files (${files.join(', ')}). Alembic keeps ${code(relativePath(project, node.file))}; give the other file a new revision id.`);
  }
  return lines.join('\n');
}

/** A message on one line (Script.doc may wrap). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function rolesOf(node: RevisionNode): string[] {
  const roles: string[] = [];
  if (node.isRealHead) roles.push('head');
  else if (node.isHead) roles.push('effective head (only depends_on builds on it)');
  if (node.isBase) roles.push('base');
  if (node.isBranchPoint) roles.push('branch point');
  if (node.isMergePoint) roles.push('merge point');
  return roles;
}

function dependency(project: ProjectState, text: string): string {
  const map = project.indexed.map;
  if (map.byId.has(text)) return code(text);
  const owner = map.labelOwner.get(text);
  return owner !== undefined ? `${code(text)} (label of ${code(owner)})` : `${code(text)} (not found)`;
}

function linked(id: string, exists: boolean): string {
  return exists ? code(id) : `${code(id)} (not found)`;
}

function count(n: number): string {
  return n === 1 ? '1 revision' : `${n} revisions`;
}

function list(items: string[]): string {
  if (items.length <= LIST_LIMIT) return items.join(', ');
  return `${items.slice(0, LIST_LIMIT).join(', ')} and ${items.length - LIST_LIMIT} more`;
}

/** The path from the project's root (where alembic.ini is), as a user would type it. */
export function relativePath(project: ProjectState, path: string): string {
  const root = project.config.root.replace(/\/+$/, '');
  return path.startsWith(root + '/') ? path.slice(root.length + 1) : path;
}

/** An inline code span that survives backticks in the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Plain text made inert in Markdown (a message may hold `*`, `_`, `<`...); never at a line's start here. */
export function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, (c) => '\\' + c);
}
