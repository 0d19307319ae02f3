// A typed Alembic command as the bootstrap's argument array (the same options as Alembic's CLI),
// and as the title a user would recognise. Values are separate array items, so nothing in a
// message or revision id can be read as an option or reach a shell.
import type { AlembicCommand } from './types';

function opt(out: string[], flag: string, value: string | undefined): void {
  // "--flag=value" keeps a value that starts with "-" (a relative revision such as -1) a value.
  if (value !== undefined && value !== '') out.push(`${flag}=${value}`);
}

function flag(out: string[], name: string, on: boolean | undefined): void {
  if (on) out.push(name);
}

/** The arguments after `alembic_bootstrap.py`: `-x` arguments first, then the command. */
export function commandArgs(command: AlembicCommand, xArgs: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const x of xArgs) out.push(`-x=${x}`);
  out.push(command.name);
  switch (command.name) {
    case 'upgrade':
    case 'downgrade':
      flag(out, '--sql', command.sql);
      opt(out, '--tag', command.tag);
      out.push('--', command.revision);
      break;
    case 'stamp':
      flag(out, '--sql', command.sql);
      opt(out, '--tag', command.tag);
      flag(out, '--purge', command.purge);
      out.push('--', ...command.revisions);
      break;
    case 'current':
    case 'branches':
      flag(out, '--verbose', command.verbose);
      break;
    case 'history':
      opt(out, '--rev-range', command.range);
      flag(out, '--verbose', command.verbose);
      flag(out, '--indicate-current', command.indicateCurrent);
      break;
    case 'heads':
      flag(out, '--verbose', command.verbose);
      flag(out, '--resolve-dependencies', command.resolveDependencies);
      break;
    case 'show':
      out.push('--', command.revision);
      break;
    case 'check':
    case 'list_templates':
      break;
    case 'revision':
      opt(out, '--message', command.message);
      flag(out, '--autogenerate', command.autogenerate);
      flag(out, '--sql', command.sql);
      opt(out, '--head', command.head);
      flag(out, '--splice', command.splice);
      opt(out, '--branch-label', command.branchLabel);
      for (const d of command.dependsOn ?? []) opt(out, '--depends-on', d);
      opt(out, '--version-path', command.versionPath);
      opt(out, '--rev-id', command.revId);
      break;
    case 'merge':
      opt(out, '--message', command.message);
      opt(out, '--branch-label', command.branchLabel);
      opt(out, '--rev-id', command.revId);
      out.push('--', ...command.revisions);
      break;
    case 'init':
      opt(out, '--template', command.template);
      flag(out, '--package', command.package);
      out.push('--', command.directory);
      break;
  }
  return out;
}

const quoteForTitle = (s: string): string => (/^[\w@.:+\-/=,]+$/.test(s) ? s : JSON.stringify(s));

/** `alembic upgrade head`, `alembic revision -m "add users"`: for titles, logs and busy messages. */
export function commandTitle(command: AlembicCommand): string {
  const args = commandArgs(command).filter((a) => a !== '--');
  return ['alembic', ...args.map((a) => {
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    return eq > 0 ? `${a.slice(0, eq)} ${quoteForTitle(a.slice(eq + 1))}` : quoteForTitle(a);
  })].join(' ');
}

/** Whether the command connects to the database (and so must hold the connection's run lock). */
export function touchesDatabase(command: AlembicCommand): boolean {
  switch (command.name) {
    case 'upgrade':
    case 'downgrade':
    case 'stamp':
      return !command.sql;
    case 'current':
    case 'check':
      return true;
    case 'history':
      return !!command.indicateCurrent;
    case 'revision':
      return !!command.autogenerate && !command.sql;
    default:
      return false;
  }
}
