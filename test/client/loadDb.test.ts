// The client's lazily loaded database bundle (server/out/db.js) has the surface client/src/db/
// loadDb.ts declares: read a real SQLite version table through it, as the extension does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDbLoaded, loadDb } from '../../client/src/db/loadDb';

const bundle = fileURLToPath(new URL('../../server/out/db.js', import.meta.url));
const missing = !existsSync(bundle);
if (missing && process.env.CI === 'true') throw new Error('server/out/db.js is missing: run npm run build before the tests');

function sqliteWith(file: string, statements: string[]): Promise<void> {
  const sqlite3 = createRequire(import.meta.url)('sqlite3') as { Database: new (f: string) => { exec(sql: string, cb: (e: Error | null) => void): void; close(cb: () => void): void } };
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.exec(statements.join(';'), (e) => db.close(() => (e ? reject(e) : resolve())));
  });
}

test('loadDb loads the bundle on first use and reads a SQLite version table with it', { skip: missing && 'server/out/db.js not built (npm run build)' }, async () => {
  assert.equal(isDbLoaded(), false, 'nothing loaded before the first use');
  const dir = mkdtempSync(join(tmpdir(), 'alembic-client-db-'));
  try {
    await sqliteWith(join(dir, 'app.db'), ["CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)", "INSERT INTO alembic_version VALUES ('c3c3c3c3c3c3')"]);
    await sqliteWith(join(dir, 'empty.db'), ['CREATE TABLE other (x INTEGER)']);
    const db = loadDb(bundle);
    assert.equal(isDbLoaded(), true);
    assert.deepEqual(await db.readVersionTable({ url: 'sqlite:///app.db', baseDir: dir }, { timeoutMs: 5000 }), { ok: true, stamped: true, rows: ['c3c3c3c3c3c3'] });
    assert.deepEqual(await db.readVersionTable({ url: 'sqlite:///empty.db', baseDir: dir }), { ok: true, stamped: false, rows: [] });
    const custom = await db.readVersionTable({ url: 'sqlite:///app.db', baseDir: dir }, { table: 'nope_version' });
    assert.deepEqual(custom, { ok: true, stamped: false, rows: [] });
    const bad = await db.readVersionTable({ url: 'oracle://me:pw@db/x' });
    assert.equal(bad.ok, false);
    assert.equal(!bad.ok && bad.kind, 'unsupported-url');
    assert.doesNotMatch(JSON.stringify(bad), /:pw@/);
    assert.equal(db.redactUrl('postgresql://me:pw@db/x'), 'postgresql://me:***@db/x');
    assert.equal(db.expandEnv('${env:A}/x', { A: 'a' }), 'a/x');
    assert.equal(loadDb(bundle), db, 'loaded once');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
