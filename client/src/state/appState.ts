// The client's whole state in one place: projects and graphs (from the server), settings, the
// resolved connections, the active connection per project, and what each database is at. Views and
// the status bar render from it; commands read it. No vscode import: extension.ts feeds it.
import * as path from 'node:path';
import type { GraphResult } from '../../../server/src/protocol';
import { resolveConnections, validateConnections, type ProjectInfo, type ResolvedConnection } from '../model/connections';
import type { ConnectionsInput, DbState } from '../model/connectionItems';
import type { HistoryInput, ProjectPosition } from '../model/historyItems';
import { sortProjects } from '../model/historyItems';
import { databasePosition } from '../model/marks';
import { DEFAULT_CLIENT_SETTINGS, type ClientSettings } from '../model/settings';
import type { DatabaseStore } from './databaseStore';
import { ChangeEmitter } from './emitter';
import type { ProjectsStore } from './projectsStore';

/** Where the active connection per project is remembered (workspaceState in the extension). */
export interface ActiveMemory {
  get(): Record<string, string>;
  set(value: Record<string, string>): void;
}

export class AppState {
  settings: ClientSettings = DEFAULT_CLIENT_SETTINGS;
  folders: string[] = [];
  trusted = false;
  connections: ResolvedConnection[] = [];
  /** Problems of alembic.connections, worded for the user. */
  problems: string[] = [];
  readonly changed = new ChangeEmitter();

  constructor(
    readonly projects: ProjectsStore,
    readonly db: DatabaseStore,
    private readonly memory: ActiveMemory,
    private readonly env: Record<string, string | undefined>,
  ) {
    projects.changed.on(() => this.recompute());
    db.changed.on(() => this.changed.fire());
  }

  update(change: { settings?: ClientSettings; folders?: string[]; trusted?: boolean }): void {
    if (change.settings) this.settings = change.settings;
    if (change.folders) this.folders = change.folders;
    if (change.trusted !== undefined) this.trusted = change.trusted;
    this.recompute();
  }

  get projectList(): ProjectInfo[] {
    return sortProjects(this.projects.projects, this.folders);
  }

  graph(projectId: string): GraphResult | undefined {
    return this.projects.graphs.get(projectId);
  }

  connectionsOf(projectId: string): ResolvedConnection[] {
    return this.connections.filter((c) => c.projectId === projectId);
  }

  connection(key: string): ResolvedConnection | undefined {
    return this.connections.find((c) => c.key === key);
  }

  /** The chosen connection of a project, or its first one. */
  activeConnection(projectId: string): ResolvedConnection | undefined {
    const mine = this.connectionsOf(projectId);
    const chosen = this.memory.get()[projectId];
    return mine.find((c) => c.name === chosen) ?? mine[0];
  }

  setActive(conn: ResolvedConnection): void {
    this.memory.set({ ...this.memory.get(), [conn.projectId]: conn.name });
    this.changed.fire();
  }

  dbState(conn: ResolvedConnection | undefined): DbState | undefined {
    if (!conn) return undefined;
    return this.shown(this.db.get(conn.key));
  }

  /** In an untrusted workspace nothing is read: say so instead of "not read yet". */
  private shown(state: DbState | undefined): DbState | undefined {
    return !this.trusted && (state === undefined || state.status === 'unread') ? { status: 'untrusted' } : state;
  }

  /** The rows of a connection, when known. */
  rowsOf(conn: ResolvedConnection | undefined): string[] | null {
    const s = this.dbState(conn);
    return s?.status === 'ok' ? s.rows : null;
  }

  /** The project a file belongs to (its folder or a version location holds it), else the first one. */
  projectFor(file: string | undefined): ProjectInfo | undefined {
    const list = this.projectList;
    if (file) {
      const inside = (dir: string) => !path.relative(dir, file).startsWith('..') && !path.isAbsolute(path.relative(dir, file));
      const hit = list.find((p) => p.versionLocations.some(inside)) ?? list.find((p) => inside(p.root));
      if (hit) return hit;
    }
    return list[0];
  }

  historyInput(): HistoryInput {
    const positions = new Map<string, ProjectPosition>();
    for (const p of this.projects.projects) {
      const conn = this.activeConnection(p.id);
      const rows = this.rowsOf(conn);
      const graph = this.graph(p.id);
      if (conn && rows && graph) positions.set(p.id, { connectionName: conn.name, position: databasePosition(graph, rows) });
    }
    return { projects: this.projects.projects, graphs: this.projects.graphs, positions, folders: this.folders };
  }

  connectionsInput(): ConnectionsInput {
    const active = new Set<string>();
    for (const p of this.projects.projects) {
      const c = this.activeConnection(p.id);
      if (c) active.add(c.key);
    }
    return {
      projects: this.projectList,
      connections: this.connections,
      graphs: this.projects.graphs,
      states: this.trusted ? this.db.states : new Map(this.connections.map((c) => [c.key, this.shown(this.db.states.get(c.key))!])),
      active,
      problems: this.problems,
      folders: this.folders,
    };
  }

  private recompute(): void {
    const projects = this.projects.projects;
    this.connections = resolveConnections(this.settings.connections, projects, this.folders);
    // Before the first index every entry would look like it names no project: say nothing yet.
    this.problems = this.projects.indexed ? validateConnections(this.settings.connections, projects, this.folders, this.env).map((p) => p.message) : [];
    this.db.retain(this.connections.map((c) => c.key));
    this.changed.fire();
  }
}
