// Go to a revision from anywhere: the query matches an id prefix, a branch label (declared, then
// inherited), or words of the message; every query word must match something. Exact ids first, then
// newest first; the list is capped, and the search table is built once per index (10k revisions: ms).
import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { IndexedProject, RevisionNode } from '../engine/index';
import { pathToUri } from '../lsp/uris';
import type { ProjectState } from '../workspaceIndex';
import type { FeatureContext } from './context';
import { revisionTitle, toRange, truncate } from './edit-text';

/** Enough to find anything by typing more; more than this only slows the picker down. */
export const WORKSPACE_SYMBOL_LIMIT = 200;

interface Entry {
  node: RevisionNode;
  id: string;
  /** Labels declared by this revision: they rank above inherited ones, so `core` finds where it starts. */
  declared: string[];
  /** Effective labels (declared and inherited). */
  labels: string[];
  words: string[];
  /** Position in `alembic history` (newest first). */
  rank: number;
}

const tables = new WeakMap<IndexedProject, Entry[]>();

export function workspaceSymbols(ctx: FeatureContext, params: WorkspaceSymbolParams): SymbolInformation[] {
  const words = params.query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const found: { project: ProjectState; entry: Entry; score: number }[] = [];
  for (const project of ctx.index.projects) {
    for (const entry of tableOf(project.indexed)) {
      const score = words.length === 0 ? 0 : scoreOf(entry, words);
      if (score >= 0) found.push({ project, entry, score });
      // With no query there is no ranking to wait for: the newest revisions come first anyway.
      if (words.length === 0 && found.length >= WORKSPACE_SYMBOL_LIMIT) break;
    }
  }
  found.sort((a, b) => a.score - b.score || a.entry.rank - b.entry.rank);
  return found.slice(0, WORKSPACE_SYMBOL_LIMIT).map(({ project, entry }) => symbolOf(project, entry.node));
}

/** The worst match over the query words (lower is better), or -1 when a word matches nothing. */
function scoreOf(e: Entry, words: string[]): number {
  let worst = 0;
  for (const w of words) {
    const s =
      e.id === w ? 0
      : e.id.startsWith(w) ? 1
      : e.declared.includes(w) ? 2
      : e.declared.some((l) => l.startsWith(w)) ? 3
      : e.words.some((x) => x.startsWith(w)) ? 4
      : e.labels.some((l) => l.startsWith(w)) ? 5
      : -1;
    if (s < 0) return -1;
    worst = Math.max(worst, s);
  }
  return worst;
}

function tableOf(indexed: IndexedProject): Entry[] {
  let table = tables.get(indexed);
  if (table) return table;
  const map = indexed.map;
  const order = [...map.history, ...map.nodes.map((n) => n.id)]; // revisions cut off by a cycle last
  const seen = new Set<string>();
  table = [];
  for (const id of order) {
    const node = map.byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    table.push({
      node,
      id: id.toLowerCase(),
      declared: node.branchLabels.map((l) => l.toLowerCase()),
      labels: node.labels.map((l) => l.toLowerCase()),
      words: node.doc.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''),
      rank: table.length,
    });
  }
  tables.set(indexed, table);
  return table;
}

function symbolOf(project: ProjectState, node: RevisionNode): SymbolInformation {
  const literal = project.filesByPath.get(node.file)?.parsed?.revision?.value.span;
  const start = { line: 0, character: 0 };
  return {
    name: truncate(revisionTitle(node, node.branchLabels), 120),
    kind: SymbolKind.Module,
    location: { uri: pathToUri(node.file), range: literal ? toRange(literal) : { start, end: start } },
    containerName: projectName(project),
  };
}

/** The project's folder, and its section when it is not the default `[alembic]`. */
function projectName(project: ProjectState): string {
  const { root, section } = project.config;
  const folder = root.slice(root.lastIndexOf('/') + 1) || root;
  return section === 'alembic' ? folder : `${folder} [${section}]`;
}
