// SQLAlchemy URLs in the client: env expansion, password detection and hiding, the guided builder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConnectionUrl, nameProblem, portProblem } from '../../client/src/model/connectionUrl';
import { databaseKind, envVarNames, expandEnvVars, urlHasPassword, urlPassword, urlUser } from '../../client/src/model/urls';
import { redactUrl } from '../../server/src/redactUrl';

test('${env:VAR} expansion lists what is missing', () => {
  assert.deepEqual(expandEnvVars('postgresql://${env:U}@${env:H}/${env:U}', { U: 'me' }), { value: 'postgresql://me@/me', missing: ['H'] });
  assert.deepEqual(expandEnvVars('${env:EMPTY}x', { EMPTY: '' }), { value: 'x', missing: [] });
  assert.deepEqual(envVarNames('${env:A}${env:B}${env:A}${env:}'), ['A', 'B']);
});

test('password detection, extraction and redaction', () => {
  assert.equal(urlHasPassword('postgresql://me:secret@db/app'), true);
  assert.equal(urlHasPassword('postgresql://me@db/app'), false);
  assert.equal(urlHasPassword('postgresql://me:@db/app'), false, 'an empty password is none');
  assert.equal(urlHasPassword('postgresql://db/app?password=x'), true);
  assert.equal(urlHasPassword('sqlite:////tmp/a:b@c.db'), false, 'a path with : and @ after the host part');
  assert.equal(urlPassword('mysql+pymysql://root:p%40ss@db/x'), 'p@ss');
  assert.equal(redactUrl('mysql+pymysql://root:p%40ss/w@db:3306/x'), 'mysql+pymysql://root:***@db:3306/x');
  assert.equal(redactUrl('postgresql://db/app?user=a&password=b'), 'postgresql://db/app?user=a&password=***');
  assert.equal(redactUrl('postgresql://me@db/app'), 'postgresql://me@db/app');
  // SQLAlchemy 1.4 (Debian's): make_url('postgresql://me:@db/app').render_as_string(hide_password=True)
  assert.equal(redactUrl('postgresql://me:@db/app'), 'postgresql://me:***@db/app');
  assert.equal(urlUser('postgresql://m%C3%A9:x@db/app'), 'mé');
  assert.equal(urlUser('postgresql://db/app'), null);
});

test('database kinds', () => {
  assert.equal(databaseKind('postgres://x'), 'postgresql');
  assert.equal(databaseKind('postgresql+psycopg2://x'), 'postgresql');
  assert.equal(databaseKind('mariadb+pymysql://x'), 'mariadb');
  assert.equal(databaseKind('sqlite:///a.db'), 'sqlite');
  assert.equal(databaseKind('oracle://x'), null);
  assert.equal(databaseKind('not a url'), null);
});

test('Add Connection builds URLs without passwords, with Python drivers that exist', () => {
  assert.equal(buildConnectionUrl({ kind: 'postgresql', host: 'db', port: 5432, database: 'app', user: 'me' }), 'postgresql://me@db/app');
  assert.equal(buildConnectionUrl({ kind: 'postgresql', host: 'db', port: 6543, database: 'app', user: 'me@corp' }), 'postgresql://me%40corp@db:6543/app');
  assert.equal(buildConnectionUrl({ kind: 'mysql', host: '', database: 'app', user: 'root' }), 'mysql+pymysql://root@127.0.0.1/app');
  assert.equal(buildConnectionUrl({ kind: 'mariadb', host: '::1', port: 3307, database: 'app' }), 'mariadb+pymysql://[::1]:3307/app');
  assert.equal(buildConnectionUrl({ kind: 'sqlite', database: 'data/app.db' }), 'sqlite:///data/app.db');
  assert.equal(buildConnectionUrl({ kind: 'sqlite', database: '/abs/app.db' }), 'sqlite:////abs/app.db');
  assert.equal(buildConnectionUrl({ kind: 'sqlite', database: 'C:\\db\\app.db' }), 'sqlite:///C:/db/app.db');
});

test('answers are checked as they are typed', () => {
  assert.equal(portProblem('5432'), null);
  assert.equal(portProblem(''), null);
  assert.match(portProblem('70000')!, /1 to 65535/);
  assert.match(portProblem('54a')!, /whole number/);
  assert.match(nameProblem(' ', [])!, /Give the connection a name/);
  assert.match(nameProblem('dev', ['dev'])!, /already has a connection named "dev"/);
  assert.equal(nameProblem('prod', ['dev']), null);
});
