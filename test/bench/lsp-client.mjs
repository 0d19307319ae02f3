// A minimal LSP client for the benchmark (plain JavaScript, so `node test/bench/lsp.mjs` runs without
// a TypeScript loader): starts the built server over stdio, records notifications with their arrival
// time, and waits on them with a deadline. The protocol tests use test/helpers/lspClient.ts instead.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const uriOf = (path) => pathToFileURL(path).href;

export class BenchClient {
  /** @param {string} serverJs */
  constructor(serverJs) {
    this.started = performance.now();
    this.proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.diagnostics = new Map(); // uri -> diagnostics
    this.firstDiagnosticsAt = null;
    this.indexed = []; // { at, params }
    this.waiters = [];
    this.versions = new Map();
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.firstDiagnosticsAt ??= performance.now();
      this.diagnostics.set(p.uri, p.diagnostics);
      this.poke();
    });
    this.conn.onNotification('alembic/didIndex', (params) => {
      this.indexed.push({ at: performance.now(), params });
      this.poke();
    });
    this.conn.onNotification('window/logMessage', (p) => (this.stderr += `${p.message}\n`));
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.listen();
  }

  /** Sends `initialize` for these folders; resolves with the milliseconds since the process was spawned. */
  async initialize(folders) {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    return performance.now() - this.started;
  }

  async initialized() {
    this.initializedAt = performance.now();
    await this.conn.sendNotification('initialized', {});
  }

  waitFor(what, test, deadlineMs = 60000) {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter = { test, resolve: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; server stderr:\n${this.stderr.slice(-2000)}`));
      }, deadlineMs);
      this.waiters.push(waiter);
    });
  }

  /** Runs `action`, then resolves with the didIndex that follows it (and when it arrived). */
  async nextIndex(action) {
    const seen = this.indexed.length;
    await action();
    await this.waitFor('alembic/didIndex', () => this.indexed.length > seen);
    return this.indexed[this.indexed.length - 1];
  }

  async open(path, text) {
    this.versions.set(path, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId: 'python', version: 1, text } });
  }

  /** An incremental change, as an editor sends for a keystroke: `text` replaces the range. */
  async edit(path, range, text) {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(path), version }, contentChanges: [{ range, text }] });
  }

  /** Resident memory of the server process now and at its peak, in MB (Linux /proc). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
      const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    } catch {
      return { rssMb: NaN, peakMb: NaN };
    }
  }

  async stop() {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((resolve) => {
      if (this.proc.exitCode !== null) return resolve();
      const timer = setTimeout(() => (this.proc.kill('SIGKILL'), resolve()), 5000);
      this.proc.once('exit', () => (clearTimeout(timer), resolve()));
    });
    this.conn.dispose();
  }

  poke() {
    const done = this.waiters.filter((w) => w.test());
    this.waiters = this.waiters.filter((w) => !done.includes(w));
    for (const w of done) w.resolve();
  }
}
