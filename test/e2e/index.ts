// The extensionTestsPath module (same contract under code-server and @vscode/test-electron): runs
// this workspace kind's mocha suites in the extension host, prints `e2e <kind>: N passed, N failed`
// and writes the counts to the runner's results file. A rejected promise = a non-zero exit code.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import { e2eContext } from './context';

export function run(): Promise<void> {
  const ctx = e2eContext();
  // Generous per-test limit: a test waits on events with its own, shorter deadlines.
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000, reporter: 'spec' });
  for (const suite of ctx.suites) mocha.addFile(join(__dirname, `${suite}.test.js`));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const s = runner.stats ?? { passes: 0, failures, pending: 0 };
      const counts = { passed: s.passes, failed: s.failures, skipped: s.pending };
      console.log(`e2e ${ctx.kind}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
      if (ctx.resultsFile) writeFileSync(ctx.resultsFile, JSON.stringify(counts));
      if (failures > 0) reject(new Error(`${failures} end-to-end test(s) failed in the ${ctx.kind} workspace.`));
      else resolve();
    });
  });
}
