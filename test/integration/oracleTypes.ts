// The shapes of a fixture's expect.json and of what test/integration/oracle.py prints.

/** How Alembic is pointed at the fixture (the oracle and the engine read the same thing). */
export type FixtureConfig =
  | { kind: 'ini'; file: string; section?: string }
  | { kind: 'pyproject'; file: string }
  | { kind: 'ini+pyproject'; file: string; pyproject: string; section?: string }
  /** Flask-Migrate: the ini (if any) lives in the script directory, script_location is set in code. */
  | { kind: 'configless'; scriptLocation: string };

export interface PlanQuery {
  command: 'upgrade' | 'downgrade' | 'stamp';
  /** One target; stamp may take several. */
  target: string | string[];
  /** The alembic_version rows before the command. */
  from: string[];
  purge?: boolean;
}

export interface FixtureExpect {
  description: string;
  config?: FixtureConfig;
  /** The first Alembic release with the feature the fixture needs (the oracle emulates it on 1.8.1). */
  since?: string;
  /** What real Alembic does when loading the project (the oracle test checks it). */
  alembic?: { kind: string; warnings?: string[] };
  /** Problem codes of which the engine must report at least one. */
  engineCodes?: string[];
  /** 'codes-only': a static reader cannot give Alembic's graph here; only the problem codes are compared. */
  engineCompare?: 'codes-only';
  /** Where main (the newest Alembic) differs from the 1.8.1 oracle and how. */
  mainDiffers?: { load?: { reason: string; kind: string } };
  resolve?: string[];
  history?: string[];
  plans?: PlanQuery[];
}

export interface OracleError {
  /** The Python exception class. */
  type: string;
  message: string;
  /** A CommandError: the CLI prints `FAILED: <message>`. Otherwise Alembic dies with a traceback. */
  cli: boolean;
}

export type OracleOutcome<T> = { ok: true; value: T; text?: string } | { ok: false; error: OracleError; partial?: string[] };

export interface OracleRevision {
  id: string;
  file: string;
  down_revisions: string[];
  depends_on: string[];
  branch_labels: string[];
  /** Effective labels (declared plus inherited), sorted. */
  labels: string[];
  message: string;
}

export interface OracleStep {
  kind: 'upgrade' | 'downgrade' | 'stamp';
  revision: string | null;
  from: string[];
  to: string[];
  rowsAfter: string[];
  log: string;
}

export interface OraclePlan {
  ok: boolean;
  error?: OracleError;
  steps: OracleStep[];
  revisions: string[];
  /** null when the command never created the version table (it failed before). */
  versionTableAfter: string[] | null;
  differsFrom181?: string;
}

export interface OracleLoad {
  ok: boolean;
  kind: string;
  error?: OracleError;
  warnings: { kind: string; message: string }[];
  warningKinds?: string[];
}

export interface OracleResult {
  alembic: string;
  fixture: string;
  load: OracleLoad;
  emulated: string[];
  revisions?: OracleRevision[];
  heads?: string[];
  real_heads?: string[];
  bases?: string[];
  real_bases?: string[];
  branchpoints?: string[];
  mergepoints?: string[];
  history?: string[] | null;
  historyError?: OracleError;
  texts?: Record<string, string | { error: OracleError }>;
  resolve?: Record<string, OracleOutcome<(string | null)[]>>;
  historyRanges?: Record<string, OracleOutcome<string[]>>;
  plans?: Record<string, OraclePlan>;
}

/** The key the oracle files a plan under (keep in step with `plan_key` in oracle.py). */
export function planKey(p: PlanQuery): string {
  const target = typeof p.target === 'string' ? p.target : p.target.join(' ');
  let key = `${p.command} ${target}`;
  if (p.purge) key += ' --purge';
  return p.from.length ? `${key} from ${p.from.join(',')}` : key;
}
