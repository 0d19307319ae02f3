// The settings VS Code shows (package.json contributes.configuration) and the settings the code
// reads are the same set, with the same defaults: the server's (server/src/settings.ts) and the
// extension client's (client/src/model/settings.ts), with no key claimed by both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, readSettings } from '../server/src/settings';
import { DEFAULT_CLIENT_SETTINGS, readClientSettings } from '../client/src/model/settings';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const properties: Record<string, { default: unknown; type?: string; scope?: string }> = pkg.contributes.configuration.properties;
/** Read by vscode-languageclient itself, not by our code. */
const LIBRARY_ONLY = new Set(['alembic.trace.server']);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  // An object-valued setting whose default is {} (a map keyed by the user) is one setting.
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, out);
  } else out.set(prefix, value);
  return out;
}

test('every contributed setting has the same default in the server or the client, and vice versa', () => {
  const server = flatten(DEFAULT_SETTINGS, 'alembic', new Map());
  const client = flatten(DEFAULT_CLIENT_SETTINGS, 'alembic', new Map());
  for (const key of client.keys()) assert.ok(!server.has(key), `${key} is read by both the server and the client`);
  const code = new Map([...server, ...client]);
  const contributed = new Map(Object.entries(properties).filter(([k]) => !LIBRARY_ONLY.has(k)).map(([k, v]) => [k, v.default]));
  assert.deepEqual([...contributed.keys()].sort(), [...code.keys()].sort());
  for (const [key, value] of contributed) assert.deepEqual(code.get(key), value, key);
});

test('wrong types in settings.json fall back to the defaults; unknown severities are dropped', () => {
  assert.deepEqual(readSettings({ inlayHints: 'yes', codeLens: null, diagnostics: { severity: { 'multiple-heads': 'loud', 'header-mismatch': 'off' } } }), {
    ...DEFAULT_SETTINGS,
    diagnostics: { severity: { 'header-mismatch': 'off' } },
  });
  assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
});

test('client settings: wrong types fall back, bad connection entries are dropped, a timeout must be positive', () => {
  assert.deepEqual(readClientSettings(undefined), DEFAULT_CLIENT_SETTINGS);
  const s = readClientSettings({
    connections: [{ name: 'dev', url: 'sqlite:///a.db', protected: true }, 'not an object', null],
    pythonPath: 42,
    versionTable: '  ',
    versionTableSchema: ' audit ',
    databaseTimeout: -1,
    confirmUpgrade: 'no',
  });
  assert.equal(s.connections.length, 1);
  assert.equal(s.connections[0].protected, true);
  assert.equal(s.pythonPath, '');
  assert.equal(s.versionTable, 'alembic_version', 'blank: the default');
  assert.equal(s.versionTableSchema, 'audit');
  assert.equal(s.databaseTimeout, DEFAULT_CLIENT_SETTINGS.databaseTimeout, 'not positive: the default');
  assert.equal(DEFAULT_CLIENT_SETTINGS.databaseTimeout, 5, 'the issue asks for a 5 s connect timeout');
  assert.equal(s.confirmUpgrade, true);
  assert.equal(readClientSettings({ databaseTimeout: 2.5 }).databaseTimeout, 2.5);
});

test('settings the client reads per project are resource-scoped; types match the defaults', () => {
  for (const key of ['alembic.pythonPath', 'alembic.versionTable', 'alembic.versionTableSchema']) assert.equal(properties[key].scope, 'resource', key);
  for (const [key, value] of flatten(DEFAULT_CLIENT_SETTINGS, 'alembic', new Map())) {
    const type = Array.isArray(value) ? 'array' : typeof value;
    assert.equal(properties[key].type, type, key);
  }
});

test('the connections schema lists exactly the keys a connection entry has, and no password key', () => {
  const schema = properties['alembic.connections'] as unknown as { items: { properties: Record<string, unknown>; additionalProperties: boolean } };
  const entry = readClientSettings({ connections: [{}] }).connections[0];
  assert.deepEqual(Object.keys(schema.items.properties).sort(), Object.keys(entry).sort());
  assert.equal(schema.items.additionalProperties, false);
  assert.ok(!Object.keys(schema.items.properties).some((k) => /pass/i.test(k)));
});
