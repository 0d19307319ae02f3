// What every command and view gets: the extension's services, built once in extension.ts.
import type * as vscode from 'vscode';
import type { RunLock } from '../../server/src/node/alembic/index';
import type { Passwords } from './db/passwords';
import type { Interpreters } from './run/interpreter';
import type { AlembicOutput } from './run/output';
import type { AppState } from './state/appState';

export interface ClientContext {
  extension: vscode.ExtensionContext;
  state: AppState;
  output: AlembicOutput;
  passwords: Passwords;
  interpreters: Interpreters;
  /** One run at a time per connection. */
  lock: RunLock;
  /** A request to the language server (waits until it runs). */
  request<R>(method: string, params?: unknown): Promise<R>;
  /** Fetches projects and graphs again and re-reads every connection (the Refresh command). */
  refresh(): Promise<void>;
}
