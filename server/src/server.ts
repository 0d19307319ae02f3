// The language server: capabilities and wiring between the connection, the workspace index and the
// feature handlers. No globals: `createServer` takes the connection and the outside world (file
// system, clock, id source), so tests can run it over any stream.
import { randomBytes } from 'node:crypto';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { newRevisionId } from './engine/index';
import type { HostFs } from './engine/index';
import { DID_INDEX_NOTIFICATION, GRAPH_REQUEST, PROJECTS_REQUEST, type DidIndexParams, type GraphParams, type ProjectsResult } from './protocol';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { pathToUri, uriToPath } from './lsp/uris';
import { WorkspaceIndex, type FileChangeKind, type ProjectState } from './workspaceIndex';
import { diagnosticsByFile } from './features/diagnostics';
import { keepHeapNearLiveSize } from './incremental/heap';
import { projectGraph, projectSummary } from './features/projects';
import type { FeatureContext } from './features/context';
import { FEATURES } from './features/registry';

export interface ServerDeps {
  fs: HostFs;
  newRevisionId?: () => string;
  now?: () => Date;
}

const WATCHED_GLOBS = ['**/*.py', '**/*.ini', '**/pyproject.toml', '**/script.py.mako'];

export function createServer(connection: Connection, deps: ServerDeps): void {
  const documents = new TextDocuments(TextDocument);
  let index = new WorkspaceIndex(deps.fs, []);
  let settings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canWatchDynamically = false;
  let supportsFolders = false;
  let canRefreshLenses = false;
  let canRefreshHints = false;
  let showsDisabledActions = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const published = new Map<string, string>(); // uri -> JSON of what was last sent
  let publishedWith: typeof settings | null = null; // the settings those diagnostics were made with

  const ctx: FeatureContext = {
    get index() {
      return index;
    },
    settings: () => settings,
    documents,
    newRevisionId: deps.newRevisionId ?? (() => newRevisionId(randomBytes(6))),
    now: deps.now ?? (() => new Date()),
    get disabledCodeActions() {
      return showsDisabledActions;
    },
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
    if (folders.length === 0 && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders.push(root);
    }
    index = new WorkspaceIndex(deps.fs, folders);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    supportsFolders = params.capabilities.workspace?.workspaceFolders === true;
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    canRefreshHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    showsDisabledActions = params.capabilities.textDocument?.codeAction?.disabledSupport === true;
    const options = params.initializationOptions as { settings?: unknown } | undefined;
    if (options?.settings !== undefined) settings = readSettings(options.settings);
    const capabilities: ServerCapabilities = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const feature of FEATURES) Object.assign(capabilities, feature.capabilities);
    return { capabilities, serverInfo: { name: 'alembic-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'alembic' });
    if (canWatchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
    }
    if (supportsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async (e) => {
        await ready;
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
        const folders = [...index.folders.filter((f) => !removed.has(f)), ...added];
        guarded('workspace folders', () => afterIndex(index.setFolders(folders)));
      });
    }
    // Index after answering: `initialize` stays fast, and requests wait for `ready`.
    setImmediate(async () => {
      await pullSettings();
      guarded('initial index', () => afterIndex(index.rediscover()));
      markReady();
    });
  });

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      settings = readSettings(await connection.workspace.getConfiguration('alembic'));
    } catch (e) {
      connection.console.warn(`alembic: could not read settings, using defaults (${String(e)})`);
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else settings = readSettings((change.settings as { alembic?: unknown } | undefined)?.alembic);
    await ready;
    publishDiagnostics();
    scheduleRefresh();
  });

  /**
   * Code lenses and inlay hints of other open files describe the graph (children, heads, a parent's
   * message), so they go stale when it changes: ask the editor to fetch them again, at most a few
   * times a second while someone types.
   */
  function scheduleRefresh(): void {
    if ((!canRefreshLenses && !canRefreshHints) || refreshTimer !== undefined) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      if (canRefreshLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      if (canRefreshHints) void connection.sendRequest('workspace/inlayHint/refresh').catch(() => undefined);
    }, 300);
  }

  // Edits: coalesced per file and applied on the next turn, so a burst of keystrokes costs one re-index.
  const pendingText = new Map<string, string | null>();
  let flushScheduled = false;
  function scheduleOverlay(path: string, text: string | null): void {
    pendingText.set(path, text);
    if (flushScheduled) return;
    flushScheduled = true;
    setImmediate(async () => {
      await ready;
      flushScheduled = false;
      const batch = [...pendingText];
      pendingText.clear();
      // Each edit on its own: one that fails must not keep the others (or the diagnostics) back.
      const touched = new Set<ProjectState>();
      for (const [p, t] of batch) {
        guarded(`edit of ${p}`, () => {
          for (const s of t === null ? index.clearOverlay(p) : index.setOverlay(p, t)) touched.add(s);
        });
      }
      guarded('publishing diagnostics', () => afterIndex([...touched]));
    });
  }

  documents.onDidChangeContent((e) => {
    const path = uriToPath(e.document.uri);
    if (path !== null) scheduleOverlay(path, e.document.getText());
  });
  documents.onDidClose((e) => {
    const path = uriToPath(e.document.uri);
    if (path !== null) scheduleOverlay(path, null);
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    await ready;
    const changes = params.changes
      .map((c) => ({ path: uriToPath(c.uri), kind: kindOf(c.type) }))
      .filter((c): c is { path: string; kind: FileChangeKind } => c.path !== null);
    guarded('file change', () => afterIndex(index.diskChanged(changes)));
  });

  connection.onRequest(PROJECTS_REQUEST, async (): Promise<ProjectsResult> => {
    await ready;
    return { projects: index.projects.map(projectSummary) };
  });
  connection.onRequest(GRAPH_REQUEST, async (params: GraphParams) => {
    await ready;
    const p = index.project(params.project);
    return p ? projectGraph(p) : null;
  });

  for (const feature of FEATURES) feature.register(connection, ctx, ready);

  function afterIndex(touched: ProjectState[]): void {
    for (const e of index.takeFailures()) {
      connection.console.error(`alembic: an incremental update failed, the project was indexed afresh: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    publishDiagnostics();
    keepHeapNearLiveSize();
    if (touched.length > 0) scheduleRefresh();
    for (const p of touched) {
      const summary = projectSummary(p);
      const params: DidIndexParams = {
        project: summary.id,
        version: summary.version,
        revisionCount: summary.revisionCount,
        headCount: summary.headCount,
        problemCount: summary.problemCount,
      };
      void connection.sendNotification(DID_INDEX_NOTIFICATION, params);
    }
  }

  /**
   * Sends what changed since the last time, and clears files that no longer have problems. After an
   * edit only the files the index reports as changed are looked at; new settings or a rediscovery
   * redo every file.
   */
  function publishDiagnostics(): void {
    const changed = index.takeChangedFiles();
    const next = new Map<string, Diagnostic[]>();
    if (changed === 'all' || publishedWith !== settings) {
      publishedWith = settings;
      const all = [...index.discoveryProblems, ...index.projects.flatMap((p) => p.indexed.problems)];
      for (const [file, diagnostics] of diagnosticsByFile(all, settings)) next.set(pathToUri(file), diagnostics);
      for (const uri of published.keys()) if (!next.has(uri)) next.set(uri, []);
    } else {
      for (const path of changed) next.set(pathToUri(path), diagnosticsByFile(index.problemsAt(path), settings).get(path) ?? []);
    }
    for (const [uri, diagnostics] of next) {
      const json = JSON.stringify(diagnostics);
      if ((published.get(uri) ?? '[]') === json) continue;
      if (diagnostics.length === 0) published.delete(uri);
      else published.set(uri, json);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  function guarded(what: string, run: () => void): void {
    try {
      run();
    } catch (e) {
      connection.console.error(`alembic: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  documents.listen(connection);
}

function kindOf(type: FileChangeType): FileChangeKind {
  return type === FileChangeType.Created ? 'created' : type === FileChangeType.Deleted ? 'deleted' : 'changed';
}
