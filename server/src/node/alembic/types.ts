// The shapes of an Alembic run: what to run (a typed command, never a shell string), where, and
// what came back. Shared by the runner, the CLI and the extension client.
import type { RunLock } from './runLock';

/** One Alembic command with the options Alembic's own CLI has for it. */
export type AlembicCommand =
  | { name: 'upgrade' | 'downgrade'; revision: string; sql?: boolean; tag?: string }
  | { name: 'stamp'; revisions: string[]; sql?: boolean; tag?: string; purge?: boolean }
  | { name: 'current' | 'branches'; verbose?: boolean }
  | { name: 'history'; range?: string; verbose?: boolean; indicateCurrent?: boolean }
  | { name: 'heads'; verbose?: boolean; resolveDependencies?: boolean }
  | { name: 'show'; revision: string }
  | { name: 'check' }
  | { name: 'list_templates' }
  | {
      name: 'revision';
      message?: string;
      autogenerate?: boolean;
      sql?: boolean;
      head?: string;
      splice?: boolean;
      branchLabel?: string;
      dependsOn?: string[];
      versionPath?: string;
      revId?: string;
    }
  | { name: 'merge'; revisions: string[]; message?: string; branchLabel?: string; revId?: string }
  | { name: 'init'; directory: string; template?: string; package?: boolean };

/** How Alembic finds the project (what `-c`, `-n` and the working directory say on the CLI). */
export interface ProjectSpec {
  /** The working directory of the run (Alembic resolves relative paths against it). */
  root: string;
  /** The .ini file (absent for a pyproject-only or code-configured project). */
  configFile?: string;
  /** pyproject.toml with [tool.alembic] (Alembic >= 1.16). */
  pyprojectFile?: string;
  /** The ini section (`-n`), default `alembic`. */
  section?: string;
  /** script_location for a project configured in code (Flask-Migrate keeps no usable ini). */
  scriptLocation?: string;
}

export interface StepEvent {
  phase: 'started' | 'finished';
  kind: 'upgrade' | 'downgrade' | 'stamp';
  /** The revision whose script runs (null for a stamp). */
  revision: string | null;
  from: string[];
  to: string[];
  /** The revision's message (its docstring's first line). */
  message: string | null;
  /** The version table after the step (on `finished`). */
  heads?: string[];
}

export interface OutputLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface RunRequest {
  /** The interpreter to run (see resolveInterpreter). */
  python: string;
  project: ProjectSpec;
  command: AlembicCommand;
  /** `-x key=value` arguments for env.py. */
  xArgs?: string[];
  /** The database URL, set as `sqlalchemy.url` (may itself carry a password: it is redacted too). */
  url?: string;
  /** The password, inserted into the URL inside Python; it travels only in the environment. */
  password?: string;
  /** The lock key: one run at a time per connection (default: the URL without its password, else the project root). */
  connectionKey?: string;
  lock?: RunLock;
  signal?: AbortSignal;
  onOutput?: (line: OutputLine) => void;
  onStep?: (step: StepEvent) => void;
  /** Receives each command line (redacted) before it runs. */
  log?: (line: string) => void;
  /** Reads the version table after the run, so the result can say where the database now is. */
  readVersionTable?: () => Promise<string[]>;
  /** Where alembic_bootstrap.py is (default: found next to the bundle). */
  bootstrapPath?: string;
  /** Extra environment variables for the Python process. */
  env?: NodeJS.ProcessEnv;
  /** How long a cancelled run may take to roll back before its process group is killed. */
  killGraceMs?: number;
}

export type FailureKind =
  | 'busy'
  | 'interpreter-missing'
  | 'alembic-missing'
  | 'cancelled'
  | 'env-error'
  | 'script-error'
  | 'unreachable'
  | 'auth-failed'
  | 'unknown-database'
  | 'driver-missing'
  | 'bad-url'
  | 'migration-failed'
  | 'alembic-error'
  | 'diffs-detected'
  | 'unsupported'
  | 'crashed'
  | 'error';

export interface SourceLocation {
  file: string;
  /** Relative to the project root when inside it (`migrations/env.py`). */
  relative?: string;
  line: number | null;
  function?: string | null;
  code?: string | null;
}

export interface DatabaseState {
  /** The alembic_version rows. */
  rows: string[];
  /** 'version-table': read after the run; 'alembic': what Alembic reported (before any rollback). */
  source: 'version-table' | 'alembic';
}

export interface RunFailure {
  kind: FailureKind;
  /** The user-facing explanation: what happened, where, what the database is at, and the fix. */
  message: string;
  /** The raw error (`Type: text`), redacted. */
  detail?: string;
  where?: SourceLocation;
  failedStep?: StepEvent;
}

export interface RunResult {
  ok: boolean;
  /** The command as a user would type it (`alembic upgrade head`), for titles and logs. */
  title: string;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Steps that finished, in order. */
  steps: StepEvent[];
  /** Offline (`--sql`) output. */
  sql?: string;
  /** Files written by `revision` / `merge`. */
  created?: { revision: string; path: string }[];
  /** The version table as Alembic found it, and after its last finished step. */
  startHeads?: string[] | null;
  heads?: string[] | null;
  alembicVersion?: string;
  /** Where the database is after the run (from readVersionTable when given). */
  database?: DatabaseState;
  failure?: RunFailure;
  durationMs: number;
}
