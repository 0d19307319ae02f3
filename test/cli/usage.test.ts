// Usage errors, help, version and the exit-code contract: 2 for bad usage or unreadable config,
// one clean message, never a stack trace.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { assertBuilt, hasStackTrace, runCli } from './harness';
import { P1, writeProject, writeTree } from './projects';

describe('cli usage', () => {
  let root = '';
  let empty = '';
  before(() => {
    assertBuilt();
    root = writeProject(P1);
    empty = writeTree({ 'README.md': 'nothing here\n' });
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  const usageError = (args: string[], cwd: string, message: RegExp) => {
    const r = runCli(args, cwd);
    assert.equal(r.code, 2, `${args.join(' ')} -> ${r.code}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message);
    assert.equal(hasStackTrace(r.stderr), false, r.stderr);
  };

  test('no command', () => usageError([], root, /^usage: .*\n.*error: the following arguments are required: COMMAND/));
  test('unknown command', () => usageError(['upgrade'], root, /invalid choice: 'upgrade'/));
  test('unknown option', () => usageError(['heads', '--frobnicate'], root, /unrecognized arguments: --frobnicate/));
  test('missing option value', () => usageError(['history', '-r'], root, /argument -r\/--rev-range: expected one argument/));
  test('missing positional', () => usageError(['show'], root, /the following arguments are required: REV/));
  test('extra positional', () => usageError(['heads', 'extra'], root, /unrecognized arguments: extra/));
  test('flag given a value', () => usageError(['heads', '--verbose=yes'], root, /ignored explicit argument 'yes'/));
  test('-i needs --current', () => usageError(['history', '-i'], root, /--current/));
  test('current in a range needs --current', () => usageError(['history', '-r', 'current:'], root, /--current/));
  test('show current needs --current', () => usageError(['show', 'current'], root, /--current/));
  test('two ini files', () => usageError(['-c', 'a.ini', '-c', 'b.ini', 'heads'], root, /only one ini file may be indicated/));

  test('-h lists the commands; COMMAND -h shows its options and failure policy', () => {
    const top = runCli(['-h'], root);
    assert.equal(top.code, 0);
    for (const c of ['heads', 'history', 'branches', 'show', 'check', 'graph', 'resolve', 'plan']) {
      assert.match(top.stdout, new RegExp(`\\n  ${c} `));
    }
    assert.match(top.stdout, /exit status:/);
    const heads = runCli(['heads', '--help'], root);
    assert.equal(heads.code, 0);
    assert.match(heads.stdout, /^usage: alembic-vscode heads /);
    assert.match(heads.stdout, /--resolve-dependencies/);
    assert.match(heads.stdout, /FAILED:/);
    const plan = runCli(['plan', '-h'], root);
    assert.match(plan.stdout, /--purge/);
  });

  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = runCli(['--version'], root);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `alembic-vscode ${pkg.version}\n`);
  });

  test('options may follow the command, in argparse forms', () => {
    const a = runCli(['history', '--rev-range=:b2b2'], root);
    const b = runCli(['history', '-r:b2b2'], root);
    const c = runCli(['history', '--rev', ':b2b2'], root); // unique prefix, as argparse allows
    assert.equal(a.code, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    assert.equal(a.stdout, c.stdout);
    assert.equal(a.stdout.split('\n').length, 3);
  });
});
