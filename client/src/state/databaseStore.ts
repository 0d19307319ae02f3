// What the client knows of each connection's version table. Reads are deduplicated (a view refresh
// and a command asking at once share one connection) and every change notifies the views.
import type { ResolvedConnection } from '../model/connections';
import type { DbState } from '../model/connectionItems';
import { ChangeEmitter } from './emitter';

/** Reads one connection. `interactive`: may ask the user (for a password); false for background refreshes. */
export type VersionReader = (conn: ResolvedConnection, interactive: boolean) => Promise<DbState>;

export class DatabaseStore {
  readonly states = new Map<string, DbState>();
  readonly changed = new ChangeEmitter();
  private readonly inflight = new Map<string, Promise<DbState>>();

  constructor(private readonly reader: VersionReader) {}

  read(conn: ResolvedConnection, interactive = false): Promise<DbState> {
    const running = this.inflight.get(conn.key);
    if (running) return running;
    this.states.set(conn.key, { status: 'reading' });
    this.changed.fire();
    const p = this.reader(conn, interactive)
      .catch((e): DbState => ({ status: 'error', kind: 'error', message: e instanceof Error ? e.message : String(e) }))
      .then((state) => {
        this.states.set(conn.key, state);
        this.inflight.delete(conn.key);
        this.changed.fire();
        return state;
      });
    this.inflight.set(conn.key, p);
    return p;
  }

  get(key: string): DbState | undefined {
    return this.states.get(key);
  }

  /** Sets a state without reading (the workspace is not trusted, a run just reported its result). */
  set(key: string, state: DbState): void {
    this.states.set(key, state);
    this.changed.fire();
  }

  /** Drops the states of connections that no longer exist. */
  retain(keys: Iterable<string>): void {
    const keep = new Set(keys);
    for (const k of [...this.states.keys()]) if (!keep.has(k)) this.states.delete(k);
  }
}
