// A small argparse-like parser: global options may appear before or after the command (Alembic only
// takes them before it; accepting both costs nothing and forgives the common mistake). Supports
// `--long value`, `--long=value`, `-x value`, `-xvalue`, unique prefixes of long options (argparse
// accepts them, so scripts written for Alembic may use them) and `--` to end the options.

export interface OptionSpec {
  /** The key the value is stored under. */
  key: string;
  long: string;
  short?: string;
  /** Takes a value (otherwise a flag). */
  value?: string;
  /** May be given more than once (values collected in order). */
  repeatable?: boolean;
  help: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string[]>;
}

/** Wrong command line: exit 2 with usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose usage line to show, if known. */
    readonly command: string | null = null,
  ) {
    super(message);
  }
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string | null): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], flags: new Set(), values: new Map() };
  let i = 0;
  const takeValue = (spec: OptionSpec, shown: string, attached: string | undefined): void => {
    let v = attached;
    if (v === undefined) {
      if (i >= argv.length) throw new UsageError(`argument ${shown}: expected one argument`, command);
      v = argv[i++];
    }
    // argparse's `store`: a repeated option's last value wins; `append` (repeatable) keeps them all.
    const list = spec.repeatable ? (parsed.values.get(spec.key) ?? []) : [];
    list.push(v);
    parsed.values.set(spec.key, list);
  };
  while (i < argv.length) {
    const arg = argv[i++];
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(0, eq) : arg;
      const spec = findLong(name, specs, command);
      if (spec.value) takeValue(spec, `${spec.short ? spec.short + '/' : ''}${spec.long}`, eq >= 0 ? arg.slice(eq + 1) : undefined);
      else if (eq >= 0) throw new UsageError(`argument ${spec.long}: ignored explicit argument '${arg.slice(eq + 1)}'`, command);
      else parsed.flags.add(spec.key);
    } else if (arg.startsWith('-') && arg.length > 1 && !isNegativeNumber(arg)) {
      parseShortCluster(arg, specs, command, parsed, (spec, attached) => takeValue(spec, `${spec.short}/${spec.long}`, attached));
    } else {
      parsed.positionals.push(arg);
    }
  }
  return parsed;
}

/** `-vi` sets two flags; `-rbase:` and `-r base:` give `-r` a value. */
function parseShortCluster(
  arg: string,
  specs: readonly OptionSpec[],
  command: string | null,
  parsed: ParsedArgs,
  takeValue: (spec: OptionSpec, attached: string | undefined) => void,
): void {
  for (let k = 1; k < arg.length; k++) {
    const spec = specs.find((s) => s.short === `-${arg[k]}`);
    if (!spec) throw new UsageError(`unrecognized arguments: ${arg}`, command);
    if (spec.value) {
      const rest = arg.slice(k + 1);
      takeValue(spec, rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest);
      return;
    }
    parsed.flags.add(spec.key);
  }
}

function findLong(name: string, specs: readonly OptionSpec[], command: string | null): OptionSpec {
  const exact = specs.find((s) => s.long === name);
  if (exact) return exact;
  const candidates = specs.filter((s) => s.long.startsWith(name));
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    throw new UsageError(`ambiguous option: ${name} could match ${candidates.map((c) => c.long).join(', ')}`, command);
  }
  throw new UsageError(`unrecognized arguments: ${name}`, command);
}

/** `show -1` and `plan downgrade -1` take negative numbers as positionals, as argparse does. */
function isNegativeNumber(arg: string): boolean {
  return /^-\d+$/.test(arg);
}

export function flag(args: ParsedArgs, key: string): boolean {
  return args.flags.has(key);
}

export function lastValue(args: ParsedArgs, key: string): string | undefined {
  const list = args.values.get(key);
  return list === undefined ? undefined : list[list.length - 1];
}

export function allValues(args: ParsedArgs, key: string): string[] {
  return args.values.get(key) ?? [];
}

/** `--current a,b` and `--current a --current b` both give [a, b]; `--current ''` gives no rows. */
export function revisionList(args: ParsedArgs, key: string): string[] | undefined {
  const list = args.values.get(key);
  if (list === undefined) return undefined;
  return list.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}
