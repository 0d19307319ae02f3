// Test-only: lets an integration test answer the extension's questions. The extension asks through
// vscode.window (messages with buttons, modal confirmations, QuickPicks, input boxes); while a test
// answerer is installed, those calls of THIS extension's API object are routed to it, so the whole
// command path still runs (plan, confirmation text, validation) and only the click is the test's.
// Never installed in production: api.ts offers it only under ExtensionMode.Test or with
// ALEMBIC_VSCODE_TEST_HOOKS=1.
import * as vscode from 'vscode';

export type Prompt =
  | { kind: 'message'; severity: 'information' | 'warning' | 'error'; message: string; modal: boolean; detail?: string; choices: string[] }
  | { kind: 'quickPick'; title?: string; placeHolder?: string; choices: string[]; canPickMany: boolean }
  | { kind: 'inputBox'; title?: string; prompt?: string; password: boolean; value?: string };

/** A button or item label (several for a multi-select QuickPick), the text to type, or undefined to dismiss. */
export type PromptAnswer = string | string[] | undefined;

export type PromptAnswerer = (prompt: Prompt) => PromptAnswer | Promise<PromptAnswer>;

const PATCHED = ['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showQuickPick', 'showInputBox'] as const;

let active: PromptAnswerer | null = null;

export function answerPrompts(answer: PromptAnswerer): vscode.Disposable {
  if (active) throw new Error('answerPrompts: a prompt answerer is already installed; dispose it first.');
  const win = vscode.window as unknown as Record<string, unknown>;
  const originals = new Map(PATCHED.map((name) => [name, win[name]]));
  const replacements: Record<(typeof PATCHED)[number], unknown> = {
    showInformationMessage: (m: string, ...rest: unknown[]) => message('information', m, rest),
    showWarningMessage: (m: string, ...rest: unknown[]) => message('warning', m, rest),
    showErrorMessage: (m: string, ...rest: unknown[]) => message('error', m, rest),
    showQuickPick: quickPick,
    showInputBox: inputBox,
  };
  for (const name of PATCHED) Object.defineProperty(win, name, { value: replacements[name], configurable: true, writable: true });
  if (win.showWarningMessage !== replacements.showWarningMessage) throw new Error('answerPrompts: this VS Code does not let vscode.window be replaced.');
  active = answer;
  return new vscode.Disposable(() => {
    for (const name of PATCHED) Object.defineProperty(win, name, { value: originals.get(name), configurable: true, writable: true });
    active = null;
  });
}

type Item = string | vscode.MessageItem | vscode.QuickPickItem;
const labelOf = (i: Item) => (typeof i === 'string' ? i : 'title' in i ? i.title : i.label);

async function message(severity: 'information' | 'warning' | 'error', text: string, rest: unknown[]): Promise<Item | undefined> {
  // Like VS Code: the second argument is options unless it is an item (a string or has a title).
  const first = rest[0];
  const hasOptions = typeof first === 'object' && first !== null && !('title' in first);
  const options = (hasOptions ? first : {}) as vscode.MessageOptions;
  const items = (hasOptions ? rest.slice(1) : rest) as Item[];
  const answer = await active!({ kind: 'message', severity, message: text, modal: options.modal === true, detail: options.detail, choices: items.map(labelOf) });
  return items.find((i) => labelOf(i) === answer);
}

async function quickPick(items: readonly Item[] | Thenable<readonly Item[]>, options: vscode.QuickPickOptions = {}): Promise<unknown> {
  const list = await items;
  const canPickMany = options.canPickMany === true;
  const answer = await active!({ kind: 'quickPick', title: options.title, placeHolder: options.placeHolder, choices: list.map(labelOf), canPickMany });
  if (answer === undefined) return undefined;
  const wanted = Array.isArray(answer) ? answer : [answer];
  const missing = wanted.filter((w) => !list.some((i) => labelOf(i) === w));
  if (missing.length > 0) throw new Error(`the test answered ${missing.join(', ')}, which the QuickPick "${options.title ?? ''}" does not offer (${list.map(labelOf).join(' | ')})`);
  const picked = list.filter((i) => wanted.includes(labelOf(i)));
  return canPickMany ? picked : picked[0];
}

async function inputBox(options: vscode.InputBoxOptions = {}): Promise<string | undefined> {
  const answer = await active!({ kind: 'inputBox', title: options.title, prompt: options.prompt, password: options.password === true, value: options.value });
  if (answer === undefined) return undefined;
  const text = Array.isArray(answer) ? answer.join(',') : answer;
  // A person cannot submit what the box refuses: neither can the test.
  const problem = options.validateInput ? await options.validateInput(text) : null;
  const why = typeof problem === 'string' ? problem : problem?.message;
  if (why) throw new Error(`the test typed "${options.password ? '***' : text}", which the input box refuses: ${why}`);
  return text;
}
