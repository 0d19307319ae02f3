// readVersionTable against real PostgreSQL, MariaDB and SQLite, stamped by real Alembic: the rows read
// must be the rows the engine's plan says Alembic leaves behind, after every step.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { indexProject, loadProjectConfig, planDowngrade, planUpgrade } from '../../server/src/engine/index';
import type { IndexedProject, Outcome, Plan } from '../../server/src/engine/index';
import { databaseStatus } from '../../server/src/engine/plan/status';
import { nodeFs } from '../../server/src/node/nodeFs';
import { readVersionTable } from '../../server/src/node/db/index';
import type { VersionTableResult } from '../../server/src/node/db/index';
import { alembic, asAdmin, fixtureCopy, scratchDatabase, scratchSqlite, skipIfMissing, tablesIn, uniqueName, withScratch } from './db-scratch';
import type { Scratch, ServerKind } from './db-scratch';

type Backend = 'sqlite' | ServerKind;
const BACKENDS: Backend[] = ['sqlite', 'postgresql', 'mariadb'];

async function scratch(backend: Backend): Promise<Scratch> {
  return backend === 'sqlite' ? scratchSqlite() : scratchDatabase(backend);
}

function project(dir: string): IndexedProject {
  return indexProject(nodeFs, loadProjectConfig(nodeFs, { iniFile: join(dir, 'alembic.ini'), cwd: dir }));
}

function rowsOf(result: VersionTableResult): { stamped: boolean; rows: string[] } {
  assert.ok(result.ok, `expected rows, got ${JSON.stringify(result)}`);
  return { stamped: result.stamped, rows: [...result.rows].sort() };
}

function after(outcome: Outcome<Plan>): string[] {
  assert.ok(outcome.ok, `the engine refused: ${outcome.ok ? '' : outcome.error}`);
  return [...outcome.value.versionTableAfter].sort();
}

for (const backend of BACKENDS) {
  const needs = (backend === 'sqlite' ? ['alembic'] : [backend, 'alembic']) as (ServerKind | 'alembic')[];

  describe(`readVersionTable on ${backend}`, () => {
    test('follows real Alembic through upgrades and a downgrade, as the engine plans them', async (t) => {
      if (await skipIfMissing(t, ...needs)) return;
      await withScratch(scratch(backend), 'multiple-heads', async (db, copy) => {
        const { map } = project(copy.dir);
        const read = async () => rowsOf(await readVersionTable({ url: db.url, baseDir: copy.dir }));

        assert.deepEqual(await read(), { stamped: false, rows: [] }, 'a fresh database has no version table');
        if (backend !== 'sqlite') assert.deepEqual(await tablesIn(backend, db.name), [], 'the read created nothing');
        assert.equal(databaseStatus(map, []).state, 'behind');

        alembic(copy.dir, db.url, ['upgrade', 'a1a1a1a1a1a1']);
        if (backend !== 'sqlite') assert.equal((await tablesIn(backend, db.name)).length, 1, 'the check above can see a table');
        const one = await read();
        assert.deepEqual(one, { stamped: true, rows: after(planUpgrade(map, [], 'a1a1a1a1a1a1')) });
        assert.deepEqual(one.rows, ['a1a1a1a1a1a1']);

        alembic(copy.dir, db.url, ['upgrade', 'heads']);
        const both = await read();
        assert.deepEqual(both.rows, after(planUpgrade(map, one.rows, 'heads')));
        assert.deepEqual(both.rows, [...map.heads].sort(), 'two heads: two rows');
        assert.deepEqual(databaseStatus(map, both.rows), { state: 'at-heads' });

        alembic(copy.dir, db.url, ['downgrade', 'e1e1e1e1e1e1']);
        const down = await read();
        assert.deepEqual(down.rows, after(planDowngrade(map, both.rows, 'e1e1e1e1e1e1')));

        alembic(copy.dir, db.url, ['downgrade', 'base']);
        assert.deepEqual(await read(), { stamped: true, rows: [] }, 'downgraded to base: the table stays, empty');
      });
    });

    test('reads a custom version table name, and only that one', async (t) => {
      if (await skipIfMissing(t, ...needs)) return;
      await withScratch(scratch(backend), 'linear', async (db, copy) => {
        alembic(copy.dir, db.url, ['upgrade', 'heads'], { version_table: 'my_versions' });
        const target = { url: db.url, baseDir: copy.dir };
        assert.deepEqual(rowsOf(await readVersionTable(target, { table: 'my_versions' })), { stamped: true, rows: ['c3c3c3c3c3c3'] });
        assert.deepEqual(rowsOf(await readVersionTable(target)), { stamped: false, rows: [] });
      });
    });
  });
}

describe('version_table_schema', () => {
  test('PostgreSQL: the table in another schema', async (t) => {
    if (await skipIfMissing(t, 'postgresql', 'alembic')) return;
    await withScratch(scratchDatabase('postgresql'), 'linear', async (db, copy) => {
      const schema = uniqueName('audit');
      await asAdmin('postgresql', [`CREATE SCHEMA "${schema}"`], db.name);
      alembic(copy.dir, db.url, ['upgrade', 'b2b2b2b2b2b2'], { version_table_schema: schema });
      assert.deepEqual(rowsOf(await readVersionTable({ url: db.url }, { schema })), { stamped: true, rows: ['b2b2b2b2b2b2'] });
      assert.deepEqual(rowsOf(await readVersionTable({ url: db.url })), { stamped: false, rows: [] }, 'not in public');
      const custom = await readVersionTable({ url: db.url }, { schema: 'no_such_schema' });
      assert.deepEqual(rowsOf(custom), { stamped: false, rows: [] });
    });
  });

  test('MariaDB: the table in another database', async (t) => {
    if (await skipIfMissing(t, 'mariadb', 'alembic')) return;
    const db = await scratchDatabase('mariadb');
    const other = await scratchDatabase('mariadb');
    const copy = fixtureCopy('linear');
    try {
      alembic(copy.dir, db.url, ['upgrade', 'heads'], { version_table_schema: other.name });
      assert.deepEqual(rowsOf(await readVersionTable({ url: db.url }, { schema: other.name })), { stamped: true, rows: ['c3c3c3c3c3c3'] });
      assert.deepEqual(rowsOf(await readVersionTable({ url: db.url })), { stamped: false, rows: [] });
    } finally {
      copy.remove();
      await db.drop();
      await other.drop();
    }
  });
});

describe('several rows', () => {
  test('a row per branch head, with branches at different depths', async (t) => {
    if (await skipIfMissing(t, 'postgresql', 'alembic')) return;
    await withScratch(scratchDatabase('postgresql'), 'multiple-heads', async (db, copy) => {
      const { map } = project(copy.dir);
      alembic(copy.dir, db.url, ['upgrade', 'a2a2a2a2a2a2']);
      alembic(copy.dir, db.url, ['upgrade', 'e1e1e1e1e1e1']);
      const { rows } = rowsOf(await readVersionTable({ url: db.url }));
      assert.deepEqual(rows, ['a2a2a2a2a2a2', 'e1e1e1e1e1e1']);
      const status = databaseStatus(map, rows);
      assert.equal(status.state, 'behind');
      if (status.state !== 'behind') return;
      assert.deepEqual(status.pending, ['e2e2e2e2e2e2']);
      const expected: Record<string, number> = { a2a2a2a2a2a2: 0, e2e2e2e2e2e2: 1 };
      assert.deepEqual(status.byHead, map.heads.map((head) => ({ head, behind: expected[head] })));
    });
  });
});
