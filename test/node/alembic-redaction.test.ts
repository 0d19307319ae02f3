// The password never appears in anything a run lets out: streamed lines, the logged command line,
// step events, the result, the failure message, nor the Python process's command line. env.py here
// prints the URL every way it can (config value, str(URL), logging) and then fails with the URL in
// its error. PostgreSQL's trust authentication accepts any password, so the run gets that far.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRevision, alembicPython, copyProject, runOn } from './alembic-support';
import { postgresDb } from './alembic-databases';
import { findBootstrap } from '../../server/src/node/alembic/bootstrapPath';

const found = alembicPython();
const python = 'python' in found ? found.python : '';

const PASSWORD = 'S3cr:t@/%41 ü#?&=';
/** Every spelling of the password that Python or a URL might produce. */
const SPELLINGS = [
  PASSWORD,
  encodeURIComponent(PASSWORD),
  PASSWORD.replace(/[:@/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`), // SQLAlchemy 1.4's quoting
  PASSWORD.replace(/%/g, '%25').replace(/[:@/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  'S3cr:t', // a distinctive piece, in case a message cuts the rest
];

const LEAKY_ENV = `
import logging
from sqlalchemy.engine import make_url as _make_url
_url = config.get_main_option("sqlalchemy.url")
print("config says", _url)
print("str(URL) says", str(_make_url(_url)))
logging.getLogger("alembic.env").warning("connecting to %s", _url)
`;

describe('the password never leaves a run', { skip: 'skip' in found ? found.skip : undefined }, () => {
  test('not in output, logs, steps, results or errors, even when env.py prints and raises with the URL', async (t) => {
    const db = await postgresDb();
    if ('skip' in db) return t.skip(db.skip);
    const p = copyProject('linear');
    try {
      const env = join(p.root, 'migrations', 'env.py');
      const source = readFileSync(env, 'utf8');
      writeFileSync(env, source.replace('\ndef database_url():', `${LEAKY_ENV}\n\ndef database_url():`));
      const probeFile = join(p.root, 'probe.txt');
      addRevision(p, {
        id: 'd4d4d4d4d4d4', down: 'c3c3c3c3c3c3', message: 'looks around', imports: ['import os'],
        upgrade: [
          // What a migration (or a subprocess it starts) can see: its command line and its environment.
          `open(${JSON.stringify(probeFile)}, "w").write(open("/proc/self/cmdline").read().replace("\\0", " ") + "\\n" + repr(os.environ.get("ALEMBIC_VSCODE_PASSWORD")) + "\\n" + repr(os.environ.get("ALEMBIC_VSCODE_URL")))`,
          'raise RuntimeError("cannot use " + op.get_context().config.get_main_option("sqlalchemy.url"))',
        ],
      });
      const run = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url: db.url, password: PASSWORD });
      assert.equal(run.result.failure?.kind, 'migration-failed', run.result.failure?.message);
      assert.ok(run.result.steps.length === 3, 'the run went through env.py and three migrations with the password');

      // The leaks were really attempted (and masked), so the checks below can fail.
      assert.match(run.everything, /config says postgresql\+psycopg2:\/\/postgres:\*\*\*@127\.0\.0\.1/);
      assert.match(run.everything, /str\(URL\) says postgresql\+psycopg2:\/\/postgres:\*\*\*@/);
      assert.match(run.everything, /connecting to postgresql\+psycopg2:\/\/postgres:\*\*\*@/);
      assert.match(run.result.failure!.message, /RuntimeError: cannot use postgresql\+psycopg2:\/\/postgres:\*\*\*@/);
      for (const secret of SPELLINGS) assert.ok(!run.everything.includes(secret), `found ${JSON.stringify(secret)} in the output`);

      const probe = readFileSync(probeFile, 'utf8');
      for (const secret of SPELLINGS) assert.ok(!probe.includes(secret), `found ${JSON.stringify(secret)} in the process's command line or environment`);
      assert.match(probe, /alembic_bootstrap\.py upgrade -- head/);
      assert.match(probe, /\nNone\nNone$/, 'the bootstrap took the password and URL out of the environment before env.py ran');
    } finally {
      p.dispose();
      await db.drop();
    }
  });

  test('a URL that carries its own password, and a URL SQLAlchemy cannot parse, are masked too', async (t) => {
    const db = await postgresDb();
    if ('skip' in db) return t.skip(db.skip);
    const p = copyProject('linear');
    try {
      const inline = db.url.replace('postgres@', `postgres:${encodeURIComponent(PASSWORD)}@`);
      const ok = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url: inline });
      assert.equal(ok.result.ok, true, ok.result.failure?.message);
      assert.match(ok.logs[0], /url postgresql\+psycopg2:\/\/postgres:\*\*\*@127\.0\.0\.1/);
      const broken = await runOn(python, p, { name: 'current' }, { url: `postgresql://postgres:${PASSWORD}@[bad` });
      assert.equal(broken.result.ok, false);
      for (const c of [ok, broken]) {
        for (const secret of SPELLINGS) assert.ok(!c.everything.includes(secret), `found ${JSON.stringify(secret)}: ${c.result.failure?.message}`);
      }
    } finally {
      p.dispose();
      await db.drop();
    }
  });

  test('the bootstrap masks it by itself (the first of the two layers)', async (t) => {
    const db = await postgresDb();
    if ('skip' in db) return t.skip(db.skip);
    const p = copyProject('linear');
    try {
      const env = join(p.root, 'migrations', 'env.py');
      writeFileSync(env, readFileSync(env, 'utf8').replace('\ndef database_url():', `${LEAKY_ENV}\n\ndef database_url():`));
      const raw = spawnSync(python, [findBootstrap()!, 'current'], {
        cwd: p.root,
        encoding: 'utf8',
        env: { ...process.env, ALEMBIC_VSCODE_CONFIG: p.ini, ALEMBIC_VSCODE_URL: db.url, ALEMBIC_VSCODE_PASSWORD: PASSWORD, PYTHONIOENCODING: 'utf-8' },
      });
      assert.equal(raw.status, 0, raw.stderr);
      const all = raw.stdout + raw.stderr;
      assert.match(all, /config says postgresql\+psycopg2:\/\/postgres:\*\*\*@/);
      for (const secret of SPELLINGS) assert.ok(!all.includes(secret), `found ${JSON.stringify(secret)} in the bootstrap's own output`);
    } finally {
      p.dispose();
      await db.drop();
    }
  });
});
