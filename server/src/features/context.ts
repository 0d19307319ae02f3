// What every LSP feature handler gets: the index, the settings and the open documents. Handlers are
// functions of these and the request's params; they never touch the connection themselves.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerSettings } from '../protocol';
import type { WorkspaceIndex } from '../workspaceIndex';

export interface FeatureContext {
  index: WorkspaceIndex;
  settings(): ServerSettings;
  documents: TextDocuments<TextDocument>;
  /** A fresh revision id for generated files (injectable so tests are deterministic). */
  newRevisionId(): string;
  /** The clock for generated files' Create Date. */
  now(): Date;
  /** The client shows code actions marked `disabled` with their reason (LSP 3.16 `disabledSupport`). */
  readonly disabledCodeActions?: boolean;
}
