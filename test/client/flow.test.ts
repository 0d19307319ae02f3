// Upgrade/downgrade end to end, as the extension runs them: the real language server plans, the
// real Alembic migrates a SQLite (and a PostgreSQL) database, the client's db bundle reads the
// version table; VS Code is the fake module answering the dialogs. Checks the confirmations, the
// protected-name guard, the progress naming each revision, and that no password reaches the output.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { installFakeVscode, recorded, resetRecorded } from './fakeVscode';
import { copyFixtures, LspClient, REPO, SERVER_JS } from '../helpers/lspClient';
import { integrationSkipReason, locateAlembic } from '../helpers/alembic';
import { RunLock } from '../../server/src/node/alembic/runLock';
import type { ClientContext } from '../../client/src/context';
import { readClientSettings } from '../../client/src/model/settings';
import { AppState } from '../../client/src/state/appState';
import { DatabaseStore } from '../../client/src/state/databaseStore';
import { ProjectsStore } from '../../client/src/state/projectsStore';

installFakeVscode();

const built = existsSync(SERVER_JS) && existsSync(join(REPO, 'server/out/db.js'));
if (!built && process.env.CI === 'true') throw new Error('run npm run build before the tests');
const skip = !built ? 'server/out not built (npm run build)' : integrationSkipReason();

let dir = '';
let server: LspClient | undefined;
const lines: string[] = [];
let ctx: ClientContext;
let state: AppState;
const secrets = new Map<string, string>();

async function setup(connections: unknown[]): Promise<void> {
  const { Passwords } = await import('../../client/src/db/passwords');
  const { makeVersionReader } = await import('../../client/src/db/versionReader');
  const { Interpreters } = await import('../../client/src/run/interpreter');
  const { makeRedactor } = await import('../../client/src/model/redact');
  const known = new Set<string>();
  const storage = { get: async (k: string) => secrets.get(k), store: async (k: string, v: string) => void secrets.set(k, v), delete: async (k: string) => void secrets.delete(k) };
  const passwords = new Passwords(storage as never, known);
  const projects = new ProjectsStore(5);
  const db = new DatabaseStore(makeVersionReader({ bundlePath: join(REPO, 'server/out/db.js'), passwords, project: (id) => projects.project(id), trusted: () => true, timeoutSeconds: () => 10 }));
  state = new AppState(projects, db, { get: () => ({}), set: () => undefined }, process.env);
  state.update({ folders: [dir], trusted: true, settings: readClientSettings({ connections }) });
  await projects.connect((m, p) => server!.request(m, p));
  const output = {
    line: (t: string) => lines.push(makeRedactor(known)(t)),
    heading: (t: string) => lines.push(`$ ${makeRedactor(known)(t)}`),
    redact: (t: string) => makeRedactor(known)(t),
    show: () => undefined,
  };
  ctx = {
    extension: { asAbsolutePath: (p: string) => join(REPO, p) },
    state,
    output,
    passwords,
    interpreters: new Interpreters(),
    lock: new RunLock(),
    request: (m: string, p?: unknown) => server!.request(m, p),
    refresh: () => projects.refresh(),
  } as unknown as ClientContext;
}

before(async () => {
  if (skip) return;
  dir = copyFixtures('linear');
  server = await LspClient.start({ folders: [dir] });
  await server.waitForIndexCount(1);
});

after(async () => {
  server?.proc.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function python(): string {
  const found = locateAlembic();
  if ('missing' in found) throw new Error(found.missing);
  return found.python;
}

async function change(command: 'upgrade' | 'downgrade', target: string, answers: unknown[]): Promise<void> {
  const { changeDatabase } = await import('../../client/src/run/changeDatabase');
  resetRecorded();
  recorded.config = { pythonPath: python() };
  recorded.answers.push(...answers);
  const project = state.projectList[0];
  await changeDatabase(ctx, { project, connection: state.activeConnection(project.id)!, command, target });
}

const rows = () => {
  const s = state.dbState(state.activeConnection(state.projectList[0].id));
  return s?.status === 'ok' ? s.rows : s;
};

test('SQLite: upgrade with the plan confirmed, progress per revision, then the version table read again', { skip }, async () => {
  await setup([{ name: 'dev', project: 'linear/alembic.ini', url: 'sqlite:///dev.db' }]);
  await change('upgrade', 'head', [undefined]);
  assert.equal(recorded.messages[0].text, 'Upgrade dev to head?');
  assert.deepEqual(rows(), [], 'Escape at the plan: nothing ran (and the table is not created)');
  await change('upgrade', 'head', ['Upgrade']);
  const modal = recorded.messages[0];
  assert.match((modal.items[0] as { detail: string }).detail, /Runs 3 revisions, in this order:\n  1\. upgrade a1a1a1a1a1a1 \(create users\)\n  2\. upgrade b2b2b2b2b2b2/);
  assert.deepEqual(rows(), ['c3c3c3c3c3c3']);
  assert.deepEqual(recorded.progress, ['Upgrading a1a1a1a1a1a1: create users', 'Upgrading b2b2b2b2b2b2: add email', 'Upgrading c3c3c3c3c3c3: add index']);
  assert.ok(recorded.messages.some((m) => m.text === 'Alembic: dev is now at c3c3c3c3c3c3.'), JSON.stringify(recorded.messages));
  assert.ok(lines.some((l) => l.startsWith('$ alembic upgrade head')), lines.join('\n'));
  await change('upgrade', 'head', []);
  assert.equal(recorded.messages[0].text, 'Alembic: dev is already at head: nothing to upgrade.');
});

test('SQLite: a protected connection needs its exact name before a downgrade runs', { skip }, async () => {
  await setup([{ name: 'dev', project: 'linear/alembic.ini', url: 'sqlite:///dev.db', protected: true }]);
  await change('downgrade', '-1', ['Downgrade', 'Dev']);
  assert.ok(recorded.asked.includes('Downgrade dev to -1?: dev is protected. Type its name to downgrade it.'), recorded.asked.join('\n'));
  assert.deepEqual(rows(), ['c3c3c3c3c3c3'], 'wrong name: nothing ran');
  await change('downgrade', '-1', ['Downgrade', 'dev']);
  assert.deepEqual(rows(), ['b2b2b2b2b2b2']);
  assert.deepEqual(recorded.progress, ['Downgrading c3c3c3c3c3c3: add index']);
});

function psql(sql: string): boolean {
  const r = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8', shell: false });
  return r.status === 0;
}

test('PostgreSQL: the stored password reaches the database but never the output', { skip }, async (t) => {
  if (!psql('SELECT 1')) {
    if (process.env.CI === 'true') throw new Error('PostgreSQL at 127.0.0.1:5432 is needed on CI');
    t.skip('PostgreSQL at 127.0.0.1:5432 is not reachable');
    return;
  }
  const name = `alembic_client_${process.pid}_${Date.now()}`;
  assert.ok(psql(`CREATE DATABASE ${name}`));
  try {
    await setup([{ name: 'pg', project: 'linear/alembic.ini', url: `postgresql://postgres@127.0.0.1:5432/${name}` }]);
    const conn = state.activeConnection(state.projectList[0].id)!;
    secrets.set(`alembic.password/${conn.key}`, 'Sup3r-S3cret!pw');
    await change('upgrade', '+2', ['Upgrade']);
    assert.deepEqual(rows(), ['b2b2b2b2b2b2']);
    const all = [...lines, ...recorded.messages.map((m) => m.text), ...recorded.asked].join('\n');
    assert.doesNotMatch(all, /Sup3r-S3cret!pw|Sup3r-S3cret%21pw/);
    assert.match(lines.join('\n'), /password from the connection \(not shown\)/);
  } finally {
    psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
});
