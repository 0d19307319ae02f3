// Every command's handler, keyed by the ids of model/commandTable.ts (the type demands exactly those
// keys), registered in one loop that checks Workspace Trust first and turns an unexpected error into
// a message instead of a silent failure.
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import { COMMAND_IDS, COMMANDS, untrustedMessage, type CommandId } from '../model/commandTable';
import { addConnection, editConnection, refreshConnection, removeConnection, selectConnection, testConnection } from './connections';
import { changeToRevision, pickAndChange, upgradeConnectionToHeads } from './database';
import { checkModels, scriptsCommand, showCurrent, showRevision } from './inspect';
import { initProject } from './init';
import { selectInterpreter } from './interpreter';
import { mergeHeads, mergeWithOtherHeads } from './merge';
import { refreshViews, showActions } from './misc';
import { newRevision, newRevisionOnTop } from './newRevision';
import { previewRevisionSql, previewSql } from './previewSql';
import { copyRevisionId, editRevision } from './revisions';

type Handler = (ctx: ClientContext, arg?: unknown) => Promise<void>;

export const HANDLERS: Record<CommandId, Handler> = {
  'alembic.upgradeDatabase': pickAndChange('upgrade'),
  'alembic.downgradeDatabase': pickAndChange('downgrade'),
  'alembic.stampDatabase': pickAndChange('stamp'),
  'alembic.showCurrent': showCurrent,
  'alembic.showHistory': scriptsCommand('History', { name: 'history', verbose: false }),
  'alembic.showHeads': scriptsCommand('Heads', { name: 'heads', verbose: true }),
  'alembic.showBranches': scriptsCommand('Branches', { name: 'branches', verbose: false }),
  'alembic.showRevision': showRevision,
  'alembic.newRevision': newRevision,
  'alembic.mergeHeads': mergeHeads,
  'alembic.initProject': initProject,
  'alembic.checkModels': checkModels,
  'alembic.previewSql': previewSql,
  'alembic.editRevision': editRevision,
  'alembic.selectInterpreter': selectInterpreter,
  'alembic.refreshViews': refreshViews,
  'alembic.addConnection': addConnection,
  'alembic.editConnection': editConnection,
  'alembic.removeConnection': removeConnection,
  'alembic.testConnection': testConnection,
  'alembic.selectConnection': selectConnection,
  'alembic.showActions': showActions,
  'alembic.upgradeToRevision': changeToRevision('upgrade'),
  'alembic.downgradeToRevision': changeToRevision('downgrade'),
  'alembic.stampRevision': changeToRevision('stamp'),
  'alembic.previewRevisionSql': previewRevisionSql,
  'alembic.newRevisionOnTop': newRevisionOnTop,
  'alembic.mergeWithOtherHeads': mergeWithOtherHeads,
  'alembic.copyRevisionId': copyRevisionId,
  'alembic.upgradeConnectionToHeads': upgradeConnectionToHeads,
  'alembic.refreshConnection': refreshConnection,
};

export function registerCommands(ctx: ClientContext): vscode.Disposable[] {
  return COMMAND_IDS.map((id) =>
    vscode.commands.registerCommand(id, async (arg?: unknown) => {
      // `enablement` hides them, but a keybinding or another extension can still invoke them.
      if (COMMANDS[id].trusted && !vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(untrustedMessage(id), 'Manage Workspace Trust').then((pick) => {
          if (pick) void vscode.commands.executeCommand('workbench.trust.manage');
        });
        return;
      }
      try {
        await HANDLERS[id](ctx, arg);
      } catch (e) {
        const message = ctx.output.redact(e instanceof Error ? e.message : String(e));
        ctx.output.line(`${COMMANDS[id].title} failed: ${ctx.output.redact(e instanceof Error ? (e.stack ?? e.message) : String(e))}`);
        void vscode.window.showErrorMessage(`Alembic: ${COMMANDS[id].title.replace(/…$/, '')} failed: ${message}`, 'Show Output').then((p) => p && ctx.output.show());
      }
    }),
  );
}
