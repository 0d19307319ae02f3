// The CLI exits as soon as its output is flushed (server/src/cli.ts). Outputs far larger than a pipe
// holds (64 KB on Linux) must still arrive whole, on both streams, with the right exit code, whether
// the reader takes them at once or the writer has to wait.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli as runInProcess } from '../../server/src/cli/run';
import { nodeFs } from '../../server/src/node/nodeFs';
// @ts-expect-error: a plain .mjs script without types
import { writeSyntheticProject } from '../bench/synthetic.mjs';
import { assertBuilt, CLI, runCli } from './harness';

let dir = '';
before(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'alembic-cli-flush-'));
  writeSyntheticProject(dir, 3000);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const expected = (argv: string[]) => runInProcess({ argv, cwd: dir, env: {}, fs: nodeFs, prog: 'alembic-vscode', version: 'x' });

test('a large answer arrives whole through a pipe, with its exit code', () => {
  for (const argv of [['history', '--verbose'], ['graph', '--json']]) {
    const want = expected(argv);
    assert.ok(want.stdout.length > 256 * 1024, `${argv.join(' ')} prints ${want.stdout.length} bytes`);
    const got = runCli(argv, dir);
    assert.equal(got.stdout, want.stdout, argv.join(' '));
    assert.equal(got.code, want.code, argv.join(' '));
  }
});

test('a reader that takes its time still gets every byte', async () => {
  const want = expected(['history', '--verbose']).stdout;
  const child = spawn(process.execPath, [CLI, 'history', '--verbose'], { cwd: dir });
  // Read nothing until the CLI has filled the pipe and must wait for room (its stdout has more to
  // write than the pipe holds, so it cannot have exited yet), then everything.
  child.stdout.pause();
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const filled = Date.now() + 30_000;
  while (child.stdout.readableLength < child.stdout.readableHighWaterMark && Date.now() < filled) await new Promise((resolve) => setTimeout(resolve, 20));
  const chunks: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => chunks.push(c));
  child.stdout.resume();
  const code = await closed;
  assert.equal(code, 0);
  assert.equal(Buffer.concat(chunks).toString('utf8'), want);
});
