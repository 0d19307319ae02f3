// Keeps the README true: every problem code the engine can report is documented there with its
// default severity, and the documented commands exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PROBLEM_CODES } from '../server/src/engine/rules/codes';
import { CONFIG_PROBLEM_CODES } from '../server/src/engine/config/configProblems';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };

test('every problem code is in the README table with its default severity', () => {
  const all: Record<string, { severity: string }> = { ...CONFIG_PROBLEM_CODES, ...PROBLEM_CODES };
  const rows = new Map<string, string>();
  for (const m of readme.matchAll(/^\| `([a-z0-9-]+)` \| (error|warning|information|hint) \|/gm)) rows.set(m[1], m[2]);
  for (const [code, info] of Object.entries(all)) {
    assert.equal(rows.get(code), info.severity, `README row for ${code}`);
  }
  for (const code of rows.keys()) assert.ok(code in all, `README documents ${code}, which no longer exists`);
});

test('the README commands exist: run it (the demo), test it, and the others it names', () => {
  assert.match(readme, /^npm run demo\b/m);
  assert.match(readme, /^npm test\b/m);
  assert.match(readme, /`npm run cli -- /);
  for (const script of ['test', 'demo', 'cli', 'bench', 'package', 'test:e2e']) assert.ok(pkg.scripts[script], `npm run ${script} is named in the README`);
  for (const m of readme.matchAll(/`npm run ([\w:-]+)/g)) assert.ok(pkg.scripts[m[1]], `README names npm run ${m[1]}, which package.json lacks`);
});
