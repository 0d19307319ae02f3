// What the language server knows: every Alembic project under the workspace folders, each file
// parsed once and kept until it changes, open buffers standing in for their files on disk.
// No LSP types here (features/ turn this into protocol answers), and the file system comes in as a
// HostFs, so tests drive it with an in-memory one.
//
// Each project is a ProjectIndex (incremental/): an edit to one file costs that file's rules, and the
// graph only when the edit changes it. The index also records which files' problems changed since
// the diagnostics were last sent (`takeChangedFiles`), so the server re-sends those only.
import { discoverProjects, isDiscoveryFileName, parseMigrationText, readAndParse, scanVersionLocations, utf8EditHazard, withListingCache } from './engine/index';
import type { HostFs, IndexedFile, IndexedProject, Problem, ProjectConfig, Utf8Hazard } from './engine/index';
import { overlayFs } from './overlayFs';
import { ProjectIndex, type CachedParse } from './incremental/projectIndex';
import { groupByPath, type ProblemsByPath } from './incremental/problems';

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

/** Placeholder before a project's first index. */
const EMPTY = {} as IndexedProject;

/** Files whose change can add, remove or reshape a project (not just one revision): what discovery reads. */
export function isConfigPath(path: string): boolean {
  return isDiscoveryFileName(path.slice(path.lastIndexOf('/') + 1));
}

export class WorkspaceIndex {
  private readonly overlays = new Map<string, string>();
  /** Parsed files, kept per path until the path changes. */
  private readonly parses = new Map<string, CachedParse>();
  /** The overlay; during a rediscovery, the same with each folder listed once (see listingCache.ts). */
  private fs: HostFs;
  private projectList: ProjectState[] = [];
  private readonly engines = new Map<ProjectState, ProjectIndex>();
  private discovery: Problem[] = [];
  private discoveryAt: ProblemsByPath = new Map();
  private versionCounter = 0;
  /** Files whose problems may have changed since `takeChangedFiles`, or 'all'. */
  private changedFiles: Set<string> | 'all' = 'all';
  private readonly failures: unknown[] = [];

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
    const overlay = this.fs;
    this.fs = withListingCache(overlay);
    try {
      return this.rediscoverWith();
    } finally {
      this.fs = overlay;
    }
  }

  private rediscoverWith(): ProjectState[] {
    const { projects, problems } = discoverProjects(this.fs, this.folderPaths);
    this.discovery = problems;
    this.discoveryAt = groupByPath(problems);
    const previous = new Map(this.projectList.map((p) => [p.config.id, p]));
    const engines = new Map([...this.engines].map(([p, engine]) => [p.config.id, engine]));
    this.engines.clear();
    this.projectList = projects.map((config) => this.indexConfig(config, previous.get(config.id), engines.get(config.id)));
    this.changedFiles = 'all';
    return this.projectList;
  }

  /**
   * The files whose problems may have changed since the last call ('all' after a rediscovery), and
   * starts recording afresh. The server re-sends diagnostics for these files only.
   */
  takeChangedFiles(): Set<string> | 'all' {
    const out = this.changedFiles;
    this.changedFiles = new Set();
    return out;
  }

  /** Every problem on one file (discovery, then each project's), in the order `projects` lists them. */
  problemsAt(path: string): Problem[] {
    const out = [...(this.discoveryAt.get(path) ?? [])];
    for (const p of this.projectList) {
      const engine = this.engines.get(p);
      if (engine) out.push(...engine.problemsAt(path));
    }
    return out;
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

  /**
   * Why the file on disk must not be edited as UTF-8 (see utf8-roundtrip.ts), or null: it is UTF-8 as
   * Python reads it, or it does not exist (yet), so an edit cannot change other bytes of it.
   */
  utf8HazardOf(path: string): Utf8Hazard | null {
    const bytes = this.diskBytesOf(path);
    return bytes ? utf8EditHazard(bytes) : null;
  }

  /** The file's bytes on disk (an open buffer does not count), or null when it cannot be read. */
  diskBytesOf(path: string): Uint8Array | null {
    const bytes = this.diskFs.readBytes(path);
    return bytes.ok ? bytes.value : null;
  }

  /** Files changed on disk (the client's file watcher). Returns the projects that were re-indexed. */
  diskChanged(changes: { path: string; kind: FileChangeKind }[]): ProjectState[] {
    const rescan = new Set<ProjectState>();
    const edited = new Map<ProjectState, Set<string>>();
    let rediscover = false;
    for (const { path, kind } of changes) {
      if (isConfigPath(path)) rediscover = true;
      if (this.overlays.has(path) && kind === 'changed') continue; // the buffer still wins
      this.forgetUnder(path);
      for (const p of this.projectList) {
        if (kind !== 'changed' ? this.underLocation(p, path) : this.holds(p, path)) {
          if (kind === 'changed') edited.set(p, (edited.get(p) ?? new Set()).add(path));
          else rescan.add(p);
        }
      }
    }
    if (rediscover) return this.rediscover();
    const touched = new Set<ProjectState>();
    for (const p of rescan) touched.add(this.reindex(p));
    for (const [p, paths] of edited) if (!rescan.has(p)) for (const path of paths) touched.add(this.fileChanged(p, path));
    return [...touched];
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
    return affected.map((p) => (kind === 'changed' ? this.fileChanged(p, path) : this.reindex(p)));
  }

  private holds(p: ProjectState, path: string): boolean {
    return p.filesByPath.has(path);
  }

  private underLocation(p: ProjectState, path: string): boolean {
    return p.config.versionLocations.some((loc) => path === loc || path.startsWith(loc + '/') || loc.startsWith(path + '/'));
  }

  /** Forgets the parse of a path, and of everything under it (a deleted or renamed directory). */
  private forgetUnder(path: string): void {
    if (this.parses.delete(path)) return; // a file, not a directory: nothing is under it
    const prefix = path + '/';
    for (const key of this.parses.keys()) if (key.startsWith(prefix)) this.parses.delete(key);
  }

  /** A project found (again): a fresh index, which takes over the per-file findings of the project's previous one. */
  private indexConfig(config: ProjectConfig, previous: ProjectState | undefined, engine: ProjectIndex | undefined): ProjectState {
    const state: ProjectState = { config, indexed: EMPTY, version: previous?.version ?? 0, scanProblems: [], filesByPath: new Map() };
    return this.reindex(state, new ProjectIndex(config, engine));
  }

  /** Lists the version locations again and re-runs graph and rules (files already parsed are not re-read). */
  private reindex(p: ProjectState, engine = this.engines.get(p) ?? new ProjectIndex(p.config)): ProjectState {
    this.engines.set(p, engine);
    const changed = engine.rebuild(scanVersionLocations(this.fs, p.config), (path) => this.cachedParse(path));
    return this.publish(p, engine, changed);
  }

  /** One file of the project has new text: the incremental path, or a rebuild when it cannot apply. */
  private fileChanged(p: ProjectState, path: string): ProjectState {
    const engine = this.engines.get(p);
    if (!engine) return this.reindex(p);
    const cached = this.cachedParse(path);
    // Gone rather than changed (a watcher may say "changed" for a deletion): list the folders again.
    if (cached.parsed === null && this.fs.stat(path) === null) return this.reindex(p);
    let changed: Set<string> | null;
    try {
      changed = engine.replaceFile(path, cached);
    } catch (e) {
      // Never leave a half-updated index behind: start this project over from a fresh one, and say so.
      this.failures.push(e);
      this.changedFiles = 'all';
      return this.reindex(p, new ProjectIndex(p.config));
    }
    return changed === null ? this.reindex(p) : this.publish(p, engine, changed);
  }

  /** Errors an incremental update ran into (the project was then indexed afresh), for the server's log. */
  takeFailures(): unknown[] {
    return this.failures.splice(0);
  }

  private publish(p: ProjectState, engine: ProjectIndex, changed: Set<string>): ProjectState {
    p.indexed = engine.indexed;
    p.scanProblems = engine.scanProblems;
    p.filesByPath = engine.byPath;
    p.version = ++this.versionCounter;
    if (this.changedFiles !== 'all') for (const path of changed) this.changedFiles.add(path);
    return p;
  }

  private cachedParse(path: string): CachedParse {
    let cached = this.parses.get(path);
    if (!cached) {
      cached = this.parse(path);
      this.parses.set(path, cached);
    }
    return cached;
  }

  private parse(path: string): CachedParse {
    const open = this.overlays.get(path);
    if (open !== undefined) return { parsed: parseMigrationText(open), readError: null };
    return readAndParse(this.diskFs, path);
  }
}
