// One Alembic run at a time per database connection. Two migrations racing on one alembic_version
// table can leave it in a state neither run planned, so a second run is refused at once (not queued:
// the user should see that something is already running, and what).

export interface Holder {
  key: string;
  description: string;
  since: number;
}

export type Acquired = { ok: true; release: () => void } | { ok: false; holder: Holder };

export class RunLock {
  private readonly held = new Map<string, Holder>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes the lock for `key`, or says who holds it. Synchronous, so two calls in a row cannot both win. */
  tryAcquire(key: string, description: string): Acquired {
    const holder = this.held.get(key);
    if (holder) return { ok: false, holder };
    const mine: Holder = { key, description, since: this.now() };
    this.held.set(key, mine);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        if (this.held.get(key) === mine) this.held.delete(key);
      },
    };
  }

  holderOf(key: string): Holder | undefined {
    return this.held.get(key);
  }

  /** The message for a refused run. */
  busyMessage(holder: Holder, title: string): string {
    const seconds = Math.max(0, Math.round((this.now() - holder.since) / 1000));
    return (
      `${title} was not started: ${holder.description} is already running on this connection ` +
      `(started ${seconds} s ago). Wait for it to finish, or cancel it, then try again.`
    );
  }
}
