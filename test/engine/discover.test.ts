// discoverProjects: which Alembic environments a workspace holds, in a deterministic order.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { memFs } from '../helpers/memfs';
import { discoverProjects } from '../../server/src/engine/config/discover';

const scriptDir = (dir: string) => ({ [`${dir}/env.py`]: '', [`${dir}/script.py.mako`]: '', [`${dir}/versions/.keep`]: '' });
const summary = (r: ReturnType<typeof discoverProjects>) => r.projects.map((p) => [p.id, p.kind, p.scriptLocation]);

describe('discoverProjects', () => {
  test('ini files: one project per section with script_location, alembic.ini first; skipped folders', () => {
    const fs = memFs({
      '/w/z/alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n[loggers]\nkeys = root\n',
      ...scriptDir('/w/z/migrations'),
      '/w/a/multi.ini': '[prod]\nscript_location = %(here)s/m\n[alembic]\nscript_location = %(here)s/m\n[tool]\nx = 1\n',
      ...scriptDir('/w/a/m'),
      '/w/tox.ini': '[tox]\nenvlist = py311\n',
      '/w/node_modules/pkg/alembic.ini': '[alembic]\nscript_location = m\n',
      '/w/.venv/lib/alembic.ini': '[alembic]\nscript_location = m\n',
      '/w/src/.git/alembic.ini': '[alembic]\nscript_location = m\n',
    });
    const r = discoverProjects(fs, ['/w']);
    assert.deepEqual(summary(r), [
      ['/w/z/alembic.ini#alembic', 'ini', '/w/z/migrations'],
      ['/w/a/multi.ini#alembic', 'ini', '/w/a/m'],
      ['/w/a/multi.ini#prod', 'ini', '/w/a/m'],
    ]);
    assert.deepEqual(r.problems, []);
    assert.equal(r.projects[0].root, '/w/z');
  });

  test('pyproject merged with a sibling alembic.ini [alembic]: one project', () => {
    const fs = memFs({
      '/w/alembic.ini': '[alembic]\nsqlalchemy.url = sqlite://\n[loggers]\nkeys = root\n',
      '/w/pyproject.toml': '[tool.alembic]\nscript_location = "%(here)s/migrations"\n',
      ...scriptDir('/w/migrations'),
    });
    const r = discoverProjects(fs, ['/w']);
    assert.deepEqual(summary(r), [['/w/alembic.ini#alembic', 'pyproject', '/w/migrations']]);
    assert.equal(r.projects[0].pyprojectFile, '/w/pyproject.toml');
    assert.equal(r.projects[0].sqlalchemyUrl, 'sqlite://');
    assert.deepEqual(r.problems, []);
  });

  test('pyproject only (an alembic.ini with logging sections only does not count)', () => {
    const fs = memFs({
      '/w/alembic.ini': '[loggers]\nkeys = root\n',
      '/w/pyproject.toml': '[project]\nname = "app"\n[tool.alembic]\nscript_location = "%(here)s/migrations"\n',
      ...scriptDir('/w/migrations'),
      '/w/other/pyproject.toml': '[project]\nname = "no-alembic"\n',
    });
    const r = discoverProjects(fs, ['/w']);
    assert.deepEqual(summary(r), [['/w/pyproject.toml#tool.alembic', 'pyproject', '/w/migrations']]);
    assert.deepEqual(r.problems, []);
  });

  test('config-less folders: Flask-Migrate and plain; claimed script dirs are not repeated', () => {
    const fs = memFs({
      '/w/app/migrations/alembic.ini': '[alembic]\n# template used to generate migration files\n[loggers]\nkeys = root\n',
      ...scriptDir('/w/app/migrations'),
      ...scriptDir('/w/lib/db'),
      '/w/svc/alembic.ini': '[alembic]\nscript_location = %(here)s/alembic\n',
      ...scriptDir('/w/svc/alembic'),
    });
    const r = discoverProjects(fs, ['/w']);
    assert.deepEqual(summary(r), [
      ['/w/svc/alembic.ini#alembic', 'ini', '/w/svc/alembic'],
      ['/w/app/migrations', 'configless', '/w/app/migrations'],
      ['/w/lib/db', 'configless', '/w/lib/db'],
    ]);
    assert.equal(r.projects[1].iniFile, '/w/app/migrations/alembic.ini');
    assert.equal(r.projects[1].root, '/w/app');
    assert.deepEqual(r.projects[2].versionLocations, ['/w/lib/db/versions']);
    assert.deepEqual(r.problems, []);
  });

  test('an alembic.ini without script_location is a problem; any other ini is simply not a project', () => {
    const fs = memFs({
      '/w/alembic.ini': '# comment\n[alembic]\nsqlalchemy.url = x\n',
      '/w/setup.ini': '[metadata]\nname = x\n',
    });
    const r = discoverProjects(fs, ['/w']);
    assert.deepEqual(r.projects, []);
    assert.deepEqual(r.problems.map((p) => [p.code, p.file, p.span.start.line]), [['missing-script-location', '/w/alembic.ini', 1]]);
    assert.match(r.problems[0].message, /No 'script_location' key found in configuration\. Fix:/);
  });

  test('a broken config is a project with problems, not a crash', () => {
    const fs = memFs({ '/w/alembic.ini': '[alembic]\nscript_location = %(here)s/m\nbad line\n[alembic]\n', ...scriptDir('/w/m') });
    const r = discoverProjects(fs, ['/w']);
    assert.equal(r.projects.length, 1);
    assert.deepEqual(r.projects[0].problems.map((p) => [p.code, p.span.start.line]), [['ini-syntax-error', 2], ['ini-duplicate-section', 3]]);
  });

  test('a broken pyproject with [tool.alembic] is reported; others are ignored', () => {
    const fs = memFs({
      '/w/a/pyproject.toml': '[tool.alembic]\nscript_location = \n',
      '/w/b/pyproject.toml': '[tool.black]\nline-length = = 3\n',
    });
    const r = discoverProjects(fs, ['/w']);
    assert.deepEqual(r.problems.map((p) => [p.code, p.file, p.span.start.line]), [['toml-syntax-error', '/w/a/pyproject.toml', 1]]);
  });

  test('symlink loops and overlapping roots do not repeat or hang', () => {
    const fs = memFs({ '/w/alembic.ini': '[alembic]\nscript_location = %(here)s/m\n', ...scriptDir('/w/m') }, { links: { '/w/loop': '/w', '/w/self': '/w/self' } });
    const r = discoverProjects(fs, ['/w', '/w/m', '/w/loop']);
    assert.deepEqual(summary(r), [['/w/alembic.ini#alembic', 'ini', '/w/m']]);
  });

  test('deterministic whatever the root order', () => {
    const files = {
      '/w/b/alembic.ini': '[alembic]\nscript_location = %(here)s/m\n',
      '/w/a/alembic.ini': '[alembic]\nscript_location = %(here)s/m\n',
      ...scriptDir('/w/c/db'),
    };
    const one = summary(discoverProjects(memFs(files), ['/w/b', '/w/a', '/w/c']));
    const two = summary(discoverProjects(memFs(files), ['/w/c', '/w/a', '/w/b']));
    assert.deepEqual(one, two);
    assert.deepEqual(one.map((p) => p[0]), ['/w/a/alembic.ini#alembic', '/w/b/alembic.ini#alembic', '/w/c/db']);
  });
});
