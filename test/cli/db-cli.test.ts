// `current` and `status` in the built CLI against real databases stamped by real Alembic: the rows,
// the verdict and the exit codes (0 at the heads, 1 behind or unknown rows, 2 cannot connect), the
// JSON shapes, and the password nowhere in the output.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli as runCliInProcess, runCliAsync } from '../../server/src/cli/run';
import { nodeFs } from '../../server/src/node/nodeFs';
import { assertBuilt, hasStackTrace, runCli } from './harness';
import type { Run } from './harness';
import { alembic, asAdmin, closedPort, fixtureCopy, scratchDatabase, scratchMariadbWithUser, scratchSqlite, skipIfMissing, uniqueName, withScratch } from '../node/db-scratch';

function parsed(r: Run): Record<string, unknown> {
  assert.equal(r.stderr.includes('internal error'), false, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const SECRET = 'Cli-S3cret_pass';

describe('current and status on SQLite', () => {
  test('never stamped, part-way, at the head, unknown revision', async (t) => {
    if (await skipIfMissing(t, 'alembic')) return;
    assertBuilt();
    await withScratch(scratchSqlite(), 'linear', async (db, copy) => {
      const cli = (...args: string[]) => runCli([...args, '--url', db.url], copy.dir);

      let r = cli('current');
      assert.deepEqual({ stdout: r.stdout, code: r.code }, { stdout: '', code: 0 });
      assert.match(r.stderr, /never stamped/);
      assert.deepEqual(parsed(cli('current', '--json')), { stamped: false, rows: [] });
      r = cli('status');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^Behind by 3 revisions: `alembic upgrade heads` would run a1a1a1a1a1a1, b2b2b2b2b2b2, c3c3c3c3c3c3\.\n/);
      assert.match(r.stdout, /Database: none \(no version table: never stamped\)/);

      alembic(copy.dir, db.url, ['upgrade', 'b2b2b2b2b2b2']);
      assert.deepEqual({ ...cli('current') }, { stdout: 'b2b2b2b2b2b2\n', stderr: '', code: 0 });
      assert.deepEqual(parsed(cli('current', '--json')), { stamped: true, rows: ['b2b2b2b2b2b2'] });
      r = cli('status', '--json');
      assert.equal(r.code, 1);
      assert.deepEqual(parsed(r), {
        state: 'behind',
        stamped: true,
        rows: ['b2b2b2b2b2b2'],
        heads: ['c3c3c3c3c3c3'],
        behind: 1,
        pending: ['c3c3c3c3c3c3'],
        behind_by_head: [{ head: 'c3c3c3c3c3c3', behind: 1 }],
        unknown_rows: [],
        message: 'Behind by 1 revision: `alembic upgrade heads` would run c3c3c3c3c3c3.',
      });

      alembic(copy.dir, db.url, ['upgrade', 'heads']);
      r = cli('status');
      assert.deepEqual({ code: r.code, first: r.stdout.split('\n')[0] }, { code: 0, first: 'Up to date: the database is at the head.' });
      assert.equal(parsed(cli('status', '--json')).state, 'at-heads');

      // A revision no file declares: applied from another branch, or its file deleted.
      await asSqlite(db.file, "UPDATE alembic_version SET version_num = 'f00df00df00d'");
      r = cli('status');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /^Unknown revision in the database: f00df00df00d\. No migration file declares it: the database is ahead of these files/);
      assert.match(r.stdout, /Alembic would fail: Can't locate revision identified by 'f00df00df00d'/);
      const json = parsed(cli('status', '--json'));
      assert.deepEqual([json.state, json.behind, json.unknown_rows], ['unknown-revisions', null, ['f00df00df00d']]);
    });
  });

  test("status takes sqlalchemy.url from the config (relative SQLite path, %(here)s) and the usual -c option", async (t) => {
    if (await skipIfMissing(t, 'alembic')) return;
    assertBuilt();
    const copy = fixtureCopy('linear');
    try {
      const ini = join(copy.dir, 'alembic.ini');
      // %(here)s everywhere, so that the project works from any directory, as Alembic's own does.
      const text = readFileSync(ini, 'utf8')
        .replace(/^script_location = .*$/m, 'script_location = %(here)s/migrations')
        .replace(/^sqlalchemy\.url = .*$/m, 'sqlalchemy.url = sqlite:///%(here)s/app.db');
      writeFileSync(ini, text);
      alembic(copy.dir, 'sqlite:///app.db', ['upgrade', 'a1a1a1a1a1a1']);
      const r = runCli(['status', '-c', ini], '/');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /^Behind by 2 revisions/);
      assert.deepEqual({ ...runCli(['current', '--url', 'sqlite:///app.db'], copy.dir) }, { stdout: 'a1a1a1a1a1a1\n', stderr: '', code: 0 });
    } finally {
      copy.remove();
    }
  });

  test('custom version table options', async (t) => {
    if (await skipIfMissing(t, 'alembic')) return;
    assertBuilt();
    await withScratch(scratchSqlite(), 'linear', async (db, copy) => {
      alembic(copy.dir, db.url, ['upgrade', 'heads'], { version_table: 'my_versions' });
      const r = runCli(['current', '--url', db.url, '--version-table', 'my_versions'], copy.dir);
      assert.equal(r.stdout, 'c3c3c3c3c3c3\n');
      assert.equal(runCli(['status', '--url', db.url, '--version-table=my_versions'], copy.dir).code, 0);
    });
  });
});

describe('status on PostgreSQL with two heads', () => {
  test('per-head distances, schema option, and at all heads', async (t) => {
    if (await skipIfMissing(t, 'postgresql', 'alembic')) return;
    assertBuilt();
    await withScratch(scratchDatabase('postgresql'), 'multiple-heads', async (db, copy) => {
      const schema = uniqueName('versions');
      await asAdmin('postgresql', [`CREATE SCHEMA "${schema}"`], db.name);
      const x = { version_table_schema: schema };
      const cli = (...args: string[]) => runCli([...args, '--url', db.url, '--version-table-schema', schema], copy.dir);
      alembic(copy.dir, db.url, ['upgrade', 'a2a2a2a2a2a2'], x);

      let r = cli('status');
      assert.equal(r.code, 1);
      const heads = parsed(cli('status', '--json'));
      assert.deepEqual(heads.pending, ['e1e1e1e1e1e1', 'e2e2e2e2e2e2']);
      const byHead = Object.fromEntries((heads.behind_by_head as { head: string; behind: number }[]).map((h) => [h.head, h.behind]));
      assert.deepEqual(byHead, { a2a2a2a2a2a2: 0, e2e2e2e2e2e2: 2 });
      assert.match(r.stdout, /Per head:\n {2}\S+: .*\n {2}\S+: .*\n$/);
      assert.match(r.stdout, / {2}e2e2e2e2e2e2: 2 revisions behind\n/);
      assert.match(r.stdout, / {2}a2a2a2a2a2a2: up to date\n/);

      alembic(copy.dir, db.url, ['upgrade', 'heads'], x);
      assert.deepEqual(cli('current').stdout.split('\n').filter(Boolean).sort(), ['a2a2a2a2a2a2', 'e2e2e2e2e2e2']);
      r = cli('status');
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Up to date: the database is at all 2 heads\.\n/);
      assert.equal(runCli(['current', '--url', db.url], copy.dir).stdout, '', 'not in the default schema');
    });
  });
});

describe('cannot read the database: exit 2, a clear message, no password', () => {
  test('MariaDB: a wrong password from ALEMBIC_VSCODE_DB_PASSWORD', async (t) => {
    if (await skipIfMissing(t, 'mariadb')) return;
    assertBuilt();
    const db = await scratchMariadbWithUser(SECRET);
    const user = db.user;
    try {
      const url = `mariadb+pymysql://${user}@127.0.0.1:3306/${db.name}`;
      const wrong = 'Wrong-Cli_pass';
      for (const command of ['current', 'status']) {
        const r = runCli([command, '--url', url], fixtureDirFor(command), { ALEMBIC_VSCODE_DB_PASSWORD: wrong });
        assert.equal(r.code, 2, r.stderr);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, new RegExp(`^alembic-vscode: error: wrong password \\(or unknown user\\) for user ${user} on MySQL/MariaDB at 127\\.0\\.0\\.1:3306 \\(database ${db.name}\\): .*ALEMBIC_VSCODE_DB_PASSWORD`));
        assert.ok(!r.stderr.includes(wrong) && !hasStackTrace(r.stderr));
        const j = runCli([command, '--url', url, '--json'], fixtureDirFor(command), { ALEMBIC_VSCODE_DB_PASSWORD: wrong });
        assert.equal(j.code, 2);
        assert.equal(parsed(j).kind, 'auth');
        assert.ok(!j.stdout.includes(wrong));
      }
      const right = runCli(['current', '--url', `mariadb+pymysql://${user}:${wrong}@127.0.0.1:3306/${db.name}`, '--json'], '/', { ALEMBIC_VSCODE_DB_PASSWORD: SECRET });
      assert.deepEqual({ code: right.code, out: parsed(right) }, { code: 0, out: { stamped: false, rows: [] } }, 'the environment overrides the URL');
    } finally {
      await db.drop();
    }
  });

  test('an unreachable port answers at once', async () => {
    assertBuilt();
    const port = await closedPort();
    const started = Date.now();
    const r = runCli(['current', '--url', `postgresql://app:${SECRET}@127.0.0.1:${port}/appdb`], '/');
    assert.ok(Date.now() - started < 5000);
    assert.equal(r.code, 2);
    assert.match(r.stderr, new RegExp(`cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port} \\(database appdb\\): connection refused`));
    assert.ok(!r.stderr.includes(SECRET));
  });

  test('an unsupported URL is redacted, and a missing SQLite file is not created', async () => {
    assertBuilt();
    let r = runCli(['current', '--url', `oracle://scott:${SECRET}@h/db`], '/');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unsupported database 'oracle' in oracle:\/\/scott:\*\*\*@h\/db: this tool reads PostgreSQL/);
    assert.ok(!r.stderr.includes(SECRET));
    const db = scratchSqlite();
    try {
      r = runCli(['current', '--url', 'sqlite:///nothing-here.db', '--json'], db.dir);
      assert.equal(r.code, 2);
      assert.equal(parsed(r).kind, 'no-database');
      assert.equal(runCli(['status', '--version-location', db.dir, '--url', 'sqlite:///nothing-here.db'], db.dir).code, 2);
      assert.deepEqual(readdirSorted(db.dir), ['app.db']);
    } finally {
      await db.drop();
    }
  });

  test('usage: current needs --url; --timeout takes seconds', () => {
    assertBuilt();
    let r = runCli(['current'], '/');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /the following arguments are required: --url/);
    r = runCli(['current', '--url', 'sqlite://', '--timeout', 'soon'], '/');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--timeout: expected a number of seconds/);
  });

  test('both commands are in the help', () => {
    assertBuilt();
    const help = runCli(['--help'], '/').stdout;
    assert.match(help, /\n {2}current +Display the database's current revision\(s\)/);
    assert.match(help, /\n {2}status +Tell whether the database is at the heads/);
    assert.match(runCli(['current', '-h'], '/').stdout, /--version-table-schema SCHEMA/);
  });
});

describe('in process', () => {
  test('runCliAsync answers current from the sources; the synchronous runCli refuses it clearly', async (t) => {
    if (await skipIfMissing(t, 'alembic')) return;
    await withScratch(scratchSqlite(), 'linear', async (db, copy) => {
      alembic(copy.dir, db.url, ['upgrade', 'a1a1a1a1a1a1']);
      const input = { argv: ['current', '--url', 'sqlite:///app.db'], cwd: db.dir, env: {}, fs: nodeFs, prog: 'lens', version: '0' };
      assert.deepEqual(await runCliAsync(input), { stdout: 'a1a1a1a1a1a1\n', stderr: '', code: 0 });
      const sync = runCliInProcess(input);
      assert.equal(sync.code, 70);
      assert.match(sync.stderr, /call runCliAsync/);
      assert.deepEqual(runCliInProcess({ ...input, argv: ['current', '-h'] }).code, 0, 'help stays synchronous');
    });
  });
});

function fixtureDirFor(command: string): string {
  // status needs a project; current reads none.
  return command === 'status' ? join(__dirname, '..', 'fixtures', 'projects', 'linear') : '/';
}

function readdirSorted(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Writes to a SQLite file the way a second tool would (the test's own write, not the reader's). */
async function asSqlite(file: string, sql: string): Promise<void> {
  const { default: knexFactory } = await import('knex');
  const db = knexFactory({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true });
  try {
    await db.raw(sql);
  } finally {
    await db.destroy();
  }
}
