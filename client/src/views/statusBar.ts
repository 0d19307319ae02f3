// The status bar entry for the project of the active editor: its active connection's revision, and
// a warning when the project has several heads. A click offers the common actions.
import * as vscode from 'vscode';
import { projectLabel } from '../model/historyItems';
import { statusText } from '../model/statusText';
import type { AppState } from '../state/appState';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('alembic.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subs: { dispose(): void }[] = [];

  constructor(private readonly state: AppState) {
    this.item.name = 'Alembic';
    this.item.command = 'alembic.showActions';
    this.subs.push(state.changed.on(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  update(): void {
    const project = this.state.projectFor(vscode.window.activeTextEditor?.document.uri.fsPath);
    if (!project) {
      this.item.hide();
      return;
    }
    const conn = this.state.activeConnection(project.id);
    const s = statusText({
      connectionName: conn?.name ?? null,
      state: this.state.dbState(conn),
      graph: this.state.graph(project.id),
      projectLabel: this.state.projectList.length > 1 ? projectLabel(project, this.state.folders) : undefined,
    });
    this.item.text = s.text;
    this.item.tooltip = s.tooltip;
    this.item.backgroundColor = s.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
