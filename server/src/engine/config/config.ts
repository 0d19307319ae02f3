// One Alembic environment's settings, read the way `alembic.config.Config` and
// `ScriptDirectory.from_config` read them (newest Alembic; 1.8.1 differences noted where they
// matter): ini section + pyproject [tool.alembic] merged key by key (the ini wins), paths
// resolved against the working directory. Never throws: every problem is returned on the config.
import type { HostFs, Problem, ProjectConfig, Span } from '../types';
import { type IniDocument, parseIni } from './ini';
import { pyStrRepr } from '../pystr';
import { pyStrip } from '../pystr';
import { parsePyproject, type PyprojectAlembic } from './pyproject';
import { ConfigSources, type Origin } from './configSources';
import { configProblem, ZERO_SPAN } from './configProblems';
import { chooseSeparator, invalidSeparatorMessage, readPathList, resolveLocation, separatorChar } from './configPaths';
import { dirnamePath, isAbsolutePath, joinPath, resolvePath } from '../paths';

export { CONFIG_PROBLEM_CODES, type ConfigProblemCode } from './configProblems';

const DEFAULT_FILE_TEMPLATE = '%(rev)s_%(slug)s';
const DEFAULT_TRUNCATE_SLUG_LENGTH = 40;
const DEFAULT_OUTPUT_ENCODING = 'utf-8';

export interface LoadConfigOptions {
  iniFile?: string | null;
  pyprojectFile?: string | null;
  /** The ini section (`-n/--name`); `alembic` by default. pyproject's table is always [tool.alembic]. */
  section?: string;
  /**
   * Alembic's working directory: relative paths in the config resolve against it. For discovered
   * projects it is the config file's directory (where people run `alembic`), an assumption.
   */
  cwd: string;
  /** A script_location set in code (Flask-Migrate's `set_main_option`), overriding the files. */
  scriptLocation?: string;
  /** os.pathsep on the machine Alembic runs on (`path_separator = os`): `:` (default) or `;`. */
  osPathSep?: ':' | ';';
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Reads a config file's text; a missing file is null (Alembic treats it as empty). */
function readText(fs: HostFs, file: string, problems: Problem[]): string | null {
  const r = fs.readBytes(file);
  if (!r.ok) {
    if (!/ENOENT/.test(r.error)) {
      problems.push(configProblem('config-unreadable', file, ZERO_SPAN, `${file} cannot be read (${r.error}). Fix: check the file's permissions.`));
    }
    return null;
  }
  try {
    return decoder.decode(r.value);
  } catch {
    problems.push(configProblem('config-unreadable', file, ZERO_SPAN, `${file} is not valid UTF-8, so Python cannot read it. Fix: save it as UTF-8.`));
    return lenientDecoder.decode(r.value);
  }
}

export function readIniFile(fs: HostFs, file: string, problems: Problem[]): IniDocument | null {
  const text = readText(fs, file, problems);
  if (text === null) return null;
  const doc = parseIni(text, file);
  problems.push(...doc.problems);
  return doc;
}

export function readPyprojectFile(fs: HostFs, file: string, problems: Problem[]): PyprojectAlembic | null {
  const text = readText(fs, file, problems);
  if (text === null) return null;
  const doc = parsePyproject(text, file);
  problems.push(...doc.problems);
  return doc;
}

/** Python's int() on a str: surrounding whitespace, a sign and `_` between digits are allowed. */
function pyInt(text: string): number | null {
  const t = pyStrip(text);
  return /^[+-]?\d+(_\d+)*$/.test(t) ? parseInt(t.replace(/_/g, ''), 10) : null;
}

export function loadProjectConfig(fs: HostFs, opts: LoadConfigOptions): ProjectConfig {
  const problems: Problem[] = [];
  const section = opts.section ?? 'alembic';
  const cwd = opts.cwd;
  const osPathSep = opts.osPathSep ?? ':';
  const iniFile = opts.iniFile ?? null;
  const pyprojectFile = opts.pyprojectFile ?? null;
  const ini = iniFile ? readIniFile(fs, iniFile, problems) ?? parseIni('', iniFile) : null;
  const toml = pyprojectFile ? readPyprojectFile(fs, pyprojectFile, problems) : null;
  // `here` is the directory of the file a value comes from (main: absolute POSIX form).
  const src = new ConfigSources(ini, section, iniFile ? dirnamePath(iniFile) : '.', toml, pyprojectFile ? dirnamePath(pyprojectFile) : '.', problems);
  const origins: Record<string, Origin> = {};
  const note = <T>(key: string, found: { value: T; origin: Origin } | null): T | null => {
    if (!found) return null;
    origins[key] = found.origin;
    return found.value;
  };

  if (ini && !src.hasIniSection && !toml?.table && opts.scriptLocation === undefined) {
    const names = [...ini.sections.keys()];
    problems.push(configProblem('missing-config-section', ini.file, firstLineSpan(ini),
      `No config file ${pyStrRepr(ini.file)} found, or file has no '[${section}]' section. Fix: ${names.length ? `use -n with one of the sections (${names.join(', ')}) or ` : ''}add an [${section}] section with script_location = %(here)s/migrations.`));
  }

  // script_location (required)
  let scriptRaw: string | null;
  if (opts.scriptLocation !== undefined) scriptRaw = opts.scriptLocation;
  else {
    scriptRaw = note('script_location', src.string('script_location'));
    if (scriptRaw === null && !src.iniEntry('script_location') && (src.hasIniSection || toml?.table)) {
      const where = headerOrigin(src);
      problems.push(configProblem('missing-script-location', where.file, where.span,
        `${where.file}: No 'script_location' key found in configuration. Fix: add script_location = %(here)s/migrations to ${where.file.endsWith('.toml') ? '[tool.alembic]' : `[${section}]`} (the directory holding env.py).`));
    }
  }
  const prepend = readPathList(src, 'prepend_sys_path', osPathSep, problems) ?? [];
  const searchRoots = prepend.map((p) => resolvePath(cwd, p.text));
  let scriptLocation = '';
  if (scriptRaw !== null) {
    const resolved = resolveLocation(fs, scriptRaw, cwd, searchRoots);
    scriptLocation = resolved.path;
    const origin = origins.script_location;
    if (resolved.missingPackage !== undefined && origin) {
      problems.push(unresolvedPackage('script_location', scriptRaw, resolved.missingPackage, origin, cwd, searchRoots));
    } else if (origin && fs.stat(scriptLocation) === 'file') {
      problems.push(configProblem('script-location-not-found', origin.file, origin.span,
        `${origin.file}: script_location ${pyStrRepr(scriptLocation)} is a file; Alembic needs the directory holding env.py and script.py.mako. Fix: point script_location at that directory.`));
    } else if (origin && fs.stat(scriptLocation) === null) {
      const relative = !isAbsolutePath(scriptRaw) ? ` Relative paths are resolved against the directory Alembic runs in (taken to be ${cwd}); run from the config file's directory, or use %(here)s.` : '';
      problems.push(configProblem('script-location-not-found', origin.file, origin.span,
        `${origin.file}: Path doesn't exist: ${pyStrRepr(scriptLocation)}.  Please use the 'init' command to create a new scripts folder.${relative} Fix: point script_location at the directory holding env.py, e.g. %(here)s/migrations.`));
    }
  }

  // version_locations: only these directories when set; else <script_location>/versions.
  const listed = readPathList(src, 'version_locations', osPathSep, problems);
  if (listed && listed.length) origins.version_locations = listed[0].origin;
  let versionLocations: string[];
  if (listed && listed.length) {
    versionLocations = listed.map((entry) => {
      if (entry.text === '') {
        problems.push(configProblem('empty-version-location', entry.origin.file, entry.origin.span,
          `${entry.origin.file}: version_locations has an empty entry (a doubled or trailing separator), which Alembic turns into the current directory ${cwd} and scans for migrations. Fix: remove the extra separator.`));
      }
      const resolved = resolveLocation(fs, entry.text, cwd, searchRoots);
      if (resolved.missingPackage !== undefined) problems.push(unresolvedPackage('version_locations', entry.text, resolved.missingPackage, entry.origin, cwd, searchRoots));
      return resolved.path;
    });
  } else {
    versionLocations = scriptRaw === null ? [] : [joinPath(scriptLocation, 'versions')];
  }
  reportLatentSeparator(src, osPathSep, problems);

  const truncateSlugLength = readTruncateSlugLength(src, note, problems);
  const recursive = note('recursive_version_locations', src.bool('recursive_version_locations')) ?? false;
  const sourceless = note('sourceless', src.bool('sourceless')) ?? false;
  const fileTemplate = note('file_template', src.string('file_template')) ?? DEFAULT_FILE_TEMPLATE;
  const timezone = note('timezone', src.string('timezone'));
  const outputEncoding = note('output_encoding', src.string('output_encoding')) ?? DEFAULT_OUTPUT_ENCODING;
  // sqlalchemy.url is read by the user's env.py through get_main_option: ini only.
  const sqlalchemyUrl = note('sqlalchemy.url', src.iniString('sqlalchemy.url', 'warning'));
  checkOtherKeys(src);

  const kind: ProjectConfig['kind'] = opts.scriptLocation !== undefined ? 'configless'
    : origins.script_location && origins.script_location.file === pyprojectFile ? 'pyproject' : iniFile ? 'ini' : 'pyproject';
  const id = kind === 'configless' ? scriptLocation
    : iniFile && (src.hasIniSection || !pyprojectFile) ? `${iniFile}#${section}` : pyprojectFile ? `${pyprojectFile}#tool.alembic` : scriptLocation;
  return {
    id, kind, iniFile, pyprojectFile, section, root: cwd, scriptLocation, versionLocations,
    recursiveVersionLocations: recursive, sourceless, fileTemplate, truncateSlugLength, timezone, outputEncoding,
    sqlalchemyUrl, problems, origins,
  };
}

/** A config with only version directories (the CLI's `--version-location`, no config file). */
export function configFromVersionLocations(dirs: string[], cwd: string): ProjectConfig {
  const versionLocations = dirs.map((d) => resolvePath(cwd, d));
  const scriptLocation = versionLocations.length ? dirnamePath(versionLocations[0]) : cwd;
  return {
    id: scriptLocation, kind: 'configless', iniFile: null, pyprojectFile: null, section: 'alembic', root: cwd,
    scriptLocation, versionLocations, recursiveVersionLocations: false, sourceless: false,
    fileTemplate: DEFAULT_FILE_TEMPLATE, truncateSlugLength: DEFAULT_TRUNCATE_SLUG_LENGTH, timezone: null,
    outputEncoding: DEFAULT_OUTPUT_ENCODING, sqlalchemyUrl: null, problems: [], origins: {},
  };
}

function firstLineSpan(ini: IniDocument): Span {
  const first = ini.sections.values().next();
  return first.done ? ZERO_SPAN : first.value.headerSpan;
}

function headerOrigin(src: ConfigSources): Origin {
  if (src.hasIniSection) return { file: src.ini!.file, span: src.ini!.sections.get(src.section)!.headerSpan };
  return { file: src.toml!.file, span: src.toml!.tableSpan ?? ZERO_SPAN };
}

function unresolvedPackage(key: string, value: string, pkg: string, origin: Origin, cwd: string, roots: string[]): Problem {
  const where = [...roots, cwd].join(', ');
  return configProblem('unresolved-package-resource', origin.file, origin.span,
    `${origin.file}: ${key} '${value}' is a package resource, but the package '${pkg}' was not found under ${where}. Alembic imports it from sys.path, so this may still work in your environment. Fix: use a path such as %(here)s/... instead, or add the package's parent directory to prepend_sys_path.`);
}

function readTruncateSlugLength(src: ConfigSources, note: <T>(k: string, f: { value: T; origin: Origin } | null) => T | null, problems: Problem[]): number {
  const text = note('truncate_slug_length', src.string('truncate_slug_length'));
  if (text === null) return DEFAULT_TRUNCATE_SLUG_LENGTH;
  const n = pyInt(text);
  if (n === null) {
    const origin = src.iniEntry('truncate_slug_length') ? src.iniString('truncate_slug_length')!.origin : src.tomlOrigin('truncate_slug_length');
    problems.push(configProblem('invalid-truncate-slug-length', origin.file, origin.span,
      `${origin.file}: ValueError: invalid literal for int() with base 10: ${pyStrRepr(text)} (truncate_slug_length). Fix: write a whole number such as 40.`));
    return DEFAULT_TRUNCATE_SLUG_LENGTH;
  }
  return n === 0 ? DEFAULT_TRUNCATE_SLUG_LENGTH : n; // `truncate_slug_length or 40`
}

/**
 * A bad separator only fails when Alembic reads it (when version_locations is set in the ini).
 * The 1.8.1 template's `version_path_separator = os  # Use os.pathsep...` is such a trap: warn.
 */
function reportLatentSeparator(src: ConfigSources, osPathSep: string, problems: Problem[]): void {
  const vl = src.iniEntry('version_locations');
  if (vl && src.iniString('version_locations')?.value) return; // already read for real
  const scratch: Problem[] = [];
  const choice = chooseSeparator(src, ['path_separator', 'version_path_separator'], osPathSep, scratch);
  if (choice.key === null) return;
  const found = src.iniString(choice.key);
  const reported = problems.some((p) => p.code === 'invalid-path-separator' && found && p.file === found.origin.file && p.span.start.line === found.origin.span.start.line);
  if (found && !reported && separatorChar(found.value, osPathSep) === undefined) {
    problems.push(configProblem('invalid-path-separator', found.origin.file, found.origin.span,
      invalidSeparatorMessage(found, choice.key, src.iniEntry(choice.key)!.line, false), 'warning'));
  }
}

/**
 * env.py's `config.get_section(...)` and the post-write hooks interpolate every key: check them all
 * (as warnings: commands such as `heads` never read them).
 */
function checkOtherKeys(src: ConfigSources): void {
  if (!src.ini) return;
  for (const sectionName of [src.section, 'post_write_hooks']) {
    const section = src.ini.sections.get(sectionName);
    if (!section) continue;
    const keys = new Set([...src.ini.defaults.keys(), ...section.entries.keys()]);
    for (const key of keys) {
      const entry = section.entries.get(key) ?? src.ini.defaults.get(key)!;
      src.interpolate(sectionName, key, entry, 'warning');
    }
  }
}
