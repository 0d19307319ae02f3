// The quick pick behind the status bar entry: the common actions, the ones that fit the state first.
import type { CommandId } from './commandTable';

export interface StatusAction {
  label: string;
  description?: string;
  command: CommandId | 'alembic.showOutput';
}

export interface StatusActionInput {
  hasConnection: boolean;
  headCount: number;
  /** Revisions the active connection is behind (undefined: not known). */
  behind?: number;
  trusted: boolean;
}

export function statusActions(s: StatusActionInput): StatusAction[] {
  const out: StatusAction[] = [];
  if (s.headCount > 1) out.push({ label: '$(git-merge) Merge Heads…', description: `${s.headCount} heads`, command: 'alembic.mergeHeads' });
  if (!s.hasConnection) out.push({ label: '$(add) Add Connection…', command: 'alembic.addConnection' });
  if (s.hasConnection && s.trusted) {
    out.push({ label: '$(arrow-up) Upgrade…', description: s.behind ? `${s.behind} behind` : undefined, command: 'alembic.upgradeDatabase' });
    out.push({ label: '$(arrow-down) Downgrade…', command: 'alembic.downgradeDatabase' });
    out.push({ label: '$(info) Current', command: 'alembic.showCurrent' });
  }
  if (s.trusted) {
    out.push({ label: '$(add) New Revision…', command: 'alembic.newRevision' });
    out.push({ label: '$(file-code) Preview SQL…', command: 'alembic.previewSql' });
  }
  out.push({ label: '$(database) Select Active Connection…', command: 'alembic.selectConnection' });
  out.push({ label: '$(refresh) Refresh', command: 'alembic.refreshViews' });
  out.push({ label: '$(output) Show Output', command: 'alembic.showOutput' });
  return out;
}
