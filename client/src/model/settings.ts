// The `alembic.*` settings only the extension client reads (databases, Python, confirmations), with
// their defaults, and a reader that turns whatever is in settings.json into a well-formed value: a
// wrong type falls back to the default instead of breaking a command. Pure: no vscode import.

/** One entry of `alembic.connections`. The password is never here: it lives in SecretStorage. */
export interface ConnectionSetting {
  /** Shown in views and prompts; unique per project. */
  name: string;
  /** The project's config file (alembic.ini or pyproject.toml), relative to the workspace folder. Empty: the only project. */
  project: string;
  /** SQLAlchemy URL without a password; `${env:VAR}` is replaced from the environment. */
  url: string;
  /** The ini section (`alembic -n`). Empty: the project's own section. */
  section: string;
  /** `-x key=value` arguments handed to env.py. */
  xArgs: string[];
  /** Extra environment variables for env.py (`${env:VAR}` allowed in values). */
  env: Record<string, string>;
  /** Changing this database needs its name typed. */
  protected: boolean;
  /** Version table name and schema for this connection; empty: the project's `alembic.versionTable*` settings. */
  versionTable: string;
  versionTableSchema: string;
}

export interface ClientSettings {
  connections: ConnectionSetting[];
  /** Python with Alembic installed; empty: the Python extension's interpreter, then .venv/venv, then PATH. */
  pythonPath: string;
  /** The table env.py's `context.configure(version_table=...)` names. */
  versionTable: string;
  /** Its schema (`version_table_schema`); empty: the default schema. */
  versionTableSchema: string;
  /** Seconds to wait for a database before giving up. */
  databaseTimeout: number;
  /** Ask before an upgrade (downgrades and stamps always ask). */
  confirmUpgrade: boolean;
}

export const DEFAULT_CLIENT_SETTINGS: ClientSettings = {
  connections: [],
  pythonPath: '',
  versionTable: 'alembic_version',
  versionTableSchema: '',
  databaseTimeout: 5,
  confirmUpgrade: true,
};

/** Reads the `alembic` configuration section (only the client's keys). */
export function readClientSettings(raw: unknown): ClientSettings {
  const root = isRecord(raw) ? raw : {};
  const d = DEFAULT_CLIENT_SETTINGS;
  const timeout = root.databaseTimeout;
  return {
    connections: Array.isArray(root.connections) ? root.connections.map(readConnection).filter((c): c is ConnectionSetting => c !== null) : d.connections,
    pythonPath: str(root.pythonPath, d.pythonPath),
    versionTable: str(root.versionTable, d.versionTable).trim() || d.versionTable,
    versionTableSchema: str(root.versionTableSchema, d.versionTableSchema).trim(),
    databaseTimeout: typeof timeout === 'number' && Number.isFinite(timeout) && timeout > 0 ? timeout : d.databaseTimeout,
    confirmUpgrade: typeof root.confirmUpgrade === 'boolean' ? root.confirmUpgrade : d.confirmUpgrade,
  };
}

/** One connection entry; an entry that is not an object at all is dropped (validation reports the rest). */
export function readConnection(raw: unknown): ConnectionSetting | null {
  if (!isRecord(raw)) return null;
  const env: Record<string, string> = {};
  if (isRecord(raw.env)) for (const [k, v] of Object.entries(raw.env)) if (typeof v === 'string') env[k] = v;
  return {
    name: str(raw.name, '').trim(),
    project: str(raw.project, '').trim(),
    url: str(raw.url, '').trim(),
    section: str(raw.section, '').trim(),
    xArgs: Array.isArray(raw.xArgs) ? raw.xArgs.filter((x): x is string => typeof x === 'string') : [],
    env,
    protected: raw.protected === true,
    versionTable: str(raw.versionTable, '').trim(),
    versionTableSchema: str(raw.versionTableSchema, '').trim(),
  };
}

/** What is written back to settings.json: only the keys that differ from an empty entry. */
export function connectionToJson(c: ConnectionSetting): Record<string, unknown> {
  const out: Record<string, unknown> = { name: c.name, project: c.project, url: c.url };
  if (c.section) out.section = c.section;
  if (c.xArgs.length > 0) out.xArgs = c.xArgs;
  if (Object.keys(c.env).length > 0) out.env = c.env;
  if (c.protected) out.protected = true;
  if (c.versionTable) out.versionTable = c.versionTable;
  if (c.versionTableSchema) out.versionTableSchema = c.versionTableSchema;
  return out;
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
