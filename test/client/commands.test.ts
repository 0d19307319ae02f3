// Every contributed command is registered by the code and vice versa; trusted commands carry the
// Workspace Trust enablement; menus, welcome links and the status bar only name existing commands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CATEGORY, COMMAND_IDS, COMMANDS, enablementOf, untrustedMessage, type CommandId } from '../../client/src/model/commandTable';
import { statusActions } from '../../client/src/model/statusActions';

interface Contributed { command: string; title: string; category?: string; enablement?: string; icon?: string }
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const contributed: Contributed[] = pkg.contributes.commands;
const registry = readFileSync(new URL('../../client/src/commands/registry.ts', import.meta.url), 'utf8');

test('contributes.commands and the command table list the same commands with the same titles', () => {
  assert.deepEqual(contributed.map((c) => c.command).sort(), [...COMMAND_IDS].sort());
  for (const c of contributed) {
    const info = COMMANDS[c.command as CommandId];
    assert.equal(c.title, info.title, c.command);
    assert.equal(c.category, CATEGORY, c.command);
    assert.match(c.command, /^alembic\.[a-z]+[A-Z][A-Za-z]*$/, `${c.command} is alembic.<verb><Object>`);
    assert.equal(c.icon, 'icon' in info ? `$(${info.icon})` : undefined, c.command);
  }
});

test('the registry gives every command in the table a handler and registers the table', () => {
  const handlerIds = [...registry.matchAll(/^  '(alembic\.[A-Za-z]+)': /gm)].map((m) => m[1]);
  assert.deepEqual(handlerIds.sort(), [...COMMAND_IDS].sort());
  assert.match(registry, /COMMAND_IDS\.map\(\(id\) =>\s*vscode\.commands\.registerCommand\(id,/);
  assert.ok(!COMMAND_IDS.some((id) => id.startsWith('alembic.server.')), 'alembic.server.* belongs to the language server');
});

test('commands that run Python or open a database are disabled in untrusted workspaces, and say why', () => {
  for (const c of contributed) assert.equal(c.enablement, enablementOf(c.command as CommandId), c.command);
  for (const id of ['alembic.upgradeDatabase', 'alembic.initProject', 'alembic.testConnection', 'alembic.previewSql', 'alembic.newRevision'] as const) {
    assert.equal(COMMANDS[id].trusted, true, id);
  }
  for (const id of ['alembic.mergeHeads', 'alembic.refreshViews', 'alembic.addConnection', 'alembic.copyRevisionId'] as const) {
    assert.equal(COMMANDS[id].trusted, false, `${id} neither runs Python nor opens a database`);
  }
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.match(untrustedMessage('alembic.upgradeDatabase'), /"Upgrade" runs Python or opens a database.*Manage Workspace Trust/);
});

test('item-only commands are hidden from the Command Palette; the others are not', () => {
  const hidden = new Set<string>(pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command));
  for (const id of COMMAND_IDS) assert.equal(hidden.has(id), (COMMANDS[id] as { itemOnly?: boolean }).itemOnly === true, id);
});

test('menus, welcome links and status actions only name existing commands; views exist in the container', () => {
  const known = new Set<string>(COMMAND_IDS);
  for (const [where, entries] of Object.entries(pkg.contributes.menus) as [string, { command: string }[]][]) {
    for (const e of entries) assert.ok(known.has(e.command), `${where}: ${e.command}`);
  }
  for (const w of pkg.contributes.viewsWelcome) for (const m of w.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(known.has(m[1]), m[1]);
  for (const a of statusActions({ hasConnection: true, headCount: 2, trusted: true })) assert.ok(known.has(a.command) || a.command === 'alembic.showOutput', a.command);
  const views = pkg.contributes.views.alembic.map((v: { id: string }) => v.id);
  assert.deepEqual(views, ['alembic.history', 'alembic.connections']);
  assert.equal(pkg.contributes.viewsContainers.activitybar[0].id, 'alembic');
});

test('context menu conditions use flags the tree model sets', () => {
  const menus: { command: string; when: string }[] = pkg.contributes.menus['view/item/context'];
  const flags = new Set(menus.flatMap((m) => [...m.when.matchAll(/\\b(\w+)\\b/g)].map((x) => x[1])));
  const model = readFileSync(new URL('../../client/src/model/historyItems.ts', import.meta.url), 'utf8') + readFileSync(new URL('../../client/src/model/connectionItems.ts', import.meta.url), 'utf8');
  assert.deepEqual([...flags].sort(), ['canDowngrade', 'canUpgrade', 'configured', 'connection', 'inactive', 'mergeable', 'revision']);
  for (const f of flags) assert.ok(model.includes(`'${f}'`), `flag ${f} is set somewhere in the tree models`);
});

test('the output language has a grammar file', () => {
  const grammar = pkg.contributes.grammars.find((g: { language: string }) => g.language === 'alembic-output');
  assert.ok(grammar);
  const json = JSON.parse(readFileSync(new URL(`../../${grammar.path}`, import.meta.url), 'utf8'));
  assert.equal(json.scopeName, grammar.scopeName);
});
