// The fixture projects are real, small, deterministic Alembic projects (checked without Python).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listFixtures, PROJECTS_DIR } from './fixtures';

const fixtures = listFixtures();

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

describe('fixture projects', () => {
  test('there are at least 40, each with an expect.json that has a description', () => {
    assert.ok(fixtures.length >= 40, `only ${fixtures.length} fixtures`);
    for (const fx of fixtures) assert.ok(fx.expect.description, `${fx.name}: no description`);
  });

  test('each has an env.py, a script.py.mako and a config Alembic can start from', () => {
    for (const fx of fixtures) {
      const files = walk(fx.dir).map((p) => relative(fx.dir, p));
      assert.ok(files.some((f) => f.endsWith('env.py')), `${fx.name}: no env.py`);
      assert.ok(files.some((f) => f.endsWith('script.py.mako')), `${fx.name}: no script.py.mako`);
      const c = fx.config;
      const configFile = c.kind === 'configless' ? join(c.scriptLocation, 'env.py') : c.file;
      assert.ok(existsSync(join(fx.dir, configFile)), `${fx.name}: ${configFile} missing`);
    }
  });

  test('no databases, bytecode caches or stray outputs are committed, and the whole set stays small', () => {
    const all = walk(PROJECTS_DIR);
    const bad = all.filter((p) => /\.(db|sqlite3?)$/.test(p) || p.includes('__pycache__'));
    assert.deepEqual(bad, []);
    const bytes = all.reduce((n, p) => n + statSync(p).size, 0);
    assert.ok(bytes < 1_000_000, `fixtures take ${bytes} bytes`);
  });

  test('dates are pinned so a rebuild (fixturegen) is byte-identical', () => {
    for (const fx of fixtures) {
      for (const p of walk(fx.dir).filter((f) => f.endsWith('.py'))) {
        const m = /Create Date: (\S+ \S+)/.exec(readText(p));
        if (m) assert.equal(m[1], '2024-01-01 00:00:00.000000', `${relative(PROJECTS_DIR, p)}`);
      }
    }
  });
});

/** Latin-1 maps every byte, so files in any encoding can be searched for ASCII text. */
function readText(p: string): string {
  return readFileSync(p).toString('latin1');
}
