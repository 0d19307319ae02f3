// Which Python runs Alembic for a project. Candidates, in order: the `alembic.pythonPath` setting,
// the interpreter the caller knows (the VS Code Python extension's active one), the project's own
// virtual environment, then every `python3` and then every `python` on PATH (not only the first: a
// pyenv shim or a bare venv often comes first and lacks Alembic, while the system Python has it).
// Each is asked to import Alembic; the first that can wins. When none can, the message names every
// candidate and why it failed.
//
// An explicit setting is authoritative: when it is set and fails, no other Python is used, because
// silently running migrations with a different environment than the one the user chose is worse
// than a clear error.
import { execFile } from 'node:child_process';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export type InterpreterSource = 'setting' | 'caller' | 'venv' | 'path';

export interface InterpreterQuery {
  /** The `alembic.pythonPath` setting, if set. */
  setting?: string;
  /** An interpreter the caller knows about (the Python extension's active interpreter). */
  callerPath?: string;
  /** The project root, searched for `.venv` / `venv`. */
  projectRoot?: string;
  /** Per candidate; Python with a cold disk cache can take a few seconds to import Alembic. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export interface Candidate {
  command: string;
  source: InterpreterSource;
}

export interface Tried extends Candidate {
  reason: string;
}

export type InterpreterResult =
  | { ok: true; python: string; executable: string; alembicVersion: string; source: InterpreterSource; tried: Tried[] }
  | { ok: false; message: string; tried: Tried[] };

const PROBE = 'import alembic, sys; print(alembic.__version__); print(sys.executable)';
const DEFAULT_TIMEOUT_MS = 15_000;

function venvPythons(root: string): string[] {
  const out: string[] = [];
  for (const dir of ['.venv', 'venv']) {
    out.push(join(root, dir, 'bin', 'python'), join(root, dir, 'Scripts', 'python.exe'));
  }
  return out;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Every python3, then every python, in PATH order; the bare names when PATH has none. */
function pathPythons(env: NodeJS.ProcessEnv): string[] {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? ['python3.exe', 'python.exe'] : ['python3', 'python'];
  const found: string[] = [];
  for (const name of names) for (const dir of dirs) if (isFile(join(dir, name))) found.push(join(dir, name));
  return found.length ? found : ['python3', 'python'];
}

function sameFileKey(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** The candidates in the order they are tried (project venvs only where they exist). */
export function interpreterCandidates(q: InterpreterQuery): Candidate[] {
  if (q.setting?.trim()) return [{ command: q.setting.trim(), source: 'setting' }];
  const list: Candidate[] = [];
  if (q.callerPath?.trim()) list.push({ command: q.callerPath.trim(), source: 'caller' });
  if (q.projectRoot) {
    for (const p of venvPythons(q.projectRoot)) if (existsSync(p)) list.push({ command: p, source: 'venv' });
  }
  for (const p of pathPythons(q.env ?? process.env)) list.push({ command: p, source: 'path' });
  // A venv's python is a symlink to the base interpreter, but it is not the same environment: only
  // PATH entries are collapsed by their real file (/bin/python3 and /usr/bin/python3 are one).
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = c.source === 'path' ? sameFileKey(c.command) : c.command;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface ProbeAnswer {
  version?: string;
  executable?: string;
  reason?: string;
}

/** Asks one Python for its Alembic version (argument array, no shell). */
export function probeInterpreter(command: string, timeoutMs = DEFAULT_TIMEOUT_MS, env?: NodeJS.ProcessEnv): Promise<ProbeAnswer> {
  return new Promise((resolve) => {
    execFile(
      command,
      ['-c', PROBE],
      { shell: false, timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true, encoding: 'utf8', env: env ?? process.env, maxBuffer: 1 << 20 },
      (error, stdout, stderr) => {
        if (!error) {
          const [version, executable] = stdout.trim().split(/\r?\n/);
          resolve({ version: version?.trim(), executable: executable?.trim() || command });
          return;
        }
        resolve({ reason: whyFailed(error as NodeJS.ErrnoException & { killed?: boolean; signal?: string }, stderr, timeoutMs) });
      },
    );
  });
}

function whyFailed(error: NodeJS.ErrnoException & { killed?: boolean; signal?: string | null }, stderr: string, timeoutMs: number): string {
  if (error.code === 'ENOENT') return 'not found';
  if (error.code === 'EACCES') return 'not executable (permission denied)';
  if (error.killed || error.signal === 'SIGKILL') return `did not answer within ${Math.round(timeoutMs / 1000)} s`;
  const last = stderr.trim().split(/\r?\n/).pop()?.trim() ?? '';
  const missing = /No module named '?([\w.]+)'?/.exec(last);
  if (missing) return `${missing[1] === 'alembic' ? 'Alembic is' : `${missing[1]} (needed by Alembic) is`} not installed there (${last})`;
  return last ? `cannot import Alembic: ${last}` : `exited with ${error.code ?? 'an error'}`;
}

const SOURCE_LABEL: Record<InterpreterSource, string> = {
  setting: 'setting alembic.pythonPath',
  caller: 'the Python extension’s active interpreter',
  venv: 'the project’s virtual environment',
  path: 'PATH',
};

export function describeTried(t: Tried): string {
  return `${t.command} (${SOURCE_LABEL[t.source]}): ${t.reason}`;
}

/** The first candidate Python that has Alembic, or a message naming each one tried and the fix. */
export async function resolveInterpreter(q: InterpreterQuery): Promise<InterpreterResult> {
  const tried: Tried[] = [];
  for (const c of interpreterCandidates(q)) {
    const answer = await probeInterpreter(c.command, q.timeoutMs ?? DEFAULT_TIMEOUT_MS, q.env);
    if (answer.version) {
      return { ok: true, python: c.command, executable: answer.executable ?? c.command, alembicVersion: answer.version, source: c.source, tried };
    }
    tried.push({ ...c, reason: answer.reason ?? 'no answer' });
  }
  const list = tried.map((t) => `  - ${describeTried(t)}`).join('\n');
  const fix = q.setting?.trim()
    ? 'Fix: install Alembic into that environment (`<python> -m pip install alembic`) or change `alembic.pythonPath` to a Python that has it.'
    : 'Fix: install Alembic into the project’s environment (`<python> -m pip install alembic`), or set `alembic.pythonPath` to a Python that has it.';
  return { ok: false, tried, message: `No Python with Alembic was found. Tried:\n${list}\n${fix}` };
}
