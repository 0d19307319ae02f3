// The settings VS Code shows (package.json contributes.configuration) and the settings the server
// reads (server/src/settings.ts) are the same set, with the same defaults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_SETTINGS, readSettings } from '../server/src/settings';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const properties: Record<string, { default: unknown }> = pkg.contributes.configuration.properties;
/** Read by vscode-languageclient itself, not by the server. */
const CLIENT_ONLY = new Set(['alembic.trace.server']);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  // An object-valued setting whose default is {} (a map keyed by the user) is one setting.
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${prefix}.${k}`, out);
  } else out.set(prefix, value);
  return out;
}

test('every contributed setting has the same default in the server, and vice versa', () => {
  const server = flatten(DEFAULT_SETTINGS, 'alembic', new Map());
  const contributed = new Map(Object.entries(properties).filter(([k]) => !CLIENT_ONLY.has(k)).map(([k, v]) => [k, v.default]));
  assert.deepEqual([...contributed.keys()].sort(), [...server.keys()].sort());
  for (const [key, value] of contributed) assert.deepEqual(server.get(key), value, key);
});

test('wrong types in settings.json fall back to the defaults; unknown severities are dropped', () => {
  assert.deepEqual(readSettings({ inlayHints: 'yes', codeLens: null, diagnostics: { severity: { 'multiple-heads': 'loud', 'header-mismatch': 'off' } } }), {
    ...DEFAULT_SETTINGS,
    diagnostics: { severity: { 'header-mismatch': 'off' } },
  });
  assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
});
