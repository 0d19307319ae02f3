// Select Python Interpreter: choose the Python that runs Alembic (`alembic.pythonPath`), then check it
// by asking it for its Alembic version.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { interpreterCandidates, resolveInterpreter } from '../../../server/src/node/alembic/index';
import type { ClientContext } from '../context';
import { pythonExtensionInterpreter } from '../run/interpreter';

const TITLE = 'Alembic: Select Python Interpreter';

export async function selectInterpreter(ctx: ClientContext): Promise<void> {
  const project = ctx.state.projectFor(vscode.window.activeTextEditor?.document.uri.fsPath);
  const root = project?.root ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const resource = root ? vscode.Uri.file(root) : undefined;
  const fromExtension = await pythonExtensionInterpreter(resource);
  const current = vscode.workspace.getConfiguration('alembic', resource).get<string>('pythonPath') ?? '';
  type Item = vscode.QuickPickItem & { value?: string; action?: 'enter' | 'browse' };
  const items: Item[] = [
    { label: 'Automatic', description: 'the Python extension\'s interpreter, then .venv/venv, then PATH', detail: current === '' ? 'current choice' : undefined, value: '' },
  ];
  if (fromExtension) items.push({ label: fromExtension, description: 'the Python extension\'s interpreter', value: fromExtension });
  for (const c of root ? interpreterCandidates({ projectRoot: root }) : []) {
    if (c.source === 'venv') items.push({ label: c.command, description: 'the project\'s virtual environment', value: c.command });
  }
  items.push({ label: 'Enter interpreter path…', action: 'enter' }, { label: 'Find…', description: 'browse the file system', action: 'browse' });
  const pick = await vscode.window.showQuickPick(items, { title: TITLE, placeHolder: current ? `Now: ${current}` : 'Now: automatic' });
  if (!pick) return;
  let value = pick.value;
  if (pick.action === 'enter') value = (await vscode.window.showInputBox({ title: TITLE, prompt: 'Path of a Python that has Alembic installed', value: current }))?.trim();
  if (pick.action === 'browse') {
    const picked = await vscode.window.showOpenDialog({ title: TITLE, canSelectMany: false, defaultUri: resource, openLabel: 'Use this Python' });
    value = picked?.[0]?.fsPath;
  }
  if (value === undefined) return;
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('alembic').update('pythonPath', value === '' ? undefined : value, target);
  ctx.interpreters.clear();
  const check = await resolveInterpreter({ setting: value, callerPath: value ? undefined : fromExtension, projectRoot: root });
  if (check.ok) {
    void vscode.window.showInformationMessage(`Alembic: using ${check.executable} (Alembic ${check.alembicVersion}).`);
  } else {
    ctx.output.line(check.message);
    void vscode.window.showWarningMessage(`Alembic: ${value ? path.basename(value) : 'no Python found'} cannot run Alembic. ${check.message.split('\n').slice(-1)[0]}`, 'Show Output').then((p) => p && ctx.output.show());
  }
}
