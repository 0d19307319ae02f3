// What `activate` returns (`vscode.extensions.getExtension('alembic-vscode.alembic-vscode').exports`):
// a read-only window on the client's state for integration tests and other extensions — when the
// workspace is indexed, the projects and graphs, the views' own tree providers, the status bar text.
// Under test (ExtensionMode.Test, or ALEMBIC_VSCODE_TEST_HOOKS=1 for an installed .vsix) it also
// lets a test answer the extension's questions (testPrompts.ts).
import * as vscode from 'vscode';
import type { DidIndexParams, GraphResult } from '../../server/src/protocol';
import type { ConnectionItem } from './model/connectionItems';
import type { ProjectInfo, ResolvedConnection } from './model/connections';
import type { HistoryItem } from './model/historyItems';
import type { AppState } from './state/appState';
import { answerPrompts, type PromptAnswerer } from './testPrompts';

export type { Prompt, PromptAnswer, PromptAnswerer } from './testPrompts';

export interface AlembicApi {
  /** The projects once the language server has indexed the workspace; rejects when it did not start or answer. */
  whenIndexed(): Promise<ProjectInfo[]>;
  /** Each `alembic/didIndex` notification of the language server (a project was (re-)indexed). */
  readonly onDidIndex: vscode.Event<DidIndexParams>;
  /** Any change of what the views show: projects, graphs, connections, database positions. */
  readonly onDidChange: vscode.Event<void>;
  projects(): ProjectInfo[];
  graph(projectId: string): GraphResult | undefined;
  connections(): ResolvedConnection[];
  /** The providers behind the History and Connections views, as VS Code calls them. */
  readonly views: {
    history: vscode.TreeDataProvider<HistoryItem>;
    connections: vscode.TreeDataProvider<ConnectionItem>;
  };
  /** The message a view shows above its tree (why it is empty or incomplete), if any. */
  viewMessage(view: 'history' | 'connections'): string | undefined;
  /** The status bar entry as shown now. */
  statusBar(): { text: string; tooltip: string | vscode.MarkdownString | undefined };
  /** Only under test. */
  readonly testing?: {
    /** The extension's messages, QuickPicks and input boxes go to `answer` until disposed. */
    answerPrompts(answer: PromptAnswerer): vscode.Disposable;
  };
}

export interface ApiParts {
  context: vscode.ExtensionContext;
  state: AppState;
  didIndex: vscode.Event<DidIndexParams>;
  history: vscode.TreeDataProvider<HistoryItem>;
  connections: vscode.TreeDataProvider<ConnectionItem>;
  treeView: (view: 'history' | 'connections') => vscode.TreeView<unknown>;
  statusItem: () => vscode.StatusBarItem;
}

export function createApi(parts: ApiParts): AlembicApi & vscode.Disposable {
  const { state } = parts;
  const changed = new vscode.EventEmitter<void>();
  const sub = state.changed.on(() => changed.fire());
  const underTest = parts.context.extensionMode === vscode.ExtensionMode.Test || process.env.ALEMBIC_VSCODE_TEST_HOOKS === '1';
  return {
    whenIndexed: () =>
      new Promise<ProjectInfo[]>((resolve, reject) => {
        const settle = (): boolean => {
          if (!state.projects.indexed) return false;
          if (state.projects.error) reject(new Error(state.projects.error));
          else resolve(state.projects.projects);
          return true;
        };
        if (settle()) return;
        const wait = state.projects.changed.on(() => settle() && wait.dispose());
      }),
    onDidIndex: parts.didIndex,
    onDidChange: changed.event,
    projects: () => state.projects.projects,
    graph: (id) => state.graph(id),
    connections: () => state.connections,
    views: { history: parts.history, connections: parts.connections },
    viewMessage: (view) => parts.treeView(view).message,
    statusBar: () => {
      const item = parts.statusItem();
      return { text: item.text, tooltip: item.tooltip };
    },
    testing: underTest ? { answerPrompts } : undefined,
    dispose: () => {
      sub.dispose();
      changed.dispose();
    },
  };
}
