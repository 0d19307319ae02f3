// Writing `alembic.connections`: where the list lives now (workspace, else user settings), edited
// entry by entry so that keys this version does not know survive.
import * as vscode from 'vscode';
import { connectionToJson, type ConnectionSetting } from '../model/settings';

function target(): vscode.ConfigurationTarget {
  const info = vscode.workspace.getConfiguration('alembic').inspect<unknown[]>('connections');
  if (info?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  if (info?.globalValue !== undefined) return vscode.ConfigurationTarget.Global;
  return vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
}

function current(): unknown[] {
  const v = vscode.workspace.getConfiguration('alembic').get<unknown>('connections');
  return Array.isArray(v) ? [...v] : [];
}

async function write(list: unknown[]): Promise<void> {
  await vscode.workspace.getConfiguration('alembic').update('connections', list, target());
}

export async function addConnectionSetting(c: ConnectionSetting): Promise<void> {
  await write([...current(), connectionToJson(c)]);
}

/** Changes some keys of the entry at `index` (as resolveConnections numbered it). */
export async function updateConnectionSetting(index: number, change: Partial<ConnectionSetting>): Promise<void> {
  const list = current();
  const entry = list[index];
  if (typeof entry !== 'object' || entry === null) return;
  const next: Record<string, unknown> = { ...(entry as Record<string, unknown>) };
  for (const [k, v] of Object.entries(change)) {
    if (v === false || v === '' || (Array.isArray(v) && v.length === 0)) delete next[k];
    else next[k] = v;
  }
  list[index] = next;
  await write(list);
}

export async function removeConnectionSetting(index: number): Promise<void> {
  const list = current();
  list.splice(index, 1);
  await write(list);
}
