// Problems kept per file: grouping, comparing (to tell which files' diagnostics changed) and which
// files a problem names (the file it sits on and the files of its related locations).
import type { Problem } from '../engine/index';

export type ProblemsByPath = Map<string, Problem[]>;

export const NO_PROBLEMS: readonly Problem[] = Object.freeze([]);

export function groupByPath(problems: Iterable<Problem>): ProblemsByPath {
  const out: ProblemsByPath = new Map();
  for (const p of problems) {
    const list = out.get(p.file);
    if (list) list.push(p);
    else out.set(p.file, [p]);
  }
  return out;
}

/** Every file a problem points into: its own, and those of its related locations. */
export function* pathsNamedBy(problem: Problem): Iterable<string> {
  yield problem.file;
  if (problem.related) for (const r of problem.related) if (r.file !== problem.file) yield r.file;
}

/** Adds to `changed` every path whose list differs between two groupings. */
export function diffGroups(before: ProblemsByPath, after: ProblemsByPath, changed: Set<string>): void {
  for (const [path, list] of before) if (!sameProblems(list, after.get(path) ?? NO_PROBLEMS)) changed.add(path);
  for (const path of after.keys()) if (!before.has(path)) changed.add(path);
}

export function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!samePlain(a[i], b[i])) return false;
  return true;
}

/** Deep equality of JSON-like data (what a Problem is made of). */
export function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!samePlain((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
