// The findings that depend on one file alone (FILE_RULES), for any subset of a project's files. The
// language server keeps them per file and re-runs them only for the file that was edited; together
// with the project-level findings they are exactly what validateProject gives.
import type { IndexedFile, Problem, ProjectConfig, RevisionMap } from '../types';
import { buildRevisionMap } from '../graph/graph';
import { makeContext } from './context';
import { dedupeProblems, FILE_RULES, runRules } from './validate';
import { isPlainFile, PARENT_FOUND } from './plain';

let emptyMap: RevisionMap | null = null;

/**
 * The FILE_RULES findings of `files`, grouped by file path, each group deduplicated (not sorted).
 * Files without findings are absent. The rules never read the map, so they get an empty one.
 */
export function fileProblemsByPath(config: ProjectConfig, files: IndexedFile[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  if (files.length === 0) return out;
  const map = (emptyMap ??= buildRevisionMap([]));
  // A plain file (plain.ts) gives no finding; whether its parent exists is no file rule's concern.
  const checked = files.filter((f) => !isPlainFile(f, map, PARENT_FOUND));
  const ctx = makeContext({ config, files: checked, map });
  for (const p of dedupeProblems(runRules(FILE_RULES, ctx))) {
    const list = out.get(p.file);
    if (list) list.push(p);
    else out.set(p.file, [p]);
  }
  return out;
}
