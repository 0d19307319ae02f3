// Add Connection… (guided), Edit Connection…, Remove Connection, Test Connection, choosing the
// active connection, and refreshing one. URLs go to settings without a password; the password goes
// to SecretStorage under the connection's key.
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import { addConnectionSetting, removeConnectionSetting, updateConnectionSetting } from '../db/connectionSettings';
import { expandedUrl } from '../db/versionReader';
import { connectionKey, relativeConfig, type ResolvedConnection } from '../model/connections';
import { stateSummary } from '../model/connectionItems';
import { buildConnectionUrl, DEFAULT_PORTS, nameProblem, portProblem } from '../model/connectionUrl';
import { urlHasPassword, urlUser, type DatabaseKind } from '../model/urls';
import { pickConnection, pickProject } from '../run/pickers';
import { connectionArg, projectIdArg } from './args';

const TITLE = 'Alembic: Add Connection';

export async function addConnection(ctx: ClientContext, arg?: unknown): Promise<void> {
  const project = await pickProject(ctx, TITLE, projectIdArg(arg));
  if (!project) return;
  const kinds: { label: string; db: DatabaseKind | 'url' }[] = [
    { label: 'PostgreSQL', db: 'postgresql' },
    { label: 'MySQL', db: 'mysql' },
    { label: 'MariaDB', db: 'mariadb' },
    { label: 'SQLite', db: 'sqlite' },
    { label: 'Enter a SQLAlchemy URL…', db: 'url' },
  ];
  const kind = await vscode.window.showQuickPick(kinds, { title: TITLE, placeHolder: 'Which database?' });
  if (!kind) return;
  const ask = (prompt: string, value = '', validateInput?: (v: string) => string | null) =>
    vscode.window.showInputBox({ title: `${TITLE} (${kind.label})`, prompt, value, ignoreFocusOut: true, validateInput });
  let url: string | undefined;
  if (kind.db === 'url') {
    url = await ask('SQLAlchemy URL without the password (you are asked for it next); ${env:VAR} is allowed', '', (v) =>
      v.trim() === '' ? 'Type a URL, e.g. postgresql://me@localhost/app' : urlHasPassword(v.replace(/\$\{env:[^}]*\}/g, '')) ? 'Leave the password out: it is asked for next and kept in secret storage.' : null,
    );
  } else if (kind.db === 'sqlite') {
    const file = await ask(`Database file, relative to ${project.root} or absolute`, 'app.db', (v) => (v.trim() ? null : 'Name the database file.'));
    if (file !== undefined) url = buildConnectionUrl({ kind: 'sqlite', database: file.trim() });
  } else {
    const host = await ask('Host', '127.0.0.1');
    if (host === undefined) return;
    const port = await ask('Port', String(DEFAULT_PORTS[kind.db]), portProblem);
    if (port === undefined) return;
    const database = await ask('Database name', '', (v) => (v.trim() ? null : 'Name the database.'));
    if (database === undefined) return;
    const user = await ask('User name (empty: none)', kind.db === 'postgresql' ? 'postgres' : 'root');
    if (user === undefined) return;
    url = buildConnectionUrl({ kind: kind.db, host, port: port ? Number(port) : undefined, database: database.trim(), user: user.trim() || undefined });
  }
  if (!url) return;
  const taken = ctx.state.connectionsOf(project.id).map((c) => c.name);
  const name = await ask('Connection name', ['dev', 'local', 'test'].find((n) => !taken.includes(n)) ?? '', (v) => nameProblem(v, taken));
  if (name === undefined) return;
  const protect = await vscode.window.showQuickPick(
    [
      { label: 'Not protected', value: false },
      { label: 'Protected', description: 'its name must be typed before anything changes it (for production)', value: true },
    ],
    { title: `${TITLE}: ${name}` },
  );
  if (!protect) return;
  const setting = { ...DEFAULT_CONNECTION, name: name.trim(), project: relativeConfig(project, ctx.state.folders) ?? '', url: url.trim(), protected: protect.value };
  const key = connectionKey(project.id, setting.name);
  const user = urlUser(url);
  if (kind.db !== 'sqlite' && user) {
    const stub: ResolvedConnection = { key, name: setting.name, projectId: project.id, url, section: '', xArgs: [], env: {}, protected: false, versionTable: '', versionTableSchema: '', source: { kind: 'setting', index: -1 } };
    if ((await ctx.passwords.ask(stub, user)) === undefined) return;
  }
  await addConnectionSetting(setting);
  await waitForConnection(ctx, key);
  const conn = ctx.state.connection(key);
  if (conn) {
    ctx.state.setActive(conn);
    if (ctx.state.trusted) await testConnection(ctx, conn.key);
  }
}

const DEFAULT_CONNECTION = { name: '', project: '', url: '', section: '', xArgs: [], env: {}, protected: false, versionTable: '', versionTableSchema: '' };

/** The settings change arrives through an event: wait for it briefly. */
async function waitForConnection(ctx: ClientContext, key: string): Promise<void> {
  for (let i = 0; i < 20 && !ctx.state.connection(key); i++) await new Promise((r) => setTimeout(r, 50));
}

async function chosenConnection(ctx: ClientContext, arg: unknown, title: string): Promise<ResolvedConnection | undefined> {
  const fromItem = connectionArg(ctx, arg);
  if (fromItem) return fromItem;
  const project = await pickProject(ctx, title, projectIdArg(arg));
  return project ? pickConnection(ctx, project, title, true) : undefined;
}

export async function editConnection(ctx: ClientContext, arg?: unknown): Promise<void> {
  const conn = await chosenConnection(ctx, arg, 'Alembic: Edit Connection');
  if (!conn) return;
  if (conn.source.kind === 'ini') {
    const project = ctx.state.projects.project(conn.projectId);
    const pick = await vscode.window.showInformationMessage(`Alembic: ${conn.name} is the project's own sqlalchemy.url. Edit it in the config file, or add a connection.`, 'Open Config File', 'Add Connection…');
    if (pick === 'Open Config File' && project?.configFile) await vscode.window.showTextDocument(vscode.Uri.file(project.configFile));
    if (pick === 'Add Connection…') await addConnection(ctx, conn.projectId);
    return;
  }
  const index = conn.source.index;
  const title = `Alembic: Edit ${conn.name}`;
  const action = await vscode.window.showQuickPick(
    [
      { label: 'Change Password…', value: 'password' },
      { label: 'Rename…', value: 'rename' },
      { label: 'Change URL…', value: 'url', description: conn.url },
      { label: conn.protected ? 'Unprotect' : 'Protect', value: 'protect', description: conn.protected ? 'stop asking for its name' : 'ask for its name before changing it' },
      { label: 'Edit in settings.json', value: 'json' },
    ],
    { title },
  );
  if (!action) return;
  switch (action.value) {
    case 'password': {
      const url = expandedUrl(conn);
      if ((await ctx.passwords.ask(conn, url.ok ? urlUser(url.url) : null)) !== undefined) void ctx.state.db.read(conn, false);
      return;
    }
    case 'rename': {
      const taken = ctx.state.connectionsOf(conn.projectId).map((c) => c.name).filter((n) => n !== conn.name);
      const name = await vscode.window.showInputBox({ title, prompt: 'New name', value: conn.name, validateInput: (v) => nameProblem(v, taken) });
      if (!name || name.trim() === conn.name) return;
      await ctx.passwords.move(conn.key, connectionKey(conn.projectId, name.trim()));
      await updateConnectionSetting(index, { name: name.trim() });
      return;
    }
    case 'url': {
      const url = await vscode.window.showInputBox({ title, prompt: 'SQLAlchemy URL without the password', value: conn.url, validateInput: (v) => (urlHasPassword(v.replace(/\$\{env:[^}]*\}/g, '')) ? 'Leave the password out: use Change Password.' : v.trim() ? null : 'Type a URL.') });
      if (url) await updateConnectionSetting(index, { url: url.trim() });
      return;
    }
    case 'protect':
      await updateConnectionSetting(index, { protected: !conn.protected });
      return;
    case 'json':
      await vscode.commands.executeCommand('workbench.action.openWorkspaceSettingsFile');
      return;
  }
}

export async function removeConnection(ctx: ClientContext, arg?: unknown): Promise<void> {
  const conn = await chosenConnection(ctx, arg, 'Alembic: Remove Connection');
  if (!conn) return;
  if (conn.source.kind === 'ini') return void vscode.window.showInformationMessage(`Alembic: ${conn.name} comes from the project's config file; remove sqlalchemy.url there to drop it.`);
  const ok = await vscode.window.showWarningMessage(`Remove the connection ${conn.name}?`, { modal: true, detail: 'Its settings entry and its stored password are deleted. The database itself is not touched.' }, 'Remove');
  if (ok !== 'Remove') return;
  await ctx.passwords.delete(conn.key);
  await removeConnectionSetting(conn.source.index);
}

export async function testConnection(ctx: ClientContext, arg?: unknown): Promise<void> {
  const conn = await chosenConnection(ctx, arg, 'Alembic: Test Connection');
  if (!conn) return;
  const state = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Alembic: connecting to ${conn.name}…` }, () => ctx.state.db.read(conn, true));
  const summary = stateSummary(state, ctx.state.graph(conn.projectId));
  if (state.status === 'ok') {
    void vscode.window.showInformationMessage(`Alembic: ${conn.name} works: ${summary.text || 'connected'}.`);
  } else if (state.status === 'error' && (state.kind === 'auth' || state.kind === 'password')) {
    const pick = await vscode.window.showErrorMessage(`Alembic: ${conn.name}: ${summary.detail}`, 'Change Password…');
    if (pick) {
      const url = expandedUrl(conn);
      if ((await ctx.passwords.ask(conn, url.ok ? urlUser(url.url) : null)) !== undefined) await testConnection(ctx, conn.key);
    }
  } else {
    void vscode.window.showErrorMessage(`Alembic: ${conn.name}: ${summary.detail}`);
  }
}

export async function selectConnection(ctx: ClientContext, arg?: unknown): Promise<void> {
  const conn = await chosenConnection(ctx, arg, 'Alembic: Select Active Connection');
  if (!conn) return;
  ctx.state.setActive(conn);
  const s = ctx.state.db.get(conn.key);
  if (ctx.state.trusted && (!s || s.status === 'unread')) void ctx.state.db.read(conn, false);
}

export async function refreshConnection(ctx: ClientContext, arg?: unknown): Promise<void> {
  const conn = await chosenConnection(ctx, arg, 'Alembic: Refresh Connection');
  if (conn) await ctx.state.db.read(conn, true);
}
