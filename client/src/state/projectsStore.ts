// The projects and revision graphs the language server has indexed, kept up to date from its
// `alembic/didIndex` notifications. The server re-indexes on every keystroke in a migration file, so
// notifications are coalesced: one fetch per burst, one at a time, and only the graphs that changed.
import {
  GRAPH_REQUEST,
  PROJECTS_REQUEST,
  type DidIndexParams,
  type GraphParams,
  type GraphResult,
  type ProjectsResult,
} from '../../../server/src/protocol';
import type { ProjectInfo } from '../model/connections';
import { ChangeEmitter } from './emitter';

export type Requester = <R>(method: string, params?: unknown) => Promise<R>;

export class ProjectsStore {
  projects: ProjectInfo[] = [];
  readonly graphs = new Map<string, GraphResult>();
  /** False until the server has answered once (the views say "Indexing…" meanwhile). */
  indexed = false;
  /** Why the last fetch failed, if it did. */
  error: string | null = null;
  readonly changed = new ChangeEmitter();

  private request: Requester | null = null;
  private dirty = new Set<string>();
  private everything = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly delayMs = 150) {}

  /** Called once the language client runs; fetches everything. */
  connect(request: Requester): Promise<void> {
    this.request = request;
    return this.refresh();
  }

  /** Fetches every project and graph again (the Refresh command). */
  refresh(): Promise<void> {
    this.everything = true;
    return this.flush();
  }

  didIndex(params: DidIndexParams): void {
    if (this.graphs.get(params.project)?.version === params.version) return;
    this.dirty.add(params.project);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  project(id: string): ProjectInfo | undefined {
    return this.projects.find((p) => p.id === id);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Runs one fetch at a time; what arrives meanwhile is fetched right after. */
  private async flush(): Promise<void> {
    while (this.running) await this.running;
    if (!this.request || (!this.everything && this.dirty.size === 0)) return;
    this.running = this.fetch(this.request).finally(() => (this.running = null));
    return this.running;
  }

  private async fetch(request: Requester): Promise<void> {
    const all = this.everything;
    const wanted = new Set(this.dirty);
    this.everything = false;
    this.dirty.clear();
    try {
      const { projects } = await request<ProjectsResult>(PROJECTS_REQUEST);
      const ids = new Set(projects.map((p) => p.id));
      const toFetch = projects.filter((p) => all || wanted.has(p.id) || this.graphs.get(p.id)?.version !== p.version);
      const graphs = await Promise.all(toFetch.map((p) => request<GraphResult | null>(GRAPH_REQUEST, { project: p.id } satisfies GraphParams)));
      for (const id of [...this.graphs.keys()]) if (!ids.has(id)) this.graphs.delete(id);
      toFetch.forEach((p, i) => {
        const g = graphs[i];
        if (g) this.graphs.set(p.id, g);
        else this.graphs.delete(p.id);
      });
      this.projects = projects;
      this.error = null;
    } catch (e) {
      this.error = `The Alembic language server did not answer: ${e instanceof Error ? e.message : String(e)}`;
    }
    this.indexed = true;
    this.changed.fire();
  }
}
