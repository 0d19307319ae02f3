// The purity lint must catch what it promises to catch, or `npm run lint` proves nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/check-engine-purity.mjs', import.meta.url));

function lint(source: string): { code: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'purity-'));
  writeFileSync(join(dir, 'x.ts'), source);
  const r = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

for (const bad of [
  "import * as fs from 'fs';",
  "import { readFileSync } from 'node:fs';",
  "import { spawn } from 'child_process';",
  "import * as vscode from 'vscode';",
  "import { createConnection } from 'vscode-languageserver/node';",
  "const fs = require('node:fs/promises');",
  "export { x } from 'vscode-jsonrpc';",
]) {
  test(`rejects: ${bad}`, () => {
    const r = lint(`${bad}\nexport const y = 1;\n`);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /must stay pure/);
  });
}

test('accepts pure imports', () => {
  const r = lint("import { x } from './types';\nimport type { Y } from './graph';\nexport const z = 'fs';\n");
  assert.equal(r.code, 0, r.stderr);
});

test('the real engine is pure', () => {
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
