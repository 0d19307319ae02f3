// Failures of real Alembic runs, classified and explained: a migration raising half-way, env.py or a
// revision file failing to load, a cancelled long migration (its whole process group ends), a busy
// connection, a missing interpreter, unreachable servers, a missing driver, a bad URL, and commands or
// config kinds this Alembic is too old for. SQLite and closed ports only: no server needed.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAlembic } from '../../server/src/node/alembic/runner';
import { RunLock } from '../../server/src/node/alembic/runLock';
import { groupAlive } from '../../server/src/node/alembic/processGroup';
import { addRevision, alembicPython, copyProject, runOn } from './alembic-support';
import { sqliteDb } from './alembic-databases';

const found = alembicPython();
const skip = 'skip' in found ? found.skip : undefined;
const python = 'python' in found ? found.python : '';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The 1-based line of the first line of `file` that contains `text`. */
const lineOf = (file: string, text: string): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

describe('failures of real Alembic runs', { skip }, () => {
  test('a migration raising half-way: which revision, file:line, and the database at the last good revision', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      const file = addRevision(p, {
        id: 'd4d4d4d4d4d4', down: 'c3c3c3c3c3c3', message: 'broken step',
        upgrade: ['op.execute("CREATE TABLE half (id INTEGER)")', 'raise RuntimeError("boom in d4")'],
      });
      const run = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url: db.url, readVersionTable: () => db.rows() });
      const f = run.result.failure!;
      assert.equal(run.result.ok, false);
      assert.equal(f.kind, 'migration-failed');
      assert.equal(f.failedStep?.revision, 'd4d4d4d4d4d4');
      assert.equal(f.where?.relative, 'migrations/versions/d4d4d4d4d4d4_broken_step.py');
      assert.equal(f.where?.line, lineOf(file, 'boom in d4'));
      assert.equal(f.detail, 'RuntimeError: boom in d4');
      assert.match(f.message, /^alembic upgrade head failed in the upgrade of d4d4d4d4d4d4 \(“broken step”\) at migrations\/versions\/d4d4d4d4d4d4_broken_step\.py:\d+: RuntimeError: boom in d4\./);
      assert.match(f.message, /3 steps that finished stay applied/);
      assert.match(f.message, /may remain \(this database cannot roll back DDL\)/);
      assert.match(f.message, /The version table now holds: c3c3c3c3c3c3\./);
      assert.deepEqual(await db.rows(), ['c3c3c3c3c3c3']);
      assert.deepEqual(run.result.steps.map((s) => s.revision), ['a1a1a1a1a1a1', 'b2b2b2b2b2b2', 'c3c3c3c3c3c3']);
    } finally {
      p.dispose();
    }
  });

  test('env.py failing at import names env.py and the line; nothing ran', async () => {
    const p = copyProject('linear');
    try {
      const env = join(p.root, 'migrations', 'env.py');
      writeFileSync(env, readFileSync(env, 'utf8').replace('from alembic import context\n', 'from alembic import context\nimport no_such_module_xyz\n'));
      const db = sqliteDb(p.root);
      const run = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url: db.url });
      const f = run.result.failure!;
      assert.equal(f.kind, 'env-error');
      assert.equal(f.where?.relative, 'migrations/env.py');
      assert.equal(f.where?.line, lineOf(env, 'import no_such_module_xyz'));
      assert.match(f.message, /^migrations\/env\.py:\d+ raised an error before any migration ran: ModuleNotFoundError: No module named 'no_such_module_xyz'\. Fix env\.py/);
      assert.deepEqual(await db.rows(), []);

      writeFileSync(env, readFileSync(env, 'utf8').replace('import no_such_module_xyz\n', 'def broken(:\n'));
      const syntax = await runOn(python, p, { name: 'current' }, { url: db.url });
      assert.equal(syntax.result.failure?.kind, 'env-error');
      assert.equal(syntax.result.failure?.where?.line, lineOf(env, 'def broken(:'));
      assert.match(syntax.result.failure!.message, /^migrations\/env\.py:\d+ .*SyntaxError/);
    } finally {
      p.dispose();
    }
  });

  test('a revision file that cannot be loaded is named with its line', async () => {
    const p = copyProject('linear');
    try {
      const file = addRevision(p, { id: 'd4d4d4d4d4d4', down: 'c3c3c3c3c3c3', message: 'bad import', upgrade: [], imports: ['import missing_helper_xyz'] });
      const run = await runOn(python, p, { name: 'heads' });
      assert.equal(run.result.failure?.kind, 'script-error');
      assert.equal(run.result.failure?.where?.relative, 'migrations/versions/d4d4d4d4d4d4_bad_import.py');
      assert.equal(run.result.failure?.where?.line, lineOf(file, 'import missing_helper_xyz'));
    } finally {
      p.dispose();
    }
  });

  test('cancelling a long migration interrupts it, ends its whole process group, and says where the database is', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      const pidFile = join(p.root, 'child.pid');
      // The migration starts a child that ignores Ctrl+C (it would outlive a plain interrupt), then sleeps.
      addRevision(p, {
        id: 'd4d4d4d4d4d4', down: 'c3c3c3c3c3c3', message: 'slow step', imports: ['import os, subprocess, time'],
        upgrade: [
          `child = subprocess.Popen(["sh", "-c", "trap '' INT; exec sleep 60"])`,
          `open(${JSON.stringify(pidFile)}, "w").write("%d %d %d" % (child.pid, os.getpid(), os.getpgid(0)))`,
          'time.sleep(60)',
        ],
      });
      const abort = new AbortController();
      const started = Date.now();
      const run = await runOn(python, p, { name: 'upgrade', revision: 'head' }, {
        url: db.url,
        signal: abort.signal,
        killGraceMs: 3000,
        readVersionTable: () => db.rows(),
        onStep: (s) => {
          if (s.phase === 'started' && s.revision === 'd4d4d4d4d4d4') setTimeout(() => abort.abort(), 300);
        },
      });
      assert.ok(Date.now() - started < 20_000, 'did not wait for the migration');
      const f = run.result.failure!;
      assert.equal(f.kind, 'cancelled');
      assert.equal(f.failedStep?.revision, 'd4d4d4d4d4d4');
      assert.match(f.message, /^alembic upgrade head was cancelled during the upgrade of d4d4d4d4d4d4 \(“slow step”\)\./);
      assert.match(f.message, /The version table now holds: c3c3c3c3c3c3\./);
      assert.deepEqual(await db.rows(), ['c3c3c3c3c3c3']);
      const [childPid, pythonPid, group] = readFileSync(pidFile, 'utf8').split(' ').map(Number);
      assert.equal(group, pythonPid, 'Python leads its own process group');
      await until(`the migration's child ${childPid} to end`, () => !alive(childPid));
      await until(`process group ${group} to be gone`, () => !groupAlive(group));
    } finally {
      p.dispose();
    }
  });

  test('a run that ignores the interrupt is killed after the grace period', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      addRevision(p, {
        id: 'd4d4d4d4d4d4', down: null, message: 'stubborn', imports: ['import signal, time'],
        upgrade: ['signal.signal(signal.SIGINT, signal.SIG_IGN)', 'time.sleep(60)'],
      });
      const abort = new AbortController();
      const started = Date.now();
      const run = await runOn(python, p, { name: 'upgrade', revision: 'd4d4d4d4d4d4' }, {
        url: db.url,
        signal: abort.signal,
        killGraceMs: 500,
        onStep: (s) => s.phase === 'started' && setTimeout(() => abort.abort(), 200),
      });
      assert.ok(Date.now() - started < 15_000);
      assert.equal(run.result.failure?.kind, 'cancelled');
      assert.equal(run.result.signal, 'SIGKILL');
      assert.match(run.result.failure!.message, /was cancelled; its processes were stopped/);
    } finally {
      p.dispose();
    }
  });

  test('a second run on a busy connection is refused at once, naming the running command', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      addRevision(p, { id: 'd4d4d4d4d4d4', down: 'c3c3c3c3c3c3', message: 'slow', imports: ['import time'], upgrade: ['time.sleep(30)'] });
      const lock = new RunLock();
      const abort = new AbortController();
      let running!: () => void;
      const isRunning = new Promise<void>((r) => (running = r));
      const first = runOn(python, p, { name: 'upgrade', revision: 'head' }, {
        url: db.url, lock, connectionKey: 'conn-1', signal: abort.signal,
        onStep: (s) => s.revision === 'd4d4d4d4d4d4' && running(),
      });
      await isRunning;
      const t0 = Date.now();
      const second = await runAlembic({ python, project: { root: p.root, configFile: p.ini }, command: { name: 'downgrade', revision: '-1' }, url: db.url, lock, connectionKey: 'conn-1' });
      assert.ok(Date.now() - t0 < 200, 'refused at once');
      assert.equal(second.failure?.kind, 'busy');
      assert.match(second.failure!.message, /^alembic downgrade -1 was not started: alembic upgrade head is already running on this connection/);
      const offline = await runOn(python, p, { name: 'heads' }, { lock, connectionKey: 'conn-1' });
      assert.equal(offline.result.ok, true, 'a command that does not connect is not blocked');
      abort.abort();
      assert.equal((await first).result.failure?.kind, 'cancelled');
      assert.equal(lock.holderOf('conn-1'), undefined, 'released after the run');
    } finally {
      p.dispose();
    }
  });

  test('a missing interpreter is a clear failure, not a crash', async () => {
    const p = copyProject('linear');
    try {
      const run = await runOn('/nonexistent/bin/python3', p, { name: 'heads' });
      assert.equal(run.result.failure?.kind, 'interpreter-missing');
      assert.match(run.result.failure!.message, /Could not start \/nonexistent\/bin\/python3 \(not found\).*alembic\.pythonPath/);
    } finally {
      p.dispose();
    }
  });

  test('a Python without Alembic is told apart from a missing Python', { skip: process.platform === 'win32' }, async () => {
    const p = copyProject('linear');
    try {
      // The real Python without its site-packages (-S): it starts, but cannot import Alembic.
      const bare = join(p.root, 'bare-python');
      writeFileSync(bare, `#!/bin/sh\nexec ${python} -S "$@"\n`, { mode: 0o755 });
      const run = await runOn(bare, p, { name: 'heads' });
      assert.equal(run.result.failure?.kind, 'alembic-missing');
      assert.match(run.result.failure!.message, /^Alembic cannot be imported by .*bare-python: ModuleNotFoundError: No module named '(alembic|sqlalchemy)'.*pip install alembic.*alembic\.pythonPath/);
    } finally {
      p.dispose();
    }
  });

  test('unreachable servers and files, a missing driver and a bad URL are told apart', async () => {
    const p = copyProject('linear');
    try {
      const cases: [string | undefined, string, RegExp][] = [
        ['postgresql+psycopg2://postgres@127.0.0.1:1/nothing', 'unreachable', /^Could not connect to the database: .*Connection refused.*Check that the server is running/s],
        ['mysql+pymysql://root@127.0.0.1:1/nothing', 'unreachable', /Can't connect to MySQL server/],
        [`sqlite:///${join(p.root, 'no', 'such', 'dir', 'x.db')}`, 'unreachable', /unable to open database file/],
        // No URL: the fixture's ini still says driver://user:pass@localhost/dbname.
        [undefined, 'driver-missing', /^The database driver is not installed: .*sqlalchemy\.dialects:driver/],
        ['not a url at all', 'bad-url', /^The connection URL is not valid/],
      ];
      for (const [url, kind, message] of cases) {
        const run = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url });
        assert.equal(run.result.failure?.kind, kind, `${url}: ${run.result.failure?.message}`);
        assert.match(run.result.failure!.message, message);
        assert.match(run.result.failure!.message, /Nothing was changed|driver|not valid/);
      }
    } finally {
      p.dispose();
    }
  });

  test('a command or a config kind this Alembic is too old for says which version it needs', async (t) => {
    const p = copyProject('linear');
    const py = copyProject('pyproject-only');
    try {
      const run = await runOn(python, p, { name: 'check' }, { url: sqliteDb(p.root).url });
      const version = (await runOn(python, p, { name: 'heads' })).result.alembicVersion ?? '';
      const [major, minor] = version.split('.').map(Number);
      if (major > 1 || minor >= 16) {
        t.diagnostic(`Alembic ${version} has check and pyproject support; only the 1.8 messages are checked on older ones`);
        return;
      }
      if (minor < 9) {
        assert.equal(run.result.failure?.kind, 'unsupported');
        assert.match(run.result.failure!.message, /alembic check needs Alembic 1\.9 or newer; this environment has Alembic 1\.\d+/);
      }
      const toml = await runAlembic({ python, project: { root: py.root, pyprojectFile: join(py.root, 'pyproject.toml') }, command: { name: 'heads' } });
      assert.equal(toml.failure?.kind, 'unsupported');
      assert.match(toml.failure!.message, /configured in pyproject\.toml \(\[tool\.alembic\]\), which needs Alembic 1\.16 or newer.*pip install -U "alembic>=1\.16"/);
    } finally {
      p.dispose();
      py.dispose();
    }
  });
});
