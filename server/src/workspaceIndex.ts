// What the language server knows: every Alembic project under the workspace folders, each file
// parsed once and kept until it changes, open buffers standing in for their files on disk.
// No LSP types here (features/ turn this into protocol answers), and the file system comes in as a
// HostFs, so tests drive it with an in-memory one.
import {
  assembleProject,
  discoverProjects,
  indexParsedFile,
  parseMigration,
  parseMigrationText,
  scanVersionLocations,
} from './engine/index';
import type { HostFs, IndexedFile, IndexedProject, MigrationFileRef, ParsedMigration, Problem, ProjectConfig } from './engine/index';
import { overlayFs } from './overlayFs';

export interface ProjectState {
  config: ProjectConfig;
  indexed: IndexedProject;
  /** Bumped on every re-index of this project. */
  version: number;
  /** Problems of the last listing of the version locations (unreadable folders, loops...). */
  scanProblems: Problem[];
  /** The project's revision files by path. */
  filesByPath: Map<string, IndexedFile>;
}

export type FileChangeKind = 'created' | 'changed' | 'deleted';

/** A parsed file, or why it could not be read. Kept per path until the path changes. */
type CachedParse = { parsed: ParsedMigration; readError: null } | { parsed: null; readError: string };

/** Placeholder before a project's first index. */
const EMPTY = {} as IndexedProject;

const CONFIG_NAMES = new Set(['pyproject.toml', 'script.py.mako', 'env.py']);

/** Files whose change can add, remove or reshape a project (not just one revision). */
export function isConfigPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.ini') || CONFIG_NAMES.has(name);
}

export class WorkspaceIndex {
  private readonly overlays = new Map<string, string>();
  private readonly parses = new Map<string, CachedParse>();
  private readonly fs: HostFs;
  private projectList: ProjectState[] = [];
  private discovery: Problem[] = [];
  private versionCounter = 0;

  constructor(
    private readonly diskFs: HostFs,
    private folderPaths: string[],
  ) {
    this.fs = overlayFs(diskFs, this.overlays);
  }

  get folders(): readonly string[] {
    return this.folderPaths;
  }

  get projects(): readonly ProjectState[] {
    return this.projectList;
  }

  /** Problems of config files that are not projects (an alembic.ini without script_location...). */
  get discoveryProblems(): readonly Problem[] {
    return this.discovery;
  }

  setFolders(folders: string[]): ProjectState[] {
    this.folderPaths = folders;
    return this.rediscover();
  }

  /** Finds every project again and re-indexes each, re-reading only files not already parsed. */
  rediscover(): ProjectState[] {
    const { projects, problems } = discoverProjects(this.fs, this.folderPaths);
    this.discovery = problems;
    this.projectList = projects.map((config) => this.indexConfig(config));
    return this.projectList;
  }

  /** An editor buffer was opened or edited: it replaces the file on disk until closed. */
  setOverlay(path: string, text: string): ProjectState[] {
    if (this.overlays.get(path) === text) return [];
    this.overlays.set(path, text);
    return this.pathChanged(path, 'changed');
  }

  /** The buffer was closed: the file on disk counts again. */
  clearOverlay(path: string): ProjectState[] {
    if (!this.overlays.delete(path)) return [];
    return this.pathChanged(path, 'changed');
  }

  hasOverlay(path: string): boolean {
    return this.overlays.has(path);
  }

  /** The current text of a file: the buffer when open, else the disk (null when unreadable). */
  textOf(path: string): string | null {
    const open = this.overlays.get(path);
    if (open !== undefined) return open;
    const bytes = this.diskFs.readBytes(path);
    return bytes.ok ? new TextDecoder().decode(bytes.value) : null;
  }

  /** Files changed on disk (the client's file watcher). Returns the projects that were re-indexed. */
  diskChanged(changes: { path: string; kind: FileChangeKind }[]): ProjectState[] {
    const touched = new Set<ProjectState>();
    let rediscover = false;
    for (const { path, kind } of changes) {
      if (isConfigPath(path)) rediscover = true;
      if (this.overlays.has(path) && kind === 'changed') continue; // the buffer still wins
      this.forgetUnder(path);
      for (const p of this.projectList) if (kind !== 'changed' ? this.underLocation(p, path) : this.holds(p, path)) touched.add(p);
    }
    if (rediscover) return this.rediscover();
    return [...touched].map((p) => this.reindex(p, true));
  }

  /** The projects whose version locations hold this path (usually one). */
  projectsOf(path: string): ProjectState[] {
    return this.projectList.filter((p) => this.holds(p, path));
  }

  /** The indexed file at this path in a project, if it is one of its revision files. */
  fileIn(project: ProjectState, path: string): IndexedFile | undefined {
    return project.filesByPath.get(path);
  }

  project(id: string): ProjectState | undefined {
    return this.projectList.find((p) => p.config.id === id);
  }

  private pathChanged(path: string, kind: FileChangeKind): ProjectState[] {
    if (isConfigPath(path)) return this.rediscover();
    this.parses.delete(path);
    const affected = this.projectList.filter((p) => (kind === 'changed' ? this.holds(p, path) : this.underLocation(p, path)));
    return affected.map((p) => this.reindex(p, kind !== 'changed'));
  }

  private holds(p: ProjectState, path: string): boolean {
    return p.filesByPath.has(path);
  }

  private underLocation(p: ProjectState, path: string): boolean {
    return p.config.versionLocations.some((loc) => path === loc || path.startsWith(loc + '/') || loc.startsWith(path + '/'));
  }

  /** Forgets the parse of a path, and of everything under it (a deleted or renamed directory). */
  private forgetUnder(path: string): void {
    this.parses.delete(path);
    const prefix = path + '/';
    for (const key of this.parses.keys()) if (key.startsWith(prefix)) this.parses.delete(key);
  }

  private indexConfig(config: ProjectConfig): ProjectState {
    const previous = this.projectList.find((p) => p.config.id === config.id);
    const state: ProjectState = { config, indexed: EMPTY, version: previous?.version ?? 0, scanProblems: [], filesByPath: new Map() };
    return this.reindex(state, true);
  }

  /** Re-runs graph and rules; with `rescan`, lists the version locations again first. */
  private reindex(p: ProjectState, rescan: boolean): ProjectState {
    const scan = rescan || p.indexed === EMPTY ? scanVersionLocations(this.fs, p.config) : { files: p.indexed.files.map((f) => f.ref), problems: p.scanProblems };
    const files = scan.files.map((ref) => this.indexFile(ref));
    p.indexed = assembleProject(p.config, files, scan.problems);
    p.scanProblems = scan.problems;
    p.filesByPath = new Map(files.map((f) => [f.ref.path, f]));
    p.version = ++this.versionCounter;
    return p;
  }

  private indexFile(ref: MigrationFileRef): IndexedFile {
    let cached = this.parses.get(ref.path);
    if (!cached) {
      cached = this.parse(ref.path);
      this.parses.set(ref.path, cached);
    }
    if (cached.parsed === null) return { ref, parsed: null, readError: cached.readError, revisionId: null, input: null };
    return indexParsedFile(ref, cached.parsed);
  }

  private parse(path: string): CachedParse {
    const open = this.overlays.get(path);
    if (open !== undefined) return { parsed: parseMigrationText(open), readError: null };
    const bytes = this.diskFs.readBytes(path);
    return bytes.ok ? { parsed: parseMigration(bytes.value), readError: null } : { parsed: null, readError: bytes.error };
  }
}
