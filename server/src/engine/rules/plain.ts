// The files no rule has anything to say about, told in one pass. Nearly every file of a healthy
// project is one: read, parsed, a plain string id, one existing parent (or None), no labels, no
// dependencies, a header that agrees. Each file-level check of every rule would find nothing there,
// so validateProject runs the rules over the other files only, with the whole project's indexes:
// the same problems, without each rule walking thousands of files of its own.
//
// Conservative by design: `false` only means "let the rules look". A new rule, or a new check in a
// rule, that could find something in such a file must be reflected here (test/engine/assemble-fastpaths
// checks that the rules find nothing in any file this calls plain).
import type { IndexedFile, RevisionMap } from '../types';
import { headerSurelyAgrees } from './header';
import { plainId } from './revision-id';

/** Whether map.byId has the parent a file names: told, or to be looked up (see AssembledFacts). */
export const PARENT_MISSING = 0;
export const PARENT_FOUND = 1;
export const PARENT_UNKNOWN = 2;

/**
 * Per rule, why a plain file gives nothing: file-health (read, no decode or syntax error); variables
 * (a string revision, a None or non-empty string down_revision, labels and depends_on None or absent);
 * revision-id (a plain id, no labels); header (agrees); self-loop and links (the parent is another
 * revision that exists, no depends_on); labels (declares none). The rules over the whole project
 * (duplicates, cycles, heads) read the project's indexes and the map, not the file list.
 */
export function isPlainFile(file: IndexedFile, map: RevisionMap, parentFound = PARENT_UNKNOWN): boolean {
  const parsed = file.parsed;
  if (parsed === null || file.readError !== null || file.revisionId === null) return false;
  if (parsed.decodeErrors.length > 0 || parsed.syntaxErrors.length > 0) return false;
  const revision = parsed.revision?.value;
  if (revision === undefined || revision.kind !== 'str' || !plainId(revision.lit.value)) return false;
  const down = parsed.down_revision?.value;
  if (down === undefined) return false;
  if (down.kind !== 'none') {
    if (down.kind !== 'str') return false;
    const parent = down.lit.value;
    if (parent === '' || parent === file.revisionId) return false;
    if (parentFound === PARENT_UNKNOWN ? !map.byId.has(parent) : parentFound === PARENT_MISSING) return false;
  }
  const labels = parsed.branch_labels?.value.kind;
  if (labels !== undefined && labels !== 'none') return false;
  const deps = parsed.depends_on?.value.kind;
  if (deps !== undefined && deps !== 'none') return false;
  return headerSurelyAgrees(parsed);
}

/**
 * What building the map from these very files told of them (project.ts), sparing the lookups a
 * survey would make: a lookup costs more than everything else a plain file is checked for.
 */
export interface AssembledFacts {
  /**
   * Per file: 1 when map.byId has the one id its down_revision names, 0 when it has not (or the
   * file names itself), 2 when not known (a map lookup answers).
   */
  parentFound: Uint8Array;
  /** RuleContext.idsMatchMap, known to hold or not. */
  idsMatchMap: boolean;
}

/** What validateProject learns of the files in one pass. */
export interface FileSurvey {
  /** The files that are not plain, in order (`files` itself when no file is plain). */
  toCheck: IndexedFile[];
  /** No two files declare one id, and every declared id is a key of map.byId (RuleContext.idsMatchMap). */
  idsMatchMap: boolean;
}

export function surveyFiles(files: IndexedFile[], map: RevisionMap, known?: AssembledFacts): FileSurvey {
  const toCheck: IndexedFile[] = [];
  if (known) {
    for (let i = 0; i < files.length; i++) if (!isPlainFile(files[i], map, known.parentFound[i])) toCheck.push(files[i]);
    return { toCheck: toCheck.length === files.length ? files : toCheck, idsMatchMap: known.idsMatchMap };
  }
  // Each file's id marks its node; a node marked twice (or none to mark) ends the proof. A node is
  // marked at its position, after checking it is there (a map made elsewhere may number them oddly).
  const nodes = map.nodes;
  const marked = new Uint8Array(nodes.length);
  let idsMatchMap = true;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (!isPlainFile(file, map)) toCheck.push(file);
    if (!idsMatchMap || file.revisionId === null) continue;
    const node = map.byId.get(file.revisionId);
    const at = node === undefined ? -1 : node.loadIndex;
    if (at >= 0 && at < nodes.length && nodes[at] === node && marked[at] === 0) marked[at] = 1;
    else idsMatchMap = false;
  }
  return { toCheck: toCheck.length === files.length ? files : toCheck, idsMatchMap };
}
