// A line above `revision = ...` that says where the revision stands in the graph, in Alembic's words:
// "2 parents · 1 child · merge point", "base · 2 children · branch point", "1 parent · head · core".
// Text only (no command): the facts are the point, and clicking would have nowhere useful to go.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { RevisionMap, RevisionNode } from '../engine/index';
import type { FeatureContext } from './context';
import { count, toRange } from './edit-text';
import { fileAt } from './locate';

export function codeLenses(ctx: FeatureContext, params: CodeLensParams): CodeLens[] {
  if (!ctx.settings().codeLens) return [];
  const at = fileAt(ctx.index, params.textDocument.uri);
  const assignment = at?.file.parsed?.revision;
  if (!at || !assignment || at.file.revisionId === null) return [];
  const map = at.project.indexed.map;
  const node = map.byId.get(at.file.revisionId);
  // For a duplicate id the map holds the other file's revision: describing it here would mislead.
  if (!node || node.file !== at.file.ref.path) return [];
  const range = toRange({ start: assignment.nameSpan.start, end: assignment.value.span.end });
  return [{ range, command: { title: lensTitle(node, map), command: '' } }];
}

/** The parts, in reading order: parents, children, dependencies, then what kind of node it is. */
export function lensTitle(node: RevisionNode, map: RevisionMap): string {
  const parts: string[] = [];
  const missing = node.down.length - node.parents.length;
  if (node.down.length === 0) parts.push('base');
  else parts.push(count(node.down.length, 'parent', 'parents') + (missing > 0 ? ` (${missing} missing)` : ''));
  if (node.children.length > 0) parts.push(count(node.children.length, 'child', 'children'));
  if (node.dependsOn.length > 0) {
    const broken = node.dependsOn.filter((d) => !map.byId.has(d) && !map.labelOwner.has(d)).length;
    parts.push(`depends on ${count(node.dependsOn.length, 'revision', 'revisions')}` + (broken > 0 ? ` (${broken} missing)` : ''));
  }
  const dependents = node.allChildren.length - node.children.length;
  if (dependents > 0) parts.push(count(dependents, 'dependent', 'dependents'));
  if (node.isHead) parts.push(node.isRealHead ? 'head' : 'effective head');
  if (node.isBranchPoint) parts.push('branch point');
  if (node.isMergePoint) parts.push('merge point');
  if (node.labels.length > 0) parts.push(`${node.labels.length === 1 ? 'label' : 'labels'} ${node.labels.join(', ')}`);
  return parts.join(' · ');
}
