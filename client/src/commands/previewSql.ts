// Preview SQL…: Alembic's offline mode (`upgrade|downgrade from:to --sql`) into an untitled SQL
// editor. The connection only lends its URL (the dialect); nothing connects, no password is used.
import * as vscode from 'vscode';
import { commandTitle } from '../../../server/src/node/alembic/index';
import type { ClientContext } from '../context';
import type { ProjectInfo, ResolvedConnection } from '../model/connections';
import { revisionSqlRange, sqlHeader, sqlRange, type SqlDirection } from '../model/sqlRange';
import { targetChoices } from '../model/targets';
import { pickConnection, pickProject } from '../run/pickers';
import { runAlembic } from '../run/runAlembic';
import { projectIdArg, revisionArg } from './args';

const TITLE = 'Alembic: Preview SQL';

async function showSql(ctx: ClientContext, project: ProjectInfo, conn: ResolvedConnection | undefined, direction: SqlDirection, revision: string): Promise<void> {
  const command = { name: direction, revision, sql: true } as const;
  const result = await runAlembic(ctx, { project, connection: conn, command, offline: true, title: `${TITLE}: ${direction} ${revision}` });
  if (!result?.ok) return;
  const sql = result.sql ?? result.stdout;
  const doc = await vscode.workspace.openTextDocument({ language: 'sql', content: sqlHeader(commandTitle(command), conn?.name) + sql });
  await vscode.window.showTextDocument(doc, { preview: false });
}

export async function previewSql(ctx: ClientContext, arg?: unknown): Promise<void> {
  const project = await pickProject(ctx, TITLE, projectIdArg(arg));
  if (!project) return;
  const graph = ctx.state.graph(project.id);
  if (!graph) return;
  const conn = ctx.state.connectionsOf(project.id).length > 0 ? await pickConnection(ctx, project, TITLE) : undefined;
  const direction = await vscode.window.showQuickPick(
    [
      { label: 'Upgrade', description: 'the SQL that applies revisions', value: 'upgrade' as const },
      { label: 'Downgrade', description: 'the SQL that reverts revisions', value: 'downgrade' as const },
    ],
    { title: TITLE },
  );
  if (!direction) return;
  const rows = ctx.state.rowsOf(conn);
  const current = rows && rows.length === 1 ? rows[0] : undefined;
  const fromItems = [
    ...(current ? [{ label: current, description: `where ${conn!.name} is now` }] : []),
    ...(direction.value === 'upgrade' ? [{ label: 'base', description: 'an empty database' }] : []),
    ...graph.nodes.filter((n) => n.id !== current).map((n) => ({ label: n.id, description: n.message })),
  ];
  const from = await vscode.window.showQuickPick(fromItems, { title: `${TITLE}: from`, placeHolder: 'The revision the database is at', matchOnDescription: true });
  if (!from) return;
  const toItems = targetChoices(direction.value, graph, from.label === 'base' ? [] : [from.label])
    .filter((c) => !/^[+-]\d/.test(c.target)) // relative steps mean nothing in an offline range
    .map((c) => ({ label: c.label, description: c.description }));
  const to = await vscode.window.showQuickPick(toItems, { title: `${TITLE}: to`, placeHolder: `${direction.label} to…`, matchOnDescription: true });
  if (!to) return;
  const range = sqlRange(direction.value, from.label, to.label);
  if (!range.ok) return void vscode.window.showErrorMessage(`Alembic: ${range.error}`);
  await showSql(ctx, project, conn, direction.value, range.revision);
}

export async function previewRevisionSql(ctx: ClientContext, arg?: unknown): Promise<void> {
  const rev = revisionArg(arg);
  const project = rev ? ctx.state.projects.project(rev.projectId) : undefined;
  const node = project ? ctx.state.graph(project.id)?.nodes.find((n) => n.id === rev!.revision) : undefined;
  if (!project || !node) return;
  await showSql(ctx, project, ctx.state.activeConnection(project.id), 'upgrade', revisionSqlRange(node));
}
