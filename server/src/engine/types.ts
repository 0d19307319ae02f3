// The engine's shared vocabulary. Every module of the engine, the CLI, the language server and the
// tests speak these types. Pure data: no functions with side effects, no Node or VS Code types.

/** Zero-based line and UTF-16 column, as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

/** Half-open range [start, end). */
export interface Span {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A place in another file that explains a problem (the other head, the other duplicate...). */
export interface RelatedLocation {
  file: string;
  span: Span;
  message: string;
}

/**
 * One finding about a project. `code` is stable (documented in the README); `message` says what is
 * wrong and how to fix it; `file`/`span` point at the offending text itself.
 */
export interface Problem {
  code: string;
  severity: Severity;
  file: string;
  span: Span;
  message: string;
  related?: RelatedLocation[];
  /** Machine-readable extras for quick fixes (candidates, ids...). */
  data?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// The host file system, as the engine sees it. The Node adapter implements it with `fs`; tests
// implement it in memory. Paths are absolute POSIX strings.

export type DirEntryKind = 'file' | 'dir' | 'symlink-loop' | 'other';

export interface DirEntry {
  name: string;
  kind: DirEntryKind;
  /** True when the entry itself is a symbolic link (its kind is the target's). */
  symlink?: boolean;
}

export type FsResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface HostFs {
  /** The raw bytes of a file. */
  readBytes(path: string): FsResult<Uint8Array>;
  /**
   * Optional, a shortcut for migration files: the file's bytes decoded as UTF-8, a BOM kept as
   * U+FEFF and every invalid sequence as U+FFFD (what Node's `readFileSync(path, 'utf8')` gives).
   * The engine uses the text only where decoding the bytes would give the same (see
   * python/decode.ts, isPlainUtf8Text) and reads the bytes otherwise.
   */
  readUtf8?(path: string): FsResult<string>;
  /** A directory's entries (symlinks followed; a symlink that loops reports 'symlink-loop'). */
  listDir(path: string): FsResult<DirEntry[]>;
  /** 'file', 'dir' or null when nothing is there. */
  stat(path: string): 'file' | 'dir' | null;
  /** The canonical path with symlinks resolved, or the path itself where that is not possible. */
  realpath(path: string): string;
}

// ---------------------------------------------------------------------------------------------
// Parsing one migration file (parse.ts).

/** A string literal (possibly implicitly concatenated) and where it stands. */
export interface StrLit {
  value: string;
  /** The whole literal, quotes and prefixes included. */
  span: Span;
  /** The characters between the quotes when the literal is one plain token without escapes, else null. */
  inner: Span | null;
}

export type VarValue =
  | { kind: 'none'; span: Span }
  | { kind: 'str'; lit: StrLit; span: Span }
  | { kind: 'seq'; container: 'tuple' | 'list' | 'set'; items: StrLit[]; span: Span }
  /** Anything that is not one of the literals above: a name, a call, a number... never guessed. */
  | { kind: 'other'; text: string; span: Span };

/** A module-level `NAME = value` or `NAME: annotation = value`; the last one in the file wins. */
export interface Assignment {
  name: string;
  nameSpan: Span;
  value: VarValue;
  annotated: boolean;
}

/** A fact from the docstring header (`Revision ID:`, `Revises:`, `Create Date:`). */
export interface HeaderFact {
  /** The text after the colon, trimmed. */
  text: string;
  /** The span of that text. */
  span: Span;
  /** For Revision ID / Revises: each id mentioned, with its span. */
  ids: { id: string; span: Span }[];
}

export interface ParsedMigration {
  revision?: Assignment;
  down_revision?: Assignment;
  branch_labels?: Assignment;
  depends_on?: Assignment;
  /** The module docstring as Python evaluates it, or null when there is none. */
  docstring: { value: string; span: Span } | null;
  header: { revisionId?: HeaderFact; revises?: HeaderFact; createDate?: HeaderFact };
  /**
   * Why Python could not import this file (tokenizer/syntax level), if that can be told statically;
   * `insert`, where the error is surely a missing character (a comma), is the text that mends it.
   */
  syntaxErrors: { message: string; span: Span; insert?: { at: Position; text: string } }[];
  /** Problems decoding the bytes (bad UTF-8, unknown encoding cookie). */
  decodeErrors: { message: string; span: Span }[];
  hasUpgrade: boolean;
  hasDowngrade: boolean;
}

// ---------------------------------------------------------------------------------------------
// Configuration and discovery (config.ts, discover.ts).

/** One Alembic environment: an ini section, a pyproject table, or a config-less folder. */
export interface ProjectConfig {
  /** Stable id: the config file path plus `#section`, or the script location for config-less ones. */
  id: string;
  kind: 'ini' | 'pyproject' | 'configless';
  /** The alembic.ini (or other .ini) holding the section, if any. */
  iniFile: string | null;
  /** The pyproject.toml whose [tool.alembic] was merged in, if any. */
  pyprojectFile: string | null;
  /** The ini section (`alembic` unless `-n`). */
  section: string;
  /** The directory taken as Alembic's working directory (the config file's directory). */
  root: string;
  scriptLocation: string;
  /** Absolute version directories, in configured order. */
  versionLocations: string[];
  recursiveVersionLocations: boolean;
  sourceless: boolean;
  fileTemplate: string;
  truncateSlugLength: number;
  timezone: string | null;
  /** `output_encoding`: how Alembic encodes the files it writes (default utf-8). */
  outputEncoding: string;
  /** `sqlalchemy.url` as written (never used by the engine; the client shows it). */
  sqlalchemyUrl: string | null;
  /** Problems in the config files themselves. */
  problems: Problem[];
  /** Where each setting that was read comes from (key -> file and the span of its value). */
  origins?: Record<string, { file: string; span: Span }>;
}

/** A migration file found in a version location, in Alembic's load order. */
export interface MigrationFileRef {
  path: string;
  /** The version location it was found in. */
  location: string;
  /** Its path relative to that location (`sub/x.py` when recursing). */
  relPath: string;
  /** The path with symlinks resolved (what newer Alembic prints as `Path:`), when it differs. */
  realPath?: string;
}

export interface ScanResult {
  files: MigrationFileRef[];
  /** Unreadable directories, loops, files loaded twice, sourceless files not indexed... */
  problems: Problem[];
}

// ---------------------------------------------------------------------------------------------
// The revision map (graph.ts).

/** What the graph needs of one revision file. */
export interface RevisionInput {
  id: string;
  file: string;
  location: string;
  relPath: string;
  /** down_revision as written, tuple order. Empty for a base. */
  down: string[];
  /** depends_on as written (ids or labels). */
  dependsOn: string[];
  /** branch_labels as declared. */
  branchLabels: string[];
  /** Script.doc: the docstring up to the first blank line. */
  doc: string;
  /** Script.longdoc: the stripped docstring. */
  longdoc: string;
}

export interface RevisionNode extends RevisionInput {
  loadIndex: number;
  /** Versioned parents that exist in the map (down minus the missing ones). */
  parents: string[];
  /** nextrev: versioned children, load order. */
  children: string[];
  /** _all_nextrev: children by down_revision or resolved depends_on, load order. */
  allChildren: string[];
  /** depends_on entries resolved to revision ids (a label gives the revision declaring it). */
  resolvedDeps: string[];
  /** N(R): parents plus normalised dependencies. */
  normalizedDown: string[];
  /** Effective branch labels (declared plus inherited), sorted. */
  labels: string[];
  isHead: boolean;
  isRealHead: boolean;
  isBase: boolean;
  isRealBase: boolean;
  isBranchPoint: boolean;
  isMergePoint: boolean;
}

/** Structural facts the graph found; validate.ts turns them into Problems. */
export type GraphIssue =
  | { kind: 'duplicate-id'; id: string; files: string[] }
  | { kind: 'missing-parent'; id: string; parent: string }
  | { kind: 'missing-dependency'; id: string; dependency: string }
  | { kind: 'self-loop'; id: string }
  | { kind: 'dependency-self-loop'; id: string }
  /**
   * `missedByAlembic`: Alembic's own check only flags revisions off every head-to-base path, so a cycle that
   * lies between a head and a base loads without error; Alembic then orders those revisions oddly or loops
   * forever. Without the flag, the ids follow Alembic's membership rules and every command fails with them.
   */
  | { kind: 'cycle'; ids: string[]; missedByAlembic?: boolean }
  | { kind: 'dependency-cycle'; ids: string[]; missedByAlembic?: boolean }
  | { kind: 'label-conflict'; label: string; id: string; otherId: string; otherIsRevision: boolean };

export interface RevisionMap {
  /** Load order; for a duplicate id only the later file (Alembic's winner) is here. */
  nodes: RevisionNode[];
  byId: Map<string, RevisionNode>;
  /** Declared branch label -> the revision declaring it. */
  labelOwner: Map<string, string>;
  heads: string[];
  realHeads: string[];
  bases: string[];
  realBases: string[];
  branchPoints: string[];
  mergePoints: string[];
  /** `alembic history` order (newest first). */
  history: string[];
  issues: GraphIssue[];
}

// ---------------------------------------------------------------------------------------------
// One indexed project (project.ts): what every consumer (CLI, server, tests) works from.

export interface IndexedFile {
  ref: MigrationFileRef;
  /** null when the file could not be read (see readError). */
  parsed: ParsedMigration | null;
  readError: string | null;
  /** The revision id this file contributes to the map, or null when it has none statically. */
  revisionId: string | null;
  /** The graph input built from this file, when it has an id. */
  input: RevisionInput | null;
}

export interface IndexedProject {
  config: ProjectConfig;
  /** Load order. */
  files: IndexedFile[];
  map: RevisionMap;
  /** Config, scan, parse, graph and rule problems, all of them. */
  problems: Problem[];
}

// ---------------------------------------------------------------------------------------------
// Results that can fail with Alembic's own message (resolve.ts, plan.ts).

/**
 * `error` is the text Alembic's CLI prints after `FAILED: ` for the same request. When `pythonError` is
 * true, Alembic does not print `FAILED:` but dies with an uncaught Python exception, and `error` is the
 * last line of that traceback (`AssertionError`, `KeyError: 'x'`...).
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string; pythonError?: boolean };

export interface PlanStep {
  kind: 'upgrade' | 'downgrade' | 'stamp';
  /** The script run (null for a stamp step). */
  revision: string | null;
  /** The rows this step replaces and the rows it writes (as the `Running ... a -> b` log line names them). */
  from: string[];
  to: string[];
  /** The alembic_version rows after this step, sorted. */
  rowsAfter: string[];
}

export interface Plan {
  steps: PlanStep[];
  /** The scripts run, in order (empty for a stamp). */
  revisions: string[];
  /** The alembic_version rows after the whole command, sorted. */
  versionTableAfter: string[];
  /** Python warnings Alembic prints on the way (e.g. `downgrade -1 from multiple heads is ambiguous; ...`). */
  warnings?: string[];
}
