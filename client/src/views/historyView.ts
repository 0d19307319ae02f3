// The History view: each project's revisions newest first, with the active connection's marks.
// Rebuilt from AppState on every change (the model is cheap next to a tree refresh).
import * as vscode from 'vscode';
import { historyRoots, type HistoryItem } from '../model/historyItems';
import type { AppState } from '../state/appState';
import { toTreeItem } from './treeItems';

export class HistoryView implements vscode.TreeDataProvider<HistoryItem>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<HistoryItem | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: HistoryItem[] = [];
  private readonly view: vscode.TreeView<HistoryItem>;
  private readonly sub: { dispose(): void };

  constructor(private readonly state: AppState) {
    this.view = vscode.window.createTreeView('alembic.history', { treeDataProvider: this, showCollapseAll: true });
    this.sub = state.changed.on(() => this.update());
    this.update();
  }

  private update(): void {
    this.roots = historyRoots(this.state.historyInput());
    // While indexing, the welcome content says so; an unreachable server is said above the tree.
    this.view.message = this.state.projects.error ?? undefined;
    this.emitter.fire(undefined);
  }

  getTreeItem(item: HistoryItem): vscode.TreeItem {
    return toTreeItem(item, true);
  }

  getChildren(item?: HistoryItem): HistoryItem[] {
    return item ? (item.children ?? []) : this.roots;
  }

  dispose(): void {
    this.sub.dispose();
    this.view.dispose();
    this.emitter.dispose();
  }
}
