// Running `alembic.server.createMergeRevision`: build the merge revision's edit, ask the client to
// apply it (workspace/applyEdit), then open the new file (window/showDocument). The client side is
// an interface so the layer-2 tests can play it.
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { FeatureContext } from '../context';
import { mergeRevisionEdit, type MergeRevisionArgs } from './merge-revision';

export interface EditorClient {
  applyEdit(label: string, edit: WorkspaceEdit): Promise<{ applied: boolean; failureReason?: string }>;
  showDocument(uri: string): Promise<void>;
  showError(message: string): void;
}

export interface MergeCommandResult {
  applied: boolean;
  /** The new file, when created. */
  uri?: string;
  revision?: string;
  error?: string;
}

export async function createMergeRevision(ctx: FeatureContext, client: EditorClient, args: unknown): Promise<MergeCommandResult> {
  if (!isMergeArgs(args)) return fail(client, 'Create merge revision: expected { project, heads, message } as the argument.');
  const built = mergeRevisionEdit(ctx, args);
  if (!built.ok) return fail(client, built.error);
  const result = await client.applyEdit(built.label, built.edit);
  if (!result.applied) return fail(client, `The editor did not create ${built.path}${result.failureReason ? `: ${result.failureReason}` : '.'}`);
  try {
    await client.showDocument(built.uri);
  } catch {
    // The file exists; not being able to open it is no failure of the merge.
  }
  return { applied: true, uri: built.uri, revision: built.revision };
}

function fail(client: EditorClient, error: string): MergeCommandResult {
  client.showError(error);
  return { applied: false, error };
}

function isMergeArgs(v: unknown): v is MergeRevisionArgs {
  const a = v as Partial<MergeRevisionArgs> | null;
  return (
    typeof a === 'object' && a !== null && typeof a.project === 'string' && typeof a.message === 'string' &&
    Array.isArray(a.heads) && a.heads.every((h) => typeof h === 'string')
  );
}
