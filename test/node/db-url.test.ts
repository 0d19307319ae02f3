// SQLAlchemy URLs read as SQLAlchemy reads them, turned into knex configurations; passwords redacted;
// ${env:VAR} expanded. Pure: no database.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseUrlError, expandEnv, knexConfig, MissingEnvVarError, parseDatabaseUrl, redactUrl } from '../../server/src/node/db/index';
import { scrub } from '../../server/src/node/db/errors';

describe('parseDatabaseUrl', () => {
  const cases: [string, Partial<ReturnType<typeof parseDatabaseUrl>>][] = [
    ['postgresql://scott:tiger@localhost:5432/mydb', { dialect: 'postgresql', scheme: 'postgresql', user: 'scott', password: 'tiger', host: 'localhost', port: 5432, database: 'mydb' }],
    ['postgresql+psycopg2://scott@db.example.com/mydb', { dialect: 'postgresql', scheme: 'postgresql+psycopg2', user: 'scott', password: null, host: 'db.example.com', port: null, database: 'mydb' }],
    ['postgres://u:p@h/d', { dialect: 'postgresql', scheme: 'postgres', user: 'u', password: 'p', host: 'h', database: 'd' }],
    ['mysql://root@127.0.0.1:3306/app', { dialect: 'mysql', user: 'root', host: '127.0.0.1', port: 3306, database: 'app' }],
    ['mysql+pymysql://u:p@h/app?charset=utf8mb4', { dialect: 'mysql', scheme: 'mysql+pymysql', query: { charset: 'utf8mb4' } }],
    ['mysql+mysqldb://u@h/app', { dialect: 'mysql', scheme: 'mysql+mysqldb' }],
    ['mariadb+pymysql://u@h:3307/app', { dialect: 'mysql', scheme: 'mariadb+pymysql', port: 3307 }],
    ['sqlite:///relative.db', { dialect: 'sqlite', host: null, database: 'relative.db' }],
    ['sqlite:////abs/path/app.db', { dialect: 'sqlite', database: '/abs/path/app.db' }],
    ['sqlite://', { dialect: 'sqlite', database: null }],
    ['sqlite:///:memory:', { dialect: 'sqlite', database: null }],
    ['sqlite+pysqlite:///x.db', { dialect: 'sqlite', scheme: 'sqlite+pysqlite', database: 'x.db' }],
    // Percent-encoded user and password ('@', ':' and '/' must be encoded), as SQLAlchemy decodes them.
    ['postgresql://us%40er:p%40ss%3Aw%2Fd@h/d', { user: 'us@er', password: 'p@ss:w/d', host: 'h' }],
    // SQLAlchemy's rule: the password runs to the first '@', so '/' and '?' may stand in it unencoded.
    ['postgresql://u:pa/ss?x@h/d', { user: 'u', password: 'pa/ss?x', host: 'h', database: 'd' }],
    ['postgresql://u:@h/d', { user: 'u', password: '', host: 'h' }],
    ['postgresql://u@[::1]:5433/d', { host: '::1', port: 5433, database: 'd' }],
    ['postgresql:///d?host=/var/run/postgresql', { host: null, database: 'd', query: { host: '/var/run/postgresql' } }],
    ['postgresql://u@h/d?sslmode=require&application_name=x', { query: { sslmode: 'require', application_name: 'x' } }],
    ['  postgresql://u@h/d  ', { host: 'h', database: 'd' }],
  ];
  for (const [url, expected] of cases) {
    test(url, () => {
      const parsed = parseDatabaseUrl(url);
      for (const [key, value] of Object.entries(expected)) {
        assert.deepEqual(parsed[key as keyof typeof parsed], value, `${key} of ${url}`);
      }
    });
  }

  test('unsupported dialects name the supported ones, without the password', () => {
    for (const url of ['oracle://scott:tiger42@h/db', 'mssql+pyodbc://sa:tiger42@dsn', 'snowflake://u:tiger42@acct/db', 'firebird://u:tiger42@h/db']) {
      assert.throws(() => parseDatabaseUrl(url), (e: Error) => {
        assert.ok(e instanceof DatabaseUrlError);
        assert.match(e.message, /unsupported database '\w+'.*PostgreSQL \(postgresql:\/\/, postgres:\/\/\), MySQL and MariaDB \(mysql:\/\/, mariadb:\/\/\) and SQLite \(sqlite:\/\/\)/);
        assert.doesNotMatch(e.message, /tiger42/);
        return true;
      });
    }
  });

  test('text that is not a URL, and a bad port', () => {
    assert.throws(() => parseDatabaseUrl('localhost:5432/db'), /not a database URL/);
    assert.throws(() => parseDatabaseUrl(''), /not a database URL/);
    assert.throws(() => parseDatabaseUrl('postgresql://u:pw12345@h:99999/d'), (e: Error) => /port/.test(e.message) && !e.message.includes('pw12345'));
  });
});

describe('knexConfig', () => {
  const options = { baseDir: '/project', timeoutMs: 5000 };

  test('PostgreSQL: fields, default port, timeouts, one connection, silent logs', () => {
    const config = knexConfig(parseDatabaseUrl('postgresql+psycopg2://app:fromurl@db:6543/main'), options);
    assert.equal(config.client, 'pg');
    assert.deepEqual(config.pool, { min: 0, max: 1 });
    assert.equal(config.acquireConnectionTimeout, 5000);
    const c = config.connection as Record<string, unknown>;
    assert.deepEqual(
      { host: c.host, port: c.port, user: c.user, password: c.password, database: c.database, timeout: c.connectionTimeoutMillis },
      { host: 'db', port: 6543, user: 'app', password: 'fromurl', database: 'main', timeout: 5000 },
    );
    assert.equal((knexConfig(parseDatabaseUrl('postgresql://app@db/main'), options).connection as Record<string, unknown>).port, 5432);
  });

  test('a password given apart overrides the URL\'s, even an empty one', () => {
    const url = parseDatabaseUrl('postgresql://app:fromurl@db/main');
    assert.equal((knexConfig(url, { ...options, password: 'fromsecret' }).connection as Record<string, unknown>).password, 'fromsecret');
    assert.equal((knexConfig(url, { ...options, password: '' }).connection as Record<string, unknown>).password, '');
  });

  test('PostgreSQL sslmode and socket directory', () => {
    const ssl = (mode: string) => (knexConfig(parseDatabaseUrl(`postgresql://u@h/d?sslmode=${mode}`), options).connection as Record<string, unknown>).ssl;
    assert.equal(ssl('disable'), false);
    assert.deepEqual(ssl('require'), { rejectUnauthorized: false });
    assert.deepEqual(ssl('verify-full'), { rejectUnauthorized: true });
    assert.equal((ssl('verify-ca') as { rejectUnauthorized: boolean }).rejectUnauthorized, true);
    assert.throws(() => ssl('bogus'), /unknown sslmode 'bogus'/);
    const socket = knexConfig(parseDatabaseUrl('postgresql:///d?host=/var/run/postgresql'), options).connection as Record<string, unknown>;
    assert.equal(socket.host, '/var/run/postgresql');
  });

  test('MySQL and MariaDB: mysql2, default port, charset, socket, ssl_mode', () => {
    const c = knexConfig(parseDatabaseUrl('mariadb+pymysql://u:p@h/app?charset=utf8mb4&unix_socket=/run/mysqld.sock&ssl_mode=REQUIRED'), options);
    assert.equal(c.client, 'mysql2');
    assert.deepEqual(c.connection, {
      host: 'h', port: 3306, user: 'u', password: 'p', database: 'app', connectTimeout: 5000,
      charset: 'utf8mb4', socketPath: '/run/mysqld.sock', ssl: { rejectUnauthorized: false },
    });
  });

  test('SQLite: relative to the base directory, read-only URI, memory', () => {
    const relative = knexConfig(parseDatabaseUrl('sqlite:///data/app db.sqlite'), options);
    assert.equal(relative.client, 'sqlite3');
    assert.deepEqual(relative.connection, { filename: 'file:///project/data/app%20db.sqlite?mode=ro', flags: ['OPEN_URI'] });
    assert.deepEqual(knexConfig(parseDatabaseUrl('sqlite:////abs/app.db'), options).connection, { filename: 'file:///abs/app.db?mode=ro', flags: ['OPEN_URI'] });
    assert.deepEqual(knexConfig(parseDatabaseUrl('sqlite://'), options).connection, { filename: ':memory:' });
  });
});

describe('redactUrl', () => {
  const cases: [string, string][] = [
    ['postgresql://scott:tiger@localhost/mydb', 'postgresql://scott:***@localhost/mydb'],
    ['mysql+pymysql://u:p%40ss@h:3306/db?charset=utf8', 'mysql+pymysql://u:***@h:3306/db?charset=utf8'],
    ['postgresql://u:pa/ss?x@h/d', 'postgresql://u:***@h/d'],
    ['postgresql://u@h/d', 'postgresql://u@h/d'],
    ['postgresql://h:5432/d', 'postgresql://h:5432/d'],
    ['postgresql://u@h/d?password=hunter2&sslmode=require', 'postgresql://u@h/d?password=***&sslmode=require'],
    ['sqlite:///app.db', 'sqlite:///app.db'],
    ['oracle://scott:tiger@h/db', 'oracle://scott:***@h/db'],
  ];
  for (const [url, expected] of cases) test(url, () => assert.equal(redactUrl(url), expected));
});

describe('expandEnv', () => {
  test('replaces ${env:NAME}, an empty variable with nothing', () => {
    assert.equal(expandEnv('postgresql://${env:DB_USER}@${env:DB_HOST}:5432/app${env:EMPTY}', { DB_USER: 'me', DB_HOST: 'db.local', EMPTY: '' }), 'postgresql://me@db.local:5432/app');
    assert.equal(expandEnv('no variables, $HOME and ${other} stay', {}), 'no variables, $HOME and ${other} stay');
  });

  test('names as the client reads them: letters, digits and _, not starting with a digit; anything else stays as written', () => {
    assert.equal(expandEnv('${env:A-B}${env:}${env:1X}', {}), '${env:A-B}${env:}${env:1X}');
  });

  test('a missing variable is an error naming it', () => {
    assert.throws(() => expandEnv('postgresql://${env:DB_USER}@h/d', {}), (e: Error) => {
      assert.ok(e instanceof MissingEnvVarError);
      assert.equal(e.variable, 'DB_USER');
      assert.match(e.message, /environment variable DB_USER is not set/);
      return true;
    });
  });
});

describe('scrub', () => {
  test('removes a secret and its URL-encoded form from text', () => {
    assert.equal(scrub('a p@ss:w0rd and p%40ss%3Aw0rd here', ['p@ss:w0rd']), 'a *** and *** here');
    assert.equal(scrub('abc', ['b']), 'abc', 'too short to scrub without mangling words');
  });
});
