// Merge Heads… and Merge with Other Heads: the language server writes the merge revision from the
// project's own script.py.mako (command `alembic.server.createMergeRevision`, registered by
// vscode-languageclient), so no Python runs and it works in untrusted workspaces too.
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import { pickProject } from '../run/pickers';
import { projectIdArg, revisionArg } from './args';

const SERVER_MERGE = 'alembic.server.createMergeRevision';

async function merge(ctx: ClientContext, projectId: string | undefined, preselect: string | undefined): Promise<void> {
  const project = await pickProject(ctx, 'Alembic: Merge Heads', projectId);
  if (!project) return;
  const graph = ctx.state.graph(project.id);
  if (!graph) return;
  if (graph.heads.length < 2) {
    void vscode.window.showInformationMessage(`Alembic: the project has ${graph.heads.length === 1 ? 'a single head' : 'no head'}; there is nothing to merge.`);
    return;
  }
  let heads = graph.heads;
  if (graph.heads.length > 2) {
    const items = graph.heads.map((h) => ({ label: h, description: graph.nodes.find((n) => n.id === h)?.message ?? '', picked: true }));
    const picked = await vscode.window.showQuickPick(items, { title: 'Alembic: Merge Heads', placeHolder: 'Which heads? (all by default)', canPickMany: true });
    if (!picked) return;
    heads = graph.heads.filter((h) => picked.some((p) => p.label === h));
    if (preselect && !heads.includes(preselect)) heads = [preselect, ...heads];
    if (heads.length < 2) return void vscode.window.showWarningMessage('Alembic: pick at least two heads to merge.');
  }
  const message = await vscode.window.showInputBox({
    title: `Alembic: Merge ${heads.join(', ')}`,
    prompt: 'The merge revision\'s message (alembic merge -m)',
    value: 'merge heads',
  });
  if (message === undefined) return;
  await vscode.commands.executeCommand(SERVER_MERGE, { project: project.id, heads, message });
}

export async function mergeHeads(ctx: ClientContext, arg?: unknown): Promise<void> {
  await merge(ctx, projectIdArg(arg), undefined);
}

export async function mergeWithOtherHeads(ctx: ClientContext, arg?: unknown): Promise<void> {
  const rev = revisionArg(arg);
  await merge(ctx, rev?.projectId, rev?.revision);
}
