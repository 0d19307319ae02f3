// Extension entry point. Activation stays fast: the state, views, status bar and commands are set up
// at once; the language server starts without being waited for (the views say "Indexing…" until it
// answers); the database bundle is only loaded on the first database read.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { DidIndexParams } from '../../server/src/protocol';
import { RunLock } from '../../server/src/node/alembic/runLock';
import { createApi, type AlembicApi } from './api';
import { registerCommands } from './commands/registry';
import type { ClientContext } from './context';
import { Passwords } from './db/passwords';
import { makeVersionReader } from './db/versionReader';
import { startLanguageClient } from './languageClient';
import { Interpreters } from './run/interpreter';
import { AlembicOutput } from './run/output';
import { currentClientSettings, workspaceFolderPaths } from './settingsReader';
import { AppState } from './state/appState';
import { DatabaseStore } from './state/databaseStore';
import { ProjectsStore } from './state/projectsStore';
import { watchState } from './stateWatchers';
import { ConnectionsView } from './views/connectionsView';
import { HistoryView } from './views/historyView';
import { StatusBar } from './views/statusBar';

let clientStart: Promise<LanguageClient> | undefined;

export type { AlembicApi } from './api';

export function activate(context: vscode.ExtensionContext): AlembicApi {
  const known = new Set<string>(); // every password seen this session: the output hides them
  const output = new AlembicOutput(known);
  const passwords = new Passwords(context.secrets, known);
  const projects = new ProjectsStore();
  const settings = () => state.settings;
  const db = new DatabaseStore(
    makeVersionReader({
      bundlePath: context.asAbsolutePath('server/out/db.js'),
      passwords,
      project: (id) => projects.project(id),
      trusted: () => vscode.workspace.isTrusted,
      timeoutSeconds: () => settings().databaseTimeout,
    }),
  );
  const memoryKey = 'alembic.activeConnections';
  const state: AppState = new AppState(
    projects,
    db,
    {
      get: () => context.workspaceState.get<Record<string, string>>(memoryKey) ?? {},
      set: (v) => void context.workspaceState.update(memoryKey, v),
    },
    process.env,
  );
  state.update({ settings: currentClientSettings(), folders: workspaceFolderPaths(), trusted: vscode.workspace.isTrusted });

  const didIndex = new vscode.EventEmitter<DidIndexParams>();
  clientStart = startLanguageClient(context, {
    onDidIndex: (p) => {
      projects.didIndex(p);
      didIndex.fire(p);
    },
  });
  const request = async <R>(method: string, params?: unknown): Promise<R> => (await clientStart!).sendRequest<R>(method, params);
  clientStart.then(
    () => projects.connect(request),
    (e) => {
      projects.error = `The Alembic language server did not start: ${e instanceof Error ? e.message : String(e)}`;
      projects.indexed = true;
      projects.changed.fire();
    },
  );

  const interpreters = new Interpreters();
  const ctx: ClientContext = {
    extension: context,
    state,
    output,
    passwords,
    interpreters,
    lock: new RunLock(),
    request,
    refresh: async () => {
      await projects.refresh();
      if (state.trusted) await Promise.all(state.connections.map((c) => db.read(c, false)));
    },
  };
  const history = new HistoryView(state);
  const connections = new ConnectionsView(state);
  const statusBar = new StatusBar(state);
  // The integration API reads the views' own providers and the status bar item they render.
  const api = createApi({
    context,
    state,
    didIndex: didIndex.event,
    history,
    connections,
    treeView: (view) => (view === 'history' ? history['view'] : connections['view']),
    statusItem: () => statusBar['item'],
  });
  context.subscriptions.push(
    output,
    interpreters,
    history,
    connections,
    statusBar,
    didIndex,
    api,
    ...registerCommands(ctx),
    ...watchState(ctx),
    { dispose: () => projects.dispose() },
  );
  return api;
}

export async function deactivate(): Promise<void> {
  const start = clientStart;
  clientStart = undefined;
  if (!start) return;
  try {
    await (await start).stop();
  } catch {
    // It never started: nothing to stop.
  }
}
