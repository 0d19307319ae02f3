// Starts the bundled language server (server/out/main.js) over IPC. The server indexes the workspace
// statically; it never runs Python or connects to a database, so it runs in untrusted workspaces too.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DID_INDEX_NOTIFICATION, type DidIndexParams } from '../../server/src/protocol';

export const CLIENT_ID = 'alembic';

export interface ClientHooks {
  /** The server re-indexed a project: the views fetch its graph again. */
  onDidIndex?(params: DidIndexParams): void;
}

export async function startLanguageClient(context: vscode.ExtensionContext, hooks: ClientHooks = {}): Promise<LanguageClient> {
  const module = context.asAbsolutePath('server/out/main.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Migration files are Python; configs are sent too so that unsaved edits to them count.
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'file', pattern: '**/*.ini' },
      { scheme: 'file', pattern: '**/pyproject.toml' },
    ],
    outputChannelName: 'Alembic Language Server',
  };
  const client = new LanguageClient(CLIENT_ID, 'Alembic Language Server', serverOptions, clientOptions);
  if (hooks.onDidIndex) {
    const handler = hooks.onDidIndex;
    client.onNotification(DID_INDEX_NOTIFICATION, (params: DidIndexParams) => handler(params));
  }
  await client.start();
  return client;
}
