// The Connections view: every connection with its current revision(s), how far behind the heads it
// is, or why it could not be read; inline Upgrade to Heads and Refresh; a click makes it active.
import * as vscode from 'vscode';
import { connectionRoots, type ConnectionItem } from '../model/connectionItems';
import type { AppState } from '../state/appState';
import { toTreeItem } from './treeItems';

export class ConnectionsView implements vscode.TreeDataProvider<ConnectionItem>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ConnectionItem | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: ConnectionItem[] = [];
  private readonly view: vscode.TreeView<ConnectionItem>;
  private readonly sub: { dispose(): void };

  constructor(private readonly state: AppState) {
    this.view = vscode.window.createTreeView('alembic.connections', { treeDataProvider: this });
    this.sub = state.changed.on(() => this.update());
    this.update();
  }

  private update(): void {
    this.roots = connectionRoots(this.state.connectionsInput());
    this.view.message = this.state.trusted || this.state.connections.length === 0 ? undefined : 'Trust this workspace to read the databases.';
    this.emitter.fire(undefined);
  }

  getTreeItem(item: ConnectionItem): vscode.TreeItem {
    // Current revisions stay folded: the description already names them.
    const t = toTreeItem(item, item.kind === 'project');
    if (item.kind === 'connection' && item.connectionKey) {
      t.command = { command: 'alembic.selectConnection', title: 'Make Active', arguments: [item] };
    }
    return t;
  }

  getChildren(item?: ConnectionItem): ConnectionItem[] {
    return item ? (item.children ?? []) : this.roots;
  }

  dispose(): void {
    this.sub.dispose();
    this.view.dispose();
    this.emitter.dispose();
  }
}
