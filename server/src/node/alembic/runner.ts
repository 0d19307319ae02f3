// runAlembic: one Alembic command on one project, through alembic_bootstrap.py. The project and the
// database URL travel in environment variables, the password too (never on a command line); one run
// at a time per connection (RunLock); cancellation through an AbortSignal ends the whole process group;
// every line, log entry, result and error is redacted; failures come back classified and explained,
// including where the database is afterwards (read through the caller's readVersionTable hook).
import { findBootstrap } from './bootstrapPath';
import { runBootstrapProcess, type ProcessOutcome } from './bootstrapProcess';
import { commandArgs, commandTitle, touchesDatabase } from './commandArgs';
import { expectedRows, failureFromResult } from './failureMessage';
import { Redactor } from './redact';
import type { DatabaseState, FailureKind, RunFailure, RunRequest, RunResult } from './types';

const ENV_PREFIX = 'ALEMBIC_VSCODE_';
const DEFAULT_KILL_GRACE_MS = 5000;

function bootstrapEnv(req: RunRequest): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...req.env };
  for (const k of Object.keys(env)) if (k.startsWith(ENV_PREFIX)) delete env[k]; // nothing stale from our own parent
  const p = req.project;
  const set = (name: string, value: string | undefined) => {
    if (value) env[ENV_PREFIX + name] = value;
  };
  set('ROOT', p.root);
  set('CONFIG', p.configFile);
  set('TOML', p.pyprojectFile);
  set('SECTION', p.section);
  set('SCRIPT_LOCATION', p.scriptLocation);
  set('URL', req.url);
  set('PASSWORD', req.password);
  env.PYTHONUNBUFFERED = '1'; // lines as they happen, not when a buffer fills
  env.PYTHONIOENCODING = 'utf-8';
  return env;
}

const shellish = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function commandLine(req: RunRequest, bootstrap: string, args: string[]): string {
  const p = req.project;
  const context = [
    `cwd ${p.root}`,
    p.configFile && `config ${p.configFile}`,
    p.pyprojectFile && `pyproject ${p.pyprojectFile}`,
    p.section && p.section !== 'alembic' && `section ${p.section}`,
    p.scriptLocation && `script_location ${p.scriptLocation}`,
    req.url && `url ${req.url}`,
    req.password && 'password from the connection (not shown)',
  ].filter(Boolean);
  return `${[req.python, bootstrap, ...args].map(shellish).join(' ')}   [${context.join('; ')}]`;
}

function bare(title: string, started: number, kind: FailureKind, message: string): RunResult {
  return {
    ok: false, title, exitCode: null, signal: null, stdout: '', stderr: '', steps: [],
    failure: { kind, message }, durationMs: Date.now() - started,
  };
}

async function readDatabase(req: RunRequest, ran: boolean): Promise<{ read?: DatabaseState; readError?: string }> {
  if (!req.readVersionTable || !ran) return {};
  try {
    return { read: { rows: await req.readVersionTable(), source: 'version-table' } };
  } catch (e) {
    return { readError: e instanceof Error ? e.message : String(e) };
  }
}

function processFailure(o: ProcessOutcome, req: RunRequest, title: string): RunFailure {
  if (o.spawnError) {
    const why = o.spawnError.code === 'ENOENT' ? 'not found' : o.spawnError.message;
    return {
      kind: 'interpreter-missing',
      message: `Could not start ${req.python} (${why}). Install Python with Alembic, or set \`alembic.pythonPath\` to an interpreter that has it.`,
    };
  }
  if (o.cancelled) {
    return { kind: 'cancelled', message: `${title} was cancelled; its processes were stopped before Alembic reported where it was. Check the version table before running again.` };
  }
  const how = o.signal ? `was killed by ${o.signal}` : `exited with code ${o.exitCode}`;
  const tail = o.stderr.slice(-5).join('\n');
  return { kind: 'crashed', message: `${title}: the Python process ${how} without reporting a result.${tail ? `\nLast output:\n${tail}` : ''}`, detail: tail };
}

/** Runs one Alembic command and reports what happened; never throws for a failed run. */
export async function runAlembic(req: RunRequest): Promise<RunResult> {
  const started = Date.now();
  const title = commandTitle(req.command);
  const redactor = new Redactor([req.password]);
  redactor.addUrl(req.url);
  const redact = (s: string) => redactor.redact(s);
  const online = touchesDatabase(req.command);

  let release = (): void => undefined;
  if (req.lock && online) {
    const key = req.connectionKey ?? (req.url ? redact(req.url) : req.project.root);
    const got = req.lock.tryAcquire(key, title);
    if (!got.ok) return bare(title, started, 'busy', req.lock.busyMessage(got.holder, title));
    release = got.release;
  }
  try {
    if (req.signal?.aborted) return bare(title, started, 'cancelled', `${title} was cancelled before it started; nothing was run.`);
    const bootstrap = req.bootstrapPath ?? findBootstrap();
    if (!bootstrap) {
      return bare(title, started, 'error', 'alembic_bootstrap.py is missing from the extension’s server/python folder; reinstall the extension.');
    }
    const args = [bootstrap, ...commandArgs(req.command, req.xArgs)];
    req.log?.(redact(commandLine(req, bootstrap, args.slice(1))));
    const o = await runBootstrapProcess({
      python: req.python,
      args,
      cwd: req.project.root,
      env: bootstrapEnv(req),
      signal: req.signal,
      killGraceMs: req.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
      redact,
      onOutput: req.onOutput,
      onStep: req.onStep,
    });
    const r = o.result;
    const reachedDb = online && !o.spawnError && (r ? r.startHeads !== null && r.startHeads !== undefined : true);
    const { read, readError } = await readDatabase(req, reachedDb);
    const result: RunResult = {
      ok: !!r?.ok,
      title,
      exitCode: o.exitCode,
      signal: o.signal,
      stdout: o.stdout.join('\n'),
      stderr: o.stderr.join('\n'),
      steps: o.steps,
      durationMs: 0,
    };
    if (r) {
      if (r.alembicVersion) result.alembicVersion = r.alembicVersion;
      if (typeof r.sql === 'string') result.sql = r.sql;
      if (r.created?.length) result.created = r.created;
      result.startHeads = r.startHeads ?? null;
      result.heads = r.heads ?? null;
      const expected = expectedRows(r);
      if (read) result.database = read;
      else if (expected && online) result.database = { rows: expected, source: 'alembic' };
      if (!r.ok) result.failure = failureFromResult(r, { title, python: req.python, urlGiven: !!req.url, read, readError, cancelled: o.cancelled });
    } else {
      if (read) result.database = read;
      result.failure = processFailure(o, req, title);
    }
    const safe = redactor.deep(result);
    safe.durationMs = Date.now() - started;
    return safe;
  } finally {
    release();
  }
}
