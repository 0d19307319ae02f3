// Initialize Alembic…: `alembic init --template <t> <folder>` in a workspace folder, with the
// template list asked of the real Alembic (list_templates), then alembic.ini opened.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClientContext } from '../context';
import type { ProjectInfo } from '../model/connections';
import { FALLBACK_TEMPLATES, initDirectoryProblem, parseTemplates } from '../model/templates';
import { runAlembic } from '../run/runAlembic';

const TITLE = 'Alembic: Initialize';

/** A project that does not exist yet: enough for the runner to find Python and a working directory. */
function newProject(folder: string): ProjectInfo {
  return {
    id: path.join(folder, 'alembic.ini'),
    root: folder,
    configFile: path.join(folder, 'alembic.ini'),
    section: 'alembic',
    scriptLocation: '',
    versionLocations: [],
    sqlalchemyUrl: null,
    revisionCount: 0,
    headCount: 0,
    problemCount: 0,
    version: 0,
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(p));
    return true;
  } catch {
    return false;
  }
}

export async function initProject(ctx: ClientContext): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return void vscode.window.showWarningMessage('Alembic: open a folder first; Alembic is initialized inside it.');
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Initialize Alembic in which folder?' });
  if (!folder) return;
  const project = newProject(folder.uri.fsPath);
  const listing = await runAlembic(ctx, { project, command: { name: 'list_templates' }, title: `${TITLE}: reading the templates` });
  if (!listing) return; // no Python with Alembic: already explained
  const templates = listing.ok ? parseTemplates(listing.stdout) : FALLBACK_TEMPLATES;
  const template = await vscode.window.showQuickPick(
    templates.map((t) => ({ label: t.name, description: t.description })),
    { title: TITLE, placeHolder: 'Which template?' },
  );
  if (!template) return;
  const taken = new Set<string>();
  for (const name of ['migrations', 'alembic']) if (await exists(path.join(project.root, name))) taken.add(name);
  const initial = ['migrations', 'alembic'].find((n) => !taken.has(n)) ?? '';
  let directory = await vscode.window.showInputBox({
    title: TITLE,
    prompt: `Folder for the migration environment, relative to ${folder.name}`,
    value: initial,
    validateInput: (v) => initDirectoryProblem(v, taken.has(v.trim())),
  });
  if (directory === undefined) return;
  directory = directory.trim();
  if (initDirectoryProblem(directory, await exists(path.join(project.root, directory)))) {
    return void vscode.window.showErrorMessage(`Alembic: ${initDirectoryProblem(directory, true)}`);
  }
  const result = await runAlembic(ctx, { project, command: { name: 'init', directory, template: template.label }, title: `${TITLE} (${template.label}) in ${directory}`, revealOutput: true });
  if (!result?.ok) return;
  await ctx.refresh();
  const ini = project.configFile!;
  if (await exists(ini)) await vscode.window.showTextDocument(vscode.Uri.file(ini));
  void vscode.window.showInformationMessage(`Alembic: initialized in ${directory}. Set sqlalchemy.url in alembic.ini, or add a connection.`, 'Add Connection…').then((pick) => {
    if (pick) void vscode.commands.executeCommand('alembic.addConnection');
  });
}
