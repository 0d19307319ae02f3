// A minimal change event for the client's state, so that the state stays free of the vscode module
// (and testable under node:test). The views subscribe and fire their own vscode events.

export type Listener = () => void;

export class ChangeEmitter {
  private readonly listeners = new Set<Listener>();

  on(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fire(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch {
        // One broken view must not stop the others from updating.
      }
    }
  }
}
