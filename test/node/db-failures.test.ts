// readVersionTable's failures, each an answer with a kind and a message naming the server and the
// fix, never the password: an unreachable port and a silent server (both within the timeout), a
// wrong password (a real MariaDB user), missing databases (a missing SQLite file is not created), and
// unsupported URLs. Also: reading a SQLite database changes nothing on disk.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { join } from 'node:path';
import { readVersionTable } from '../../server/src/node/db/index';
import type { VersionTableResult } from '../../server/src/node/db/index';
import { alembic, closedPort, scratchMariadbWithUser, scratchSqlite, skipIfMissing, uniqueName, withScratch } from './db-scratch';

function failure(result: VersionTableResult, kind: string): string {
  assert.ok(!result.ok, `expected a ${kind} failure, got ${JSON.stringify(result)}`);
  assert.equal(result.kind, kind, result.message);
  return result.message;
}

function assertNoSecret(result: VersionTableResult, ...secrets: string[]): void {
  const text = JSON.stringify(result);
  for (const s of secrets) assert.ok(!text.includes(s), `the password appears in ${text}`);
}

/** A server that accepts connections and never says a word (a firewall that drops, a hung server). */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((s) => sockets.push(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const SECRET = 'S3cret-Pass_word!';

describe('cannot connect', () => {
  for (const scheme of ['postgresql', 'mysql+pymysql']) {
    test(`${scheme}: a closed port is unreachable, answered at once`, async () => {
      const port = await closedPort();
      const started = Date.now();
      const result = await readVersionTable({ url: `${scheme}://app:${SECRET}@127.0.0.1:${port}/appdb`, password: SECRET });
      const message = failure(result, 'unreachable');
      assert.ok(Date.now() - started < 5000, 'within the 5 s timeout');
      assert.match(message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.match(message, /appdb/);
      assert.match(message, /server is running/);
      assertNoSecret(result, SECRET);
    });

    test(`${scheme}: a server that never answers times out at the given timeout`, async () => {
      const silent = await silentServer();
      try {
        const started = Date.now();
        const result = await readVersionTable({ url: `${scheme}://app@127.0.0.1:${silent.port}/appdb`, password: SECRET }, { timeoutMs: 1000 });
        const elapsed = Date.now() - started;
        const message = failure(result, 'timeout');
        assert.ok(elapsed >= 900 && elapsed < 2500, `answered after ${elapsed} ms`);
        assert.match(message, /within 1 s/);
        assertNoSecret(result, SECRET);
      } finally {
        await silent.close();
      }
    });
  }

  test('the default timeout is 5 s', async () => {
    const silent = await silentServer();
    try {
      const started = Date.now();
      const result = await readVersionTable({ url: `postgresql://app@127.0.0.1:${silent.port}/appdb` });
      const elapsed = Date.now() - started;
      failure(result, 'timeout');
      assert.ok(elapsed >= 4500 && elapsed < 6500, `answered after ${elapsed} ms`);
    } finally {
      await silent.close();
    }
  });
});

describe('wrong password (MariaDB user with a password)', () => {
  test('auth failure names the user and server and the fix; the right password, given apart, wins over the URL', async (t) => {
    if (await skipIfMissing(t, 'mariadb')) return;
    const db = await scratchMariadbWithUser(SECRET);
    const user = db.user;
    try {
      const url = (password: string) => `mysql+pymysql://${user}:${encodeURIComponent(password)}@127.0.0.1:3306/${db.name}`;
      const wrong = 'Wrong-Pass_word?';

      const bad = await readVersionTable({ url: url(wrong) });
      const message = failure(bad, 'auth');
      assert.match(message, new RegExp(`user ${user} on MySQL/MariaDB at 127\\.0\\.0\\.1:3306`));
      assert.match(message, /Alembic: Edit Connection/);
      assertNoSecret(bad, wrong, encodeURIComponent(wrong), SECRET);

      const overriddenBadly = await readVersionTable({ url: url(SECRET), password: wrong });
      failure(overriddenBadly, 'auth');
      assertNoSecret(overriddenBadly, wrong, SECRET, encodeURIComponent(SECRET));

      const fixed = await readVersionTable({ url: url(wrong), password: SECRET });
      assert.deepEqual(fixed, { ok: true, stamped: false, rows: [] });

      const hint = await readVersionTable({ url: url(wrong) }, { passwordFix: 'set ALEMBIC_VSCODE_DB_PASSWORD' });
      assert.match(failure(hint, 'auth'), /set ALEMBIC_VSCODE_DB_PASSWORD$/);
    } finally {
      await db.drop();
    }
  });
});

describe('no such database', () => {
  test('PostgreSQL', async (t) => {
    if (await skipIfMissing(t, 'postgresql')) return;
    const name = uniqueName('no_such_db');
    const result = await readVersionTable({ url: `postgresql://postgres:${SECRET}@127.0.0.1:5432/${name}`, password: SECRET });
    const message = failure(result, 'no-database');
    assert.match(message, new RegExp(`database ${name} does not exist on PostgreSQL at 127\\.0\\.0\\.1:5432`));
    assertNoSecret(result, SECRET);
  });

  test('MariaDB', async (t) => {
    if (await skipIfMissing(t, 'mariadb')) return;
    const name = uniqueName('no_such_db');
    const result = await readVersionTable({ url: `mariadb+pymysql://root@127.0.0.1:3306/${name}` });
    assert.match(failure(result, 'no-database'), new RegExp(`database ${name} does not exist`));
  });

  test('MariaDB: a URL without a database', async () => {
    const result = await readVersionTable({ url: 'mysql://root@127.0.0.1:3306' });
    assert.match(failure(result, 'no-database'), /names no database.*mysql:\/\/user@host:3306\/mydb/);
  });

  test('SQLite: a missing file is reported and NOT created', async () => {
    const db = scratchSqlite();
    try {
      const file = join(db.dir, 'missing.db');
      const relative = await readVersionTable({ url: 'sqlite:///missing.db', baseDir: db.dir });
      const message = failure(relative, 'no-database');
      assert.ok(message.includes(file), message);
      assert.match(message, /relative path is resolved against/);
      const absolute = await readVersionTable({ url: `sqlite:///${join(db.dir, 'sub', 'x.db')}` });
      failure(absolute, 'no-database');
      assert.equal(existsSync(file), false, 'the reader created the file');
      assert.deepEqual(readdirSync(db.dir).sort(), ['app.db']);
    } finally {
      await db.drop();
    }
  });

  test('SQLite: a directory is not a database', async () => {
    const db = scratchSqlite();
    try {
      assert.match(failure(await readVersionTable({ url: `sqlite:///${db.dir}` }), 'no-database'), /is not a file/);
    } finally {
      await db.drop();
    }
  });
});

describe('unsupported URLs', () => {
  const cases: [string, RegExp][] = [
    [`oracle+cx_oracle://scott:${SECRET}@db.example.com:1521/orcl`, /unsupported database 'oracle'.*PostgreSQL.*MySQL and MariaDB.*SQLite/],
    [`mssql+pyodbc://sa:${SECRET}@dsn`, /unsupported database 'mssql'/],
    ['driver://user:pass@localhost/dbname', /placeholder.*sqlalchemy\.url/],
    [`just some text ${SECRET}`, /not a database URL/],
    [`postgresql://u:${SECRET}@host:54x2/db`, /port/],
    [`postgresql://u:${SECRET}@host/db?sslmode=sometimes`, /sslmode 'sometimes'/],
  ];
  for (const [url, expected] of cases) {
    test(url.replace(SECRET, '<password>'), async () => {
      const result = await readVersionTable({ url, password: SECRET });
      assert.match(failure(result, 'unsupported-url'), expected);
      assertNoSecret(result, SECRET);
    });
  }
});

describe('SQLite is read, never written', () => {
  test('the file and its folder are byte-for-byte the same after a read', async (t) => {
    if (await skipIfMissing(t, 'alembic')) return;
    await withScratch(scratchSqlite(), 'linear', async (db, copy) => {
      alembic(copy.dir, db.url, ['upgrade', 'heads']);
      const hash = () => createHash('sha256').update(readFileSync(db.file)).digest('hex');
      const before = { hash: hash(), files: readdirSync(db.dir).sort() };
      assert.deepEqual(await readVersionTable({ url: db.url }), { ok: true, stamped: true, rows: ['c3c3c3c3c3c3'] });
      assert.deepEqual(await readVersionTable({ url: db.url }, { table: 'other' }), { ok: true, stamped: false, rows: [] });
      assert.deepEqual({ hash: hash(), files: readdirSync(db.dir).sort() }, before);
    });
  });

  test('an in-memory URL is an empty database', async () => {
    assert.deepEqual(await readVersionTable({ url: 'sqlite://' }), { ok: true, stamped: false, rows: [] });
    assert.deepEqual(await readVersionTable({ url: 'sqlite:///:memory:' }), { ok: true, stamped: false, rows: [] });
  });

  test('a file that is not a SQLite database is an error, not a crash', async () => {
    const db = scratchSqlite();
    try {
      writeFileSync(db.file, 'this is not a database, just text that is long enough to have a header');
      const result = await readVersionTable({ url: db.url });
      assert.match(failure(result, 'error'), /not a database/);
    } finally {
      await db.drop();
    }
  });
});
