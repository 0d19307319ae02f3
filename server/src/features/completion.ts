// Completion of revision ids inside the strings of `down_revision` and `depends_on` (and branch labels
// in depends_on, the only one of the two where Alembic accepts them). Heads come first, then the rest
// newest first; the edit replaces the whole string content. The file's own revision and everything
// that builds on it are left out: naming them would close a cycle. Items are light (10k revisions give
// 10k items); the full card comes from completionItem/resolve.
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams, type Range } from 'vscode-languageserver';
import type { RevisionMap, RevisionNode } from '../engine/index';
import type { ProjectState } from '../workspaceIndex';
import type { FeatureContext } from './context';
import { currentFile, currentText } from './nav-current';
import { code, oneLine, revisionCard } from './nav-markdown';
import { descendantsOf } from './nav-reach';
import { stringSlotAt, type StringSlot } from './nav-string-at';

export const COMPLETION_TRIGGERS = ["'", '"'];

/** What completionItem/resolve needs to find the item's revision again. */
interface ItemData {
  project: string;
  id: string;
  label?: string;
}

export function completion(ctx: FeatureContext, params: CompletionParams): CompletionList | null {
  const at = currentFile(ctx, params.textDocument.uri);
  if (!at?.file.parsed) return null;
  const text = currentText(ctx, params.textDocument.uri, at.path);
  if (text === null) return null;
  const slot = stringSlotAt(at.file.parsed, text, params.position);
  if (!slot) return null;
  const own = at.file.parsed.revision?.value.kind === 'str' ? at.file.parsed.revision.value.lit.value : at.file.revisionId;
  return { isIncomplete: false, items: completionItems(at.project, slot, own) };
}

export function completionItems(project: ProjectState, slot: StringSlot, own: string | null): CompletionItem[] {
  const map = project.indexed.map;
  const excluded = own === null ? new Set<string>() : descendantsOf(map, own);
  if (own !== null) excluded.add(own);
  for (const s of slot.siblings) excluded.add(s);
  const range: Range = slot.content;
  const items: CompletionItem[] = [];
  let rank = 0;
  const sort = (group: number) => `${group}${String(rank++).padStart(8, '0')}`;
  const add = (node: RevisionNode, group: number) => {
    const message = oneLine(node.doc);
    items.push({
      label: node.id,
      kind: CompletionItemKind.Value,
      detail: node.isHead ? (message ? `head · ${message}` : 'head') : message || undefined,
      sortText: sort(group),
      textEdit: { range, newText: node.id },
      data: { project: project.config.id, id: node.id } satisfies ItemData,
    });
  };
  const ordered = newestFirst(map);
  for (const node of ordered) if (node.isHead && !excluded.has(node.id)) add(node, 0);
  if (slot.variable === 'depends_on') {
    for (const [label, owner] of map.labelOwner) {
      if (excluded.has(owner) || excluded.has(label)) continue;
      const message = oneLine(map.byId.get(owner)?.doc ?? '');
      items.push({
        label,
        kind: CompletionItemKind.Reference,
        detail: `branch label of ${owner}${message ? ' · ' + message : ''}`,
        sortText: sort(1),
        textEdit: { range, newText: label },
        data: { project: project.config.id, id: owner, label } satisfies ItemData,
      });
    }
  }
  for (const node of ordered) if (!node.isHead && !excluded.has(node.id)) add(node, 2);
  return items;
}

/** `alembic history` order, then any revision history leaves out (a broken graph), newest loaded first. */
function newestFirst(map: RevisionMap): RevisionNode[] {
  const out: RevisionNode[] = [];
  const seen = new Set<string>();
  for (const id of map.history) {
    const node = map.byId.get(id);
    if (node && !seen.has(id)) {
      seen.add(id);
      out.push(node);
    }
  }
  for (let i = map.nodes.length - 1; i >= 0; i--) if (!seen.has(map.nodes[i].id)) out.push(map.nodes[i]);
  return out;
}

/** The full card of the item's revision, computed only for the item the user looks at. */
export function resolveCompletion(ctx: FeatureContext, item: CompletionItem): CompletionItem {
  const data = item.data as ItemData | undefined;
  const project = data ? ctx.index.project(data.project) : undefined;
  if (!data || !project || !project.indexed.map.byId.has(data.id)) return item;
  const card = revisionCard(project, data.id);
  const value = data.label === undefined ? card : `Branch label ${code(data.label)}: stands for ${code(data.id)}, the revision declaring it.\n\n${card}`;
  return { ...item, documentation: { kind: MarkupKind.Markdown, value } };
}
