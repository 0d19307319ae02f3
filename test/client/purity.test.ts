// The client's logic stays testable here: model/ and state/ import neither vscode nor anything with
// side effects, and the database bundle is never imported statically (it loads on first use).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lint = join(root, 'scripts', 'check-engine-purity.mjs');

for (const dir of ['model', 'state']) {
  test(`client/src/${dir} is pure (no vscode, fs or child_process)`, () => {
    const r = spawnSync(process.execPath, [lint, join(root, 'client', 'src', dir)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
}

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) sources(full, out);
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

test('no client file imports the database reader or knex; only loadDb requires the bundle', () => {
  for (const file of sources(join(root, 'client', 'src'))) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /from ['"][^'"]*(node\/db|knex|\bpg\b|mysql2|sqlite3)[^'"]*['"]/, file);
  }
  const loader = readFileSync(join(root, 'client', 'src', 'db', 'loadDb.ts'), 'utf8');
  assert.match(loader, /req\(bundlePath\)/);
  assert.match(readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8'), /asAbsolutePath\('server\/out\/db\.js'\)/);
});

test('the built client bundle does not contain the database drivers', { skip: !existsSync(join(root, 'client', 'out', 'extension.js')) && 'client/out/extension.js not built (npm run build)' }, () => {
  const bundle = readFileSync(join(root, 'client', 'out', 'extension.js'), 'utf8');
  assert.doesNotMatch(bundle, /require\("knex"\)|Knex: run|node_modules\/knex\//);
  assert.doesNotMatch(bundle, /node_modules\/(pg|mysql2)\//);
});

test('activation does not wait for the language server', () => {
  const text = readFileSync(join(root, 'client', 'src', 'extension.ts'), 'utf8');
  // Synchronous: it returns the API at once and starts the language server without waiting for it.
  assert.match(text, /export function activate\(context: vscode\.ExtensionContext\): (void|AlembicApi) \{/);
  const body = text.slice(text.indexOf('export function activate'), text.indexOf('export async function deactivate'));
  assert.match(body, /clientStart = startLanguageClient\(/);
  // No statement of activate itself awaits (nested callbacks may).
  assert.doesNotMatch(body, /^  (?:(?:const|let) [^=]+= )?await /m);
});
