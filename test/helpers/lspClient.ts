// A language-server client for protocol tests: starts the built server (`server/out/main.js --stdio`)
// as a child process and speaks LSP to it over JSON-RPC, as an editor would. Every wait is on a
// message from the server with a deadline; on timeout the error says what did arrive.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { DidIndexParams } from '../../server/src/protocol';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_JS = join(REPO, 'server/out/main.js');
export const FIXTURES = join(REPO, 'test/fixtures/projects');

export const uriOf = (path: string): string => URI.file(path).toString();

/** A fresh copy of fixture projects in a temp folder (tests may edit it). */
export function copyFixtures(...names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'alembic-lsp-'));
  for (const name of names) cpSync(join(FIXTURES, name), join(dir, name), { recursive: true });
  return dir;
}

export interface StartOptions {
  folders: string[];
  /** The `alembic` settings section the client answers `workspace/configuration` with. */
  settings?: unknown;
  deadlineMs?: number;
}

interface Waiter {
  test: () => boolean;
  resolve: () => void;
}

export class LspClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly indexed: DidIndexParams[] = [];
  readonly log: string[] = [];
  /** `workspace/codeLens/refresh` and `workspace/inlayHint/refresh` requests received, in order. */
  readonly refreshes: string[] = [];
  settings: unknown;
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  private exited = false;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    readonly deadlineMs: number,
  ) {}

  static async start(options: StartOptions): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, options.deadlineMs ?? 20000);
    client.settings = options.settings ?? {};
    proc.stderr!.on('data', (d) => client.log.push(String(d)));
    proc.on('exit', () => {
      client.exited = true;
      client.poke();
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, p.diagnostics);
      client.poke();
    });
    conn.onNotification('alembic/didIndex', (p: DidIndexParams) => {
      client.indexed.push(p);
      client.poke();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => {
      client.log.push(p.message);
    });
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => client.settings));
    conn.onRequest('client/registerCapability', () => null);
    for (const method of ['workspace/codeLens/refresh', 'workspace/inlayHint/refresh']) {
      conn.onRequest(method, () => {
        client.refreshes.push(method);
        client.poke();
        return null;
      });
    }
    conn.onRequest('workspace/applyEdit', () => ({ applied: false }));
    conn.listen();
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: options.folders.map((f) => ({ uri: uriOf(f), name: f })),
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          applyEdit: true,
          codeLens: { refreshSupport: true },
          inlayHint: { refreshSupport: true },
        },
        // As VS Code: code actions marked disabled are shown with their reason.
        textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: { disabledSupport: true } },
      },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  /** Resolves once `test` holds, re-checked on every message from the server; rejects after the deadline. */
  waitFor(what: string, test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${this.deadlineMs} ms waiting for ${what}; server log:\n${this.log.join('\n').slice(-3000)}\ndiagnostics for: ${[...this.diagnostics.keys()].join(', ')}`));
      }, this.deadlineMs);
      const waiter: Waiter = {
        test: () => test() || this.exited,
        resolve: () => {
          clearTimeout(timer);
          if (this.exited && !test()) reject(new Error(`server exited while waiting for ${what}:\n${this.log.join('\n').slice(-3000)}`));
          else resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits until `count` didIndex notifications have arrived in all (the first index sends one per project). */
  waitForIndexCount(count: number): Promise<void> {
    return this.waitFor(`${count} alembic/didIndex notifications`, () => this.indexed.length >= count);
  }

  /** Waits for the next didIndex after the ones seen so far. */
  async nextIndex(action: () => Promise<void> | void): Promise<DidIndexParams> {
    const seen = this.indexed.length;
    await action();
    await this.waitFor('the next alembic/didIndex', () => this.indexed.length > seen);
    return this.indexed[this.indexed.length - 1];
  }

  diagnosticsFor(path: string): Diagnostic[] {
    return this.diagnostics.get(uriOf(path)) ?? [];
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async open(path: string, text: string): Promise<void> {
    this.versions.set(path, 1);
    await this.notify('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId: 'python', version: 1, text } });
  }

  /** Replaces the whole text of an open document. */
  async change(path: string, text: string): Promise<void> {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    await this.notify('textDocument/didChange', { textDocument: { uri: uriOf(path), version }, contentChanges: [{ text }] });
  }

  async close(path: string): Promise<void> {
    this.versions.delete(path);
    await this.notify('textDocument/didClose', { textDocument: { uri: uriOf(path) } });
  }

  /** Tells the server files changed on disk (1 created, 2 changed, 3 deleted), as a file watcher would. */
  async filesChanged(changes: { path: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.notify('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: uriOf(c.path), type: c.type })) });
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await this.conn.sendRequest('shutdown');
        await this.conn.sendNotification('exit');
      } catch {
        // already gone
      }
      await this.waitFor('server exit', () => this.exited).catch(() => this.proc.kill('SIGKILL'));
    }
    this.conn.dispose();
  }

  private poke(): void {
    const done = this.waiters.filter((w) => w.test());
    this.waiters = this.waiters.filter((w) => !done.includes(w));
    for (const w of done) w.resolve();
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
