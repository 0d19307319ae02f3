// From an argument array to a result: find the command, parse its options, run it, and turn every
// failure into a one-line message with the exit code the contract gives it. Never throws.
import type { HostFs } from '../engine/index';
import { flag, parseArgs, UsageError } from './args';
import type { ParsedArgs } from './args';
import { COMMANDS } from './commands/index';
import type { CommandDef } from './commands/types';
import { wantsJson } from './context';
import { commandHelp, commandUsage, globalHelp, globalUsage } from './help';
import { GLOBAL_OPTIONS } from './options';
import { ConfigError, EXIT, ok } from './output';
import type { CommandResult } from './output';

export interface CliInput {
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  fs: HostFs;
  /** The name the tool was run under, for usage lines. */
  prog: string;
  version: string;
  /** Told how many migration files a project's scan found, before they are read (see CommandContext). */
  onScanned?(fileCount: number): void;
}

/** Runs a synchronous command (all but those that read a database); see runCliAsync. */
export function runCli(input: CliInput): CommandResult {
  const result = dispatch(input);
  if (!(result instanceof Promise)) return result;
  result.catch(() => undefined);
  return internalError(input.prog, new Error('this command reads a database and answers asynchronously: call runCliAsync'));
}

/** Runs any command, including those that read a database. Never rejects. */
export async function runCliAsync(input: CliInput): Promise<CommandResult> {
  return dispatch(input);
}

function dispatch(input: CliInput): CommandResult | Promise<CommandResult> {
  let command: CommandDef | null = null;
  try {
    const found = findCommand(input.argv);
    if (found === null) return withoutCommand(input);
    command = found.command;
    const rest = [...input.argv.slice(0, found.index), ...input.argv.slice(found.index + 1)];
    const args = parseArgs(rest, [...GLOBAL_OPTIONS, ...command.options], command.name);
    if (flag(args, 'help')) return ok(commandHelp(input.prog, command));
    if (flag(args, 'version')) return ok(`${input.prog} ${input.version}\n`);
    checkPositionals(command, args);
    const result = command.run({
      args,
      positionals: args.positionals,
      cwd: input.cwd,
      env: input.env,
      fs: input.fs,
      json: wantsJson(args),
      onScanned: input.onScanned,
    });
    if (result instanceof Promise) {
      const running = command;
      return result.catch((error: unknown) => failure(input.prog, running, error));
    }
    return result;
  } catch (error) {
    return failure(input.prog, command, error);
  }
}

function withoutCommand(input: CliInput): CommandResult {
  const args = parseArgs(input.argv, GLOBAL_OPTIONS, null);
  if (flag(args, 'help')) return ok(globalHelp(input.prog, COMMANDS));
  if (flag(args, 'version')) return ok(`${input.prog} ${input.version}\n`);
  throw new UsageError('the following arguments are required: COMMAND');
}

/**
 * The command is the first argument that is neither a global option nor the value of one
 * (`-c x.ini heads`). Returns null when there is none.
 */
function findCommand(argv: readonly string[]): { command: CommandDef; index: number } | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return null;
    if (arg.startsWith('-') && arg.length > 1) {
      if (globalTakesNextValue(arg)) i++;
      continue;
    }
    const command = COMMANDS.find((c) => c.name === arg);
    if (!command) {
      throw new UsageError(`argument COMMAND: invalid choice: '${arg}' (choose from ${COMMANDS.map((c) => `'${c.name}'`).join(', ')})`);
    }
    return { command, index: i };
  }
  return null;
}

function globalTakesNextValue(arg: string): boolean {
  if (arg.startsWith('--')) {
    if (arg.includes('=')) return false;
    const matches = GLOBAL_OPTIONS.filter((o) => o.long === arg || o.long.startsWith(arg));
    const spec = matches.find((o) => o.long === arg) ?? (matches.length === 1 ? matches[0] : undefined);
    return spec?.value !== undefined;
  }
  const spec = GLOBAL_OPTIONS.find((o) => o.short === arg.slice(0, 2));
  return spec?.value !== undefined && arg.length === 2;
}

function checkPositionals(command: CommandDef, args: ParsedArgs): void {
  const n = args.positionals.length;
  if (n < command.positionals.min) {
    const names = command.usage.replace(/\.\.\./g, '') || 'arguments';
    throw new UsageError(`the following arguments are required: ${names}`, command.name);
  }
  if (n > command.positionals.max) {
    throw new UsageError(`unrecognized arguments: ${args.positionals.slice(command.positionals.max).join(' ')}`, command.name);
  }
}

function failure(prog: string, command: CommandDef | null, error: unknown): CommandResult {
  if (error instanceof UsageError) {
    const cmd = COMMANDS.find((c) => c.name === error.command) ?? command;
    const usage = cmd ? commandUsage(prog, cmd) : globalUsage(prog);
    const hint = `Run '${prog}${cmd ? ' ' + cmd.name : ''} -h' for help.`;
    return { stdout: '', stderr: `${usage}\n${prog}: error: ${error.message}\n${hint}\n`, code: EXIT.usage };
  }
  if (error instanceof ConfigError) {
    return { stdout: '', stderr: `${prog}: error: ${error.message}\n`, code: EXIT.usage };
  }
  return internalError(prog, error);
}

export function internalError(prog: string, error: unknown): CommandResult {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    stdout: '',
    stderr:
      `${prog}: internal error: ${what.split('\n')[0]}\n` +
      'This is a bug in this tool, not in your project. Please report it with the command line you ran.\n',
    code: EXIT.internal,
  };
}
