// Starting Python in its own process group and ending the whole group. env.py or a migration may
// start processes of their own (a post-write hook, a subprocess); cancelling must not leave them
// running, so on POSIX the run gets a new group (detached) and signals go to the group (-pid).
// Windows has no process groups: `taskkill /T` ends the process tree instead.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

const WINDOWS = process.platform === 'win32';

export interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function spawnInGroup(command: string, args: readonly string[], opts: SpawnOptions): ChildProcessWithoutNullStreams {
  return spawn(command, [...args], {
    cwd: opts.cwd,
    env: opts.env,
    shell: false,
    detached: !WINDOWS,
    windowsHide: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Sends `signal` to every process of the group led by `pid`. False when the group is gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  if (WINDOWS) {
    if (signal === 'SIGINT') return false; // no console to deliver Ctrl+C to; the caller escalates
    spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { shell: false, windowsHide: true, stdio: 'ignore' });
    return true;
  }
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone (EPERM would mean the id now belongs to someone else's group)
  }
}

/** Whether any process of the group is still alive (POSIX; always false on Windows). */
export function groupAlive(pid: number): boolean {
  if (WINDOWS) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
