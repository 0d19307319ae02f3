// Runs every test file under test/ (except fixtures, benchmarks and the end-to-end suites) with
// Node's test runner, TypeScript loaded through tsx, then the end-to-end suites in a real VS Code
// (test/e2e/run.mjs). Prints the spec report and, last, one plain line `N passed, N failed[, N skipped]`
// counting both.
// Usage: node test/run.mjs                 node tests, then the e2e suites
//        node test/run.mjs <substring ...>  only the node test files whose path contains one
//        node test/run.mjs e2e [kind ...]   only the e2e suites (kinds: see test/e2e/run.mjs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// e2e: mocha suites for the VS Code extension host, run by test/e2e/run.mjs.
const skipDirs = new Set(['fixtures', 'bench', 'node_modules', 'e2e']);

function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) collect(full, out);
    } else if (entry.name.endsWith('.test.ts')) {
      out.push(relative(root, full));
    }
  }
  return out;
}

const args = process.argv.slice(2);
const e2eOnly = args[0] === 'e2e';
const filters = e2eOnly ? [] : args;
const scratch = mkdtempSync(join(tmpdir(), 'alembic-test-run-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

if (!e2eOnly) {
  const files = collect(join(root, 'test'), [])
    .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
    .sort();
  if (files.length === 0) {
    console.error('no test files matched');
    process.exit(2);
  }
  // The summary reporter writes its line to a file, so that the node and e2e counts end in one line.
  const summaryFile = join(scratch, 'node-summary.txt');
  const result = spawnSync(
    process.execPath,
    [
      '--import', 'tsx',
      '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=./test/summary-reporter.mjs', `--test-reporter-destination=${summaryFile}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const counts = existsSync(summaryFile) ? parseSummary(readFileSync(summaryFile, 'utf8')) : null;
  if (counts) {
    console.log(`node tests: ${line(counts)}`);
    add(counts);
  } else {
    console.log(`node tests: no summary (exit ${result.status ?? result.signal})`);
    totals.failed++;
  }
  if (result.status !== 0) exitCode = 1;
}

if (e2eOnly || filters.length === 0) {
  const summaryFile = join(scratch, 'e2e-summary.json');
  const result = spawnSync(process.execPath, [join(root, 'test/e2e/run.mjs'), ...(e2eOnly ? args.slice(1) : [])], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ALEMBIC_E2E_SUMMARY: summaryFile },
  });
  if (existsSync(summaryFile)) add(JSON.parse(readFileSync(summaryFile, 'utf8')));
  else totals.failed++;
  if (result.status !== 0) exitCode = 1;
}

rmSync(scratch, { recursive: true, force: true });
if (totals.failed > 0) exitCode = 1;
console.log(line(totals));
process.exit(exitCode);

function parseSummary(text) {
  const m = /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(text);
  return m ? { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) } : null;
}

function add(c) {
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
}

function line(c) {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}
