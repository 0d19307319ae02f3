// loadProjectConfig: alembic.ini + pyproject [tool.alembic], the way Alembic reads them. In-memory
// tables first; the last suite compares the version-location splitting and the separator error with
// real Alembic 1.8.1 (/usr/bin/python3) in throwaway directories.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memFs } from '../helpers/memfs';
import { CONFIG_PROBLEM_CODES, configFromVersionLocations, loadProjectConfig, type LoadConfigOptions } from '../../server/src/engine/config/config';
import { createNodeFs } from '../../server/src/node/nodeFs';
import { basenamePath, dirnamePath, isAbsolutePath, joinPath, normalizePath, relativePath, resolvePath } from '../../server/src/engine/paths';

const INI = '/p/alembic.ini';
const TOML = '/p/pyproject.toml';
const DIRS = ['/p/migrations/versions'];

function load(files: Record<string, string>, opts: Partial<LoadConfigOptions> = {}, dirs: string[] = DIRS) {
  const fs = memFs(files, { dirs });
  return loadProjectConfig(fs, { iniFile: INI in files ? INI : null, pyprojectFile: TOML in files ? TOML : null, cwd: '/p', ...opts });
}

const codes = (c: { problems: { code: string }[] }) => c.problems.map((p) => p.code);

describe('loadProjectConfig: alembic.ini basics', () => {
  test('defaults', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = %(here)s/migrations\n' });
    assert.deepEqual(codes(c), []);
    assert.equal(c.id, '/p/alembic.ini#alembic');
    assert.equal(c.kind, 'ini');
    assert.equal(c.root, '/p');
    assert.equal(c.scriptLocation, '/p/migrations');
    assert.deepEqual(c.versionLocations, ['/p/migrations/versions']);
    assert.equal(c.fileTemplate, '%(rev)s_%(slug)s');
    assert.equal(c.truncateSlugLength, 40);
    assert.equal(c.recursiveVersionLocations, false);
    assert.equal(c.sourceless, false);
    assert.equal(c.timezone, null);
    assert.equal(c.sqlalchemyUrl, null);
    assert.deepEqual(c.origins!.script_location, { file: INI, span: { start: { line: 1, character: 18 }, end: { line: 1, character: 37 } } });
  });

  test('a relative script_location is relative to the working directory, not to the ini', () => {
    const c = load({ '/p/conf/alembic.ini': '[alembic]\nscript_location = migrations\n' }, { iniFile: '/p/conf/alembic.ini' });
    assert.equal(c.scriptLocation, '/p/migrations');
    assert.deepEqual(codes(c), []);
  });

  test('an inline comment is part of the value (Path doesn\'t exist, as Alembic says)', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = migrations # where the scripts are\n' });
    assert.deepEqual(codes(c), ['script-location-not-found']);
    assert.match(c.problems[0].message, /Path doesn't exist: '\/p\/migrations # where the scripts are'\.  Please use the 'init' command to create a new scripts folder\./);
    assert.equal(c.problems[0].span.start.line, 1);
  });

  test('missing script_location', () => {
    const c = load({ [INI]: '# conf\n[alembic]\nsqlalchemy.url = sqlite://\n' });
    assert.deepEqual(codes(c), ['missing-script-location']);
    assert.match(c.problems[0].message, /No 'script_location' key found in configuration\. Fix: add script_location/);
    assert.equal(c.problems[0].span.start.line, 1);
    assert.deepEqual(c.versionLocations, []);
  });

  test('missing section (1.8.1 message), with the existing sections named', () => {
    const c = load({ [INI]: '[dev]\nscript_location = migrations\n' });
    assert.deepEqual(codes(c), ['missing-config-section']);
    assert.match(c.problems[0].message, /^No config file '\/p\/alembic\.ini' found, or file has no '\[alembic\]' section\. Fix: use -n with one of the sections \(dev\)/);
  });

  test('-n picks another section; DEFAULT keys are seen by it', () => {
    const c = load({ [INI]: '[DEFAULT]\nscript_location = %(here)s/migrations\n[alembic]\n[dev]\nsqlalchemy.url = sqlite:///%(here)s/dev.db\n' }, { section: 'dev' });
    assert.deepEqual(codes(c), []);
    assert.equal(c.id, '/p/alembic.ini#dev');
    assert.equal(c.scriptLocation, '/p/migrations');
    assert.equal(c.sqlalchemyUrl, 'sqlite:////p/dev.db');
  });

  test('a missing ini file reads as empty (configparser ignores it)', () => {
    const fs = memFs({}, { dirs: DIRS });
    const c = loadProjectConfig(fs, { iniFile: INI, cwd: '/p' });
    assert.deepEqual(codes(c), ['missing-config-section']);
  });
});

describe('loadProjectConfig: option values', () => {
  const cases: [string, string, (c: ReturnType<typeof load>) => void, string[]][] = [
    ['truncate_slug_length = 0 means 40', 'truncate_slug_length = 0', (c) => assert.equal(c.truncateSlugLength, 40), []],
    ['truncate_slug_length with spaces and _ (Python int())', 'truncate_slug_length = 1_2', (c) => assert.equal(c.truncateSlugLength, 12), []],
    ['truncate_slug_length not a number', 'truncate_slug_length = abc', (c) => assert.equal(c.truncateSlugLength, 40), ['invalid-truncate-slug-length']],
    ['sourceless = true', 'sourceless = true', (c) => assert.equal(c.sourceless, true), []],
    ['sourceless = True is false', 'sourceless = True', (c) => assert.equal(c.sourceless, false), ['inexact-boolean']],
    ['recursive_version_locations = true', 'recursive_version_locations = true', (c) => assert.equal(c.recursiveVersionLocations, true), []],
    ['recursive_version_locations = false', 'recursive_version_locations = false', (c) => assert.equal(c.recursiveVersionLocations, false), []],
    ['file_template %% escapes', 'file_template = %%(year)d_%%(rev)s_%%(slug)s', (c) => assert.equal(c.fileTemplate, '%(year)d_%(rev)s_%(slug)s'), []],
    ['file_template unescaped fails every command: an error', 'file_template = %(rev)s_%(slug)s', (c) => assert.equal(c.problems[0].severity, 'error'), ['ini-interpolation-error']],
    ['timezone', 'timezone = Europe/Paris', (c) => assert.equal(c.timezone, 'Europe/Paris'), []],
    ['sqlalchemy.url', 'sqlalchemy.url = postgresql://u:p@h/db', (c) => assert.equal(c.sqlalchemyUrl, 'postgresql://u:p@h/db'), []],
    ['a lone % in a key only env.py reads is a warning', 'post = 100%', (c) => assert.equal(c.problems[0].severity, 'warning'), ['ini-interpolation-error']],
    ['... and so is one in sqlalchemy.url', 'sqlalchemy.url = postgresql://u:p%w@h/db', (c) => assert.equal(c.problems[0].severity, 'warning'), ['ini-interpolation-error']],
  ];
  for (const [name, line, check, expected] of cases) {
    test(name, () => {
      const c = load({ [INI]: `[alembic]\nscript_location = migrations\n${line}\n` });
      assert.deepEqual(codes(c), expected);
      check(c);
      for (const p of c.problems) {
        assert.equal(p.span.start.line, 2);
        assert.match(p.message, /\/p\/alembic\.ini/);
        assert.match(p.message, /Fix:/);
      }
    });
  }

  test('logging sections are not interpolated (Alembic never reads them with interpolation)', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = migrations\n[formatter_generic]\nformat = %(levelname)-5.5s %(message)s\n' });
    assert.deepEqual(codes(c), []);
  });

  test('a bad value in [post_write_hooks] is reported', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = migrations\n[post_write_hooks]\nhooks = black\nblack.options = -l 79 50%\n' });
    assert.deepEqual(codes(c), ['ini-interpolation-error']);
    assert.equal(c.problems[0].span.start.line, 4);
  });
});

// [separator lines, version_locations value, expected locations, expected problem codes]
const SPLITS: [string, string, string[], string[]][] = [
  ['', 'a, b  c', ['/p/a', '/p/b', '/p/c'], ['legacy-path-splitting']],
  ['', 'a ,b', ['/p/a', '/p', '/p/b'], ['legacy-path-splitting', 'empty-version-location']],
  ['version_path_separator = :', '::a::b', ['/p/a', '/p/b'], ['deprecated-version-path-separator']],
  ['version_path_separator = ;', 'a b;c', ['/p/a b', '/p/c'], ['deprecated-version-path-separator']],
  ['version_path_separator = space', 'a  b', ['/p/a', '/p/b'], ['deprecated-version-path-separator']],
  ['version_path_separator = os', 'a:b;c', ['/p/a', '/p/b;c'], ['deprecated-version-path-separator']],
  // Newer than 1.8.1 (documented rule, not checkable with 1.8.1): path_separator, newline, stripping.
  ['path_separator = os', 'a : b', ['/p/a', '/p/b'], []],
  ['path_separator = newline', '%(here)s/a\n  %(here)s/b', ['/p/a', '/p/b'], []],
  ['path_separator = :\nversion_path_separator = bogus', 'a:b', ['/p/a', '/p/b'], []],
  ['path_separator = :', 'a: :b', ['/p/a', '/p', '/p/b'], ['empty-version-location']],
];

describe('version_locations splitting', () => {
  for (const [sep, value, expected, expectedCodes] of SPLITS) {
    test(`${JSON.stringify(sep)} ${JSON.stringify(value)}`, () => {
      const c = load({ [INI]: `[alembic]\nscript_location = migrations\n${sep}\nversion_locations = ${value}\n` });
      assert.deepEqual(c.versionLocations, expected);
      assert.deepEqual(codes(c), expectedCodes);
    });
  }

  test("path_separator = os on Windows is ';'", () => {
    const c = load({ [INI]: '[alembic]\nscript_location = migrations\npath_separator = os\nversion_locations = x;y:z\n' }, { osPathSep: ';' });
    // `y:z` is relative and has a colon: a package resource for Alembic too (package y not found).
    assert.deepEqual(c.versionLocations, ['/p/x', '/p/y/z']);
    assert.deepEqual(codes(c), ['unresolved-package-resource']);
  });

  test('the 1.8.1 template gotcha: an inline comment after version_path_separator', () => {
    const ini = '[alembic]\nscript_location = migrations\nversion_path_separator = os  # Use os.pathsep. Default configuration used for new projects.\nversion_locations = %(here)s/a:%(here)s/b\n';
    const c = load({ [INI]: ini });
    assert.deepEqual(codes(c), ['invalid-path-separator']);
    const p = c.problems[0];
    assert.equal(p.severity, 'error');
    assert.deepEqual(p.span, { start: { line: 2, character: 25 }, end: { line: 2, character: 91 } });
    assert.equal(p.message,
      "/p/alembic.ini line 3: ValueError: 'os  # Use os.pathsep. Default configuration used for new projects.' is not a valid value for version_path_separator; expected 'space', 'newline', 'os', ':', ';'. " +
      'Inline comments are not stripped in .ini files, so the comment became part of the value. Fix: move the comment to its own line and write version_path_separator = os.');
  });

  test('the gotcha without version_locations is a warning: Alembic fails only once version_locations is set', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = migrations\nversion_path_separator = os  # Use os.pathsep.\n' });
    assert.deepEqual(codes(c), ['invalid-path-separator']);
    assert.equal(c.problems[0].severity, 'warning');
    assert.deepEqual(c.versionLocations, ['/p/migrations/versions']);
  });

  test('an invalid path_separator used by prepend_sys_path is reported once', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = migrations\nprepend_sys_path = .\npath_separator = |\n' });
    assert.deepEqual(codes(c), ['invalid-path-separator']);
    assert.equal(c.problems[0].severity, 'error');
  });
});

describe('package resources (package:path)', () => {
  const files = { '/p/src/myapp/__init__.py': '', '/p/src/myapp/migrations/env.py': '', '/p/other/__init__.py': '' };
  test('found through prepend_sys_path', () => {
    const c = load({ ...files, [INI]: '[alembic]\nscript_location = myapp:migrations\nprepend_sys_path = src\npath_separator = os\n' });
    assert.equal(c.scriptLocation, '/p/src/myapp/migrations');
    assert.deepEqual(codes(c), []);
  });
  test('dotted package, found under the working directory', () => {
    const c = load({ '/p/pkg/sub/db/migrations/env.py': '', [INI]: '[alembic]\nscript_location = pkg.sub:db/migrations\n' });
    assert.equal(c.scriptLocation, '/p/pkg/sub/db/migrations');
  });
  test('not found: a warning, and a best guess', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = nowhere:migrations\n' });
    assert.deepEqual(codes(c), ['unresolved-package-resource']);
    assert.equal(c.scriptLocation, '/p/nowhere/migrations');
  });
  test('a Windows absolute path is not a resource', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = C:\\app\\migrations\n' });
    assert.equal(c.scriptLocation, 'C:/app/migrations');
    assert.deepEqual(codes(c), ['script-location-not-found']);
  });
});

// pyproject [tool.alembic] is Alembic >= 1.16 (newer than 1.8.1): these follow the documented rule.
describe('pyproject.toml [tool.alembic]', () => {
  test('a pyproject-only project', () => {
    const c = load({ [TOML]: '[project]\nname = "x"\n\n[tool.alembic]\nscript_location = "%(here)s/migrations"\nversion_locations = ["%(here)s/a", "%(here)s/b"]\nsourceless = true\ntruncate_slug_length = 20\nfile_template = "%%(rev)s"\n' });
    assert.deepEqual(codes(c), []);
    assert.equal(c.id, '/p/pyproject.toml#tool.alembic');
    assert.equal(c.kind, 'pyproject');
    assert.equal(c.scriptLocation, '/p/migrations');
    assert.deepEqual(c.versionLocations, ['/p/a', '/p/b']);
    assert.equal(c.sourceless, true);
    assert.equal(c.truncateSlugLength, 20);
    assert.equal(c.fileTemplate, '%(rev)s');
    assert.equal(c.origins!.script_location.span.start.line, 4);
  });

  test('ini wins key by key', () => {
    const c = load({
      [INI]: '[alembic]\nfile_template = ini_%%(rev)s\nsqlalchemy.url = sqlite://\n',
      [TOML]: '[tool.alembic]\nscript_location = "%(here)s/migrations"\nfile_template = "toml_%%(rev)s"\ntimezone = "UTC"\n',
    });
    assert.deepEqual(codes(c), []);
    assert.equal(c.id, '/p/alembic.ini#alembic');
    assert.equal(c.kind, 'pyproject');
    assert.equal(c.scriptLocation, '/p/migrations');
    assert.equal(c.fileTemplate, 'ini_%(rev)s');
    assert.equal(c.timezone, 'UTC');
    assert.equal(c.sqlalchemyUrl, 'sqlite://');
  });

  test('an empty ini version_locations falls back to the toml list', () => {
    const c = load({ [INI]: '[alembic]\nscript_location = migrations\nversion_locations =\n', [TOML]: '[tool.alembic]\nversion_locations = ["v1"]\n' });
    assert.deepEqual(c.versionLocations, ['/p/v1']);
  });

  const bad: [string, string, string][] = [
    ['sourceless = "true"', 'toml-invalid-value', "boolean value expected for TOML parameter 'sourceless'"],
    ['file_template = "50%"', 'toml-invalid-value', 'incomplete format'],
    ['file_template = "%(rev)s"', 'toml-invalid-value', "KeyError: 'rev'"],
    ['timezone = 1.5', 'toml-invalid-value', "unsupported TOML value type for key: 'timezone'"],
    ['script_location = "m"\nbroken = ', 'toml-syntax-error', 'line 3'],
    ['<<<<<<< HEAD', 'toml-syntax-error', 'This line is a merge conflict marker. Fix: resolve the merge conflict'],
  ];
  for (const [line, code, text] of bad) {
    test(`${code}: ${line}`, () => {
      const c = load({ [TOML]: `[tool.alembic]\nscript_location = "%(here)s/migrations"\n${line}\n`.replace('script_location = "%(here)s/migrations"\nscript_location', 'script_location') });
      assert.ok(codes(c).includes(code), codes(c).join());
      const p = c.problems.find((x) => x.code === code)!;
      assert.ok(p.message.includes(text), p.message);
      assert.equal(p.span.start.line, 2);
    });
  }
});

describe('configs without files', () => {
  test('configFromVersionLocations', () => {
    const c = configFromVersionLocations(['migrations/versions', '/abs/more'], '/p');
    assert.equal(c.kind, 'configless');
    assert.deepEqual(c.versionLocations, ['/p/migrations/versions', '/abs/more']);
    assert.equal(c.scriptLocation, '/p/migrations');
    assert.equal(c.id, '/p/migrations');
    assert.deepEqual(c.problems, []);
  });

  test('a script_location set in code (Flask-Migrate) with the ini for the other options', () => {
    const fs = memFs({ '/app/migrations/alembic.ini': '[alembic]\nfile_template = %%(rev)s_x\n' }, { dirs: ['/app/migrations/versions'] });
    const c = loadProjectConfig(fs, { iniFile: '/app/migrations/alembic.ini', cwd: '/app', scriptLocation: '/app/migrations' });
    assert.equal(c.kind, 'configless');
    assert.equal(c.id, '/app/migrations');
    assert.equal(c.fileTemplate, '%(rev)s_x');
    assert.deepEqual(c.versionLocations, ['/app/migrations/versions']);
    assert.deepEqual(codes(c), []);
  });
});

test('CONFIG_PROBLEM_CODES lists every code produced here, in kebab-case', () => {
  for (const [code, info] of Object.entries(CONFIG_PROBLEM_CODES)) {
    assert.match(code, /^[a-z]+(-[a-z]+)*$/);
    assert.ok(info.description.length > 10);
  }
  assert.ok('invalid-path-separator' in CONFIG_PROBLEM_CODES);
});

describe('paths (posixpath rules)', () => {
  test('table', () => {
    assert.equal(joinPath('/p', 'a', '../b', './c/'), '/p/b/c');
    assert.equal(joinPath('/p', '/abs', 'x'), '/abs/x');
    assert.equal(joinPath('/p', ''), '/p');
    assert.equal(resolvePath('/p', ''), '/p'); // os.path.abspath('') is the CWD
    assert.equal(resolvePath('/p', 'C:\\x\\y'), 'C:/x/y');
    assert.equal(normalizePath('/a//b/../../..'), '/');
    assert.equal(normalizePath('a/../../b'), '../b');
    assert.equal(dirnamePath('/a/b'), '/a');
    assert.equal(dirnamePath('/a'), '/');
    assert.equal(basenamePath('/a/b.py'), 'b.py');
    assert.equal(relativePath('/a/b', '/a/c/d'), '../c/d');
    assert.equal(relativePath('/a', '/a'), '.');
    assert.ok(isAbsolutePath('/x') && isAbsolutePath('c:/x') && !isAbsolutePath('pkg:x'));
  });
});

const PYTHON = '/usr/bin/python3';
const HARNESS = `
import sys, os
from alembic.config import Config
from alembic.script import ScriptDirectory
os.chdir(sys.argv[1])
try:
    sd = ScriptDirectory.from_config(Config('alembic.ini'))
    print('\\n'.join(sd._version_locations))
except Exception as e:
    print('ERR ' + type(e).__name__ + ': ' + str(e))
`;

describe('against Alembic 1.8.1', { skip: !existsSync(PYTHON) && 'no /usr/bin/python3' }, () => {
  const cases = SPLITS.filter(([sep]) => !sep.includes('path_separator =') || sep.startsWith('version_path_separator'))
    .filter(([sep]) => !sep.includes('newline'));
  for (const [sep, value] of cases) {
    test(`splitting ${JSON.stringify(sep)} ${JSON.stringify(value)}`, () => runBoth(`[alembic]\nscript_location = migrations\n${sep}\nversion_locations = ${value}\n`));
  }
  test('the version_path_separator gotcha', () =>
    runBoth('[alembic]\nscript_location = migrations\nversion_path_separator = os  # Use os.pathsep. Default configuration used for new projects.\nversion_locations = %(here)s/a:%(here)s/b\n'));
  test('truncate_slug_length = abc', () => runBoth('[alembic]\nscript_location = migrations\ntruncate_slug_length = abc\n'));
  test('missing script_location', () => runBoth('[alembic]\nsqlalchemy.url = x\n'));

  function runBoth(ini: string) {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'alembic-config-')));
    try {
      mkdirSync(join(dir, 'migrations', 'versions'), { recursive: true });
      writeFileSync(join(dir, 'alembic.ini'), ini);
      const py = spawnSync(PYTHON, ['-c', HARNESS, dir], { encoding: 'utf8' });
      assert.equal(py.status, 0, py.stderr);
      const out = py.stdout.trimEnd();
      const c = loadProjectConfig(createNodeFs(), { iniFile: join(dir, 'alembic.ini'), cwd: dir });
      const errors = c.problems.filter((p) => p.severity === 'error');
      if (out.startsWith('ERR ')) {
        // Alembic's text is inside our message; main added 'newline' to the list of separators.
        const alembicText = out.replace(/^ERR (ValueError|CommandError): /, '');
        assert.ok(errors.some((p) => p.message.replace("'newline', ", '').includes(alembicText)), `${alembicText}\n${errors.map((p) => p.message).join('\n')}`);
      } else {
        assert.deepEqual(errors, []);
        assert.deepEqual(c.versionLocations, out.split('\n'));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
