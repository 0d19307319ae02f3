#!/usr/bin/env node
// End-to-end suites in a real VS Code: builds the extension and the suites (esbuild), prepares one
// temp workspace per kind (workspaces.mjs), starts code-server once per kind through
// scripts/run-in-code-server.mjs, and adds up the counts each run writes.
//
//   node test/e2e/run.mjs [kind ...]      kinds: ini pyproject multiroot fixes none untrusted
//
// Without code-server or Chromium: skipped with the reason outside CI, a failure under CI=true.
// VSIX=path tests an installed .vsix, EXT_DIR=dir another unpacked extension, instead of the
// repository's build; KEEP_TMP=1 keeps the workspaces; other knobs go to the driver unchanged.
// The last line is `N passed, N failed[, N skipped]` (ALEMBIC_E2E_SUMMARY=file also gets it as JSON).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, OUT } from './build.mjs';
import { KINDS, ROOT, prepareKind, prepareRun } from './workspaces.mjs';

const DRIVER = join(ROOT, 'scripts/run-in-code-server.mjs');
const ci = process.env.CI === 'true';
const T0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !KINDS.some((k) => k.name === w));
if (unknown.length > 0) {
  console.error(`unknown workspace kind(s): ${unknown.join(', ')} (known: ${KINDS.map((k) => k.name).join(', ')})`);
  process.exit(2);
}
const kinds = KINDS.filter((k) => wanted.length === 0 || wanted.includes(k.name));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** The driver child of the kind running now. */
let driver = null;
let interrupted = false;

const { missingPieces } = await import('../../scripts/run-in-code-server.mjs');
const missing = missingPieces();
if (missing.length > 0) {
  const why = `the end-to-end suites need ${missing.join('; ')}`;
  if (ci) {
    console.error(`e2e: FAILED: ${why} (CI=true: a missing test VS Code is an error)`);
    totals.failed = 1;
  } else {
    console.log(`e2e: skipped ${kinds.length} workspace run(s): ${why}`);
    totals.skipped = kinds.length;
  }
  finish();
} else {
  await main();
  finish();
}

async function main() {
  await buildAll({ extension: !process.env.EXT_DIR && !process.env.VSIX });
  const run = await prepareRun({ ci, needPostgres: kinds.some((k) => k.databases?.includes('postgres')) });
  // Interrupted: stop the running driver (it stops VS Code and Chromium), then drop the scratch
  // database and the temp workspaces.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      interrupted = true;
      const stopped = driver ? new Promise((r) => driver.once('exit', r)) : Promise.resolve();
      driver?.kill('SIGTERM');
      void stopped.then(() => run.cleanup()).finally(() => process.exit(130));
    });
  }
  const timings = [];
  try {
    for (const kind of kinds) {
      if (interrupted) {
        console.log('e2e: interrupted: counted as one failure');
        totals.failed++;
        break;
      }
      const t0 = Date.now();
      const prepared = prepareKind(kind, run.base, run.shared);
      const code = await runDriver(prepared);
      const counts = existsSync(prepared.resultsFile) ? JSON.parse(readFileSync(prepared.resultsFile, 'utf8')) : null;
      if (counts) {
        for (const k of Object.keys(totals)) totals[k] += counts[k];
        if (code !== 0 && counts.failed === 0) totals.failed++; // the suites passed but VS Code did not exit cleanly
      } else {
        console.log(`e2e ${kind.name}: no results (driver exit ${code}): counted as one failure`);
        totals.failed++;
      }
      timings.push(`${kind.name} ${secs(Date.now() - t0)}`);
    }
  } finally {
    await run.cleanup();
  }
  console.log(`e2e timings: ${timings.join(', ')}; total ${secs(Date.now() - T0)}`);
}

function runDriver(prepared) {
  console.log(`\n=== e2e ${prepared.name}: ${prepared.workspace}${prepared.trust === 'untrusted' ? ' (untrusted)' : ''}`);
  const env = {
    ...process.env,
    MODE: 'test',
    WS_DIR: prepared.workspace,
    TESTS: join(OUT, 'index.js'),
    TRUST: prepared.trust,
    TIMEOUT_MS: process.env.TIMEOUT_MS ?? '240000',
    ALEMBIC_E2E_CONTEXT: prepared.contextFile,
    // Needed only for an installed .vsix (a development extension is in ExtensionMode.Test anyway).
    ALEMBIC_VSCODE_TEST_HOOKS: '1',
  };
  return new Promise((resolve) => {
    driver = spawn(process.execPath, [DRIVER], { cwd: ROOT, env, stdio: 'inherit', shell: false });
    driver.on('exit', (code, signal) => {
      driver = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function finish() {
  const line = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`;
  if (process.env.ALEMBIC_E2E_SUMMARY) {
    writeFileSync(process.env.ALEMBIC_E2E_SUMMARY, JSON.stringify(totals));
    console.log(`e2e total: ${line}`);
  } else {
    console.log(line);
  }
  process.exit(totals.failed > 0 ? 1 : 0);
}
