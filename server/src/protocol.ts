// The custom part of the protocol between the extension and the language server, declared once:
// the client (tree views, status bar) and the tests import these names and shapes from here.
// Plain data only, so both sides can use it without pulling in the other's libraries.

/** Request `alembic/projects`: every Alembic project the server has indexed. */
export const PROJECTS_REQUEST = 'alembic/projects';
/** Request `alembic/graph`: one project's revision graph, everything a tree view or graph needs. */
export const GRAPH_REQUEST = 'alembic/graph';
/** Notification `alembic/didIndex`: sent after every (re-)index of a project. */
export const DID_INDEX_NOTIFICATION = 'alembic/didIndex';

export interface ProjectSummary {
  /** Stable id: the config file path plus `#section`, or the script location of a config-less project. */
  id: string;
  /** The folder Alembic runs in (the config file's folder). */
  root: string;
  /** alembic.ini or pyproject.toml; null for a config-less project. */
  configFile: string | null;
  section: string;
  scriptLocation: string;
  versionLocations: string[];
  /** `sqlalchemy.url` as written in the config (the project's default connection), or null. */
  sqlalchemyUrl: string | null;
  revisionCount: number;
  headCount: number;
  problemCount: number;
  /** Bumped on every re-index of this project. */
  version: number;
}

export interface ProjectsResult {
  projects: ProjectSummary[];
}

export interface GraphParams {
  /** A ProjectSummary id. */
  project: string;
}

export interface GraphNode {
  id: string;
  /** Absolute path of the file declaring it. */
  file: string;
  /** Zero-based line of the `revision =` assignment (or 0 when the id comes from the file name). */
  line: number;
  /** The first line of the docstring (Alembic's `Script.doc`). */
  message: string;
  createDate: string | null;
  downRevisions: string[];
  dependsOn: string[];
  /** Declared branch labels. */
  branchLabels: string[];
  /** Effective labels (declared and inherited), as Alembic resolves `label@head`. */
  labels: string[];
  isHead: boolean;
  isBase: boolean;
  isBranchPoint: boolean;
  isMergePoint: boolean;
  /** A down_revision or depends_on of this revision names nothing. */
  isBroken: boolean;
}

export interface GraphEdge {
  /** The child revision. */
  from: string;
  /** Its parent (or the revision it depends on). */
  to: string;
  kind: 'parent' | 'dependency';
}

export interface ProtocolProblem {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  file: string;
  line: number;
  character: number;
  message: string;
}

export interface GraphResult {
  project: string;
  version: number;
  /** `alembic history` order: newest first. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  heads: string[];
  bases: string[];
  branchPoints: string[];
  mergePoints: string[];
  /** Declared branch label -> the revision declaring it. */
  labels: Record<string, string>;
  problems: ProtocolProblem[];
}

export interface DidIndexParams {
  project: string;
  version: number;
  revisionCount: number;
  headCount: number;
  problemCount: number;
}

/** Per problem code: the severity to show, or `off` to hide it. */
export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The `alembic.*` settings the server reads (workspace/configuration section `alembic`). */
export interface ServerSettings {
  diagnostics: {
    /** Problem code -> severity override. */
    severity: Record<string, SeveritySetting>;
  };
  /** Show the parent's message after parent ids. */
  inlayHints: boolean;
  /** Show "2 parents · 1 child · head" above `revision =`. */
  codeLens: boolean;
}

/** Request `alembic/plan`: what an upgrade/downgrade/stamp would run from the given version-table rows. */
export const PLAN_REQUEST = 'alembic/plan';
/** Request `alembic/resolve`: the revisions an identifier (head, heads, base, an id, +N/-N, label@head) names. */
export const RESOLVE_REQUEST = 'alembic/resolve';

export interface PlanParams {
  project: string;
  command: 'upgrade' | 'downgrade' | 'stamp';
  /** As the user would type it after `alembic upgrade`: `head`, `heads`, `+1`, `-1`, `base`, an id, `label@head`. */
  target: string;
  /** The database's alembic_version rows now (empty: not stamped). */
  rows: string[];
  /** stamp --purge */
  purge?: boolean;
}

export interface PlanStepInfo {
  kind: 'upgrade' | 'downgrade' | 'stamp';
  /** The revision whose script runs (null for a stamp step). */
  revision: string | null;
  /** The revision's message, for the confirmation list. */
  message: string;
  from: string[];
  to: string[];
}

/** `error` is Alembic's own message for a target it would refuse (several heads for `head`, unknown id...). */
export type PlanResult =
  | { ok: true; steps: PlanStepInfo[]; revisions: string[]; versionTableAfter: string[]; warnings: string[] }
  | { ok: false; error: string };

export interface ResolveParams {
  project: string;
  target: string;
}

export type ResolveResult = { ok: true; revisions: string[] } | { ok: false; error: string };
