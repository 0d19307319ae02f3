// Whatever lies in a version directory, the CLI answers promptly with one problem per bad entry,
// naming the file and the reason, and never crashes or hangs: binary files, non-UTF-8 text, a
// 10 MB file, a symlink loop, a dangling link, a directory named x.py, a named pipe (reading one
// would block forever). An unreadable file cannot be made here (the tests run as root, and root
// reads everything), so that case is covered in memory by test/engine/scan.test.ts.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, hasStackTrace, runCli } from './harness';

interface JsonProblem {
  code: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}

describe('bad input in a version directory', () => {
  let root = '';
  let problems: JsonProblem[] = [];
  let elapsedMs = 0;

  before(() => {
    assertBuilt();
    root = mkdtempSync(join(tmpdir(), 'alembic-bad-input-'));
    const versions = join(root, 'migrations', 'versions');
    mkdirSync(versions, { recursive: true });
    writeFileSync(join(root, 'alembic.ini'), '[alembic]\nscript_location = %(here)s/migrations\n');
    writeFileSync(join(versions, 'a1_base.py'), "revision = 'a1'\ndown_revision = None\n");
    // Deterministic "random" bytes with NULs and invalid UTF-8.
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 2654435761) >>> 24;
    writeFileSync(join(versions, 'binary.py'), binary);
    writeFileSync(join(versions, 'latin.py'), Buffer.from("revision = 'l1'\ndown_revision = 'a1'\n\"\"\"caf\xe9\"\"\"\n", 'latin1'));
    const big = `"""${'x'.repeat(10 * 1024 * 1024)}"""\nrevision = 'big1'\ndown_revision = 'l1'\n`;
    writeFileSync(join(versions, 'big.py'), big);
    symlinkSync('loop.py', join(versions, 'loop.py'));
    symlinkSync('nowhere.py', join(versions, 'dangling.py'));
    mkdirSync(join(versions, 'folder.py'));
    const fifo = spawnSync('mkfifo', [join(versions, 'pipe.py')]);
    assert.equal(fifo.status, 0, 'mkfifo is needed for this test');

    const t0 = performance.now();
    const r = runCli(['check', '--json'], root);
    elapsedMs = performance.now() - t0;
    assert.equal(hasStackTrace(r.stderr), false, r.stderr);
    assert.equal(r.code, 1, `check exits 1 on errors; stderr: ${r.stderr}`);
    problems = (JSON.parse(r.stdout) as { problems: JsonProblem[] }).problems;
  });

  const expectProblem = (file: string, code: string, reason: RegExp) => {
    const found = problems.filter((p) => p.file.endsWith(file) && p.code === code);
    assert.equal(found.length, 1, `${code} on ${file}; got ${JSON.stringify(problems.map((p) => [p.file, p.code]))}`);
    assert.match(found[0].message, reason);
  };

  test('answers within a few seconds (a named pipe is not read)', () => {
    assert.ok(elapsedMs < 10_000, `took ${elapsedMs} ms`);
  });
  test('a binary file is one decode error, not a cascade', () => {
    expectProblem('binary.py', 'decode-error', /UTF-8/);
    assert.deepEqual(problems.filter((p) => p.file.endsWith('binary.py')).map((p) => p.code), ['decode-error']);
  });
  test('non-UTF-8 text names the line and the fix', () => {
    expectProblem('latin.py', 'decode-error', /coding/);
    assert.equal(problems.find((p) => p.file.endsWith('latin.py') && p.code === 'decode-error')?.line, 3);
  });
  test('a 10 MB file is read and indexed', () => {
    assert.equal(problems.filter((p) => p.file.endsWith('big.py')).length, 0);
  });
  test('a symlink loop, a dangling link, a directory named x.py and a pipe are each reported', () => {
    expectProblem('loop.py', 'symlink-loop', /points back to itself/);
    expectProblem('dangling.py', 'not-a-file', /not a regular file/);
    expectProblem('folder.py', 'not-a-file', /directory/);
    expectProblem('pipe.py', 'not-a-file', /named pipe/);
  });
});
