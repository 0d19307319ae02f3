// What a command produces. Commands never write to the process streams themselves: they return a
// result, and cli.ts prints it. That keeps every command a plain function the tests can call.

/** The exit-code contract (documented in `--help`). */
export const EXIT = {
  /** The command answered. */
  ok: 0,
  /** The answer is an error: `check` found errors, or Alembic would fail with `FAILED: ...`. */
  answerIsError: 1,
  /** Bad usage, or a configuration that cannot be read. */
  usage: 2,
  /** A bug in this tool (sysexits' EX_SOFTWARE). */
  internal: 70,
} as const;

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export function ok(stdout: string, stderr = ''): CommandResult {
  return { stdout, stderr, code: EXIT.ok };
}

/** Joins lines, each ending with a newline (Alembic prints every item with its own newline). */
export function lines(items: readonly string[]): string {
  return items.map((l) => l + '\n').join('');
}

/** Alembic's failure line: `FAILED: <message>`. Alembic prints it on stdout; we keep stdout for answers. */
export function failed(message: string, stdout = ''): CommandResult {
  return { stdout, stderr: `FAILED: ${message}\n`, code: EXIT.answerIsError };
}

/** Pretty JSON with a final newline: stable for golden tests and readable by people. */
export function json(value: unknown, code: number = EXIT.ok): CommandResult {
  return { stdout: JSON.stringify(value, null, 2) + '\n', stderr: '', code };
}

export function jsonError(message: string): CommandResult {
  return json({ error: message }, EXIT.answerIsError);
}

/** Bad usage or unreadable configuration; the message names the file and the fix. */
export class ConfigError extends Error {}
