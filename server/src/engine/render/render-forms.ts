// The two ways Alembic prints one revision: the one-line form (`Script._head_only`, used by heads,
// history, branches and current) and the block form (`Script.log_entry`, used by show and every
// --verbose). Byte-for-byte the same as Alembic 1.8.1 and main, checked on real projects; only the
// order of labels and of `Branches into:` differs, because Alembic takes those from Python sets
// (their order changes with the hash seed); we print them sorted.
import type { RevisionInput, RevisionNode } from '../types';
import { sortedPython } from '../py-order';

export interface LineOptions {
  /** `<parents> -> ` before the id (history). */
  parents?: boolean;
  /** ` (<labels>)` after the id (heads, history, branches). */
  labels?: boolean;
  /** ` (head)`, ` (effective head)`, ` (current)`. Default true. */
  headIndicators?: boolean;
  /** ` (branchpoint)`, ` (mergepoint)`. Default true. */
  treeIndicators?: boolean;
  /** `, <doc>` at the end (history). */
  doc?: boolean;
  /** This revision is a row of alembic_version (history -i). */
  current?: boolean;
}

/** `Script._head_only`: `[<parents> -> ]<rev>[ (labels)][ (head)][ (effective head)][ (current)][ (branchpoint)][ (mergepoint)][, <doc>]`. */
export function revisionLine(node: RevisionNode, options: LineOptions = {}): string {
  const headIndicators = options.headIndicators ?? true;
  const treeIndicators = options.treeIndicators ?? true;
  let text = node.id;
  if (options.parents) {
    const deps = dependenciesText(node);
    text = deps === null ? `${parentsText(node)} -> ${text}` : `${parentsText(node)} (${deps}) -> ${text}`;
  }
  if (options.labels && node.labels.length > 0) text += ` (${sortedLabels(node).join(', ')})`;
  // Alembic prints the head indicators whenever either kind of indicator is asked for.
  if (headIndicators || treeIndicators) {
    if (node.isRealHead) text += ' (head)';
    if (node.isHead && !node.isRealHead) text += ' (effective head)';
    if (options.current) text += ' (current)';
  }
  if (treeIndicators) {
    if (node.isBranchPoint) text += ' (branchpoint)';
    if (node.isMergePoint) text += ' (mergepoint)';
  }
  if (options.doc) text += `, ${node.doc}`;
  return text;
}

/**
 * `Script.log_entry`, ending with the newline after the docstring. Here `(head)` is the versioned
 * head flag, so an effective head shows `(head)`, unlike the one-line form.
 */
export function revisionBlock(node: RevisionNode, options: { current?: boolean } = {}): string {
  let entry = `Rev: ${node.id}`;
  if (node.isHead) entry += ' (head)';
  if (node.isBranchPoint) entry += ' (branchpoint)';
  if (node.isMergePoint) entry += ' (mergepoint)';
  if (options.current) entry += ' (current)';
  entry += '\n';
  entry += node.isMergePoint ? `Merges: ${parentsText(node)}\n` : `Parent: ${parentsText(node)}\n`;
  const deps = dependenciesText(node);
  if (deps !== null) entry += `Also depends on: ${deps}\n`;
  if (node.isBranchPoint) entry += `Branches into: ${sortedPython(node.children).join(', ')}\n`;
  if (node.labels.length > 0) entry += `Branch names: ${sortedLabels(node).join(', ')}\n`;
  entry += `Path: ${node.file}\n`;
  entry += `\n${pythonSplitLines(node.longdoc).map((line) => `    ${line}`).join('\n')}\n`;
  return entry;
}

/**
 * `Script.__str__`, which Alembic puts in its "referenced from ... is not present" warning. It
 * reports the head and branch-point flags as they stand while the map is half built, so the caller
 * passes them in.
 */
export function scriptString(rev: Pick<RevisionInput, 'id' | 'down' | 'doc'>, flags: { head: boolean; branchPoint: boolean }): string {
  return (
    `${isFalsyPythonValue(rev.down) ? '<base>' : rev.down.join(', ')} -> ${rev.id}` +
    (flags.head ? ' (head)' : '') +
    (flags.branchPoint ? ' (branchpoint)' : '') +
    (rev.down.length > 1 ? ' (mergepoint)' : '') +
    `, ${rev.doc}`
  );
}

/** `_format_down_revision`: the versioned parents as written, or `<base>` when the value is falsy. */
function parentsText(node: RevisionNode): string {
  return isFalsyPythonValue(node.down) ? '<base>' : node.down.join(', ');
}

/** The raw depends_on text (labels not resolved), or null when Alembic shows none. */
function dependenciesText(node: RevisionNode): string | null {
  return isFalsyPythonValue(node.dependsOn) ? null : node.dependsOn.join(', ');
}

/** Alembic tests `if not value` after turning a 1-tuple into its element: `()`, `None` and `""` are all falsy. */
function isFalsyPythonValue(items: string[]): boolean {
  return items.length === 0 || (items.length === 1 && items[0] === '');
}

function sortedLabels(node: RevisionNode): string[] {
  return sortedPython(node.labels);
}

/** Python's `str.splitlines()`: every line boundary Python knows, no empty piece after a final one. */
export function pythonSplitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (/(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])$/.test(text)) lines.pop();
  return lines;
}
