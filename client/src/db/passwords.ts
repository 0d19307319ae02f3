// Connection passwords live in VS Code's SecretStorage, one entry per connection, asked for on first
// use. Every password read or typed is also added to `known`, the set the output redactor hides.
import * as vscode from 'vscode';
import type { ResolvedConnection } from '../model/connections';
import { databaseKind, urlPassword, urlUser } from '../model/urls';

export type PasswordAnswer = { password: string | undefined } | 'cancelled';

export class Passwords {
  constructor(
    private readonly storage: vscode.SecretStorage,
    private readonly known: Set<string>,
  ) {}

  private key(connKey: string): string {
    return `alembic.password/${connKey}`;
  }

  /** Whether this connection takes a password from SecretStorage at all (a user, a server database). */
  needsPassword(conn: ResolvedConnection, expandedUrl: string): boolean {
    // A password inside the URL (the project's own sqlalchemy.url, or `${env:VAR}` in a connection's)
    // is used as it is, and hidden from the output like any other.
    const inUrl = urlPassword(expandedUrl);
    if (inUrl) this.known.add(inUrl);
    if (conn.source.kind === 'ini' || inUrl) return false;
    return databaseKind(expandedUrl) !== 'sqlite' && urlUser(expandedUrl) !== null;
  }

  async get(connKey: string): Promise<string | undefined> {
    const v = await this.storage.get(this.key(connKey));
    if (v) this.known.add(v);
    return v;
  }

  async store(connKey: string, password: string): Promise<void> {
    if (password) this.known.add(password);
    await this.storage.store(this.key(connKey), password);
  }

  async delete(connKey: string): Promise<void> {
    await this.storage.delete(this.key(connKey));
  }

  /** Keeps the password when a connection is renamed. */
  async move(fromKey: string, toKey: string): Promise<void> {
    const v = await this.storage.get(this.key(fromKey));
    if (v === undefined) return;
    await this.storage.store(this.key(toKey), v);
    await this.storage.delete(this.key(fromKey));
  }

  async ask(conn: ResolvedConnection, user: string | null, why?: string): Promise<string | undefined> {
    const typed = await vscode.window.showInputBox({
      title: `Alembic: password for ${conn.name}`,
      prompt: `${why ? `${why} ` : ''}Password${user ? ` of ${user}` : ''} for ${conn.name}. It is kept in VS Code's secret storage, never in settings. Leave empty if the database needs none.`,
      password: true,
      ignoreFocusOut: true,
    });
    if (typed === undefined) return undefined;
    await this.store(conn.key, typed);
    return typed;
  }

  /**
   * The password to connect with: the stored one, else (when `interactive`) asked for now. A
   * background read without a stored password answers `cancelled`, so nothing pops up unasked.
   */
  async forUse(conn: ResolvedConnection, expandedUrl: string, interactive: boolean): Promise<PasswordAnswer> {
    if (!this.needsPassword(conn, expandedUrl)) return { password: undefined };
    const stored = await this.get(conn.key);
    if (stored !== undefined) return { password: stored || undefined };
    if (!interactive) return 'cancelled';
    const typed = await this.ask(conn, urlUser(expandedUrl));
    return typed === undefined ? 'cancelled' : { password: typed || undefined };
  }
}
