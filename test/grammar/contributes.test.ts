// package.json declares each grammar under the scope name its file has, for a language it declares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('every contributed grammar exists, has its scope name, and belongs to a contributed language', () => {
  const languages = new Set<string>(pkg.contributes.languages.map((l: { id: string }) => l.id));
  assert.deepEqual([...languages].sort(), ['alembic-mako', 'alembic-output']);
  for (const g of pkg.contributes.grammars as { language: string; scopeName: string; path: string }[]) {
    assert.ok(languages.has(g.language), g.language);
    const file = join(root, g.path);
    assert.ok(existsSync(file), g.path);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).scopeName, g.scopeName);
  }
  for (const l of pkg.contributes.languages as { configuration?: string }[]) {
    if (l.configuration) assert.ok(existsSync(join(root, l.configuration)), l.configuration);
  }
});
