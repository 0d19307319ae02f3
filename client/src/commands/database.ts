// Upgrade…, Downgrade…, Stamp… (palette and status bar), their History-item forms (to Here), and
// the Connections item's Upgrade to Heads. All go through run/changeDatabase.ts.
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import type { ProjectInfo, ResolvedConnection } from '../model/connections';
import type { PlanCommand } from '../model/targets';
import { changeDatabase, currentRows } from '../run/changeDatabase';
import { pickConnection, pickProject, pickTarget } from '../run/pickers';
import { connectionArg, projectIdArg, revisionArg } from './args';

const TITLES: Record<PlanCommand, string> = { upgrade: 'Alembic: Upgrade', downgrade: 'Alembic: Downgrade', stamp: 'Alembic: Stamp' };

async function projectAndConnection(ctx: ClientContext, command: PlanCommand, arg: unknown): Promise<{ project: ProjectInfo; conn: ResolvedConnection } | undefined> {
  const fromItem = connectionArg(ctx, arg);
  const project = await pickProject(ctx, TITLES[command], fromItem?.projectId ?? projectIdArg(arg));
  if (!project) return undefined;
  const conn = fromItem ?? (await pickConnection(ctx, project, TITLES[command]));
  return conn ? { project, conn } : undefined;
}

/** Upgrade…/Downgrade…/Stamp…: pick the target from what the graph and the database make sensible. */
export function pickAndChange(command: PlanCommand) {
  return async (ctx: ClientContext, arg?: unknown): Promise<void> => {
    const pc = await projectAndConnection(ctx, command, arg);
    if (!pc) return;
    const graph = ctx.state.graph(pc.project.id);
    if (!graph) return void vscode.window.showWarningMessage('Alembic: the project is still being indexed; try again in a moment.');
    const rows = await currentRows(ctx, pc.conn);
    if (rows === null) return;
    const target = await pickTarget(command, graph, rows, `${TITLES[command]} ${pc.conn.name}`);
    if (!target) return;
    let purge = false;
    if (command === 'stamp') {
      const how = await vscode.window.showQuickPick(
        [
          { label: 'Stamp', description: 'replace the rows the target supersedes', purge: false },
          { label: 'Stamp with --purge', description: 'empty the version table first (for rows naming revisions that no longer exist)', purge: true },
        ],
        { title: `${TITLES.stamp} ${pc.conn.name} to ${target}` },
      );
      if (!how) return;
      purge = how.purge;
    }
    await changeDatabase(ctx, { project: pc.project, connection: pc.conn, command, target, purge });
  };
}

/** Upgrade to Here / Downgrade to Here / Stamp Here on a History item, against the project's active connection. */
export function changeToRevision(command: PlanCommand) {
  return async (ctx: ClientContext, arg?: unknown): Promise<void> => {
    const rev = revisionArg(arg);
    if (!rev) return void vscode.window.showWarningMessage('Alembic: use this command from a revision in the History view.');
    const project = ctx.state.projects.project(rev.projectId);
    if (!project) return;
    const conn = await pickConnection(ctx, project, TITLES[command]);
    if (!conn) return;
    await changeDatabase(ctx, { project, connection: conn, command, target: rev.revision });
  };
}

/** The Connections item's inline button. */
export async function upgradeConnectionToHeads(ctx: ClientContext, arg?: unknown): Promise<void> {
  const pc = await projectAndConnection(ctx, 'upgrade', arg);
  if (pc) await changeDatabase(ctx, { project: pc.project, connection: pc.conn, command: 'upgrade', target: 'heads' });
}
