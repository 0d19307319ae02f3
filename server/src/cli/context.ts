// Everything a command needs from the outside world, passed in (no globals), plus loading the
// project the global options name.
import * as path from 'node:path';
import { configFromVersionLocations, indexProject, loadProjectConfig } from '../engine/index';
import type { HostFs, IndexedProject, ProjectConfig } from '../engine/index';
import { allValues, flag, lastValue, UsageError } from './args';
import type { ParsedArgs } from './args';
import { ConfigError } from './output';

export interface CommandContext {
  args: ParsedArgs;
  positionals: string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  fs: HostFs;
  json: boolean;
  /** Told how many migration files the scan found, before they are read (the process's heap policy). */
  onScanned?(fileCount: number): void;
}

/**
 * `tolerant` (check, graph): problems inside the config are findings to list, not a reason to stop.
 * Otherwise a config Alembic could not use stops the command with exit 2 and the config's own
 * message (which names the file and the fix). A config file that cannot be read stops both.
 */
export function loadProject(ctx: CommandContext, options: { tolerant?: boolean } = {}): IndexedProject {
  const config = readConfig(ctx);
  const fatal = config.problems.find(
    (p) => p.severity === 'error' && (!options.tolerant || p.code === 'config-unreadable'),
  );
  if (fatal) throw new ConfigError(fatal.message);
  // Check and graph list every problem; the commands that answer as Alembic read only whether it could
  // load the scripts (refusal.ts), so they skip the other rules.
  return indexProject(ctx.fs, config, { onScanned: ctx.onScanned, rules: options.tolerant ? 'all' : 'loading' });
}

function readConfig(ctx: CommandContext): ProjectConfig {
  const dirs = allValues(ctx.args, 'versionLocation');
  const configs = allValues(ctx.args, 'config');
  if (dirs.length > 0) {
    if (configs.length > 0 || lastValue(ctx.args, 'name') !== undefined) {
      throw new UsageError('--version-location reads no config file; drop -c/--config and -n/--name, or drop --version-location');
    }
    return configFromVersionLocations(
      dirs.map((d) => path.resolve(ctx.cwd, d)),
      ctx.cwd,
    );
  }
  const { iniFile, pyprojectFile } = configFiles(ctx, configs);
  return loadProjectConfig(ctx.fs, {
    iniFile,
    pyprojectFile,
    section: lastValue(ctx.args, 'name') ?? 'alembic',
    cwd: ctx.cwd,
  });
}

/**
 * Alembic's rule (main, `CommandLine._inis_from_config`): a `-c` whose file name is exactly
 * `pyproject.toml` is the TOML file, anything else the ini; each may be named once. What is not
 * named defaults to `$ALEMBIC_CONFIG` (by the same rule) or `alembic.ini` / `pyproject.toml` in the
 * current directory. A default file that does not exist is simply absent; a named one must exist.
 */
function configFiles(ctx: CommandContext, names: string[]): { iniFile: string | null; pyprojectFile: string | null } {
  let ini: string | undefined;
  let toml: string | undefined;
  for (const name of names) {
    if (path.basename(name) === 'pyproject.toml') {
      if (toml !== undefined) throw new UsageError('pyproject.toml indicated more than once');
      toml = name;
    } else {
      if (ini !== undefined) throw new UsageError('only one ini file may be indicated');
      ini = name;
    }
  }
  for (const named of [ini, toml]) {
    if (named === undefined) continue;
    const kind = ctx.fs.stat(path.resolve(ctx.cwd, named));
    if (kind === null) throw new ConfigError(`${named}: no such file; check the -c/--config path`);
    if (kind === 'dir') throw new ConfigError(`${named} is a directory; give the config file itself with -c`);
  }
  const envConfig = ctx.env.ALEMBIC_CONFIG || undefined;
  const envIsToml = envConfig !== undefined && path.basename(envConfig) === 'pyproject.toml';
  const iniName = ini ?? (envIsToml ? undefined : envConfig) ?? 'alembic.ini';
  const tomlName = toml ?? (envIsToml ? envConfig : undefined) ?? 'pyproject.toml';
  const existing = (name: string): string | null => {
    const full = path.resolve(ctx.cwd, name);
    return ctx.fs.stat(full) === 'file' ? full : null;
  };
  const iniFile = existing(iniName);
  const pyprojectFile = existing(tomlName);
  if (iniFile === null && pyprojectFile === null) {
    throw new ConfigError(
      `no ${iniName} or ${tomlName} in ${ctx.cwd}; run from the project's directory, name the config with -c, ` +
        'or name the migrations folder with --version-location',
    );
  }
  return { iniFile, pyprojectFile };
}

/** A path as people want to read it: relative to the current directory when it lies below it. */
export function displayPath(cwd: string, file: string): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function wantsJson(args: ParsedArgs): boolean {
  return flag(args, 'json');
}
