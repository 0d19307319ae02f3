// Editing aids (rename, document and workspace symbols, code lens, inlay hints), registered as one group.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Feature } from './registry';
import { prepareRename, rename, type RenameOutcome } from './rename';
import { documentSymbols } from './documentSymbols';
import { workspaceSymbols } from './workspaceSymbols';
import { codeLenses } from './codeLens';
import { inlayHints } from './inlayHints';

/** A refusal travels as an error whose message the editor shows ("Rename failed: <reason>"). */
function answer<T>(outcome: RenameOutcome<T>): T | null {
  if (outcome === null) return null;
  if (!outcome.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, outcome.reason);
  return outcome.value;
}

const renameFeature: Feature = {
  capabilities: { renameProvider: { prepareProvider: true } },
  register(connection, ctx, ready) {
    connection.onPrepareRename(async (p) => {
      await ready;
      return answer(prepareRename(ctx, p));
    });
    connection.onRenameRequest(async (p) => {
      await ready;
      return answer(rename(ctx, p));
    });
  },
};

const documentSymbolFeature: Feature = {
  capabilities: { documentSymbolProvider: { label: 'Alembic' } },
  register(connection, ctx, ready) {
    connection.onDocumentSymbol(async (p) => {
      await ready;
      return documentSymbols(ctx, p);
    });
  },
};

const workspaceSymbolFeature: Feature = {
  capabilities: { workspaceSymbolProvider: true },
  register(connection, ctx, ready) {
    connection.onWorkspaceSymbol(async (p) => {
      await ready;
      return workspaceSymbols(ctx, p);
    });
  },
};

const codeLensFeature: Feature = {
  capabilities: { codeLensProvider: { resolveProvider: false } },
  register(connection, ctx, ready) {
    connection.onCodeLens(async (p) => {
      await ready;
      return codeLenses(ctx, p);
    });
  },
};

const inlayHintFeature: Feature = {
  capabilities: { inlayHintProvider: { resolveProvider: false } },
  register(connection, ctx, ready) {
    connection.languages.inlayHint.on(async (p) => {
      await ready;
      return inlayHints(ctx, p);
    });
  },
};

export const EDITING_FEATURES: Feature[] = [renameFeature, documentSymbolFeature, workspaceSymbolFeature, codeLensFeature, inlayHintFeature];
