// scanVersionLocations: which files Alembic loads, in its load order (newest Alembic rule: sorted by
// code point; 1.8.1 used os.listdir order, so the live check below patches os.listdir to sorted()).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memFs, type MemFsOptions } from '../helpers/memfs';
import { configFromVersionLocations, loadProjectConfig } from '../../server/src/engine/config/config';
import { scanVersionLocations } from '../../server/src/engine/config/scan';
import type { ProjectConfig } from '../../server/src/engine/types';
import { sortedPython } from '../../server/src/engine/py-order';
import { prng } from '../helpers/prng';

const V = '/p/migrations/versions';

function scan(files: Record<string, string>, over: Partial<ProjectConfig> = {}, options: MemFsOptions = {}, locations = [V]) {
  const fs = memFs(files, { dirs: [V], ...options });
  const config = { ...configFromVersionLocations(locations, '/p'), ...over };
  return scanVersionLocations(fs, config);
}
const rels = (r: ReturnType<typeof scan>) => r.files.map((f) => f.relPath);
const codes = (r: ReturnType<typeof scan>) => r.problems.map((p) => p.code);

// [file name, loaded?] (semantics §1.2 table, verified with Alembic)
const NAMES: [string, boolean][] = [
  ['abc_add_x.py', true],
  ['_private.py', true],
  ['.hidden.py', true],
  ['.#abc.py', false],
  ['__init__.py', false],
  ['__init__x.py', false],
  ['x.py.txt', false],
  ['x.pyi', false],
  ['x.py~', false],
  ['README', false],
  ['2.py', true],
];

describe('which names count', () => {
  for (const [name, loaded] of NAMES) {
    test(`${name} ${loaded ? 'loads' : 'does not load'}`, () => {
      const r = scan({ [`${V}/${name}`]: 'x' });
      assert.deepEqual(rels(r), loaded ? [name] : []);
      assert.deepEqual(r.problems, []);
    });
  }
});

describe('load order', () => {
  test('by code point, not UTF-16 (astral characters sort after U+FF5E)', () => {
    const names = ['a\u{1F600}.py', 'a\uFF5E.py', 'B.py', 'a.py', '_x.py', 'é.py'];
    const r = scan(Object.fromEntries(names.map((n) => [`${V}/${n}`, ''])));
    assert.deepEqual(rels(r), ['B.py', '_x.py', 'a.py', 'a\uFF5E.py', 'a\u{1F600}.py', 'é.py']);
  });

  test('names without astral characters (sorted natively) come out in code point order too', () => {
    // Seeded pseudo-random names over ASCII, Latin-1 and the U+E000..U+FFFF range (where UTF-16 and
    // code point order would part if a surrogate came in).
    const random = prng(7);
    const next = () => Math.floor(random() * 2 ** 31);
    const alphabet = ['a', 'B', '_', '0', '.', '-', 'é', '\uE000', '\uFF5E', '\uFFFD', 'z'];
    const names = new Set<string>();
    while (names.size < 300) {
      let n = '';
      for (let k = 1 + (next() % 6); k > 0; k--) n += alphabet[next() % alphabet.length];
      names.add(n + '.py');
    }
    const r = scan(Object.fromEntries([...names].map((n) => [`${V}/${n}`, ''])));
    assert.deepEqual(rels(r), sortedPython([...names].filter((n) => !n.startsWith('.#'))));
  });

  test('paths under a directory written with a trailing slash or dots are normalised', () => {
    const fs = memFs({ [`${V}/1.py`]: '' }, { dirs: [V] });
    for (const location of [`${V}/`, `/p/migrations/./versions`, `/p/x/../migrations/versions`]) {
      const config = { ...configFromVersionLocations([location], '/p') };
      assert.deepEqual(scanVersionLocations(fs, config).files.map((f) => f.path), [`${V}/1.py`], location);
    }
  });

  test('locations in configured order; the default versions dir is not added', () => {
    const r = scan({ '/p/b/2.py': '', '/p/a/1.py': '', [`${V}/0.py`]: '' }, {}, {}, ['/p/b', '/p/a']);
    assert.deepEqual(r.files.map((f) => f.path), ['/p/b/2.py', '/p/a/1.py']);
    assert.deepEqual(r.files.map((f) => f.location), ['/p/b', '/p/a']);
  });

  const tree = {
    [`${V}/b.py`]: '',
    [`${V}/a/z.py`]: '',
    [`${V}/a/deep/y.py`]: '',
    [`${V}/.hidden/h.py`]: '',
    [`${V}/__pycache__/c.py`]: '',
    [`${V}/x__pycache__/c.py`]: '',
    [`${V}/c/a.py`]: '',
  };
  test('no recursion unless recursive_version_locations', () => {
    assert.deepEqual(rels(scan(tree)), ['b.py']);
  });
  test('recursion: files first, then subdirectories top-down in sorted order; *__pycache__ skipped, hidden dirs kept', () => {
    assert.deepEqual(rels(scan(tree, { recursiveVersionLocations: true })), ['b.py', '.hidden/h.py', 'a/z.py', 'a/deep/y.py', 'c/a.py']);
  });
});

describe('locations that are missing or odd', () => {
  test('missing locations are skipped silently when another exists', () => {
    const r = scan({ '/p/a/1.py': '' }, {}, {}, ['/p/missing', '/p/a']);
    assert.deepEqual(rels(r), ['1.py']);
    assert.deepEqual(r.problems, []);
  });

  test('no location at all: one warning, at the config key when known', () => {
    const fs = memFs({ '/p/alembic.ini': '[alembic]\nscript_location = m\nversion_locations = %(here)s/x\n', '/p/m/env.py': '' });
    const config = loadProjectConfig(fs, { iniFile: '/p/alembic.ini', cwd: '/p' });
    const r = scanVersionLocations(fs, config);
    assert.deepEqual(r.problems.map((p) => [p.code, p.severity, p.file, p.span.start.line]), [['no-version-location', 'warning', '/p/alembic.ini', 2]]);
    assert.match(r.problems[0].message, /\/p\/x/);
  });

  test('a location that is a file', () => {
    assert.deepEqual(codes(scan({ '/p/f': '' }, {}, {}, ['/p/f'])), ['version-location-not-a-directory', 'no-version-location']);
  });

  test('an unreadable directory names the directory and the reason, with no line', () => {
    const r = scan({ [`${V}/a.py`]: '' }, {}, { unreadable: { [V]: 'EACCES: permission denied' } });
    assert.deepEqual(codes(r), ['unreadable-directory']);
    assert.equal(r.problems[0].file, V);
    assert.deepEqual(r.problems[0].span, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.match(r.problems[0].message, /EACCES: permission denied/);
  });

  test('an unreadable subdirectory when recursing', () => {
    const r = scan({ [`${V}/a.py`]: '', [`${V}/sub/b.py`]: '' }, { recursiveVersionLocations: true }, { unreadable: { [`${V}/sub`]: 'EACCES: permission denied' } });
    assert.deepEqual(rels(r), ['a.py']);
    assert.deepEqual(codes(r), ['unreadable-directory']);
  });

  test('a symlink loop', () => {
    const r = scan({ [`${V}/a.py`]: '' }, {}, { links: { [`${V}/loop.py`]: `${V}/loop.py` } });
    assert.deepEqual(rels(r), ['a.py']);
    assert.deepEqual(codes(r), ['symlink-loop']);
    assert.equal(r.problems[0].file, `${V}/loop.py`);
  });

  test('a version location that is a looping link', () => {
    const r = scan({}, {}, { links: { '/p/loop': '/p/loop' } }, ['/p/loop']);
    assert.deepEqual(codes(r), ['symlink-loop', 'no-version-location']);
    assert.equal(r.problems[0].file, '/p/loop');
  });

  test('a directory named x.py', () => {
    const r = scan({ [`${V}/x.py/inner.txt`]: '' });
    assert.deepEqual(rels(r), []);
    assert.deepEqual(codes(r), ['not-a-file']);
  });
});

describe('the same file twice', () => {
  test('overlapping locations: warned with Alembic\'s text, the second skipped', () => {
    const r = scan({ [`${V}/a.py`]: '' }, {}, {}, [V, V]);
    assert.deepEqual(rels(r), ['a.py']);
    assert.deepEqual(codes(r), ['file-loaded-twice']);
    assert.equal(r.problems[0].message, `File ${V}/a.py loaded twice! ignoring. Please ensure version_locations is unique.`);
  });

  test('through a symlink: compared by real path, which is kept on the ref', () => {
    const r = scan({ '/p/shared/a.py': '' }, {}, { links: { [`${V}/a.py`]: '/p/shared/a.py' } }, [V, '/p/shared']);
    assert.deepEqual(r.files.map((f) => [f.path, f.realPath]), [[`${V}/a.py`, '/p/shared/a.py']]);
    assert.deepEqual(codes(r), ['file-loaded-twice']);
    assert.equal(r.problems[0].file, '/p/shared/a.py');
  });
});

describe('sourceless files', () => {
  test('.pyc next to its source: nothing to say', () => {
    assert.deepEqual(scan({ [`${V}/a.py`]: '', [`${V}/a.pyc`]: '', [`${V}/__pycache__/a.cpython-311.pyc`]: '' }).problems, []);
  });

  test('bytecode without source, sourceless off: counted once per location', () => {
    const r = scan({ [`${V}/a.pyc`]: '', [`${V}/b.pyo`]: '', [`${V}/__pycache__/c.cpython-311.pyc`]: '', [`${V}/d.py`]: '' });
    assert.deepEqual(rels(r), ['d.py']);
    assert.deepEqual(r.problems.map((p) => [p.code, p.severity, p.file]), [['sourceless-not-indexed', 'information', V]]);
    assert.match(r.problems[0].message, /^3 compiled files .* Alembic ignores them/);
  });

  test('sourceless = true: Alembic loads them, the index cannot', () => {
    const r = scan({ [`${V}/a.pyc`]: '', [`${V}/a.pyo`]: '' }, { sourceless: true });
    assert.match(r.problems[0].message, /^1 compiled file .* Alembic loads them as revisions \(sourceless = true\)/);
  });
});

const PYTHON = '/usr/bin/python3';
const HARNESS = `
import os, sys
_listdir = os.listdir
os.listdir = lambda p='.': sorted(_listdir(p))
from alembic.config import Config
from alembic.script import ScriptDirectory
os.chdir(sys.argv[1])
sd = ScriptDirectory.from_config(Config('alembic.ini'))
for s in sd._load_revisions():
    print(os.path.basename(s.path))
`;

describe('against Alembic 1.8.1 (os.listdir patched to sorted)', { skip: !existsSync(PYTHON) && 'no /usr/bin/python3' }, () => {
  test('odd file names: same files, same order', () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'alembic-scan-')));
    try {
      const versions = join(dir, 'migrations', 'versions');
      mkdirSync(versions, { recursive: true });
      writeFileSync(join(dir, 'alembic.ini'), '[alembic]\nscript_location = migrations\n');
      const loaded = ['abc_add_x.py', '_private.py', '.hidden.py', 'Zeta.py', 'a\uFF5E.py', 'a\u{1F600}.py', 'é.py', '2.py'];
      const ignored = ['.#abc.py', '__init__.py', '__init__x.py', 'x.py.txt', 'x.pyi', 'x.py~'];
      loaded.forEach((n, i) => writeFileSync(join(versions, n), `revision = 'r${i}'\ndown_revision = None\n`));
      for (const n of ignored) writeFileSync(join(versions, n), 'this is not python (\n');
      const py = spawnSync(PYTHON, ['-c', HARNESS, dir], { encoding: 'utf8' });
      assert.equal(py.status, 0, py.stderr);
      const fs = memFs(Object.fromEntries([...loaded, ...ignored].map((n) => [`${V}/${n}`, ''])));
      const mine = scanVersionLocations(fs, configFromVersionLocations([V], '/p')).files.map((f) => f.relPath);
      assert.deepEqual(mine, py.stdout.trimEnd().split('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
