// Alembic's read-only commands, run by the real Alembic with their output in the output channel:
// Current (and the views refreshed from it), History, Heads, Branches, Show Revision…, Check.
import * as vscode from 'vscode';
import type { AlembicCommand } from '../../../server/src/node/alembic/index';
import type { ClientContext } from '../context';
import { pickConnection, pickProject, pickRevision } from '../run/pickers';
import { runAlembic } from '../run/runAlembic';
import { connectionArg, projectIdArg, revisionArg } from './args';

/** Commands that only read the scripts: no connection needed. */
export function scriptsCommand(title: string, command: AlembicCommand) {
  return async (ctx: ClientContext, arg?: unknown): Promise<void> => {
    const project = await pickProject(ctx, `Alembic: ${title}`, projectIdArg(arg));
    if (project) await runAlembic(ctx, { project, command, title: `Alembic: ${title}`, revealOutput: true });
  };
}

export async function showCurrent(ctx: ClientContext, arg?: unknown): Promise<void> {
  const fromItem = connectionArg(ctx, arg);
  const project = await pickProject(ctx, 'Alembic: Current', fromItem?.projectId ?? projectIdArg(arg));
  if (!project) return;
  const conn = fromItem ?? (await pickConnection(ctx, project, 'Alembic: Current'));
  if (!conn) return;
  await runAlembic(ctx, { project, connection: conn, command: { name: 'current', verbose: true }, title: `Alembic: current revision of ${conn.name}`, revealOutput: true });
}

export async function showRevision(ctx: ClientContext, arg?: unknown): Promise<void> {
  const rev = revisionArg(arg);
  const project = await pickProject(ctx, 'Alembic: Show Revision', rev?.projectId ?? projectIdArg(arg));
  if (!project) return;
  const graph = ctx.state.graph(project.id);
  const revision = rev?.revision ?? (graph ? await pickRevision(graph, 'Alembic: Show Revision', 'Which revision?') : undefined);
  if (revision) await runAlembic(ctx, { project, command: { name: 'show', revision }, title: `Alembic: show ${revision}`, revealOutput: true });
}

export async function checkModels(ctx: ClientContext, arg?: unknown): Promise<void> {
  const project = await pickProject(ctx, 'Alembic: Check', projectIdArg(arg));
  if (!project) return;
  const conn = await pickConnection(ctx, project, 'Alembic: Check');
  if (!conn) return;
  const result = await runAlembic(ctx, { project, connection: conn, command: { name: 'check' }, title: `Alembic: check against ${conn.name}`, revealOutput: true });
  if (result?.ok) void vscode.window.showInformationMessage(`Alembic: no new upgrade operations detected: the models match ${conn.name}.`);
}
