// Finding the project: -c (ini and/or pyproject.toml), -n sections, $ALEMBIC_CONFIG, the current
// directory's defaults, and --version-location with no config at all. Unusable configs exit 2 with
// one message naming the file and the fix.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { assertBuilt, hasStackTrace, runCli } from './harness';
import { P1, P2, projectFiles, revisionFile, writeTree } from './projects';

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const d = writeTree(files);
  dirs.push(d);
  return d;
}

function configError(args: string[], cwd: string, message: RegExp, env: Record<string, string> = {}) {
  const r = runCli(args, cwd, env);
  assert.equal(r.code, 2, `${args.join(' ')} -> ${r.code}: ${r.stdout}${r.stderr}`);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, message);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.equal(hasStackTrace(r.stderr), false, r.stderr);
}

describe('cli config', () => {
  before(assertBuilt);
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('no config in the current directory', () => {
    const d = tree({ 'README.md': '\n' });
    configError(['heads'], d, /no alembic\.ini or pyproject\.toml in .*--version-location/);
  });

  test('-c naming a missing file', () => {
    const d = tree(projectFiles(P1));
    configError(['-c', 'nope.ini', 'heads'], d, /nope\.ini: no such file/);
  });

  test('-c naming a directory', () => {
    const d = tree(projectFiles(P1));
    configError(['-c', 'migrations', 'heads'], d, /migrations is a directory/);
  });

  test('an ini without the section, or without script_location', () => {
    const d = tree({ ...projectFiles(P1), 'alembic.ini': '[other]\nscript_location = migrations\n', 'x.ini': '[alembic]\nfoo = 1\n' });
    configError(['heads'], d, /has no '\[alembic\]' section.*-n/);
    configError(['-c', 'x.ini', 'heads'], d, /No 'script_location' key found/);
  });

  test('-n picks another section of the same ini', () => {
    const d = tree({
      ...projectFiles(P1),
      ...Object.fromEntries(Object.entries(projectFiles(P2)).map(([k, v]) => [k.replace('migrations', 'plugins'), v])),
      'alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n\n[plugins]\nscript_location = %(here)s/plugins\n',
    });
    assert.equal(runCli(['heads'], d).stdout, 'f6f6f6f6f6f6 (head)\n');
    const r = runCli(['-n', 'plugins', 'heads'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'c3000000 (core) (effective head)\np3000000 (plugin) (head)\n');
    configError(['--name', 'nosuch', 'heads'], d, /'\[nosuch\]'/);
  });

  test('-c from another directory; -c twice (an ini plus a pyproject.toml)', () => {
    const d = tree({
      ...Object.fromEntries(Object.entries(projectFiles(P1)).map(([k, v]) => [`proj/${k}`, v])),
      'proj/alembic.ini': '[alembic]\nsqlalchemy.url = sqlite://\n',
      'proj/pyproject.toml': '[tool.alembic]\nscript_location = "%(here)s/migrations"\n',
    });
    const r = runCli(['-c', 'proj/alembic.ini', '-c', 'proj/pyproject.toml', 'heads'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'f6f6f6f6f6f6 (head)\n');
    const twice = runCli(['-c', 'proj/pyproject.toml', '-c', 'proj/pyproject.toml', 'heads'], d);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /error: pyproject\.toml indicated more than once/);
  });

  test('a pyproject.toml-only project in the current directory', () => {
    const files = projectFiles(P1);
    delete files['alembic.ini'];
    const d = tree({ ...files, 'pyproject.toml': '[tool.alembic]\nscript_location = "%(here)s/migrations"\n' });
    const r = runCli(['history', '-r', ':b2b2'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'a1a1a1a1a1a1 -> b2b2b2b2b2b2 (branchpoint), add email\n<base> -> a1a1a1a1a1a1, create users\n');
  });

  test('$ALEMBIC_CONFIG names the ini when -c is absent', () => {
    const d = tree({ ...projectFiles(P1), 'alembic.ini': '[alembic]\n', 'other.ini': '[alembic]\nscript_location = %(here)s/migrations\n' });
    configError(['heads'], d, /No 'script_location' key found/);
    const r = runCli(['heads'], d, { ALEMBIC_CONFIG: 'other.ini' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'f6f6f6f6f6f6 (head)\n');
  });

  test('--version-location needs no config, may repeat, and excludes -c', () => {
    const d = tree({
      'a/a1_base.py': revisionFile({ id: 'a1000000', down: null, doc: 'base' }),
      'b/b1_next.py': revisionFile({ id: 'b1000000', down: 'a1000000', doc: 'next' }),
    });
    const r = runCli(['--version-location', 'a', '--version-location', 'b', 'history'], d);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'a1000000 -> b1000000 (head), next\n<base> -> a1000000, base\n');
    const only = runCli(['heads', '--version-location', `${d}/a`], '/');
    assert.equal(only.stdout, 'a1000000 (head)\n');
    const both = runCli(['-c', 'x.ini', '--version-location', 'a', 'heads'], d);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--version-location reads no config file/);
  });

  test('check lists config problems instead of stopping on them', () => {
    const d = tree({ ...projectFiles(P1), 'alembic.ini': '[alembic]\nsqlalchemy.url = x\n' });
    const r = runCli(['check'], d);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^alembic\.ini:1:1: error missing-script-location: /);
  });
});
