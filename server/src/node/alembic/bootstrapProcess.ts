// One run of alembic_bootstrap.py as a process: spawn it in its own group, cut its output into lines,
// pick out the marker events, and on cancel interrupt it (SIGINT: Python raises KeyboardInterrupt, so
// env.py's transaction is rolled back and a result line is still printed), then kill the whole group
// if it has not ended after the grace period. Every line passes through `redact` before anyone sees it.
import { LineSplitter, parseLine, toStep, type BootstrapResult } from './markers';
import { signalGroup, spawnInGroup } from './processGroup';
import type { OutputLine, StepEvent } from './types';

export interface ProcessSpec {
  python: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  killGraceMs: number;
  redact: (text: string) => string;
  onOutput?: (line: OutputLine) => void;
  onStep?: (step: StepEvent) => void;
}

export interface ProcessOutcome {
  exitCode: number | null;
  signal: string | null;
  stdout: string[];
  stderr: string[];
  steps: StepEvent[];
  result?: BootstrapResult;
  spawnError?: NodeJS.ErrnoException;
  cancelled: boolean;
}

/** After the leader exits, how long to wait for the pipes to close (a leftover child may hold them). */
const PIPE_DRAIN_MS = 2000;

export function runBootstrapProcess(spec: ProcessSpec): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    const out: ProcessOutcome = { exitCode: null, signal: null, stdout: [], stderr: [], steps: [], cancelled: false };
    const child = spawnInGroup(spec.python, spec.args, { cwd: spec.cwd, env: spec.env });
    child.stdin.end();
    let killTimer: NodeJS.Timeout | undefined;
    let drainTimer: NodeJS.Timeout | undefined;
    let done = false;

    const emit = (stream: OutputLine['stream'], raw: string) => {
      const text = spec.redact(raw);
      (stream === 'stdout' ? out.stdout : out.stderr).push(text);
      spec.onOutput?.({ stream, text });
    };
    const stdoutLines = new LineSplitter((line) => emit('stdout', line));
    const stderrLines = new LineSplitter((line) => {
      const parsed = parseLine(line);
      if (parsed.text !== undefined) emit('stderr', parsed.text);
      const e = parsed.event;
      if (!e) return;
      if (e.event === 'result') out.result = e;
      else {
        const step = toStep(e, e.event === 'step-started' ? 'started' : 'finished');
        if (step.phase === 'finished') out.steps.push(step);
        spec.onStep?.(step);
      }
    });
    child.stdout.on('data', (b: Buffer) => stdoutLines.push(b));
    child.stderr.on('data', (b: Buffer) => stderrLines.push(b));

    const cancel = () => {
      if (out.cancelled || child.pid === undefined || done) return;
      out.cancelled = true;
      // Interrupt first so the transaction is rolled back cleanly; kill the group if that is ignored.
      if (!signalGroup(child.pid, 'SIGINT')) signalGroup(child.pid, 'SIGKILL');
      killTimer = setTimeout(() => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL'), spec.killGraceMs);
    };
    if (spec.signal?.aborted) queueMicrotask(cancel);
    spec.signal?.addEventListener('abort', cancel, { once: true });

    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(killTimer);
      clearTimeout(drainTimer);
      spec.signal?.removeEventListener('abort', cancel);
      stdoutLines.end();
      stderrLines.end();
      resolve(out);
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      out.spawnError = err;
      finish();
    });
    child.on('exit', (code, signal) => {
      out.exitCode = code;
      out.signal = signal;
      if (out.cancelled && child.pid !== undefined) {
        // The leader is gone; anything it started goes with it.
        signalGroup(child.pid, 'SIGKILL');
      }
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, PIPE_DRAIN_MS);
    });
    child.on('close', finish);
  });
}
