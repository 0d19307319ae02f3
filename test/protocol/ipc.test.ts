// VS Code starts the language server over Node IPC (client/src/languageClient.ts): the same server
// answers there as on stdio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { copyFixtures, removeDir, SERVER_JS, uriOf } from '../helpers/lspClient';
import type { DidIndexParams } from '../../server/src/protocol';

test('over --node-ipc: initialize, then one alembic/didIndex with the project counts', async () => {
  const dir = copyFixtures('multiple-heads');
  const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  try {
    const indexed = new Promise<DidIndexParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no alembic/didIndex within 20 s')), 20000);
      conn.onNotification('alembic/didIndex', (p: DidIndexParams) => {
        clearTimeout(timer);
        resolve(p);
      });
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    const result = await conn.sendRequest<{ capabilities: { definitionProvider?: unknown } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: uriOf(join(dir, 'multiple-heads')), name: 'mh' }],
      capabilities: {},
    });
    assert.ok(result.capabilities.definitionProvider);
    await conn.sendNotification('initialized', {});
    const info = await indexed;
    assert.deepEqual([info.revisionCount, info.headCount], [4, 2]);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
  } finally {
    conn.dispose();
    if (child.exitCode === null) child.kill();
    removeDir(dir);
  }
});
