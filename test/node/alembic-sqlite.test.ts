// Real Alembic through runAlembic on copies of the fixture projects, against SQLite files. After each
// run the version table is read directly (knex) and compared with the engine's plan for the same
// command from the same rows, and with the steps the runner reported.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { knex } from 'knex';
import { parseMigration } from '../../server/src/engine/python/parse';
import { loadProjectConfig } from '../../server/src/engine/config/config';
import { indexProject } from '../../server/src/engine/project';
import { nodeFs } from '../../server/src/node/nodeFs';
import { alembicPython, assertOk, copyProject, runAndCompare, runOn, strings, type Planned } from './alembic-support';
import { sqliteDb } from './alembic-databases';

const found = alembicPython();
const skip = 'skip' in found ? found.skip : undefined;
const python = 'python' in found ? found.python : '';

describe('real Alembic on SQLite', { skip }, () => {
  test('linear: upgrade reports each step (started, finished, with messages) and the rows', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      const run = await runOn(python, p, { name: 'upgrade', revision: 'head' }, { url: db.url });
      assertOk(run);
      assert.deepEqual(
        run.steps.map((s) => `${s.phase} ${s.kind} ${s.from.join(',') || 'base'}->${s.to.join(',')} ${s.message}`),
        [
          'started upgrade base->a1a1a1a1a1a1 create users',
          'finished upgrade base->a1a1a1a1a1a1 create users',
          'started upgrade a1a1a1a1a1a1->b2b2b2b2b2b2 add email',
          'finished upgrade a1a1a1a1a1a1->b2b2b2b2b2b2 add email',
          'started upgrade b2b2b2b2b2b2->c3c3c3c3c3c3 add index',
          'finished upgrade b2b2b2b2b2b2->c3c3c3c3c3c3 add index',
        ],
      );
      assert.deepEqual(await db.rows(), ['c3c3c3c3c3c3']);
      assert.deepEqual(run.result.database, { rows: ['c3c3c3c3c3c3'], source: 'alembic' });
      assert.ok(await db.hasTable('emails'), 'the migration really ran');
      assert.match(run.logs[0], /alembic_bootstrap\.py upgrade -- head/);
      assert.ok(run.lines.some((l) => /Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2/.test(l.text)), 'Alembic’s log lines are streamed');
      assert.ok(!run.lines.some((l) => l.text.includes('@@alembic-vscode@@')), 'markers are not output');
    } finally {
      p.dispose();
    }
  });

  test('merge: upgrades, unmerging downgrades and base, each as the engine plans', async () => {
    const p = copyProject('merge');
    try {
      const db = sqliteDb(p.root);
      const sequence: Planned[] = [
        { name: 'upgrade', target: 'c3c3' },
        { name: 'upgrade', target: 'd4d4' },
        { name: 'upgrade', target: 'heads' },
        { name: 'downgrade', target: '-1' },
        { name: 'downgrade', target: 'b2b2' },
        { name: 'upgrade', target: '+2' }, // two children: Alembic and the engine both say "Ambiguous walk"
        { name: 'upgrade', target: 'c3c3' },
        { name: 'downgrade', target: 'base' },
      ];
      for (const c of sequence) await runAndCompare(python, p, db, c);
      assert.deepEqual(await db.rows(), []);
    } finally {
      p.dispose();
    }
  });

  test('branch-labels: label@head targets and depends_on pull-ins, as the engine plans', async () => {
    const p = copyProject('branch-labels');
    try {
      const db = sqliteDb(p.root);
      for (const c of [
        { name: 'upgrade', target: 'core@head' },
        { name: 'upgrade', target: 'plugin@head' },
        { name: 'upgrade', target: 'heads' },
        { name: 'downgrade', target: 'core@c2000000' },
      ] as Planned[]) {
        await runAndCompare(python, p, db, c);
      }
    } finally {
      p.dispose();
    }
  });

  test('stamp (several targets, then --purge over a row Alembic cannot locate)', async () => {
    const p = copyProject('merge');
    try {
      const db = sqliteDb(p.root);
      await runAndCompare(python, p, db, { name: 'stamp', targets: ['heads'] });
      // Back across the merge to both parents: Alembic 1.8.1 fails half-way with KeyError, as the engine
      // predicts (the first stamp step is committed: SQLite has no transactional DDL in Alembic).
      await runAndCompare(python, p, db, { name: 'stamp', targets: ['c3c3c3c3c3c3', 'd4d4d4d4d4d4'] });
      await runAndCompare(python, p, db, { name: 'stamp', targets: ['c3c3c3c3c3c3', 'd4d4d4d4d4d4'], purge: true });
      await runAndCompare(python, p, db, { name: 'stamp', targets: ['e5e5'] });
      // A row no script knows: a plain stamp is refused by Alembic, --purge replaces the table.
      const file = db.url.slice('sqlite:///'.length);
      const k = knex({ client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true });
      await k('alembic_version').insert({ version_num: 'zzzzzzzzzzzz' });
      await k.destroy();
      const refused = await runOn(python, p, { name: 'stamp', revisions: ['heads'] }, { url: db.url });
      assert.equal(refused.result.ok, false);
      assert.equal(refused.result.failure?.kind, 'alembic-error');
      assert.match(refused.result.failure!.message, /Alembic refused alembic stamp heads: Can't locate revision identified by 'zzzzzzzzzzzz'/);
      await runAndCompare(python, p, db, { name: 'stamp', targets: ['b2b2'], purge: true });
      assert.deepEqual(await db.rows(), ['b2b2b2b2b2b2']);
    } finally {
      p.dispose();
    }
  });

  test('current, heads and history print what Alembic prints; current reports the rows it read', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      assertOk(await runOn(python, p, { name: 'upgrade', revision: 'b2b2' }, { url: db.url }));
      const current = await runOn(python, p, { name: 'current' }, { url: db.url });
      assertOk(current);
      assert.equal(current.result.stdout.trim(), 'b2b2b2b2b2b2');
      assert.deepEqual(current.result.startHeads, ['b2b2b2b2b2b2']);
      const heads = await runOn(python, p, { name: 'heads' }, { url: db.url });
      assert.equal(heads.result.stdout.trim(), 'c3c3c3c3c3c3 (head)');
      const history = await runOn(python, p, { name: 'history', indicateCurrent: true }, { url: db.url });
      assert.deepEqual(history.result.stdout.trim().split('\n'), [
        'b2b2b2b2b2b2 -> c3c3c3c3c3c3 (head), add index',
        'a1a1a1a1a1a1 -> b2b2b2b2b2b2 (current), add email',
        '<base> -> a1a1a1a1a1a1, create users',
      ]);
      const range = await runOn(python, p, { name: 'history', range: 'a1a1:b2b2' });
      assert.deepEqual(range.result.stdout.trim().split('\n'), ['a1a1a1a1a1a1 -> b2b2b2b2b2b2, add email', '<base> -> a1a1a1a1a1a1, create users']);
      const show = await runOn(python, p, { name: 'show', revision: 'c3c3' });
      assert.match(show.result.stdout, /^Rev: c3c3c3c3c3c3 \(head\)$/m);
    } finally {
      p.dispose();
    }
  });

  test('offline --sql returns the SQL text and leaves the database untouched', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      const up = await runOn(python, p, { name: 'upgrade', revision: 'base:head', sql: true }, { url: db.url });
      assertOk(up);
      const sql = up.result.sql ?? '';
      assert.match(sql, /CREATE TABLE alembic_version/);
      assert.equal(sql.match(/^-- Running upgrade/gm)?.length, 3);
      assert.match(sql, /INSERT INTO alembic_version \(version_num\) VALUES \('a1a1a1a1a1a1'\)/);
      assert.ok(up.result.stdout.includes('-- Running upgrade a1a1a1a1a1a1 -> b2b2b2b2b2b2'), 'also streamed as output');
      assert.equal(up.result.database, undefined, 'no claim about the database');
      assert.equal(existsSync(db.url.slice('sqlite:///'.length)) && (await db.hasTable('alembic_version')), false);

      const down = await runOn(python, p, { name: 'downgrade', revision: 'c3c3:a1a1', sql: true }, { url: db.url });
      assertOk(down);
      assert.equal(down.result.sql!.match(/^-- Running downgrade/gm)?.length, 2);
      const noRange = await runOn(python, p, { name: 'downgrade', revision: '-1', sql: true }, { url: db.url });
      assert.equal(noRange.result.failure?.kind, 'alembic-error');
      assert.match(noRange.result.failure!.message, /downgrade with --sql requires <fromrev>:<torev>/);
    } finally {
      p.dispose();
    }
  });

  test('revision writes a valid file (splice, branch label, depends_on) that the next upgrade runs', async () => {
    const p = copyProject('linear');
    try {
      const db = sqliteDb(p.root);
      const made = await runOn(python, p, { name: 'revision', message: 'add widgets', revId: 'd4d4d4d4d4d4' });
      assertOk(made);
      const file = made.result.created?.[0]?.path ?? '';
      assert.equal(made.result.created?.[0]?.revision, 'd4d4d4d4d4d4');
      assert.ok(existsSync(file), file);
      const parsed = parseMigration(new Uint8Array(readFileSync(file)));
      assert.deepEqual(strings(parsed.revision?.value), ['d4d4d4d4d4d4']);
      assert.deepEqual(strings(parsed.down_revision?.value), ['c3c3c3c3c3c3']);
      assert.equal(spawnSync(python, ['-m', 'py_compile', file]).status, 0, 'the file compiles');

      const spliced = await runOn(python, p, {
        name: 'revision', message: 'feature start', head: 'a1a1a1a1a1a1', splice: true, branchLabel: 'feature',
        dependsOn: ['b2b2b2b2b2b2'], revId: 'f1f1f1f1f1f1',
      });
      assertOk(spliced);
      const text = readFileSync(spliced.result.created![0].path, 'utf8');
      assert.match(text, /down_revision = 'a1a1a1a1a1a1'/);
      assert.match(text, /branch_labels = \('feature',\)/);
      assert.match(text, /depends_on = 'b2b2b2b2b2b2'/);

      const { map } = indexProject(nodeFs, loadProjectConfig(nodeFs, { iniFile: p.ini, cwd: p.root }));
      assert.deepEqual([...map.heads].sort(), ['d4d4d4d4d4d4', 'f1f1f1f1f1f1'], 'the engine sees both new heads');
      await runAndCompare(python, p, db, { name: 'upgrade', target: 'heads' });
    } finally {
      p.dispose();
    }
  });

  test('merge writes a merge revision over both heads; upgrade heads then ends at it', async () => {
    const p = copyProject('multiple-heads');
    try {
      const db = sqliteDb(p.root);
      const merged = await runOn(python, p, { name: 'merge', revisions: ['heads'], message: 'merge apps', revId: 'f0f0f0f0f0f0' });
      assertOk(merged);
      const parsed = parseMigration(new Uint8Array(readFileSync(merged.result.created![0].path)));
      assert.deepEqual(strings(parsed.down_revision?.value).sort(), ['a2a2a2a2a2a2', 'e2e2e2e2e2e2']);
      const heads = await runOn(python, p, { name: 'heads' });
      assert.equal(heads.result.stdout.trim(), 'f0f0f0f0f0f0 (head)');
      await runAndCompare(python, p, db, { name: 'upgrade', target: 'heads' });
      assert.deepEqual(await db.rows(), ['f0f0f0f0f0f0']);
    } finally {
      p.dispose();
    }
  });

  test('init creates a new environment where the config file points', async () => {
    const p = copyProject('linear');
    try {
      const dir = join(p.root, 'fresh');
      mkdirSync(dir);
      const ini = join(dir, 'alembic.ini');
      const run = await runOn(python, { ...p, root: dir, ini }, { name: 'init', directory: 'mig', template: 'generic' });
      assertOk(run);
      for (const f of ['alembic.ini', 'mig/env.py', 'mig/script.py.mako']) assert.ok(existsSync(join(dir, f)), f);
    } finally {
      p.dispose();
    }
  });

  test('a code-configured (Flask-Migrate) project: script_location given, -x arguments reach env.py', async () => {
    const p = copyProject('flask-migrate');
    try {
      const db = sqliteDb(p.root);
      const run = await runOn(python, p, { name: 'upgrade', revision: 'heads' }, {
        project: { root: p.root, configFile: join(p.root, 'migrations', 'alembic.ini'), scriptLocation: 'migrations' },
        xArgs: [`url=${db.url}`],
      });
      assertOk(run);
      assert.deepEqual(await db.rows(), ['b2b2b2b2b2b2']);
      assert.match(run.logs[0], /-x=url=sqlite:/);
    } finally {
      p.dispose();
    }
  });
});
