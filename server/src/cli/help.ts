// Usage lines and help pages, built from the same option specs the parser uses.
import type { OptionSpec } from './args';
import type { CommandDef } from './commands/types';
import { GLOBAL_OPTIONS } from './options';

const EXIT_STATUS = `exit status:
  0   the command answered
  1   the answer is an error: \`check\` found errors, or Alembic itself would fail
      (then \`FAILED: <Alembic's message>\` is printed on stderr, or {"error": ...} with --json)
  2   bad usage, or a configuration that cannot be read
  70  an internal error in this tool (please report it)`;

export function globalUsage(prog: string): string {
  return `usage: ${prog} [-h] [--version] [-c CONFIG] [-n NAME] [--version-location DIR] [--json] COMMAND ...`;
}

export function commandUsage(prog: string, cmd: CommandDef): string {
  const own = cmd.options.map(optionUsage).join(' ');
  return `usage: ${prog} ${cmd.name} [-h]${own ? ' ' + own : ''} [global options]${cmd.usage ? ' ' + cmd.usage : ''}`;
}

export function globalHelp(prog: string, commands: readonly CommandDef[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    globalUsage(prog),
    '',
    "Alembic's read-only commands, answered from the migration files alone (no Python); current and status read a database's version table.",
    'Text output equals what `alembic <command>` prints for the same project.',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'global options (before or after the command):',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    `Run \`${prog} COMMAND -h\` for a command's own options.`,
    '',
    EXIT_STATUS,
    '',
  ].join('\n');
}

export function commandHelp(prog: string, cmd: CommandDef): string {
  return [
    commandUsage(prog, cmd),
    '',
    cmd.summary,
    '',
    ...(cmd.options.length ? ['options:', ...optionLines(cmd.options), ''] : []),
    'global options:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    cmd.notes.trim(),
    '',
    EXIT_STATUS,
    '',
  ].join('\n');
}

function optionUsage(o: OptionSpec): string {
  return `[${o.short ?? o.long}${o.value ? ' ' + o.value : ''}]`;
}

function optionLines(options: readonly OptionSpec[]): string[] {
  const heads = options.map((o) => {
    const names = o.short ? `${o.short}, ${o.long}` : o.long;
    return o.value ? `${names} ${o.value}` : names;
  });
  const width = Math.max(...heads.map((h) => h.length));
  return options.map((o, i) => `  ${heads[i].padEnd(width)}  ${o.help}`);
}
