// Extension entry point. The language server and the views arrive with the next issues; for now the
// extension only registers itself so that packaging and activation can be exercised.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Nothing yet: see issues 3 (language server) and 4 (client).
}

export function deactivate(): void {}
