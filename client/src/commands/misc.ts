// Refresh (projects, graphs and every connection) and the status bar's action list.
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import { stateSummary } from '../model/connectionItems';
import { statusActions } from '../model/statusActions';

export async function refreshViews(ctx: ClientContext): Promise<void> {
  await ctx.refresh();
}

export async function showActions(ctx: ClientContext): Promise<void> {
  const project = ctx.state.projectFor(vscode.window.activeTextEditor?.document.uri.fsPath);
  const conn = project ? ctx.state.activeConnection(project.id) : undefined;
  const graph = project ? ctx.state.graph(project.id) : undefined;
  const state = ctx.state.dbState(conn);
  const behind = state ? stateSummary(state, graph).behind : undefined;
  const items = statusActions({ hasConnection: !!conn, headCount: graph?.heads.length ?? 0, behind, trusted: ctx.state.trusted });
  const pick = await vscode.window.showQuickPick(items, { title: conn ? `Alembic: ${conn.name}` : 'Alembic' });
  if (!pick) return;
  if (pick.command === 'alembic.showOutput') return ctx.output.show();
  await vscode.commands.executeCommand(pick.command, project?.id);
}
