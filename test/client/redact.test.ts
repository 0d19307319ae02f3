// Nothing secret reaches the output channel: known passwords (plain and URL-encoded), the password
// part of any URL, `password=` options; command lines are logged redacted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandLineText, makeRedactor } from '../../client/src/model/redact';

test('known passwords are hidden wherever they appear, longest first', () => {
  const r = makeRedactor(['s3cr3t', 's3cr3t-and-more', '', 'p@ss/w']);
  assert.equal(r('auth failed for s3cr3t-and-more and s3cr3t'), 'auth failed for *** and ***');
  assert.equal(r('url postgresql://me:p%40ss%2Fw@db/x'), 'url postgresql://me:***@db/x', 'URL-encoded form');
  assert.equal(r('nothing here'), 'nothing here', 'an empty secret hides nothing');
});

test('passwords in any URL are hidden even when unknown', () => {
  const r = makeRedactor([]);
  assert.equal(r("sqlalchemy.exc.OperationalError: (psycopg2) connection to 'postgresql://u:unknown@h:5432/db' failed"), "sqlalchemy.exc.OperationalError: (psycopg2) connection to 'postgresql://u:***@h:5432/db' failed");
  assert.equal(r('mysql+pymysql://root:a/b@db/x and mysql://u@db/x'), 'mysql+pymysql://root:***@db/x and mysql://u@db/x');
  assert.equal(r('postgresql://db/app?user=a&password=hidden&x=1'), 'postgresql://db/app?user=a&password=***&x=1');
  assert.equal(r('see https://example.com:8080/path and user@example.com'), 'see https://example.com:8080/path and user@example.com', 'no userinfo, nothing hidden');
});

test('command lines are quoted and redacted', () => {
  const r = makeRedactor(['pw']);
  assert.equal(commandLineText('/usr/bin/python3', ['-m', 'alembic', 'revision', '--message=add users', "it's"], r), "/usr/bin/python3 -m alembic revision '--message=add users' 'it'\\''s'");
  assert.equal(commandLineText('python', ['-x', 'url=postgresql://u:pw@h/db'], r), 'python -x url=postgresql://u:***@h/db');
});
