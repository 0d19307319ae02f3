// Connection settings: reading them, finding their project, the project's sqlalchemy.url as default
// connection, `${env:VAR}`, and the validation messages (each naming the fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { iniValue, projectOfSetting, resolveConnections, validateConnections } from '../../client/src/model/connections';
import { readConnection, type ConnectionSetting } from '../../client/src/model/settings';
import { project } from './graphs';

const conn = (over: Partial<ConnectionSetting>): ConnectionSetting => ({ ...readConnection({})!, ...over });
const main = project('/w/alembic.ini');
const other = project('/w/svc/alembic.ini');
const tenant = project('/w/alembic.ini', { id: '/w/alembic.ini#tenant', section: 'tenant' });

test('an entry finds its project by config file relative to a workspace folder, then by section', () => {
  assert.equal(projectOfSetting(conn({ project: 'svc/alembic.ini' }), [main, other], ['/w'])?.id, other.id);
  assert.equal(projectOfSetting(conn({ project: './alembic.ini' }), [main, other], ['/x', '/w'])?.id, main.id, 'second folder');
  assert.equal(projectOfSetting(conn({ project: '/w/svc/alembic.ini' }), [main, other], [])?.id, other.id, 'absolute');
  assert.equal(projectOfSetting(conn({ project: 'svc' }), [main, other], ['/w'])?.id, other.id, 'the project folder');
  assert.equal(projectOfSetting(conn({ project: 'alembic.ini', section: 'tenant' }), [main, tenant], ['/w'])?.id, tenant.id);
  assert.equal(projectOfSetting(conn({ project: 'alembic.ini', section: 'other' }), [tenant, main], ['/w'])?.id, main.id, 'unknown section: the main one, run with -n');
  assert.equal(projectOfSetting(conn({ project: '' }), [main], ['/w'])?.id, main.id, 'no project with one project');
  assert.equal(projectOfSetting(conn({ project: '' }), [main, other], ['/w']), null);
  assert.equal(projectOfSetting(conn({ project: 'nope.ini' }), [main], ['/w']), null);
});

test('resolved connections: entries first, the sqlalchemy.url default only for projects without any', () => {
  const withUrl = { ...main, sqlalchemyUrl: 'sqlite:///%(here)s/app.db' };
  const otherWithUrl = { ...other, sqlalchemyUrl: 'postgresql://u:secret@db/app' };
  const list = resolveConnections([conn({ name: 'dev', project: 'svc/alembic.ini', url: 'postgresql://me@localhost/app' })], [withUrl, otherWithUrl], ['/w']);
  assert.deepEqual(list.map((c) => [c.name, c.projectId, c.source.kind]), [
    ['dev', other.id, 'setting'],
    ['sqlalchemy.url', main.id, 'ini'],
  ]);
  assert.equal(list[1].url, 'sqlite:////w/app.db', '%(here)s is the config folder');
  assert.equal(list[0].key, `${other.id}::dev`);
});

test("alembic init's placeholder URL is no default connection; duplicates and incomplete entries are skipped", () => {
  const placeholder = { ...main, sqlalchemyUrl: 'driver://user:pass@localhost/dbname' };
  assert.deepEqual(resolveConnections([], [placeholder], ['/w']), []);
  const list = resolveConnections([conn({ name: 'a', url: 'sqlite:///a.db' }), conn({ name: 'a', url: 'sqlite:///b.db' }), conn({ name: '', url: 'sqlite:///c.db' })], [main], ['/w']);
  assert.deepEqual(list.map((c) => c.url), ['sqlite:///a.db']);
});

test('iniValue: configparser interpolation of %(here)s and %%', () => {
  assert.equal(iniValue('postgresql://u:p%%40x@h/%(here)s', '/r'), 'postgresql://u:p%40x@h//r');
});

test('validation names the entry and the fix', () => {
  const problems = validateConnections(
    [
      conn({ name: '', url: '' }),
      conn({ name: 'leaky', url: 'postgresql://me:hunter2@db/app' }),
      conn({ name: 'lost', project: 'elsewhere/alembic.ini', url: 'sqlite:///x.db' }),
      conn({ name: 'odd', url: 'oracle://me@db/x', xArgs: ['tenant'], env: { 'BAD-NAME': 'x' } }),
      conn({ name: 'envy', url: 'postgresql://${env:DB_USER}@${env:DB_HOST}/app', env: { TOKEN: '${env:MISSING_TOKEN}' } }),
      conn({ name: 'twice', url: 'sqlite:///1.db' }),
      conn({ name: 'twice', url: 'sqlite:///2.db' }),
    ],
    [main],
    ['/w'],
    { DB_USER: 'me', DB_HOST: 'db' },
  );
  const text = problems.map((p) => `${p.index}: ${p.message}`).join('\n');
  assert.match(text, /^0: Connection #1 in alembic.connections has no "name"/m);
  assert.match(text, /^0: .*has no "url"/m);
  assert.match(text, /^1: Connection "leaky" has a password in its "url": remove it/m);
  assert.doesNotMatch(text, /hunter2/, 'the message does not repeat the password');
  assert.match(text, /^2: Connection "lost" names the project "elsewhere\/alembic.ini", which is no indexed Alembic project/m);
  assert.match(text, /^3: .*built-in database reader does not know/m);
  assert.match(text, /^3: .*"tenant", which is not key=value/m);
  assert.match(text, /^3: .*"BAD-NAME", which is not a valid name/m);
  assert.match(text, /^4: Connection "envy" refers to \$\{env:MISSING_TOKEN\}, which is not set/m);
  assert.doesNotMatch(text, /DB_USER|DB_HOST/, 'set variables are fine');
  assert.match(text, /^6: Connection "twice" is defined twice/m);
  assert.equal(problems.filter((p) => p.index === 5).length, 0);
});

test('a password given through ${env:VAR} is allowed; an entry without project in a multi-project workspace is not', () => {
  const problems = validateConnections([conn({ name: 'ok', url: 'postgresql://me:${env:PGPASSWORD}@db/app' })], [main], ['/w'], { PGPASSWORD: 'x' });
  assert.deepEqual(problems, []);
  const multi = validateConnections([conn({ name: 'which', url: 'sqlite:///a.db' })], [main, other], ['/w'], {});
  assert.match(multi[0].message, /has no "project" and the workspace has 2 Alembic projects: set "project" to the config file, e.g. "alembic.ini"/);
});

test('readConnection keeps what is well-typed and drops the rest', () => {
  assert.equal(readConnection('dev'), null);
  assert.deepEqual(readConnection({ name: ' dev ', url: 5, xArgs: ['a=1', 2], env: { A: 'x', B: 3 }, protected: 'yes' }), {
    name: 'dev', project: '', url: '', section: '', xArgs: ['a=1'], env: { A: 'x' }, protected: false, versionTable: '', versionTableSchema: '',
  });
});
