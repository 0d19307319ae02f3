// Runs one Alembic command for a project (and connection) the way every command does it: the
// interpreter resolved, the password from SecretStorage, the command line and output in the output
// channel, a cancellable progress notification that names each revision as it runs, and afterwards
// the version table read again so the views show where the database is.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { commandTitle, runAlembic as run, type AlembicCommand, type ProjectSpec, type RunResult } from '../../../server/src/node/alembic/index';
import type { ClientContext } from '../context';
import { expandedUrl } from '../db/versionReader';
import type { ProjectInfo, ResolvedConnection } from '../model/connections';
import { stepProgressText } from '../model/runText';
import { expandEnvVars } from '../model/urls';

export interface RunOptions {
  project: ProjectInfo;
  command: AlembicCommand;
  /** The database to run against; without one env.py uses the project's own sqlalchemy.url. */
  connection?: ResolvedConnection;
  /** Offline (`--sql`) runs need the URL's dialect but not the password. */
  offline?: boolean;
  /** The progress notification's title. */
  title: string;
  /** Show the output channel when the run starts (read-only commands whose output is the answer). */
  revealOutput?: boolean;
}

/** The project as Alembic's CLI would be pointed at it. */
export function projectSpec(project: ProjectInfo, connection: ResolvedConnection | undefined): ProjectSpec {
  const config = project.configFile;
  const isToml = config !== null && path.basename(config) === 'pyproject.toml';
  return {
    root: project.root,
    configFile: config && !isToml ? config : undefined,
    pyprojectFile: config && isToml ? config : undefined,
    section: connection?.section || project.section || undefined,
    scriptLocation: config === null ? project.scriptLocation : undefined,
  };
}

/** Undefined when the run did not start (no interpreter, a prompt cancelled); the reason was shown. */
export async function runAlembic(ctx: ClientContext, opts: RunOptions): Promise<RunResult | undefined> {
  const interpreter = await ctx.interpreters.resolve(opts.project);
  if (!interpreter.ok) {
    ctx.output.line(interpreter.message);
    const pick = await vscode.window.showErrorMessage(`Alembic: ${interpreter.message.split('\n')[0]}`, 'Select Python Interpreter', 'Show Output');
    if (pick === 'Select Python Interpreter') void vscode.commands.executeCommand('alembic.selectInterpreter');
    if (pick === 'Show Output') ctx.output.show();
    return undefined;
  }
  const conn = opts.connection;
  let url: string | undefined;
  let password: string | undefined;
  const env: Record<string, string> = {};
  let xArgs: string[] = [];
  if (conn) {
    const expanded = expandedUrl(conn);
    if (!expanded.ok) {
      void vscode.window.showErrorMessage(`Alembic: ${expanded.message}`);
      return undefined;
    }
    // The project's own sqlalchemy.url is what env.py reads anyway: not handed over again.
    if (conn.source.kind === 'setting') {
      url = expanded.url;
      if (!opts.offline) {
        const pw = await ctx.passwords.forUse(conn, expanded.url, true);
        if (pw === 'cancelled') return undefined;
        password = pw.password;
      }
    }
    for (const [k, v] of Object.entries(conn.env)) env[k] = expandEnvVars(v, process.env).value;
    xArgs = conn.xArgs.map((x) => expandEnvVars(x, process.env).value);
  }
  if (opts.revealOutput) ctx.output.show();
  ctx.output.heading(commandTitle(opts.command) + (conn ? `   # on ${conn.name}` : ''));
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: opts.title, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        const result = await run({
          python: interpreter.python,
          project: projectSpec(opts.project, conn),
          command: opts.command,
          xArgs,
          url,
          password,
          env,
          connectionKey: conn?.key ?? opts.project.id,
          lock: ctx.lock,
          signal: abort.signal,
          bootstrapPath: ctx.extension.asAbsolutePath(path.join('server', 'python', 'alembic_bootstrap.py')),
          log: (line) => ctx.output.line(`  ${line}`),
          onOutput: (line) => ctx.output.line(line.text),
          onStep: (step) => {
            const text = stepProgressText(step);
            if (text) {
              progress.report({ message: text });
              if (step.phase === 'started') ctx.output.line(`-- ${text}`);
            }
          },
          readVersionTable: conn && !opts.offline ? () => readRows(ctx, conn) : undefined,
        });
        reportResult(ctx, result);
        return result;
      } finally {
        sub.dispose();
      }
    },
  );
}

async function readRows(ctx: ClientContext, conn: ResolvedConnection): Promise<string[]> {
  const state = await ctx.state.db.read(conn, false);
  if (state.status === 'ok') return state.rows;
  throw new Error(state.status === 'error' ? state.message : `the version table of ${conn.name} could not be read`);
}

function reportResult(ctx: ClientContext, result: RunResult): void {
  const seconds = (result.durationMs / 1000).toFixed(1);
  if (result.ok) {
    ctx.output.line(`-- ${result.title}: done in ${seconds} s`);
    return;
  }
  const failure = result.failure;
  ctx.output.line(`-- ${result.title}: ${failure?.kind ?? 'failed'} after ${seconds} s`);
  if (failure) ctx.output.line(failure.message);
  if (failure?.kind === 'cancelled') {
    void vscode.window.showWarningMessage(`Alembic: ${failure.message}`);
    return;
  }
  const actions = ['Show Output'];
  if (failure?.where) actions.push('Go to Error');
  void vscode.window.showErrorMessage(`Alembic: ${firstLine(failure?.message ?? `${result.title} failed.`)}`, ...actions).then((pick) => {
    if (pick === 'Show Output') ctx.output.show();
    if (pick === 'Go to Error' && failure?.where) {
      const line = Math.max(0, (failure.where.line ?? 1) - 1);
      void vscode.window.showTextDocument(vscode.Uri.file(failure.where.file), { selection: new vscode.Range(line, 0, line, 0) });
    }
  });
}

function firstLine(text: string): string {
  const first = text.split('\n')[0];
  return first.length > 300 ? `${first.slice(0, 297)}…` : first;
}
