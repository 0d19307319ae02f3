// The exact stdout of `alembic heads`, `history`, `branches` and `show` (command.py), built from the
// one-line and block forms in render-forms.ts. Each Alembic print adds a newline, so every function
// returns text ending in one (or nothing, for an empty listing).
import type { RevisionMap, RevisionNode } from '../types';
import { revisionBlock, revisionLine } from './render-forms';
import { sortedPython } from '../py-order';

export { revisionBlock, revisionLine, scriptString, pythonSplitLines } from './render-forms';
export type { LineOptions } from './render-forms';

export interface HeadsOptions {
  verbose?: boolean;
  /** `--resolve-dependencies`: the real heads (no effective heads) instead of the versioned heads. */
  resolveDependencies?: boolean;
}

/** `alembic heads`: labels and head indicators, no tree indicators; `-v` prints blocks. */
export function renderHeads(map: RevisionMap, options: HeadsOptions = {}): string {
  const ids = options.resolveDependencies ? map.realHeads : map.heads;
  return nodesOf(map, ids)
    .map((node) => print(options.verbose ? revisionBlock(node) : revisionLine(node, { labels: true, treeIndicators: false })))
    .join('');
}

export interface HistoryOptions {
  /** The revisions to print, in order (from `historyRange`); default: the whole history. */
  ids?: string[];
  verbose?: boolean;
  /** The alembic_version rows, for `--indicate-current`: those revisions get `(current)`. */
  currentRows?: string[];
}

/** `alembic history`: `<parents> -> <rev> (labels) (indicators), <doc>` newest first; `-v` prints blocks. */
export function renderHistory(map: RevisionMap, options: HistoryOptions = {}): string {
  const current = new Set(options.currentRows ?? []);
  return nodesOf(map, options.ids ?? map.history)
    .map((node) => {
      const isCurrent = current.has(node.id);
      return print(
        options.verbose
          ? revisionBlock(node, { current: isCurrent })
          : revisionLine(node, { parents: true, labels: true, doc: true, current: isCurrent }),
      );
    })
    .join('');
}

/**
 * `alembic branches`: for each branch point (history order), its line, then one ` -> child` line
 * per versioned child indented by the id's length, then an empty line. Children come from a
 * Python set in Alembic; we sort them.
 */
export function renderBranches(map: RevisionMap, options: { verbose?: boolean } = {}): string {
  const blocks: string[] = [];
  for (const node of nodesOf(map, map.history)) {
    if (!node.isBranchPoint) continue;
    const head = options.verbose ? revisionBlock(node) : revisionLine(node, { labels: true });
    const indent = ' '.repeat([...node.id].length);
    const children = nodesOf(map, sortedPython(node.children)).map(
      (child) => `${indent} -> ${revisionLine(child, { labels: true, doc: options.verbose })}`,
    );
    blocks.push(print(`${head}\n${children.join('\n')}\n`));
  }
  return blocks.join('');
}

/** `alembic show <rev>`: one block per resolved revision (resolve the identifier with `resolveRevisions`). */
export function renderShow(map: RevisionMap, ids: string[]): string {
  return nodesOf(map, ids)
    .map((node) => print(revisionBlock(node)))
    .join('');
}

/** `Config.print_stdout`: the text and a newline. */
function print(text: string): string {
  return `${text}\n`;
}

function nodesOf(map: RevisionMap, ids: readonly string[]): RevisionNode[] {
  const out: RevisionNode[] = [];
  for (const id of ids) {
    const node = map.byId.get(id);
    if (node) out.push(node);
  }
  return out;
}

export interface CurrentOptions {
  /** The effective current heads (the rows reduced as `get_all_current` does), in display order. */
  ids: string[];
  verbose?: boolean;
  /** For `-v`: the database URL as Alembic shows it (password already masked as `***`). */
  url?: string;
}

/**
 * `alembic current`: id plus head and tree indicators, no labels; `-v` adds a
 * `Current revision(s) for <url>:` line and prints blocks. Alembic's order is set order.
 */
export function renderCurrent(map: RevisionMap, options: CurrentOptions): string {
  const header = options.verbose ? print(`Current revision(s) for ${options.url ?? ''}:`) : '';
  return header + nodesOf(map, options.ids).map((node) => print(options.verbose ? revisionBlock(node) : revisionLine(node))).join('');
}
