#!/usr/bin/env node
// The same end-to-end suites in desktop VS Code through @vscode/test-electron, for a machine with
// internet (it downloads VS Code 1.100.3 into .vscode-test/ on first use). Not used by `npm test`:
// the offline runner is test/e2e/run.mjs (code-server). The suites, workspaces and index.js are shared.
//
//   npm i -D -E @vscode/test-electron@2.5.2     (2.x: 3.x needs Node 22)
//   node test/e2e/electron.mjs [kind ...]       on Linux without a display: xvfb-run -a node test/e2e/electron.mjs
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, OUT } from './build.mjs';
import { KINDS, ROOT, prepareKind, prepareRun } from './workspaces.mjs';

let runTests;
try {
  ({ runTests } = await import('@vscode/test-electron'));
} catch {
  console.error('@vscode/test-electron is not installed. Install it (it needs internet, and downloads VS Code on first use):\n' +
    '  npm i -D -E @vscode/test-electron@2.5.2\nOffline, use node test/e2e/run.mjs (code-server) instead.');
  process.exit(2);
}

const wanted = process.argv.slice(2);
const kinds = KINDS.filter((k) => wanted.length === 0 || wanted.includes(k.name));
await buildAll();

const totals = { passed: 0, failed: 0, skipped: 0 };
const run = await prepareRun({ ci: process.env.CI === 'true', needPostgres: kinds.some((k) => k.databases?.includes('postgres')) });
try {
  for (const kind of kinds) {
    const prepared = prepareKind(kind, run.base, run.shared);
    const userData = join(run.base, `${kind.name}-user-data`);
    mkdirSync(join(userData, 'User'), { recursive: true });
    const untrusted = prepared.trust === 'untrusted';
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': untrusted,
      'security.workspace.trust.startupPrompt': 'never',
      'security.workspace.trust.banner': 'never',
      'workbench.startupEditor': 'none',
      'update.mode': 'none',
    }));
    console.log(`\n=== e2e ${kind.name} (desktop VS Code): ${prepared.workspace}`);
    try {
      await runTests({
        version: '1.100.3',
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: join(OUT, 'index.js'),
        extensionTestsEnv: { ALEMBIC_E2E_CONTEXT: prepared.contextFile },
        launchArgs: [prepared.workspace, '--disable-extensions', '--user-data-dir', userData, ...(untrusted ? [] : ['--disable-workspace-trust'])],
      });
    } catch (e) {
      console.log(`e2e ${kind.name}: ${e instanceof Error ? e.message : e}`);
    }
    if (existsSync(prepared.resultsFile)) {
      const c = JSON.parse(readFileSync(prepared.resultsFile, 'utf8'));
      for (const k of Object.keys(totals)) totals[k] += c[k];
    } else totals.failed++;
  }
} finally {
  await run.cleanup();
}
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
