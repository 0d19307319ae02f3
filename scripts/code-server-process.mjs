// Process plumbing of run-in-code-server.mjs: a free port, code-server started in its own process
// group (it forks an extension host, a file watcher and a pty host), and stopping that whole group.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

export function startServer(args, env, logFile) {
  // detached: code-server, its extension host, file watcher and pty host share one process group.
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env, shell: false });
  const log = createWriteStream(logFile);
  return new Promise((res, rej) => {
    const onData = (d) => {
      log.write(d);
      if (/HTTP server listening on/.test(d.toString())) res(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (c) => rej(new Error(`code-server exited ${c} before listening`)));
  });
}

export async function killGroup(pid) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  // The file watcher lingers a few seconds after SIGTERM: wait up to 5 s, then SIGKILL the group.
  for (let i = 0; i < 25 && alive(); i++) await new Promise((r) => setTimeout(r, 200));
  if (alive()) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
}
