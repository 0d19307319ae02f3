// Reads a connection's version table for the views and commands: expands `${env:VAR}`, gets the
// password (asking only when the user started the action), loads the db bundle on first use, and
// turns every outcome into a DbState whose message says what to do.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProjectInfo, ResolvedConnection } from '../model/connections';
import type { DbState } from '../model/connectionItems';
import { databaseKind, expandEnvVars } from '../model/urls';
import type { VersionReader } from '../state/databaseStore';
import { loadDb } from './loadDb';
import type { Passwords } from './passwords';

export interface ReaderDeps {
  bundlePath: string;
  passwords: Passwords;
  project(id: string): ProjectInfo | undefined;
  trusted(): boolean;
  timeoutSeconds(): number;
}

/** The version table name and schema: the connection's own, else the project's settings. */
export function versionTableOf(conn: ResolvedConnection, project: ProjectInfo | undefined): { table?: string; schema?: string } {
  const scope = project ? vscode.Uri.file(project.configFile ?? project.root) : undefined;
  const cfg = vscode.workspace.getConfiguration('alembic', scope);
  const table = conn.versionTable || cfg.get<string>('versionTable') || undefined;
  const schema = conn.versionTableSchema || cfg.get<string>('versionTableSchema') || undefined;
  return { table, schema };
}

/** A SQLite URL's file, absolute (relative paths are Alembic's working directory's); null otherwise or in memory. */
export function sqliteFile(url: string, root: string | undefined): string | null {
  if (databaseKind(url) !== 'sqlite') return null;
  const m = /^[^:]+:\/\/\/([^?]*)/.exec(url);
  if (!m || m[1] === '' || m[1] === ':memory:') return null;
  return path.resolve(root ?? process.cwd(), m[1]);
}

/** The URL with `${env:VAR}` expanded, or why it cannot be. */
export function expandedUrl(conn: ResolvedConnection): { ok: true; url: string } | { ok: false; message: string } {
  const { value, missing } = expandEnvVars(conn.url, process.env);
  if (missing.length > 0) {
    return { ok: false, message: `${conn.name}'s URL uses ${missing.map((m) => `\${env:${m}}`).join(', ')}, which is not set in VS Code's environment. Set it before starting VS Code, or edit the connection.` };
  }
  return { ok: true, url: value };
}

export function makeVersionReader(deps: ReaderDeps): VersionReader {
  return async (conn, interactive) => {
    if (!deps.trusted()) return { status: 'untrusted' };
    const project = deps.project(conn.projectId);
    const url = expandedUrl(conn);
    if (!url.ok) return { status: 'error', kind: 'env', message: url.message };
    const pw = await deps.passwords.forUse(conn, url.url, interactive);
    if (pw === 'cancelled') {
      return { status: 'error', kind: 'password', message: `No password stored for ${conn.name} yet: use Refresh Connection or Test Connection on it to enter one.` };
    }
    // Alembic creates a SQLite file on the first upgrade: a missing one is a database at base.
    const file = sqliteFile(url.url, project?.root);
    if (file && !existsSync(file)) {
      return { status: 'ok', rows: [], stamped: false, note: `${file} does not exist yet; Alembic creates it on the first upgrade.` };
    }
    const db = loadDb(deps.bundlePath);
    const result = await db.readVersionTable(
      { url: url.url, password: pw.password, baseDir: project?.root },
      { ...versionTableOf(conn, project), timeoutMs: deps.timeoutSeconds() * 1000, passwordFix: 'enter the right one with "Alembic: Edit Connection…" → Change Password' },
    );
    return result.ok ? { status: 'ok', rows: result.rows, stamped: result.stamped } : { status: 'error', kind: result.kind, message: result.message };
  };
}

/** A read's state as a thrown-away answer for commands: the rows, or null after showing why not. */
export async function rowsOrExplain(state: DbState, connName: string): Promise<string[] | null> {
  if (state.status === 'ok') return state.rows;
  const why = state.status === 'error' ? state.message : state.status === 'untrusted' ? 'the workspace is not trusted.' : 'it could not be read.';
  void vscode.window.showErrorMessage(`Alembic: cannot read the version table of ${connName}: ${why}`);
  return null;
}
