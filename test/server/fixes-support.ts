// Shared by the code-action tests: an in-memory project whose quick fixes can be asked for and
// applied like an editor would, then re-indexed (text edits as buffer overlays, file creations and
// renames by re-reading the project), so each test shows the problem is gone afterwards.
import type { CodeAction, CodeActionParams, Diagnostic, WorkspaceEdit } from 'vscode-languageserver';
import type { Problem } from '../../server/src/engine/index';
import { diagnosticsByFile } from '../../server/src/features/diagnostics';
import { codeActions } from '../../server/src/features/fixes/code-actions';
import { applyWorkspaceEdit } from '../../server/src/features/fixes/apply-edits';
import { pathToUri } from '../../server/src/lsp/uris';
import type { ServerSettings } from '../../server/src/protocol';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { testWorkspace, type TestWorkspace } from '../helpers/featureContext';

export const V = '/w/migrations/versions';

export class FixWorld {
  ws: TestWorkspace;
  private files: Record<string, string>;

  constructor(
    files: Record<string, string>,
    private readonly options: { ids?: string[]; now?: Date; settings?: ServerSettings } = {},
  ) {
    this.files = { ...files };
    this.ws = testWorkspace(this.files, options);
  }

  get ctx() {
    return this.ws.ctx;
  }

  /** Every problem of the index now (all projects). */
  problems(path?: string, code?: string): Problem[] {
    return this.ws.index.projects
      .flatMap((p) => p.indexed.problems)
      .filter((p) => (path === undefined || p.file === path) && (code === undefined || p.code === code));
  }

  /** The diagnostics the server would publish for a file. */
  diagnostics(path: string): Diagnostic[] {
    const all = this.ws.index.projects.flatMap((p) => p.indexed.problems);
    return diagnosticsByFile(all, this.options.settings ?? DEFAULT_SETTINGS).get(path) ?? [];
  }

  /** The code actions for a file's diagnostics (of one code when given), as an editor asks. */
  actions(path: string, code?: string, only?: string[]): CodeAction[] {
    const diagnostics = this.diagnostics(path).filter((d) => code === undefined || d.code === code);
    const params: CodeActionParams = {
      textDocument: { uri: pathToUri(path) },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    };
    return codeActions(this.ctx, params);
  }

  text(path: string): string {
    const t = this.ws.index.textOf(path);
    if (t === null) throw new Error(`no file ${path}`);
    return t;
  }

  exists(path: string): boolean {
    return this.ws.index.textOf(path) !== null;
  }

  /** Applies an action's edit: text edits become buffers; created or renamed files re-read the project. */
  apply(action: CodeAction | WorkspaceEdit): void {
    const edit = 'title' in action ? action.edit : action;
    if (!edit) throw new Error(`the action has no edit: ${JSON.stringify(action)}`);
    const before = new Map<string, string>();
    for (const path of Object.keys(this.files)) before.set(path, this.text(path));
    const after = applyWorkspaceEdit(before, edit);
    const resources = (edit.documentChanges ?? []).some((c) => 'kind' in c);
    if (resources) {
      this.files = Object.fromEntries(after);
      const ids = this.ws.ctx.newRevisionId; // keep the id sequence going: no id twice
      this.ws = testWorkspace(this.files, this.options);
      this.ws.ctx.newRevisionId = ids;
      return;
    }
    for (const [path, text] of after) if (before.get(path) !== text) this.ws.index.setOverlay(path, text);
  }
}

/** The one action whose title contains `part`. */
export function pick(actions: CodeAction[], part: string): CodeAction {
  const found = actions.filter((a) => a.title.includes(part));
  if (found.length !== 1) throw new Error(`expected one action with "${part}", got: ${actions.map((a) => a.title).join(' | ')}`);
  return found[0];
}
