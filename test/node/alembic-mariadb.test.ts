// Real Alembic on real MariaDB scratch databases: commands compared with the engine's plan; a
// migration failing half-way (MySQL commits DDL at once, so finished revisions stay and the failed
// one's DDL may remain); a user with a password: the right one works, a wrong one is "refused login".
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { addBrokenRevision, alembicPython, copyProject, runAndCompare, runOn, assertOk, type Planned } from './alembic-support';
import { databasePerTest, mariaDb, mariaUser, MARIA } from './alembic-databases';

const found = alembicPython();
const python = 'python' in found ? found.python : '';

describe('real Alembic on MariaDB', { skip: 'skip' in found ? found.skip : undefined }, () => {
  const withDb = databasePerTest(mariaDb);

  test('merge: upgrade, downgrade and stamp --purge as the engine plans', (t) =>
    withDb(t, async (db) => {
      const p = copyProject('merge');
      try {
        const steps: Planned[] = [
          { name: 'upgrade', target: 'd4d4' },
          { name: 'upgrade', target: 'heads' },
          { name: 'downgrade', target: '-2' },
          { name: 'stamp', targets: ['heads'], purge: true },
          { name: 'downgrade', target: 'base' },
        ];
        for (const c of steps) await runAndCompare(python, p, db, c);
      } finally {
        p.dispose();
      }
    }));

  test('a migration failing half-way leaves the last good revision (and possibly its own DDL)', (t) =>
    withDb(t, async (db) => {
      const p = copyProject('linear');
      try {
        addBrokenRevision(p);
        const run = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url: db.url, readVersionTable: () => db.rows() });
        const f = run.result.failure!;
        assert.equal(f.kind, 'migration-failed');
        assert.equal(f.failedStep?.revision, 'd4d4d4d4d4d4');
        assert.match(f.message, /3 steps that finished stay applied\. Schema changes the failed revision made before the error may remain/);
        assert.match(f.message, /The version table now holds: c3c3c3c3c3c3\./);
        assert.deepEqual(await db.rows(), ['c3c3c3c3c3c3']);
        assert.equal(await db.hasTable('half'), true, 'MySQL cannot roll back CREATE TABLE: the warning is true');
      } finally {
        p.dispose();
      }
    }));

  test('a user with a password: the right one (given separately) works, a wrong one is a refused login', (t) =>
    withDb(t, async (db) => {
      // URL-special characters, and "%41", which SQLAlchemy 1.4 would turn into "A" without the bootstrap's
      // quoting fix. (No non-ASCII: PyMySQL sends passwords as latin-1, the server stored UTF-8.)
      const password = 'Pw@:/%41 "x"';
      const user = await mariaUser(db.name, password);
      const p = copyProject('linear');
      try {
        const url = `mysql+pymysql://${user.user}@${MARIA.host}:${MARIA.port}/${db.name}`;
        const good = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url, password });
        assertOk(good);
        assert.deepEqual(await db.rows(), ['c3c3c3c3c3c3']);

        const wrong = 'not-the-password-123';
        const bad = await runOn(python, p, { name: 'downgrade', revision: 'base' }, { url, password: wrong, readVersionTable: () => db.rows() });
        assert.equal(bad.result.failure?.kind, 'auth-failed');
        assert.match(bad.result.failure!.message, /^The database refused the login: .*Access denied for user '.+' .*\(using password: YES\).*Check the user name and password/);
        assert.deepEqual(await db.rows(), ['c3c3c3c3c3c3'], 'nothing changed');
        for (const secret of [password, wrong, encodeURIComponent(password)]) {
          assert.ok(!good.everything.includes(secret) && !bad.everything.includes(secret), 'no password in any output');
        }
      } finally {
        p.dispose();
        await user.drop();
      }
    }));
});
