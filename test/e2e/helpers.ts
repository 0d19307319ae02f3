// Shared by the end-to-end suites: the extension's API, waiting with deadlines (never sleeping),
// answering the extension's questions, reading its tree views, and running real Alembic.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { AlembicApi, Prompt, PromptAnswer } from '../../client/src/api';
import { e2eContext, type Availability } from './context';

export const EXTENSION_ID = 'alembic-vscode.alembic-vscode';

export function extension(): vscode.Extension<AlembicApi> {
  const ext = vscode.extensions.getExtension<AlembicApi>(EXTENSION_ID);
  assert.ok(ext, `the extension ${EXTENSION_ID} is not installed in this VS Code`);
  return ext;
}

/** The API once the workspace is indexed (activating the extension if VS Code has not yet). */
export async function indexedApi(): Promise<AlembicApi> {
  const api = await extension().activate();
  await api.whenIndexed();
  return api;
}

/**
 * Polls `probe` every 50 ms until it returns something truthy (returned), or fails after `timeoutMs`
 * saying what was awaited and what `describe` shows of the last state.
 */
type Falsy = false | null | undefined | 0 | '';

export async function until<T>(what: string, probe: () => T | Falsy | Promise<T | Falsy>, timeoutMs = 30_000, describe?: () => unknown): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) {
      const state = describe ? `\nlast state: ${JSON.stringify(describe(), null, 1)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${state}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Answers the extension's prompts with `answer` while `body` runs; returns every prompt asked. */
export async function withPrompts(api: AlembicApi, answer: (p: Prompt) => PromptAnswer, body: () => PromiseLike<unknown>): Promise<Prompt[]> {
  assert.ok(api.testing, 'the extension offers its testing hooks only under test (ExtensionMode.Test or ALEMBIC_VSCODE_TEST_HOOKS=1)');
  const asked: Prompt[] = [];
  const hook = api.testing.answerPrompts((p) => {
    asked.push(p);
    return answer(p);
  });
  try {
    await body();
  } finally {
    hook.dispose();
  }
  return asked;
}

export const messages = (prompts: Prompt[]) => prompts.flatMap((p) => (p.kind === 'message' ? [p] : []));

/** Skips outside CI, fails on CI, when a component the test needs is missing. */
export function need(test: Mocha.Context, what: Availability | { missing: string } | undefined, name: string): void {
  const missing = !what ? `${name} was not prepared` : 'missing' in what ? what.missing : null;
  if (missing === null) return;
  if (e2eContext().ci) throw new Error(`${name} is required on CI: ${missing}`);
  console.log(`    (skipped: ${missing})`);
  test.skip();
}

/** Real Alembic in a project folder, the way a person would run it; `url` goes in as `-x url=`. */
export function alembic(cwd: string, args: string[], url?: string): { status: number | null; stdout: string; stderr: string } {
  const ctx = e2eContext();
  const r = spawnSync(ctx.python, ['-m', 'alembic', ...(url ? ['-x', `url=${url}`] : []), ...args], { cwd, encoding: 'utf8', shell: false, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
}

/** `alembic current` against a database: the revision ids it prints. */
export function alembicCurrent(cwd: string, url: string): string[] {
  const r = alembic(cwd, ['current'], url);
  assert.equal(r.status, 0, `alembic current failed:\n${r.stderr}`);
  return r.stdout.split('\n').map((l) => l.trim().split(' ')[0]).filter(Boolean);
}

export interface Row<T> {
  item: T;
  tree: vscode.TreeItem;
}

/** A tree provider's children as VS Code would render them. */
export async function rows<T>(provider: vscode.TreeDataProvider<T>, parent?: T): Promise<Row<T>[]> {
  const children = (await provider.getChildren(parent)) ?? [];
  return Promise.all(children.map(async (item) => ({ item, tree: await provider.getTreeItem(item) })));
}

export const labelOf = (t: vscode.TreeItem) => (typeof t.label === 'string' ? t.label : (t.label?.label ?? ''));
export const iconOf = (t: vscode.TreeItem) => (t.iconPath as vscode.ThemeIcon | undefined)?.id;
export const iconColorOf = (t: vscode.TreeItem) => (t.iconPath as vscode.ThemeIcon | undefined)?.color?.id;
export const flagsOf = (t: vscode.TreeItem) => (t.contextValue ?? '').split(' ');

/** Line and column of `needle` (plus `offset`) in a file: positions for the provider commands. */
export function positionOf(file: string, needle: string, offset = 0): vscode.Position {
  const lines = readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not found in ${file}`);
  return new vscode.Position(line, lines[line].indexOf(needle) + offset);
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? ''));

/** The diagnostics of one file with one code. */
export function diagnostics(file: string, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(vscode.Uri.file(file)).filter((d) => codeOf(d) === code);
}
