// How Alembic turns the path settings into directories: splitting `version_locations` and
// `prepend_sys_path` (path_separator / version_path_separator / legacy), and resolving each entry
// (`%(here)s` already applied) as an absolute path, a `package:sub/path` resource, or a path
// relative to the working directory (`util.coerce_resource_to_filename` + `os.path.abspath`).
import type { HostFs, Problem } from '../types';
import { configProblem } from './configProblems';
import type { ConfigSources, Found, Origin } from './configSources';
import { isAbsolutePath, joinPath, resolvePath } from '../paths';

const LEGACY_SPLIT = /, *| +/;
const LEGACY_SPLIT_WITH_COLON = /, *| +|:/;
const VALID = "expected 'space', 'newline', 'os', ':', ';'";

export interface SeparatorChoice {
  /** The split character, or null for the legacy splitting. */
  char: string | null;
  /** The key the separator came from. */
  key: string | null;
}

/**
 * `Config._get_file_separator_char(*names)`: the first key present wins, even when its value is
 * invalid (then Alembic raises ValueError). `os` is os.pathsep of the machine Alembic runs on.
 */
export function chooseSeparator(src: ConfigSources, names: string[], osPathSep: string, problems: Problem[]): SeparatorChoice {
  for (const key of names) {
    const entry = src.iniEntry(key);
    if (!entry) continue;
    const found = src.iniString(key);
    if (!found) return { char: null, key };
    const char = separatorChar(found.value, osPathSep);
    if (char === undefined) {
      problems.push(configProblem('invalid-path-separator', found.origin.file, found.origin.span, invalidSeparatorMessage(found, key, entry.line, true)));
      return { char: null, key };
    }
    if (key === 'version_path_separator') {
      problems.push(configProblem('deprecated-version-path-separator', found.origin.file, found.origin.span,
        `${found.origin.file} line ${entry.line + 1}: version_path_separator is deprecated since Alembic 1.16. Fix: rename it to path_separator once every user runs Alembic 1.16 or newer (older versions read only version_path_separator).`));
    }
    return { char, key };
  }
  return { char: null, key: null };
}

export function separatorChar(value: string, osPathSep: string): string | undefined {
  const table: Record<string, string> = { space: ' ', newline: '\n', os: osPathSep, ':': ':', ';': ';' };
  return Object.prototype.hasOwnProperty.call(table, value) ? table[value] : undefined;
}

/** Alembic's ValueError text, plus the fix; `active` says whether Alembic reads it right now. */
export function invalidSeparatorMessage(found: Found<string>, key: string, line: number, active: boolean): string {
  const head = `${found.origin.file} line ${line + 1}: ValueError: '${found.value}' is not a valid value for ${key}; ${VALID}`;
  const when = active ? '' : ' (Alembic reads it as soon as version_locations is set)';
  const cut = found.value.split(/[#;]/)[0].trim();
  if (/[#;]/.test(found.value) && cut && separatorChar(cut, ':') !== undefined) {
    return `${head}${when}. Inline comments are not stripped in .ini files, so the comment became part of the value. Fix: move the comment to its own line and write ${key} = ${cut}.`;
  }
  return `${head}${when}. Fix: use one of space, newline, os, : or ;.`;
}

/** Splits a path list the way Alembic does: explicit separator (pieces stripped) or legacy. */
export function splitPathList(value: string, sep: SeparatorChoice, legacy: RegExp): string[] {
  if (sep.char === null) return value.split(legacy);
  return value.split(sep.char).filter((x) => x !== '').map((x) => x.trim());
}

export interface PathListEntry {
  text: string;
  origin: Origin;
}

/**
 * `get_version_locations_list` / `get_prepend_sys_paths_list`: the ini string when it is not
 * empty, else the toml list. Returns null when neither is set.
 */
export function readPathList(src: ConfigSources, key: 'version_locations' | 'prepend_sys_path', osPathSep: string, problems: Problem[]): PathListEntry[] | null {
  const ini = src.iniString(key);
  if (ini && ini.value) {
    const names = key === 'version_locations' ? ['path_separator', 'version_path_separator'] : ['path_separator'];
    const sep = chooseSeparator(src, names, osPathSep, problems);
    if (sep.char === null && sep.key === null && key === 'version_locations') {
      problems.push(configProblem('legacy-path-splitting', ini.origin.file, ini.origin.span,
        `${ini.origin.file}: version_locations is split on commas and spaces because no path_separator is set (Alembic 1.16+ warns about this). Fix: add path_separator = os and separate the entries with ${osPathSep}.`));
    }
    const legacy = key === 'version_locations' ? LEGACY_SPLIT : LEGACY_SPLIT_WITH_COLON;
    return splitPathList(ini.value, sep, legacy).map((text) => ({ text, origin: ini.origin }));
  }
  const toml = src.tomlValue(key);
  if (!toml) return null;
  const items = typeof toml.value === 'string' ? [toml.value] : Array.isArray(toml.value) ? toml.value : [String(toml.value)];
  return items.map((text) => ({ text, origin: toml.origin }));
}

export interface ResolvedLocation {
  path: string;
  /** Set when the value is a `package:path` resource whose package was not found. */
  missingPackage?: string;
}

/**
 * One location as Alembic resolves it. `package:sub/dir` imports `package` (dotted) and joins the
 * rest; statically we look for the package directory under each search root in order
 * (prepend_sys_path entries, then the working directory).
 */
export function resolveLocation(fs: HostFs, value: string, cwd: string, searchRoots: string[]): ResolvedLocation {
  if (isAbsolutePath(value) || !value.includes(':')) return { path: resolvePath(cwd, value) };
  const [pkg, ...rest] = value.split(':');
  const pkgPath = pkg.split('.').join('/');
  for (const root of [...searchRoots, cwd]) {
    const dir = joinPath(root, pkgPath);
    if (fs.stat(dir) === 'dir') return { path: joinPath(dir, ...rest) };
  }
  return { path: joinPath(cwd, pkgPath, ...rest), missingPackage: pkg };
}
