// Finding the Alembic environments in a workspace (semantics §8.4), deterministically:
// 1. every *.ini with a section that has script_location: one project per section;
// 2. every pyproject.toml whose [tool.alembic] has script_location (merged with a sibling
//    alembic.ini's [alembic] section when there is one: then it is one project, not two);
// 3. config-less script directories (env.py + script.py.mako + versions/) that no config points at,
//    including Flask-Migrate's layout (`migrations/alembic.ini` without script_location).
// The working directory assumed for each project is its config file's directory. Never throws.
import type { DirEntry, HostFs, Problem, ProjectConfig } from '../types';
import { iniLookup, parseIni } from './ini';
import { parsePyproject } from './pyproject';
import { loadProjectConfig } from './config';
import { basenamePath, dirnamePath, joinPath } from '../paths';
import { compareCodePoints } from '../py-order';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'site-packages', '.tox', '.mypy_cache']);
const MAX_DEPTH = 40;

export interface DiscoveryResult {
  projects: ProjectConfig[];
  /** Problems of config files that are not (complete) projects, e.g. an alembic.ini without script_location. */
  problems: Problem[];
}

interface Found {
  inis: string[];
  pyprojects: string[];
  scriptDirs: string[];
}

/** The files discovery reads: a change to one of them can add, remove or reshape a project. */
export function isDiscoveryFileName(name: string): boolean {
  return name.endsWith('.ini') || name === 'pyproject.toml' || name === 'env.py' || name === 'script.py.mako';
}

function isRelevant(e: DirEntry): boolean {
  if (e.kind === 'dir') return true;
  return e.kind === 'file' && isDiscoveryFileName(e.name);
}

function walkTrees(fs: HostFs, roots: string[]): Found {
  const found: Found = { inis: [], pyprojects: [], scriptDirs: [] };
  const visited = new Set<string>();
  const visit = (dir: string, depth: number): void => {
    const real = fs.realpath(dir);
    if (visited.has(real) || depth > MAX_DEPTH) return;
    visited.add(real);
    const listing = fs.listDir(dir);
    if (!listing.ok) return; // an unreadable folder elsewhere in the workspace is not Alembic's business
    // Only folders and config files matter: a versions folder holds thousands of .py files, so keep
    // the few relevant entries before sorting (the order among them is the same).
    const entries = listing.value.filter(isRelevant).sort((a, b) => compareCodePoints(a.name, b.name));
    const isFile = (name: string) => entries.some((e) => e.name === name && e.kind === 'file');
    if (isFile('env.py') && isFile('script.py.mako') && entries.some((e) => e.name === 'versions' && e.kind === 'dir')) {
      found.scriptDirs.push(dir);
    }
    for (const e of entries) {
      const path = joinPath(dir, e.name);
      if (e.kind === 'file' && e.name.endsWith('.ini')) found.inis.push(path);
      else if (e.kind === 'file' && e.name === 'pyproject.toml') found.pyprojects.push(path);
      else if (e.kind === 'dir' && !SKIP_DIRS.has(e.name)) visit(path, depth + 1);
    }
  };
  for (const root of roots) if (fs.stat(root) === 'dir') visit(root, 0);
  return found;
}

function readText(fs: HostFs, file: string): string | null {
  const r = fs.readBytes(file);
  return r.ok ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.value) : null;
}

export function discoverProjects(fs: HostFs, roots: string[]): DiscoveryResult {
  const found = walkTrees(fs, roots);
  const projects: { config: ProjectConfig; rank: number; order: number }[] = [];
  const problems: Problem[] = [];
  const scriptDirSet = new Set(found.scriptDirs);

  // pyproject.toml files with a [tool.alembic] table, by directory.
  const tomlByDir = new Map<string, { file: string; hasScriptLocation: boolean }>();
  for (const file of found.pyprojects) {
    const text = readText(fs, file);
    if (text === null || !text.includes('alembic')) continue;
    const doc = parsePyproject(text, file);
    if (doc.problems.length && !doc.table) {
      if (/\[\s*tool\.alembic|tool\.alembic\./.test(text)) problems.push(...doc.problems);
      continue;
    }
    if (doc.table) tomlByDir.set(dirnamePath(file), { file, hasScriptLocation: 'script_location' in doc.table });
  }
  const mergedToml = new Set<string>();

  for (const iniFile of found.inis) {
    const text = readText(fs, iniFile);
    if (text === null) continue;
    const doc = parseIni(text, iniFile);
    const dir = dirnamePath(iniFile);
    const isAlembicIni = basenamePath(iniFile) === 'alembic.ini';
    const toml = tomlByDir.get(dir);
    const sections = [...doc.sections.keys()];
    const withScript = sections.filter((s) => iniLookup(doc, s, 'script_location') !== undefined);
    // A sibling pyproject supplies script_location to an [alembic] section that lacks it.
    if (isAlembicIni && toml?.hasScriptLocation && doc.sections.has('alembic') && !withScript.includes('alembic')) {
      withScript.unshift('alembic');
    }
    if (withScript.length === 0) {
      if (isAlembicIni && !scriptDirSet.has(dir) && !toml?.hasScriptLocation) {
        problems.push(...loadProjectConfig(fs, { iniFile, section: 'alembic', cwd: dir }).problems);
      }
      continue;
    }
    if (isAlembicIni && toml && doc.sections.has('alembic')) mergedToml.add(toml.file);
    withScript.sort((a, b) => (a === 'alembic' ? -1 : b === 'alembic' ? 1 : sections.indexOf(a) - sections.indexOf(b)));
    withScript.forEach((section, order) => {
      const config = loadProjectConfig(fs, { iniFile, pyprojectFile: toml?.file ?? null, section, cwd: dir });
      projects.push({ config, rank: isAlembicIni ? 0 : 2, order });
    });
  }

  for (const [dir, toml] of tomlByDir) {
    if (!toml.hasScriptLocation || mergedToml.has(toml.file)) continue;
    projects.push({ config: loadProjectConfig(fs, { pyprojectFile: toml.file, cwd: dir }), rank: 1, order: 0 });
  }

  const claimed = new Set(projects.map((p) => fs.realpath(p.config.scriptLocation)));
  for (const dir of found.scriptDirs) {
    if (claimed.has(fs.realpath(dir))) continue;
    // Flask-Migrate: `migrations/alembic.ini` holds the other options; script_location is set in code.
    const ini = joinPath(dir, 'alembic.ini');
    const config = loadProjectConfig(fs, {
      iniFile: fs.stat(ini) === 'file' ? ini : null,
      section: 'alembic',
      cwd: dirnamePath(dir),
      scriptLocation: dir,
    });
    projects.push({ config, rank: 3, order: 0 });
  }

  projects.sort((a, b) => a.rank - b.rank
    || compareCodePoints(a.config.iniFile ?? a.config.pyprojectFile ?? a.config.scriptLocation, b.config.iniFile ?? b.config.pyprojectFile ?? b.config.scriptLocation)
    || a.order - b.order);
  problems.sort((a, b) => compareCodePoints(a.file, b.file) || a.span.start.line - b.span.start.line);
  return { projects: projects.map((p) => p.config), problems };
}
