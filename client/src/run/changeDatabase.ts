// Upgrade, downgrade and stamp share one path: read where the database is, ask the language server
// for the plan (Alembic's own rules, without Python), show it and ask (downgrades and stamps always,
// protected connections by typing their name), then run Alembic and read the version table again.
import * as vscode from 'vscode';
import { PLAN_REQUEST, type PlanParams, type PlanResult } from '../../../server/src/protocol';
import type { ClientContext } from '../context';
import { rowsOrExplain } from '../db/versionReader';
import type { ProjectInfo, ResolvedConnection } from '../model/connections';
import { needsConfirmation, nothingToDo, planConfirmation, protectedNameProblem, protectedPrompt, stepLine } from '../model/planText';
import type { PlanCommand } from '../model/targets';
import { redactUrl } from '../../../server/src/redactUrl';
import { runAlembic } from './runAlembic';

export interface ChangeRequest {
  project: ProjectInfo;
  connection: ResolvedConnection;
  command: PlanCommand;
  target: string;
  purge?: boolean;
}

/** Reads the version table for a command (asking for a password if needed); null after saying why not. */
export async function currentRows(ctx: ClientContext, conn: ResolvedConnection): Promise<string[] | null> {
  return rowsOrExplain(await ctx.state.db.read(conn, true), conn.name);
}

export async function changeDatabase(ctx: ClientContext, req: ChangeRequest): Promise<void> {
  const { connection: conn, command, target } = req;
  const rows = await currentRows(ctx, conn);
  if (rows === null) return;
  const plan = await ctx.request<PlanResult>(PLAN_REQUEST, { project: req.project.id, command, target, rows, purge: req.purge } satisfies PlanParams);
  if (!plan.ok) {
    void vscode.window.showErrorMessage(`Alembic: ${command} ${target} on ${conn.name}: ${plan.error}`);
    return;
  }
  const idle = nothingToDo({ command, target, purge: req.purge, connectionName: conn.name, plan });
  if (idle) {
    void vscode.window.showInformationMessage(`Alembic: ${idle}`);
    return;
  }
  const text = planConfirmation({ command, target, purge: req.purge, connectionName: conn.name, url: redactUrl(conn.url), plan });
  if (needsConfirmation(command, ctx.state.settings.confirmUpgrade) || conn.protected) {
    const answer = await vscode.window.showWarningMessage(text.message, { modal: true, detail: text.detail }, text.button);
    if (answer !== text.button) return;
  } else {
    ctx.output.line(`${text.message}\n${text.detail}`);
  }
  if (conn.protected) {
    const typed = await vscode.window.showInputBox({
      title: text.message,
      prompt: protectedPrompt(conn.name, command),
      placeHolder: conn.name,
      ignoreFocusOut: true,
      validateInput: (v) => protectedNameProblem(v, conn.name),
    });
    if (typed === undefined || protectedNameProblem(typed, conn.name) !== null) return;
  }
  ctx.output.line(`Plan for ${conn.name}: ${plan.steps.map(stepLine).join('; ')}`);
  const alembicCommand =
    command === 'stamp'
      ? { name: 'stamp' as const, revisions: target.split(/[\s,]+/).filter(Boolean), purge: req.purge }
      : { name: command, revision: target };
  const verb = command === 'upgrade' ? 'Upgrading' : command === 'downgrade' ? 'Downgrading' : 'Stamping';
  const result = await runAlembic(ctx, { project: req.project, connection: conn, command: alembicCommand, title: `Alembic: ${verb} ${conn.name} to ${target}` });
  if (result?.ok) {
    const after = result.database?.rows;
    void vscode.window.showInformationMessage(`Alembic: ${conn.name} is now at ${after ? (after.length > 0 ? after.join(', ') : 'base (empty version table)') : target}.`);
  }
}
