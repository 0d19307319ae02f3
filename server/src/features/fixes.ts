// Code actions: the quick fixes and `source.fixAll.alembic`, registered as one group, and the server
// command a quick fix runs to create a merge revision (files and opening need the client's help).
import type { Connection } from 'vscode-languageserver';
import type { Feature } from './registry';
import { CODE_ACTION_KINDS, codeActions } from './fixes/code-actions';
import { createMergeRevision, type EditorClient } from './fixes/merge-command';
import { MERGE_COMMAND } from './fixes/merge-revision';

const CODE_ACTIONS: Feature = {
  capabilities: { codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false } },
  register(connection, ctx, ready) {
    connection.onCodeAction(async (params) => {
      await ready;
      return codeActions(ctx, params);
    });
  },
};

const MERGE_REVISION_COMMAND: Feature = {
  capabilities: { executeCommandProvider: { commands: [MERGE_COMMAND] } },
  register(connection, ctx, ready) {
    connection.onExecuteCommand(async (params) => {
      await ready;
      if (params.command !== MERGE_COMMAND) return null;
      return createMergeRevision(ctx, editorClient(connection), params.arguments?.[0]);
    });
  },
};

function editorClient(connection: Connection): EditorClient {
  return {
    applyEdit: (label, edit) => connection.workspace.applyEdit({ label, edit }),
    showDocument: async (uri) => {
      await connection.window.showDocument({ uri, takeFocus: true });
    },
    showError: (message) => void connection.window.showErrorMessage(message),
  };
}

export const FIX_FEATURES: Feature[] = [CODE_ACTIONS, MERGE_REVISION_COMMAND];
