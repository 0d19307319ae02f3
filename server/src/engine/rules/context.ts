// What every rule sees, and the one way rules make a Problem (code table severity, stable shape).
import type { IndexedFile, Problem, ProjectConfig, RelatedLocation, RevisionMap, Severity, Span } from '../types';
import { PROBLEM_CODES, type ProblemCode } from './codes';
import { SuggestIndex } from './suggest';

export interface RuleContext {
  config: ProjectConfig;
  /** Load order. */
  files: IndexedFile[];
  map: RevisionMap;
  /** Every file that declares an id (more than one for a duplicate), load order. */
  filesById: Map<string, IndexedFile[]>;
  filesByPath: Map<string, IndexedFile>;
  /** Built on first use: most projects have no broken links. */
  suggestions(): SuggestIndex;
}

export type Rule = (ctx: RuleContext) => Problem[];

export function makeContext(p: { config: ProjectConfig; files: IndexedFile[]; map: RevisionMap }): RuleContext {
  const filesById = new Map<string, IndexedFile[]>();
  const filesByPath = new Map<string, IndexedFile>();
  for (const f of p.files) {
    filesByPath.set(f.ref.path, f);
    if (f.revisionId === null) continue;
    const list = filesById.get(f.revisionId);
    if (list) list.push(f);
    else filesById.set(f.revisionId, [f]);
  }
  let index: SuggestIndex | null = null;
  return { ...p, filesById, filesByPath, suggestions: () => (index ??= new SuggestIndex(p.map)) };
}

export interface ProblemExtras {
  severity?: Severity;
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
}

export function problem(code: ProblemCode, file: string, span: Span, message: string, extras: ProblemExtras = {}): Problem {
  const out: Problem = { code, severity: extras.severity ?? PROBLEM_CODES[code].severity, file, span, message };
  if (extras.related && extras.related.length > 0) out.related = extras.related;
  if (extras.data) out.data = extras.data;
  return out;
}

/** `'x'` as Python's repr would quote it in an error message (Alembic uses %s inside quotes). */
export function q(text: string): string {
  return `'${text}'`;
}

/** `'a', 'b' or 'c'`. */
export function orList(items: string[]): string {
  const quoted = items.map(q);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
