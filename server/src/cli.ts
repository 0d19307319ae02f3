// The command-line tool: Alembic's read-only commands answered by the static engine. This file only
// wires the process (argv, cwd, environment, streams, exit code) to `runCli`; see cli/ for the rest.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCliAsync, internalError } from './cli/run';
import type { CommandResult } from './cli/output';
import { nodeFs } from './node/nodeFs';
import { tuneHeapForIndexing, sizeHeapForIndex } from './node/heap';

/** The name we were run under (the bin name); the bundle's own file name says nothing to a user. */
function programName(): string {
  const name = path.basename(process.argv[1] ?? '').replace(/\.[cm]?js$/, '');
  return name === '' || name === 'cli' ? 'alembic-vscode' : name;
}

/** The bundle lives in server/out/, two levels below package.json. */
function programVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  tuneHeapForIndexing();
  const prog = programName();
  let result: CommandResult;
  try {
    result = await runCliAsync({
      argv: process.argv.slice(2),
      cwd: process.cwd(),
      env: process.env,
      fs: nodeFs,
      prog,
      version: programVersion(),
      onScanned: sizeHeapForIndex,
    });
  } catch (error) {
    result = internalError(prog, error);
  }
  // A closed pipe (`... | head`) is the reader's choice, not an error worth a trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(result.code);
  });
  process.exitCode = result.code;
  await Promise.all([written(process.stdout, result.stdout), written(process.stderr, result.stderr)]);
  // Exit once the output is flushed: left to wind down on its own, a process that has just indexed
  // thousands of files first finishes V8's pending collection work (~50 ms at 10k, measured
  // interleaved) for nothing. exitCode above still holds should a stream never call back.
  process.exit(result.code);
}

/** Writes `text` (if any) and resolves once the stream has taken it (flushed, or failed). */
function written(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (!text) resolve();
    else stream.write(text, () => resolve());
  });
}

void main();
