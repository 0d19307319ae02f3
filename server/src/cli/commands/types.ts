import type { OptionSpec } from '../args';
import type { CommandContext } from '../context';
import type { CommandResult } from '../output';

export interface CommandDef {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The positionals in the usage line, e.g. `REV` or `{upgrade,downgrade,stamp} TARGET...`. */
  usage: string;
  positionals: { min: number; max: number };
  options: readonly OptionSpec[];
  /** Paragraphs after the option list: output format, when it fails and how. */
  notes: string;
  /** Commands that read a database answer asynchronously; the others synchronously. */
  run(ctx: CommandContext): CommandResult | Promise<CommandResult>;
}
