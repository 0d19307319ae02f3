// Edit Revision… (open a revision's file at its `revision =` line) and Copy Revision Id.
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import { pickProject, pickRevision } from '../run/pickers';
import { projectIdArg, revisionArg } from './args';

export async function openRevision(file: string, line: number): Promise<void> {
  const at = Math.max(0, line);
  await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(at, 0, at, 0) });
}

export async function editRevision(ctx: ClientContext, arg?: unknown): Promise<void> {
  const rev = revisionArg(arg);
  const project = await pickProject(ctx, 'Alembic: Edit Revision', rev?.projectId ?? projectIdArg(arg));
  if (!project) return;
  const graph = ctx.state.graph(project.id);
  if (!graph) return;
  const id = rev?.revision ?? (await pickRevision(graph, 'Alembic: Edit Revision', 'Open which revision?'));
  const node = graph.nodes.find((n) => n.id === id);
  if (node) await openRevision(node.file, node.line);
}

export async function copyRevisionId(_ctx: ClientContext, arg?: unknown): Promise<void> {
  const rev = revisionArg(arg);
  if (!rev) return;
  await vscode.env.clipboard.writeText(rev.revision);
  vscode.window.setStatusBarMessage(`Copied ${rev.revision}`, 3000);
}
