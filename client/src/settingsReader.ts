// The client's settings as VS Code has them now (window scope; per-project values are read where
// they are used, with the project's folder as scope).
import * as vscode from 'vscode';
import { DEFAULT_CLIENT_SETTINGS, readClientSettings, type ClientSettings } from './model/settings';

export function currentClientSettings(): ClientSettings {
  const cfg = vscode.workspace.getConfiguration('alembic');
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_CLIENT_SETTINGS)) raw[key] = cfg.get(key);
  return readClientSettings(raw);
}

export function workspaceFolderPaths(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
}
