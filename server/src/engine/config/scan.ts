// Which files Alembic loads as revisions, in its load order (`ScriptDirectory._load_revisions`,
// `Script._list_py_dir`, newest Alembic): only the version locations, in configured order, missing
// ones skipped; inside each, files sorted by code point, then (with recursive_version_locations)
// subdirectories top-down in sorted order. 1.8.1 used os.listdir order (arbitrary) and never recursed.
import type { DirEntry, HostFs, MigrationFileRef, Problem, ProjectConfig, ScanResult } from '../types';
import { configProblem, ZERO_SPAN } from './configProblems';
import { basenamePath, isAbsolutePath, joinPath, normalizePath } from '../paths';
import { compareCodePoints } from '../py-order';

/** `_only_source_rev_file`: `.#` (Emacs locks) and `__init__*` excluded, must end in `.py`. */
export const SOURCE_FILE_RE = /^(?!\.#|__init__)([^\n]*\.py)\n?$/; // Python's `$` also matches before a final \n
/** `_sourceless_rev_file`: the same, plus `.pyc` / `.pyo`. */
const SOURCELESS_FILE_RE = /^(?!\.#|__init__)([^\n]*\.py)(c|o)?\n?$/;

export function isRevisionFileName(name: string): boolean {
  return SOURCE_FILE_RE.test(name);
}

export function scanVersionLocations(fs: HostFs, config: ProjectConfig): ScanResult {
  const files: MigrationFileRef[] = [];
  const problems: Problem[] = [];
  const seenReal = new Set<string>();
  let anyDirectory = false;

  for (const location of config.versionLocations) {
    const kind = fs.stat(location);
    if (kind === null) {
      // Newest Alembic skips missing locations; a location that is a looping link looks missing too.
      const listing = fs.listDir(location);
      if (!listing.ok && /ELOOP/.test(listing.error)) {
        problems.push(configProblem('symlink-loop', location, ZERO_SPAN, `Version location ${location} is a symbolic link that loops (${listing.error}). Fix: remove or repoint the link.`));
      }
      continue;
    }
    if (kind === 'file') {
      problems.push(configProblem('version-location-not-a-directory', location, ZERO_SPAN,
        `Version location ${location} is a file, not a directory, so Alembic finds no migrations in it. Fix: point version_locations at the directory holding the migration files.`));
      continue;
    }
    anyDirectory = true;
    let bytecode = 0;
    const visitedDirs = new Set<string>([fs.realpath(location)]);

    const walk = (dir: string, rel: string): void => {
      const listing = fs.listDir(dir);
      if (!listing.ok) {
        problems.push(/ELOOP/.test(listing.error)
          ? configProblem('symlink-loop', dir, ZERO_SPAN, `Directory ${dir} is a symbolic link that loops (${listing.error}). Fix: remove or repoint the link.`)
          : configProblem('unreadable-directory', dir, ZERO_SPAN, `Directory ${dir} cannot be read (${listing.error}); newer Alembic silently skips it and 1.8.1 fails. Fix: make it readable (check its permissions).`));
        return;
      }
      const entries = sortedByName(listing.value);
      const childPath = childPathJoiner(dir);
      // Resolving every file costs a system call each; only links can lead somewhere else.
      const realDir = fs.realpath(dir);
      // Only needed when there is bytecode around, which is rare: built on first use.
      let fileNames: Set<string> | null = null;
      const hasFile = (name: string): boolean =>
        (fileNames ??= new Set(entries.filter((e) => e.kind !== 'dir').map((e) => e.name))).has(name);
      for (const entry of entries) {
        const path = childPath(entry.name);
        if (entry.kind === 'dir') {
          if (SOURCE_FILE_RE.test(entry.name)) {
            problems.push(configProblem('not-a-file', path, ZERO_SPAN,
              `${path} is a directory named like a migration file; Alembic 1.8.1 tries to import it and fails (newer versions skip it). Fix: rename the directory.`));
          }
          continue;
        }
        if (entry.kind === 'symlink-loop') {
          problems.push(configProblem('symlink-loop', path, ZERO_SPAN,
            `${path} is a symbolic link that points back to itself, so it cannot be read${SOURCE_FILE_RE.test(entry.name) ? ' (Alembic would fail to import it)' : ''}. Fix: remove or repoint the link.`));
          continue;
        }
        if (entry.kind === 'other') {
          // Reading a named pipe would block forever, and a device or a dangling link is no module.
          if (SOURCE_FILE_RE.test(entry.name)) {
            problems.push(configProblem('not-a-file', path, ZERO_SPAN,
              `${path} is not a regular file (a named pipe, socket, device or a symbolic link to nothing), so it is not read; Alembic would fail to import it. Fix: remove it or replace it with the migration file.`));
          }
          continue;
        }
        // Not a link: its real path is its name in the real directory (the very same string when the
        // directory is not behind a link either).
        const real = entry.symlink === false ? (realDir === dir ? path : joinPath(realDir, entry.name)) : fs.realpath(path);
        if (seenReal.has(real)) {
          problems.push(configProblem('file-loaded-twice', path, ZERO_SPAN,
            `File ${real} loaded twice! ignoring. Please ensure version_locations is unique.`));
          continue;
        }
        seenReal.add(real);
        // Newest Alembic matches the resolved file's name (1.8.1: the listed name).
        const name = entry.symlink === false ? entry.name : basenamePath(real);
        if (SOURCE_FILE_RE.test(name)) {
          // relPath is the end of path: as a slice of it, it costs no second copy of the name.
          const relPath = rel === '' && path.endsWith(entry.name) ? path.slice(path.length - entry.name.length) : rel + entry.name;
          const ref: MigrationFileRef = { path, location, relPath };
          if (real !== path) ref.realPath = real;
          files.push(ref);
          continue;
        }
        const compiled = SOURCELESS_FILE_RE.exec(name);
        if (compiled && compiled[2]) {
          // The source wins over .pyc, and .pyc over .pyo (`_from_filename`).
          const hasSource = hasFile(compiled[1]) || (compiled[2] === 'o' && hasFile(compiled[1] + 'c'));
          if (!hasSource) bytecode++;
        }
      }
      const cache = entries.find((e) => e.name === '__pycache__' && e.kind === 'dir');
      if (cache) {
        const stems = new Set(entries.filter((e) => e.kind !== 'dir').map((e) => e.name.split('.')[0]));
        bytecode += staleCacheFiles(fs, joinPath(dir, '__pycache__'), stems);
      }
      if (!config.recursiveVersionLocations) return;
      for (const entry of entries) {
        if (entry.kind !== 'dir' || entry.name.endsWith('__pycache__')) continue;
        const child = joinPath(dir, entry.name);
        const real = fs.realpath(child);
        // os.walk does not descend into symlinked directories; the visited set guards loops anyway.
        if (real !== joinPath(realDir, entry.name) || visitedDirs.has(real)) continue;
        visitedDirs.add(real);
        walk(child, rel + entry.name + '/');
      }
    };
    walk(location, '');

    if (bytecode > 0) {
      const what = `${bytecode} compiled file${bytecode === 1 ? '' : 's'} (.pyc/.pyo) without a .py source in ${location}`;
      problems.push(configProblem('sourceless-not-indexed', location, ZERO_SPAN, config.sourceless
        ? `${what}: Alembic loads them as revisions (sourceless = true), but they cannot be read statically, so they are missing from this index. Fix: keep the .py sources next to them.`
        : `${what}: Alembic ignores them because sourceless is not true (stale bytecode of deleted migrations?). Fix: delete them, or set sourceless = true if they are meant to be revisions.`));
    }
  }

  const brokenScriptDir = config.problems.some((p) => p.code === 'script-location-not-found' || p.code === 'missing-script-location');
  if (!anyDirectory && config.versionLocations.length > 0 && !brokenScriptDir) {
    const origin = config.origins?.version_locations ?? config.origins?.script_location;
    problems.push(configProblem('no-version-location', origin?.file ?? config.versionLocations[0], origin?.span ?? ZERO_SPAN,
      `None of the version locations exists (${config.versionLocations.join(', ')}), so Alembic finds no migrations. Fix: create ${config.versionLocations[0]} or correct version_locations.`));
  }
  return { files, problems };
}

/**
 * Entries in Python's name order. Code-point order equals JavaScript's own string order unless a
 * name holds a surrogate pair, so the usual listing is sorted natively by name (thousands of
 * comparator calls cost more than the rest of the scan) and only a listing with such a name uses
 * the code-point comparator.
 */
function sortedByName(entries: DirEntry[]): DirEntry[] {
  if (entries.some((e) => SURROGATE.test(e.name))) return [...entries].sort((a, b) => compareCodePoints(a.name, b.name));
  const byName = new Map<string, DirEntry>();
  for (const e of entries) byName.set(e.name, e);
  // A listing never holds a name twice, but a host that did would lose an entry here: keep them all.
  if (byName.size !== entries.length) return [...entries].sort((a, b) => compareCodePoints(a.name, b.name));
  const names = [...byName.keys()].sort();
  return names.map((name) => byName.get(name) as DirEntry);
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * `joinPath(dir, name)` for the names of one listing. A listed name is one path segment, so for a
 * directory already in normal form the join is plain concatenation; only names joinPath would treat
 * specially (`.`, `..`, one holding a slash or starting like a drive) take the general path.
 */
function childPathJoiner(dir: string): (name: string) => string {
  const prefix = dir.endsWith('/') ? dir : dir + '/';
  // A drive path (`C:/x`) is normalised with its backslashes turned: leave those to joinPath.
  if (!dir.startsWith('/') || dir === '/' || normalizePath(dir) !== dir) return (name) => joinPath(dir, name);
  return (name) => (isPlainSegment(name) ? prefix + name : joinPath(dir, name));
}

function isPlainSegment(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && name.indexOf('/') < 0 && !isAbsolutePath(name);
}

/** `__pycache__` files whose stem has no file in the directory (what sourceless mode would load). */
function staleCacheFiles(fs: HostFs, cacheDir: string, stems: Set<string>): number {
  const listing = fs.listDir(cacheDir);
  if (!listing.ok) return 0;
  return listing.value.filter((e) => e.kind !== 'dir' && !stems.has(e.name.split('.')[0]) && /\.py[co]$/.test(e.name)).length;
}
