// History and Connections items (plain data from model/) as VS Code TreeItems.
import * as vscode from 'vscode';
import type { ConnectionItem } from '../model/connectionItems';
import type { HistoryItem, ItemIcon } from '../model/historyItems';

type AnyItem = HistoryItem | ConnectionItem;

export function toTreeItem(item: AnyItem, expanded = true): vscode.TreeItem {
  const hasChildren = (item.children?.length ?? 0) > 0;
  const state = !hasChildren
    ? vscode.TreeItemCollapsibleState.None
    : expanded
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
  const t = new vscode.TreeItem(item.label, state);
  t.id = item.id;
  t.description = item.description;
  if (item.tooltip) {
    const md = new vscode.MarkdownString(item.tooltip);
    md.supportThemeIcons = false;
    t.tooltip = md;
  }
  t.iconPath = themeIcon(item.icon);
  t.contextValue = item.contextValue;
  if (item.open) {
    const line = Math.max(0, item.open.line);
    t.command = {
      command: 'vscode.open',
      title: 'Open Revision',
      arguments: [vscode.Uri.file(item.open.file), { selection: new vscode.Range(line, 0, line, 0), preview: true }],
    };
  }
  return t;
}

export function themeIcon(icon: ItemIcon): vscode.ThemeIcon {
  return icon.color ? new vscode.ThemeIcon(icon.id, new vscode.ThemeColor(icon.color)) : new vscode.ThemeIcon(icon.id);
}
