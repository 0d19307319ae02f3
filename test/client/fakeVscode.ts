// A stand-in for the `vscode` module, just large enough for the client's thin VS Code files to run
// under node:test: commands are recorded, dialogs answer from a script, tree views keep their provider.
// installFakeVscode() must run before those files are imported (they are loaded with require).
import Module from 'node:module';

export interface Recorded {
  commands: Map<string, (...args: unknown[]) => unknown>;
  executed: { command: string; args: unknown[] }[];
  messages: { level: 'info' | 'warning' | 'error'; text: string; items: unknown[] }[];
  clipboard: string;
  treeViews: Map<string, { treeDataProvider: unknown; message?: string }>;
  /** Answers for showQuickPick / showInputBox / showXMessage, consumed in order; undefined = Escape. */
  answers: unknown[];
  /** What each question asked (titles/prompts/messages), in order. */
  asked: string[];
  trusted: boolean;
  /** `alembic.*` settings as getConfiguration('alembic').get(key) answers them. */
  config: Record<string, unknown>;
  progress: string[];
}

export const recorded: Recorded = {
  commands: new Map(),
  executed: [],
  messages: [],
  clipboard: '',
  treeViews: new Map(),
  answers: [],
  asked: [],
  trusted: true,
  config: {},
  progress: [],
};

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class ThemeIcon {
  constructor(readonly id: string, readonly color?: ThemeColor) {}
}
class ThemeColor {
  constructor(readonly id: string) {}
}
class MarkdownString {
  supportThemeIcons = false;
  constructor(readonly value: string) {}
}
class Range {
  constructor(readonly startLine: number, readonly startCharacter: number, readonly endLine: number, readonly endCharacter: number) {}
}
class TreeItem {
  id?: string;
  description?: string;
  tooltip?: unknown;
  iconPath?: unknown;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  resourceUri?: unknown;
  constructor(readonly label: string, readonly collapsibleState: number) {}
}
const Uri = { file: (fsPath: string) => ({ scheme: 'file', fsPath, toString: () => `file://${fsPath}` }) };

function answer(): Promise<unknown> {
  return Promise.resolve(recorded.answers.shift());
}

const message = (level: 'info' | 'warning' | 'error') => (text: string, ...items: unknown[]) => {
  recorded.messages.push({ level, text, items });
  recorded.asked.push(text);
  return answer();
};

function ask(items: unknown, options?: { title?: string; prompt?: string; placeHolder?: string }): Promise<unknown> {
  recorded.asked.push([options?.title, options?.prompt ?? options?.placeHolder].filter(Boolean).join(': '));
  const next = recorded.answers.shift();
  // A quick pick answered with a label picks the item with that label.
  if (Array.isArray(items) && typeof next === 'string') return Promise.resolve(items.find((i: { label?: string }) => i.label === next) ?? undefined);
  return Promise.resolve(next);
}

export const fake = {
  EventEmitter,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  Range,
  TreeItem,
  Uri,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ProgressLocation: { Notification: 15 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  commands: {
    registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
      if (recorded.commands.has(id)) throw new Error(`command '${id}' already exists`);
      recorded.commands.set(id, fn);
      return { dispose: () => recorded.commands.delete(id) };
    },
    async executeCommand(command: string, ...args: unknown[]) {
      recorded.executed.push({ command, args });
      return recorded.commands.get(command)?.(...args);
    },
  },
  window: {
    showInformationMessage: message('info'),
    showWarningMessage: message('warning'),
    showErrorMessage: message('error'),
    showQuickPick: (items: unknown, options?: { title?: string; placeHolder?: string }) => ask(items, options),
    showInputBox: (options?: { title?: string; prompt?: string; validateInput?: (v: string) => unknown }) => ask(undefined, options),
    async withProgress<T>(_options: unknown, task: (p: { report(m: { message?: string }): void }, token: unknown) => Promise<T>): Promise<T> {
      const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
      return task({ report: (m) => m.message && recorded.progress.push(m.message) }, token);
    },
    showTextDocument: async () => undefined,
    setStatusBarMessage: () => ({ dispose() {} }),
    createTreeView(id: string, options: { treeDataProvider: unknown }) {
      const view = { treeDataProvider: options.treeDataProvider, message: undefined as string | undefined, dispose() {} };
      recorded.treeViews.set(id, view);
      return view;
    },
    activeTextEditor: undefined,
    onDidChangeActiveTextEditor: () => ({ dispose() {} }),
  },
  workspace: {
    get isTrusted() {
      return recorded.trusted;
    },
    workspaceFolders: undefined,
    getConfiguration: () => ({ get: (key: string) => recorded.config[key], inspect: () => undefined, update: async () => undefined }),
    openTextDocument: async (init: unknown) => init,
  },
  extensions: { getExtension: () => undefined },
  env: {
    clipboard: {
      async writeText(text: string) {
        recorded.clipboard = text;
      },
    },
  },
};

let installed = false;

/** Makes `require('vscode')` return the fake, for modules loaded from now on. */
export function installFakeVscode(): void {
  if (installed) return;
  installed = true;
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = M._load;
  M._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fake : load.call(this, request, ...rest);
  };
}

export function resetRecorded(): void {
  recorded.executed.length = 0;
  recorded.messages.length = 0;
  recorded.answers.length = 0;
  recorded.asked.length = 0;
  recorded.progress.length = 0;
  recorded.clipboard = '';
  recorded.trusted = true;
  recorded.config = {};
}
