// The built server on a disk that misbehaves: files deleted and renamed while it indexes, folders and
// files it may not read, symbolic links that loop. It never hangs or crashes, reports a problem where
// Alembic would meet one, and once the watcher has told it what changed, shows exactly what a fresh
// index of the disk gives.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, renameSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { nodeFs } from '../../server/src/node/nodeFs';
import { LspClient, removeDir, SERVER_JS, uriOf } from '../helpers/lspClient';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { randomRevisions, seeded, writeProject } from '../server/incremental-edits';
import { freshDiagnostics, shownDiagnostics } from '../server/incremental-fresh';

const root = mkdtempSync(join(tmpdir(), 'alembic-lsp-robust-'));
after(() => removeDir(root));

const codesOn = (client: { diagnostics: Map<string, Diagnostic[]> }, path: string) => (client.diagnostics.get(uriOf(path)) ?? []).map((d) => d.code);
const serverErrors = (log: string[]) => log.filter((line) => /failed|unhandled|exception|TypeError|RangeError|ReferenceError/i.test(line));

test('files deleted and renamed while the server indexes: after the watcher events it shows the final disk', async (t) => {
  const dir = join(root, 'racing');
  writeProject(dir, projectFiles(randomRevisions(seeded(5), 1500)));
  const versions = join(dir, 'migrations/versions');
  const names = readdirSync(versions).sort();
  const client = await LspClient.start({ folders: [dir], deadlineMs: 30000 });
  try {
    // The disk changes a file at a time, spread over the first index and the re-indexes that the
    // watcher events of earlier changes set off, so reads race with deletions and renames. The
    // pause between two changes only paces them; nothing waits on the server here.
    let events: { path: string; type: 1 | 2 | 3 }[] = [];
    let beforeFirstIndex = 0;
    for (let k = 0; k < 120; k++) {
      const name = names[k * 12];
      const path = join(versions, name);
      if (k % 3 === 0) {
        unlinkSync(path);
        events.push({ path, type: 3 });
      } else {
        // Renamed: to another revision file, or to a name Alembic does not load.
        const to = join(versions, k % 3 === 1 ? `moved_${name}` : `${name}.bak`);
        renameSync(path, to);
        events.push({ path, type: 3 }, { path: to, type: 1 });
      }
      if (k % 20 === 19) {
        await client.filesChanged(events);
        events = [];
      }
      if (client.indexed.length === 0) beforeFirstIndex++;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const want = freshDiagnostics(nodeFs, [dir]);
    assert.ok(want.size > 10, 'the deletions broke links the server must report');
    await client.waitFor('diagnostics of the final disk', () => isDeepStrictEqual(shownDiagnostics(client.diagnostics), want));
    await client.request('alembic/projects', {});
    assert.deepEqual(serverErrors(client.log), []);
    t.diagnostic(`${beforeFirstIndex} of 120 changes were made before the first index was published; ${client.indexed.length} indexes in all`);
  } finally {
    await client.stop();
  }
});

test('symbolic links that loop: a problem on each, no hang, the rest indexed as a fresh index does', async () => {
  const dir = join(root, 'loops');
  writeProject(dir, {
    ...projectFiles({ 'a1_first.py': revisionText('a1a1', null) }),
    '/w/alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\nrecursive_version_locations = true\n',
    '/w/migrations/versions/sub/b2_second.py': revisionText('b2b2', 'a1a1'),
  });
  const versions = join(dir, 'migrations/versions');
  symlinkSync('self_loop.py', join(versions, 'self_loop.py'));
  symlinkSync('pong.py', join(versions, 'ping.py'));
  symlinkSync('ping.py', join(versions, 'pong.py'));
  symlinkSync('..', join(versions, 'sub/back')); // a folder loop: Alembic's walk does not follow folder links
  const client = await LspClient.start({ folders: [dir] });
  try {
    await client.waitForIndexCount(1);
    const want = freshDiagnostics(nodeFs, [dir]);
    await client.waitFor('the fresh index', () => isDeepStrictEqual(shownDiagnostics(client.diagnostics), want));
    for (const name of ['self_loop.py', 'ping.py', 'pong.py']) assert.deepEqual(codesOn(client, join(versions, name)), ['symlink-loop'], name);
    const [project] = (await client.request<{ projects: { revisionCount: number }[] }>('alembic/projects', {})).projects;
    assert.equal(project.revisionCount, 2, 'both real revisions, the one in sub/ too, and nothing twice through the folder loop');
    assert.deepEqual(serverErrors(client.log), []);
  } finally {
    await client.stop();
  }
});

/** A bare client for a server started as another user (LspClient always starts it as this one). */
async function startServerAs(uid: number, folder: string) {
  const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], uid, gid: uid });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const log: string[] = [];
  let changed = () => {};
  proc.stderr!.on('data', (d) => {
    log.push(String(d));
  });
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    changed();
  });
  conn.onNotification('window/logMessage', (p: { message: string }) => {
    log.push(p.message);
  });
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: [{ uri: uriOf(folder), name: folder }], capabilities: { workspace: { configuration: true } } });
  await conn.sendNotification('initialized', {});
  return {
    diagnostics,
    log,
    conn,
    /** Resolves when `test` holds, re-checked on each diagnostics message; rejects after 20 s. */
    waitFor(what: string, test: () => boolean): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; log:\n${log.join('')}`)), 20000);
        changed = () => test() && (clearTimeout(timer), resolve());
        changed();
      });
    },
    async stop() {
      await conn.sendRequest('shutdown').catch(() => {});
      await conn.sendNotification('exit').catch(() => {});
      if (proc.exitCode === null) await new Promise((resolve) => proc.once('exit', resolve));
      conn.dispose();
    },
  };
}

test('a folder and a file the server may not read: a problem on each, gone once they are readable again', async (t) => {
  const dir = join(root, 'locked');
  writeProject(dir, {
    ...projectFiles({ 'a1_first.py': revisionText('a1a1', null), 'c3_third.py': revisionText('c3c3', 'a1a1') }),
    '/w/alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\nrecursive_version_locations = true\n',
    '/w/migrations/versions/locked/b2_second.py': revisionText('b2b2', 'a1a1'),
  });
  const versions = join(dir, 'migrations/versions');
  const lockedDir = join(versions, 'locked');
  const lockedFile = join(versions, 'c3_third.py');
  // Root reads through any permission: run the server as an unprivileged user, or skip.
  let uid: number | null = null;
  if (process.getuid?.() === 0) {
    const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(SERVER_JS)})`], { uid: 65534, gid: 65534 });
    if (probe.status !== 0) return t.skip('running as root, and cannot start the server as an unprivileged user (uid 65534) to make permissions count');
    uid = 65534;
    for (let d = dir; d !== root; d = join(d, '..')) chmodSync(d, 0o755);
    chmodSync(root, 0o755);
  }
  chmodSync(lockedDir, 0o000);
  chmodSync(lockedFile, 0o000);
  const client = uid === null ? await LspClient.start({ folders: [dir] }) : await startServerAs(uid, dir);
  try {
    await client.waitFor('the unreadable folder and file reported', () => codesOn(client, lockedDir).includes('unreadable-directory') && codesOn(client, lockedFile).includes('unreadable-file'));
    chmodSync(lockedDir, 0o755);
    chmodSync(lockedFile, 0o644);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf(lockedDir), type: 1 },
        { uri: uriOf(lockedFile), type: 2 },
      ],
    });
    // Readable again: the same as a fresh index (b2 and c3 both on a1: two heads).
    const want = freshDiagnostics(nodeFs, [dir]);
    await client.waitFor('the fresh index', () => isDeepStrictEqual(shownDiagnostics(client.diagnostics), want));
    assert.ok(codesOn(client, join(lockedDir, 'b2_second.py')).includes('multiple-heads'), 'the file in the folder is indexed now');
    assert.deepEqual(serverErrors(client.log), []);
  } finally {
    chmodSync(lockedDir, 0o755);
    chmodSync(lockedFile, 0o644);
    await client.stop();
  }
});
