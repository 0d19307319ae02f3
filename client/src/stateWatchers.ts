// Keeps AppState in step with VS Code (settings, folders, trust), sets the context keys the menus
// and welcome views use, and reads the active connections' version tables when they are not known
// yet (in the background: a connection without a stored password waits for the user to ask).
import * as vscode from 'vscode';
import type { ClientContext } from './context';
import { currentClientSettings, workspaceFolderPaths } from './settingsReader';

export function watchState(ctx: ClientContext): vscode.Disposable[] {
  const { state } = ctx;
  const keys = new Map<string, unknown>();
  const setKey = (key: string, value: unknown) => {
    if (keys.get(key) === value) return;
    keys.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  };
  const onChange = () => {
    const list = state.projects.projects;
    setKey('alembic.indexed', state.projects.indexed);
    setKey('alembic.projectCount', list.length);
    setKey('alembic.connectionCount', state.connections.length);
    setKey('alembic.multipleHeads', list.some((p) => p.headCount > 1));
    if (!state.trusted) return;
    for (const p of list) {
      const conn = state.activeConnection(p.id);
      if (conn && !state.db.get(conn.key)) void state.db.read(conn, false);
    }
  };
  const sub = state.changed.on(onChange);
  onChange();
  return [
    { dispose: () => sub.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('alembic')) return;
      if (e.affectsConfiguration('alembic.pythonPath')) ctx.interpreters.clear();
      state.update({ settings: currentClientSettings() });
      // A changed URL, table or timeout: what was read no longer counts.
      if (e.affectsConfiguration('alembic.connections') || e.affectsConfiguration('alembic.versionTable') || e.affectsConfiguration('alembic.versionTableSchema')) {
        for (const c of state.connections) state.db.states.delete(c.key);
        onChange();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => state.update({ folders: workspaceFolderPaths() })),
    vscode.workspace.onDidGrantWorkspaceTrust(() => state.update({ trusted: true })),
  ];
}
