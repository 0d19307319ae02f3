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
  /**
   * Set when known to hold: no two files declare one id, and every id a file declares is a key of
   * map.byId. No id is then duplicated, and no file declares a name that map.byId lacks.
   */
  idsMatchMap?: boolean;
  /** Built on first use: most projects have no broken links. */
  suggestions(): SuggestIndex;
}

export type Rule = (ctx: RuleContext) => Problem[];

type ProjectParts = { config: ProjectConfig; files: IndexedFile[]; map: RevisionMap };

export function makeContext(p: ProjectParts): RuleContext {
  let index: SuggestIndex | null = null;
  const ctx = { config: p.config, files: p.files, map: p.map, filesById: idsOf(p.files), filesByPath: NO_PATHS, suggestions: () => (index ??= new SuggestIndex(p.map)) };
  // No rule reads filesByPath; the language server keeps it in step with the files (ruleContext.ts),
  // replacing an edited file at its path. Built on first read from the list as it is then, it holds
  // what that bookkeeping would have made of the list as it was here.
  return settleOnFirstRead(ctx, 'filesByPath', () => pathsOf(p.files));
}

/**
 * validateProject's context: the rules look at `checked` (the files of `p` that are not plain, see
 * plain.ts) while the indexes cover every file of `p`. Nothing edits it, so both indexes are built on
 * first read: the rules of a healthy project read neither.
 */
export function checkingContext(p: ProjectParts, checked: IndexedFile[], idsMatchMap: boolean): RuleContext {
  let index: SuggestIndex | null = null;
  const ctx = { config: p.config, files: checked, map: p.map, filesById: NO_IDS, filesByPath: NO_PATHS, idsMatchMap, suggestions: () => (index ??= new SuggestIndex(p.map)) };
  settleOnFirstRead(ctx, 'filesById', () => idsOf(p.files));
  return settleOnFirstRead(ctx, 'filesByPath', () => pathsOf(p.files));
}

const NO_IDS: Map<string, IndexedFile[]> = new Map();
const NO_PATHS: Map<string, IndexedFile> = new Map();

/** `obj[key]` is computed on first read, then kept as a plain property (enumerable, as it was). */
function settleOnFirstRead<T extends object, K extends keyof T>(obj: T, key: K, build: () => T[K]): T {
  const settle = (value: T[K]): T[K] => {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(obj, key, { get: () => settle(build()), set: settle, enumerable: true, configurable: true });
  return obj;
}

/** The files declaring each id, load order. */
function idsOf(files: IndexedFile[]): Map<string, IndexedFile[]> {
  const out = new Map<string, IndexedFile[]>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    if (f.revisionId === null) continue;
    const list = out.get(f.revisionId);
    if (list) list.push(f);
    else out.set(f.revisionId, [f]);
  }
  return out;
}

/** Each path's file (the last listing of a path listed twice). */
function pathsOf(files: IndexedFile[]): Map<string, IndexedFile> {
  const out = new Map<string, IndexedFile>();
  for (let i = 0; i < files.length; i++) out.set(files[i].ref.path, files[i]);
  return out;
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
