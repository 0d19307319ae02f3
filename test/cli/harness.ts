// Runs the built CLI (server/out/cli.js) as a subprocess with an argument array, as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../server/out/cli.js', import.meta.url));

export interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/**
 * These tests run the bundle, as users do; `npm test` builds it first (run `npm run build` before
 * running them alone, or they test the last build).
 */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const { ALEMBIC_CONFIG: _ignored, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...inherited, ...env },
    encoding: 'utf8',
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

/** A failure must be one clean message: never a JS stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+\(.*:\d+:\d+\)|\n\s+at .+:\d+:\d+/.test(text);
}
