// The questions commands ask: which project, which connection, which revision, which target. Each
// skips itself when there is only one answer, and says what to do when there is none.
import * as vscode from 'vscode';
import type { GraphResult } from '../../../server/src/protocol';
import type { ClientContext } from '../context';
import type { ProjectInfo, ResolvedConnection } from '../model/connections';
import { projectLabel } from '../model/historyItems';
import { targetChoices, targetProblem, type PlanCommand } from '../model/targets';

export async function pickProject(ctx: ClientContext, title: string, projectId?: string): Promise<ProjectInfo | undefined> {
  const list = ctx.state.projectList;
  if (projectId) {
    const p = list.find((x) => x.id === projectId);
    if (p) return p;
  }
  if (list.length === 0) {
    const pick = await vscode.window.showWarningMessage(
      ctx.state.projects.indexed ? 'Alembic: no Alembic project in this workspace.' : 'Alembic: the workspace is still being indexed; try again in a moment.',
      ...(ctx.state.projects.indexed ? ['Initialize Alembic…'] : []),
    );
    if (pick) void vscode.commands.executeCommand('alembic.initProject');
    return undefined;
  }
  if (list.length === 1) return list[0];
  const preferred = ctx.state.projectFor(vscode.window.activeTextEditor?.document.uri.fsPath);
  const items = list.map((p) => ({
    label: projectLabel(p, ctx.state.folders),
    description: `${p.revisionCount} revisions${p.headCount > 1 ? ` · ${p.headCount} heads` : ''}`,
    project: p,
  }));
  items.sort((a, b) => Number(b.project === preferred) - Number(a.project === preferred));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: 'Which Alembic project?' }))?.project;
}

/** The active connection unless `ask`; with several and `ask`, a pick. None: offers to add one. */
export async function pickConnection(ctx: ClientContext, project: ProjectInfo, title: string, ask = false): Promise<ResolvedConnection | undefined> {
  const mine = ctx.state.connectionsOf(project.id);
  if (mine.length === 0) {
    const pick = await vscode.window.showWarningMessage(
      `Alembic: ${projectLabel(project, ctx.state.folders)} has no database connection (and no usable sqlalchemy.url). Add one first.`,
      'Add Connection…',
    );
    if (pick) void vscode.commands.executeCommand('alembic.addConnection', project.id);
    return undefined;
  }
  const active = ctx.state.activeConnection(project.id);
  if (mine.length === 1 || (!ask && active)) return active ?? mine[0];
  const items = mine.map((c) => ({ label: c.name, description: c === active ? 'active' : '', detail: c.protected ? 'protected' : undefined, conn: c }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder: 'Which database?' }))?.conn;
}

export async function pickRevision(graph: GraphResult, title: string, placeHolder: string): Promise<string | undefined> {
  const items = graph.nodes.map((n) => ({
    label: n.id,
    description: [n.message, n.isHead ? '(head)' : '', n.labels.length ? `(${n.labels.join(', ')})` : ''].filter(Boolean).join(' '),
  }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true }))?.label;
}

const OTHER = 'Other target…';

export async function pickTarget(command: PlanCommand, graph: GraphResult, rows: readonly string[] | null, title: string): Promise<string | undefined> {
  const items: vscode.QuickPickItem[] = targetChoices(command, graph, rows).map((c) => ({ label: c.label, description: c.description }));
  items.push({ label: OTHER, description: 'an id, +N, -N, label@head, label@-1…' });
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: `${command} to…`, matchOnDescription: true });
  if (!pick) return undefined;
  if (pick.label !== OTHER) return pick.label;
  const typed = await vscode.window.showInputBox({ title, prompt: `The ${command} target, as you would type it after "alembic ${command}"`, validateInput: targetProblem });
  return typed?.trim() || undefined;
}
