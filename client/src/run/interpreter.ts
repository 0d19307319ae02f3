// Which Python runs Alembic: `alembic.pythonPath`, else the Python extension's interpreter for the
// project, else the project's .venv/venv, else PATH (server/src/node/alembic/interpreter.ts decides;
// this file asks the Python extension and remembers the answer per project until settings change).
import * as vscode from 'vscode';
import { resolveInterpreter, type InterpreterResult } from '../../../server/src/node/alembic/index';
import type { ProjectInfo } from '../model/connections';

interface PythonExtensionApi {
  environments?: {
    getActiveEnvironmentPath?(resource?: vscode.Uri): { path: string } | undefined;
    onDidChangeActiveEnvironmentPath?: vscode.Event<unknown>;
  };
  settings?: { getExecutionDetails?(resource?: vscode.Uri): { execCommand?: string[] } | undefined };
}

async function pythonApi(): Promise<PythonExtensionApi | undefined> {
  const ext = vscode.extensions.getExtension<PythonExtensionApi>('ms-python.python');
  if (!ext) return undefined;
  try {
    return ext.isActive ? ext.exports : await ext.activate();
  } catch {
    return undefined;
  }
}

/** The Python extension's interpreter for a folder, if that extension is installed. */
export async function pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  try {
    const api = await pythonApi();
    const fromEnv = api?.environments?.getActiveEnvironmentPath?.(resource)?.path;
    const fromSettings = api?.settings?.getExecutionDetails?.(resource)?.execCommand?.[0];
    return fromEnv || fromSettings || undefined;
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
      const onChange = (await pythonApi())?.environments?.onDidChangeActiveEnvironmentPath;
      if (onChange) this.watching = onChange(() => this.clear());
    }
    return resolveInterpreter({ setting, callerPath: setting ? undefined : await pythonExtensionInterpreter(uri), projectRoot: project.root });
  }
}
