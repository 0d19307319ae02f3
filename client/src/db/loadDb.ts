// The database reader lives in its own bundle (server/out/db.js: knex and the drivers, several MB), so
// it is loaded on the first database use, never at activation. Its surface is declared here rather
// than imported, so that the client bundle does not pull it in.

export type DbFailureKind = 'unreachable' | 'timeout' | 'auth' | 'no-database' | 'unsupported-url' | 'error';

export interface DbTarget {
  url: string;
  password?: string;
  /** Where a relative SQLite path is resolved (the project folder, Alembic's working directory). */
  baseDir?: string;
}

export interface DbReadOptions {
  table?: string;
  schema?: string;
  timeoutMs?: number;
  /** The end of a wrong-password message: how to fix it in the extension. */
  passwordFix?: string;
}

export type DbReadResult = { ok: true; stamped: boolean; rows: string[] } | { ok: false; kind: DbFailureKind; message: string };

export interface DbModule {
  readVersionTable(target: DbTarget, options?: DbReadOptions): Promise<DbReadResult>;
  redactUrl(url: string): string;
  expandEnv(text: string, env: Readonly<Record<string, string | undefined>>): string;
}

let loaded: DbModule | undefined;

/** `bundlePath`: the absolute path of server/out/db.js (context.asAbsolutePath). */
export function loadDb(bundlePath: string): DbModule {
  if (!loaded) {
    // A computed require: esbuild leaves it alone, so the bundle is read only now.
    const req: NodeJS.Require = require;
    const mod = req(bundlePath) as Partial<DbModule>;
    if (typeof mod.readVersionTable !== 'function') throw new Error(`${bundlePath} is not the Alembic database reader (run npm run build).`);
    loaded = mod as DbModule;
  }
  return loaded;
}

/** True once the bundle has been loaded (the activation test checks that it is not). */
export function isDbLoaded(): boolean {
  return loaded !== undefined;
}
