// Every command the extension contributes, declared once. package.json's `contributes.commands` must
// match it (test/client/commands.test.ts), and commands/registry.ts must give each id a handler
// (its type demands exactly these keys), so a command can't be declared without code or vice versa.

export interface CommandInfo {
  title: string;
  /** Runs Python or opens a database: disabled in untrusted workspaces. */
  trusted: boolean;
  /** Needs a History/Connections item as argument: hidden from the Command Palette. */
  itemOnly?: boolean;
  /** A codicon for view title bars and inline buttons. */
  icon?: string;
}

export const COMMANDS = {
  'alembic.upgradeDatabase': { title: 'Upgrade…', trusted: true, icon: 'arrow-up' },
  'alembic.downgradeDatabase': { title: 'Downgrade…', trusted: true, icon: 'arrow-down' },
  'alembic.stampDatabase': { title: 'Stamp…', trusted: true },
  'alembic.showCurrent': { title: 'Current', trusted: true },
  'alembic.showHistory': { title: 'History', trusted: true },
  'alembic.showHeads': { title: 'Heads', trusted: true },
  'alembic.showBranches': { title: 'Branches', trusted: true },
  'alembic.showRevision': { title: 'Show Revision…', trusted: true },
  'alembic.newRevision': { title: 'New Revision…', trusted: true, icon: 'add' },
  'alembic.mergeHeads': { title: 'Merge Heads…', trusted: false, icon: 'git-merge' },
  'alembic.initProject': { title: 'Initialize Alembic…', trusted: true },
  'alembic.checkModels': { title: 'Check', trusted: true },
  'alembic.previewSql': { title: 'Preview SQL…', trusted: true, icon: 'file-code' },
  'alembic.editRevision': { title: 'Edit Revision…', trusted: false },
  'alembic.selectInterpreter': { title: 'Select Python Interpreter', trusted: false },
  'alembic.refreshViews': { title: 'Refresh', trusted: false, icon: 'refresh' },
  'alembic.addConnection': { title: 'Add Connection…', trusted: false, icon: 'add' },
  'alembic.editConnection': { title: 'Edit Connection…', trusted: false, icon: 'edit' },
  'alembic.removeConnection': { title: 'Remove Connection', trusted: false, icon: 'trash' },
  'alembic.testConnection': { title: 'Test Connection', trusted: true, icon: 'plug' },
  'alembic.selectConnection': { title: 'Select Active Connection…', trusted: false, icon: 'check' },
  'alembic.showActions': { title: 'Show Actions…', trusted: false },
  'alembic.upgradeToRevision': { title: 'Upgrade to Here', trusted: true, itemOnly: true },
  'alembic.downgradeToRevision': { title: 'Downgrade to Here', trusted: true, itemOnly: true },
  'alembic.stampRevision': { title: 'Stamp Here', trusted: true, itemOnly: true },
  'alembic.previewRevisionSql': { title: 'Preview SQL', trusted: true, itemOnly: true },
  'alembic.newRevisionOnTop': { title: 'New Revision on Top', trusted: true, itemOnly: true },
  'alembic.mergeWithOtherHeads': { title: 'Merge with Other Heads', trusted: false, itemOnly: true },
  'alembic.copyRevisionId': { title: 'Copy Revision Id', trusted: false, itemOnly: true },
  'alembic.upgradeConnectionToHeads': { title: 'Upgrade to Heads', trusted: true, itemOnly: true, icon: 'arrow-up' },
  'alembic.refreshConnection': { title: 'Refresh Connection', trusted: true, itemOnly: true, icon: 'refresh' },
} as const satisfies Record<string, CommandInfo>;

export type CommandId = keyof typeof COMMANDS;

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export const CATEGORY = 'Alembic';

/** The `enablement` clause package.json must carry for a command. */
export function enablementOf(id: CommandId): string | undefined {
  return (COMMANDS[id] as CommandInfo).trusted ? 'isWorkspaceTrusted' : undefined;
}

/** What a command says when it is invoked anyway in an untrusted workspace (from a keybinding, a link). */
export function untrustedMessage(id: CommandId): string {
  return `Alembic: "${COMMANDS[id].title.replace(/…$/, '')}" runs Python or opens a database, which this extension only does in a trusted workspace. Use "Workspaces: Manage Workspace Trust" to trust this folder.`;
}
