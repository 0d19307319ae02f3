// One project's index, kept up to date edit by edit. Its result is always what a fresh
// `assembleProject` of the same files gives (test/server/incremental*.test.ts checks it after
// thousands of random edits), but an edit costs what it changes:
// - every edit re-runs the per-file rules (FILE_RULES) of the edited file only;
// - an edit that keeps the file's graph facts (facts.ts) keeps the revision map; the project-level
//   project-level problems pointing into that file are moved to its new positions (moveSpans.ts),
//   or, when that cannot be done, the project-level rules run again;
// - an edit that changes the graph rebuilds the map and re-runs the project-level rules.
// Each update reports the files whose problems changed, so diagnostics are re-sent for those only.
import { buildRevisionMap, compareInFile, dedupeProblems, indexParsedFile, PROJECT_RULES, runRules } from '../engine/index';
import type { IndexedFile, IndexedProject, MigrationFileRef, ParsedMigration, Problem, ProjectConfig, RevisionMap, ScanResult } from '../engine/index';
import { fileProblemsByPath } from '../engine/rules/per-file';
import { sameDocstring, sameGraphFacts } from './facts';
import { diffGroups, groupByPath, NO_PROBLEMS, pathsNamedBy, sameProblems, type ProblemsByPath } from './problems';
import { RuleContextKeeper } from './ruleContext';
import { anchorMoves, moveProblem } from './moveSpans';

/** A parsed file, or why it could not be read. */
export type CachedParse = { parsed: ParsedMigration; readError: null } | { parsed: null; readError: string };

export class ProjectIndex {
  /** Load order. An edit replaces its file in place, so `indexed.files` is always the current list. */
  files: IndexedFile[] = [];
  scanProblems: Problem[] = [];
  /** The file at each path (the last listing of a path listed twice, as a Map built from `files`). */
  readonly byPath = new Map<string, IndexedFile>();
  map: RevisionMap = buildRevisionMap([]);
  private readonly rules: RuleContextKeeper;
  /** First position of each path in `files`: the order problems are listed in. */
  private rank = new Map<string, number>();
  /** Some path is listed twice (overlapping version locations): edits then rebuild, never patch. */
  private pathListedTwice = false;
  /** Config and scan problems by file (listed before the rule problems of that file). */
  private headProblems: ProblemsByPath = new Map();
  private fileProblems: ProblemsByPath = new Map();
  private projectProblems: ProblemsByPath = new Map();
  /** For each file project-level problems point into, the files those problems sit on. */
  private involved = new Map<string, Set<string>>();
  private sortedAt = new Map<string, Problem[]>();
  /** The files with rule problems, in listing order; kept while that set of files stays the same. */
  private ordered: { paths: string[]; set: Set<string> } | null = null;
  private snapshot: IndexedProject | null = null;

  /** `previous`: this project's index before its config was read again; its unchanged files are not re-checked. */
  constructor(
    readonly config: ProjectConfig,
    previous?: ProjectIndex,
  ) {
    this.rules = new RuleContextKeeper(config, this.files, this.map);
    if (previous) {
      for (const [path, file] of previous.byPath) this.byPath.set(path, file);
      this.fileProblems = previous.fileProblems;
    }
  }

  /** Takes a new listing of the version locations. Files whose ref and parse did not change keep their per-file findings. */
  rebuild(scan: ScanResult, parseOf: (path: string) => CachedParse): Set<string> {
    const before = this.allGroups();
    const reused = new Set<IndexedFile>();
    const files = scan.files.map((ref) => {
      const cached = parseOf(ref.path);
      const old = this.byPath.get(ref.path);
      if (old && sameRef(old.ref, ref) && old.parsed === cached.parsed && old.readError === cached.readError) {
        reused.add(old);
        return old;
      }
      return fileFrom(ref, cached);
    });
    const fileProblems: ProblemsByPath = fileProblemsByPath(this.config, files.filter((f) => !reused.has(f)));
    for (const f of reused) {
      const kept = this.fileProblems.get(f.ref.path);
      if (kept) fileProblems.set(f.ref.path, kept);
    }
    this.files = files;
    this.scanProblems = scan.problems;
    this.fileProblems = fileProblems;
    this.headProblems = groupByPath([...this.config.problems, ...scan.problems]);
    this.byPath.clear();
    this.rank.clear();
    files.forEach((f, i) => {
      this.byPath.set(f.ref.path, f);
      if (!this.rank.has(f.ref.path)) this.rank.set(f.ref.path, i);
    });
    this.pathListedTwice = this.rank.size !== files.length;
    this.rebuildGraph();
    this.rules.reset(this.config, this.files, this.map);
    this.runProjectRules(null);
    this.sortedAt.clear();
    this.ordered = null;
    this.snapshot = null;
    const changed = new Set<string>();
    diffGroups(before, this.allGroups(), changed);
    return changed;
  }

  /**
   * The file at `path` has a new parse (an edit or a save). Returns the paths whose problems changed,
   * or null when the path is not one of this project's files (or is listed twice): then rebuild.
   */
  replaceFile(path: string, cached: CachedParse): Set<string> | null {
    const pos = this.rank.get(path);
    if (pos === undefined || this.pathListedTwice) return null;
    const old = this.files[pos];
    const changed = new Set<string>();
    if (old.parsed === cached.parsed && old.readError === cached.readError) return changed;
    const neu = fileFrom(old.ref, cached);
    this.files[pos] = neu;
    this.byPath.set(path, neu);
    const own = fileProblemsByPath(this.config, [neu]).get(path) ?? NO_PROBLEMS;
    if (!sameProblems(own, this.fileProblems.get(path) ?? NO_PROBLEMS)) {
      if (own.length > 0) this.fileProblems.set(path, own as Problem[]);
      else this.fileProblems.delete(path);
      changed.add(path);
    }
    this.rules.replaceFile(this.files, old, neu, (f) => this.rank.get(f.ref.path) ?? -1);
    if (sameGraphFacts(old, neu)) {
      const sameDoc = sameDocstring(old, neu);
      if (!sameDoc) this.patchDocstring(neu);
      // Positions in this file moved: the project-level problems pointing into it must move too (a
      // new message may also show in them, through Alembic's text for the revision).
      if (this.involved.has(path) && !(sameDoc && this.moveProjectProblems(path, old, neu, changed))) this.runProjectRules(changed);
    } else {
      this.rebuildGraph();
      this.rules.setMap(this.map);
      this.runProjectRules(changed);
    }
    for (const p of changed) {
      this.sortedAt.delete(p);
      if (this.ordered?.set.has(p) !== (this.fileProblems.has(p) || this.projectProblems.has(p))) this.ordered = null;
    }
    this.snapshot = null;
    return changed;
  }

  /** What `assembleProject` would return for these files. */
  get indexed(): IndexedProject {
    if (this.snapshot) return this.snapshot;
    if (!this.ordered) {
      const set = new Set([...this.fileProblems.keys(), ...this.projectProblems.keys()]);
      const last = this.files.length;
      const paths = [...set].sort((a, b) => (this.rank.get(a) ?? last) - (this.rank.get(b) ?? last) || (a < b ? -1 : a > b ? 1 : 0));
      this.ordered = { paths, set };
    }
    const problems = [...this.config.problems, ...this.scanProblems];
    for (const path of this.ordered.paths) problems.push(...this.ruleProblemsAt(path));
    this.snapshot = { config: this.config, files: this.files, map: this.map, problems };
    return this.snapshot;
  }

  /** This project's problems on one file, in the order `indexed.problems` lists them. */
  problemsAt(path: string): Problem[] {
    const head = this.headProblems.get(path);
    const rules = this.ruleProblemsAt(path);
    return head ? [...head, ...rules] : rules;
  }

  private ruleProblemsAt(path: string): Problem[] {
    let sorted = this.sortedAt.get(path);
    if (!sorted) {
      sorted = [...(this.fileProblems.get(path) ?? NO_PROBLEMS), ...(this.projectProblems.get(path) ?? NO_PROBLEMS)].sort(compareInFile);
      this.sortedAt.set(path, sorted);
    }
    return sorted;
  }

  private allGroups(): ProblemsByPath {
    const out: ProblemsByPath = new Map();
    for (const path of new Set([...this.headProblems.keys(), ...this.fileProblems.keys(), ...this.projectProblems.keys()])) out.set(path, this.problemsAt(path));
    return out;
  }

  private rebuildGraph(): void {
    const inputs = [];
    for (const f of this.files) if (f.input) inputs.push(f.input);
    this.map = buildRevisionMap(inputs);
  }

  /** Re-runs the project-level rules; with `changed`, adds the files whose share of them changed. */
  private runProjectRules(changed: Set<string> | null): void {
    const next = groupByPath(dedupeProblems(runRules(PROJECT_RULES, this.rules.ctx)));
    if (changed) diffGroups(this.projectProblems, next, changed);
    this.projectProblems = next;
    this.involved.clear();
    for (const [on, list] of next) {
      for (const problem of list) {
        for (const path of pathsNamedBy(problem)) {
          const groups = this.involved.get(path);
          if (groups) groups.add(on);
          else this.involved.set(path, new Set([on]));
        }
      }
    }
  }

  /**
   * Moves the project-level problems that point into `path` to the file's new positions; false
   * (nothing changed) when some place is not one the anchors account for.
   */
  private moveProjectProblems(path: string, old: IndexedFile, neu: IndexedFile, changed: Set<string>): boolean {
    const move = old.parsed && neu.parsed ? anchorMoves(old.parsed, neu.parsed) : null;
    if (!move) return false;
    const moved = new Map<string, Problem[]>();
    for (const on of this.involved.get(path) ?? []) {
      const list: Problem[] = [];
      for (const problem of this.projectProblems.get(on) ?? NO_PROBLEMS) {
        const next = moveProblem(problem, path, move);
        if (next === null) return false;
        list.push(next);
      }
      moved.set(on, list);
    }
    for (const [on, list] of moved) {
      if (sameProblems(list, this.projectProblems.get(on) ?? NO_PROBLEMS)) continue;
      this.projectProblems.set(on, list);
      changed.add(on);
    }
    return true;
  }

  /** The message changed but not the graph: the map's node takes the new docstring. */
  private patchDocstring(file: IndexedFile): void {
    const node = file.revisionId === null ? undefined : this.map.byId.get(file.revisionId);
    const input = file.input;
    if (!node || !input || node.file !== input.file || node.location !== input.location || node.relPath !== input.relPath) return;
    node.doc = input.doc;
    node.longdoc = input.longdoc;
  }
}

function fileFrom(ref: MigrationFileRef, cached: CachedParse): IndexedFile {
  if (cached.parsed === null) return { ref, parsed: null, readError: cached.readError, revisionId: null, input: null };
  return indexParsedFile(ref, cached.parsed);
}

function sameRef(a: MigrationFileRef, b: MigrationFileRef): boolean {
  return a.path === b.path && a.location === b.location && a.relPath === b.relPath && a.realPath === b.realPath;
}
