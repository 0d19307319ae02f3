// Which Python runs Alembic: `alembic.pythonPath`, else the Python extension's interpreter for the
// project, else the project's .venv/venv, else PATH (server/src/node/alembic/interpreter.ts decides;
// this file asks the Python extension and remembers the answer per project until settings change).
import * as vscode from 'vscode';
import { PythonExtension } from '@vscode/python-extension';
import { resolveInterpreter, type InterpreterResult } from '../../../server/src/node/alembic/index';
import type { ProjectInfo } from '../model/connections';

async function pythonApi(): Promise<PythonExtension | undefined> {
  // Without the Python extension there is no API: the search goes on with .venv/venv and PATH.
  if (!vscode.extensions.getExtension('ms-python.python')) return undefined;
  try {
    return await PythonExtension.api();
  } catch {
    return undefined;
  }
}

/**
 * The Python extension's interpreter for a folder, if that extension is installed. Its active
 * environment may be named by its folder; resolving it gives the executable itself.
 */
export async function pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  try {
    const api = await pythonApi();
    if (!api) return undefined;
    const active = api.environments.getActiveEnvironmentPath(resource);
    const resolved = await api.environments.resolveEnvironment(active);
    return resolved?.executable.uri?.fsPath ?? active.path;
  } catch {
    return undefined; // a broken Python extension must not stop Alembic commands
  }
}

export class Interpreters implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<InterpreterResult>>();
  private watching: vscode.Disposable | undefined;

  resolve(project: ProjectInfo): Promise<InterpreterResult> {
    let hit = this.cache.get(project.root);
    if (!hit) {
      hit = this.compute(project);
      this.cache.set(project.root, hit);
      // A failure is not remembered: the user may install Alembic and retry.
      void hit.then((r) => {
        if (!r.ok) this.cache.delete(project.root);
      });
    }
    return hit;
  }

  clear(): void {
    this.cache.clear();
  }

  dispose(): void {
    this.watching?.dispose();
  }

  private async compute(project: ProjectInfo): Promise<InterpreterResult> {
    const uri = vscode.Uri.file(project.root);
    const setting = vscode.workspace.getConfiguration('alembic', uri).get<string>('pythonPath') ?? '';
    if (!this.watching) {
      // Choosing another interpreter in the Python extension takes effect on the next run.
      const api = await pythonApi();
      if (api) this.watching = api.environments.onDidChangeActiveEnvironmentPath(() => this.clear());
    }
    return resolveInterpreter({ setting, callerPath: setting ? undefined : await pythonExtensionInterpreter(uri), projectRoot: project.root });
  }
}
