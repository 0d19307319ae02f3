// The runner's pure parts: argument arrays, titles, which commands lock the connection, the lock,
// marker parsing, line splitting and redaction. No Python here.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { commandArgs, commandTitle, touchesDatabase } from '../../server/src/node/alembic/commandArgs';
import { RunLock } from '../../server/src/node/alembic/runLock';
import { LineSplitter, MARKER, parseLine } from '../../server/src/node/alembic/markers';
import { Redactor, passwordInUrl } from '../../server/src/node/alembic/redact';
import { findBootstrap } from '../../server/src/node/alembic/bootstrapPath';
import { existsSync } from 'node:fs';

describe('commandArgs', () => {
  test('values are separate items; a relative revision stays a value; -x comes first', () => {
    assert.deepEqual(commandArgs({ name: 'downgrade', revision: '-1', sql: true }, ['url=x']), ['-x=url=x', 'downgrade', '--sql', '--', '-1']);
    assert.deepEqual(commandArgs({ name: 'stamp', revisions: ['a', 'b'], purge: true }), ['stamp', '--purge', '--', 'a', 'b']);
    assert.deepEqual(
      commandArgs({ name: 'revision', message: '--sql; rm -rf /', dependsOn: ['a', 'b'], revId: 'r1', splice: true }),
      ['revision', '--message=--sql; rm -rf /', '--splice', '--depends-on=a', '--depends-on=b', '--rev-id=r1'],
    );
    assert.deepEqual(commandArgs({ name: 'merge', revisions: ['heads'], message: 'm' }), ['merge', '--message=m', '--', 'heads']);
    assert.deepEqual(commandArgs({ name: 'init', directory: 'mig', template: 'generic' }), ['init', '--template=generic', '--', 'mig']);
    assert.deepEqual(commandArgs({ name: 'history', range: '-2:', indicateCurrent: true }), ['history', '--rev-range=-2:', '--indicate-current']);
  });

  test('titles read like the alembic CLI', () => {
    assert.equal(commandTitle({ name: 'upgrade', revision: 'head' }), 'alembic upgrade head');
    assert.equal(commandTitle({ name: 'downgrade', revision: '-1' }), 'alembic downgrade -1');
    assert.equal(commandTitle({ name: 'revision', message: 'add users' }), 'alembic revision --message "add users"');
  });

  test('only commands that connect take the connection lock', () => {
    assert.equal(touchesDatabase({ name: 'upgrade', revision: 'head' }), true);
    assert.equal(touchesDatabase({ name: 'upgrade', revision: 'head', sql: true }), false);
    assert.equal(touchesDatabase({ name: 'current' }), true);
    assert.equal(touchesDatabase({ name: 'heads' }), false);
    assert.equal(touchesDatabase({ name: 'revision', autogenerate: true }), true);
    assert.equal(touchesDatabase({ name: 'revision' }), false);
  });
});

describe('RunLock', () => {
  test('a second run on a busy key is refused with the running command named; release frees it', () => {
    let now = 1000;
    const lock = new RunLock(() => now);
    const first = lock.tryAcquire('db1', 'alembic upgrade head');
    assert.ok(first.ok);
    now = 13_000;
    const second = lock.tryAcquire('db1', 'alembic downgrade -1');
    assert.ok(!second.ok);
    assert.match(lock.busyMessage(second.holder, 'alembic downgrade -1'), /alembic upgrade head is already running.*started 12 s ago/);
    assert.ok(lock.tryAcquire('db2', 'alembic current').ok, 'another connection is independent');
    first.release();
    first.release(); // twice is harmless
    assert.ok(lock.tryAcquire('db1', 'alembic downgrade -1').ok);
  });
});

describe('markers', () => {
  test('a marker line is an event; other lines are text; a marker after unterminated output splits', () => {
    assert.deepEqual(parseLine('INFO  [alembic] Running'), { text: 'INFO  [alembic] Running' });
    const e = parseLine(`${MARKER}{"event":"step-started","kind":"upgrade","revision":"a","from":[],"to":["a"],"message":null}`);
    assert.equal(e.text, undefined);
    assert.equal(e.event?.event, 'step-started');
    const mixed = parseLine(`partial${MARKER}{"event":"result","ok":true}`);
    assert.equal(mixed.text, 'partial');
    assert.equal(mixed.event?.event, 'result');
    assert.deepEqual(parseLine(`${MARKER}{not json`), { text: `${MARKER}{not json` });
  });

  test('LineSplitter keeps UTF-8 characters split across chunks and handles CRLF', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    const bytes = Buffer.from('héllo\r\nwörld\nlast', 'utf8');
    for (let i = 0; i < bytes.length; i++) s.push(bytes.subarray(i, i + 1));
    s.end();
    assert.deepEqual(lines, ['héllo', 'wörld', 'last']);
  });
});

describe('Redactor', () => {
  test('the password in every spelling, any URL userinfo, and password= keywords are masked', () => {
    const pw = 'p@ss:w/rd %41 ü';
    const r = new Redactor([pw]);
    const lines = [
      `plain ${pw} here`,
      `quoted ${encodeURIComponent(pw)}`,
      `sqlalchemy 1.4 ${pw.replace(/[:@/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
      `json ${JSON.stringify(pw)}`,
      'other url postgresql://bob:hunter2@db:5432/x',
      'dsn host=db password=hunter2 user=bob',
    ];
    for (const line of lines) {
      const out = r.redact(line);
      assert.ok(!out.includes(pw) && !out.includes('hunter2') && !out.includes(encodeURIComponent(pw)), out);
      assert.ok(out.includes('***'), out);
    }
    assert.equal(r.redact('postgresql://bob:hunter2@db/x'), 'postgresql://bob:***@db/x');
  });

  test('passwordInUrl finds the userinfo password (even with @ inside), or nothing', () => {
    assert.equal(passwordInUrl('mysql+pymysql://u:p%40ss@host/db'), 'p%40ss');
    assert.equal(passwordInUrl('postgresql://u:a@b@host/db'), 'a@b');
    assert.equal(passwordInUrl('postgresql://u@host/db'), undefined);
    assert.equal(passwordInUrl('sqlite:///x.db'), undefined);
    const r = new Redactor();
    r.addUrl('mysql://u:s3cr%40t@h/d');
    assert.equal(r.redact('s3cr@t and s3cr%40t'), '*** and ***');
  });

  test('deep redaction reaches nested strings', () => {
    const r = new Redactor(['topsecret']);
    assert.deepEqual(r.deep({ a: ['x topsecret'], b: { c: 'topsecret' }, n: 1 }), { a: ['x ***'], b: { c: '***' }, n: 1 });
  });
});

test('the bootstrap is found from the sources (and would be from server/out or client/out)', () => {
  const found = findBootstrap();
  assert.ok(found && existsSync(found), String(found));
  assert.match(found!, /server[\\/]python[\\/]alembic_bootstrap\.py$/);
});
