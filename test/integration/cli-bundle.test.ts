// The built CLI (server/out/cli.js, `npm run build`) answers exactly like the sources the integration
// comparison runs in process: same stdout, same exit code, for a few commands on every fixture.
// So engine-vs-alembic's verdicts hold for the shipped artifact too.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { CLI_BUNDLE } from './backend';
import { bundleRunner, configArgs, inProcessRunner } from './cliBackend';
import type { CliRun } from './cliBackend';
import { listFixtures } from './fixtures';

const missing = existsSync(CLI_BUNDLE) ? undefined : `${CLI_BUNDLE} not built (npm run build)`;
if (missing && process.env.CI === 'true') throw new Error(`the CLI bundle is needed on CI: ${missing}`);

// Two questions per fixture: each bundle run is a process (~0.1 s), and these two reach every engine stage.
const QUESTIONS = [['graph', '--json'], ['plan', 'upgrade', '--json', 'heads']];

describe('CLI bundle answers like the sources', { skip: missing }, () => {
  for (const fx of listFixtures()) {
    test(fx.name, async () => {
      const inProcess = await inProcessRunner();
      assert.ok(inProcess, 'server/src/cli/run.ts has no runCli');
      const bundle = bundleRunner();
      for (const q of QUESTIONS) {
        const argv = [...configArgs(fx), ...q];
        const [a, b]: CliRun[] = await Promise.all([bundle(argv, fx.dir), inProcess(argv, fx.dir)]);
        assert.deepEqual({ stdout: a.stdout, code: a.code }, { stdout: b.stdout, code: b.code }, `${argv.join(' ')}: the bundle (actual) differs from the sources (expected); stale? npm run build`);
      }
    });
  }
});
