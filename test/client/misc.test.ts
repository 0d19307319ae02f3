// Small pure pieces: the connections view model, offline SQL ranges, init templates, progress text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionRoots, stateSummary, type ConnectionsInput } from '../../client/src/model/connectionItems';
import { resolveConnections } from '../../client/src/model/connections';
import { readClientSettings } from '../../client/src/model/settings';
import { revisionSqlRange, sqlHeader, sqlRange } from '../../client/src/model/sqlRange';
import { FALLBACK_TEMPLATES, initDirectoryProblem, parseTemplates } from '../../client/src/model/templates';
import { stepProgressText } from '../../client/src/model/runText';
import { P1, project } from './graphs';

test('connections view: current revisions, how far behind, errors, the active one, no password anywhere', () => {
  const p = { ...project('/w/alembic.ini') };
  const other = project('/w/svc/alembic.ini');
  const settings = readClientSettings({
    connections: [
      { name: 'dev', url: 'postgresql://me@localhost/app', project: 'alembic.ini' },
      { name: 'prod', url: 'postgresql://me@prod/app', project: 'alembic.ini', protected: true },
    ],
  });
  const withIni = { ...other, sqlalchemyUrl: 'postgresql://svc:topsecret@db/svc' };
  const connections = resolveConnections(settings.connections, [p, withIni], ['/w']);
  const input: ConnectionsInput = {
    projects: [p, withIni],
    connections,
    graphs: new Map([[p.id, P1]]),
    states: new Map([
      [connections[0].key, { status: 'ok', rows: ['c3'], stamped: true }],
      [connections[1].key, { status: 'error', kind: 'auth', message: 'password authentication failed for user "me"' }],
      [connections[2].key, { status: 'ok', rows: [], stamped: false }],
    ]),
    active: new Set([connections[0].key]),
    problems: ['Connection "x" has no "url".'],
    folders: ['/w'],
  };
  const roots = connectionRoots(input);
  assert.deepEqual(roots.map((r) => r.label), ['Connection "x" has no "url".', 'alembic.ini', 'svc/alembic.ini']);
  const [dev, prod] = roots[1].children!;
  assert.equal(dev.description, 'c3 · 3 behind');
  assert.match(dev.contextValue, /\bactive\b/);
  assert.equal(dev.children![0].label, 'c3 branch one');
  assert.deepEqual(dev.children![0].open, { file: '/w/migrations/versions/c3.py', line: 7 });
  assert.equal(prod.description, 'wrong password or user');
  assert.equal(prod.icon.id, 'error');
  assert.match(prod.contextValue, /\binactive\b.*\bprotected\b/);
  const ini = roots[2].children![0];
  assert.equal(ini.label, 'sqlalchemy.url');
  assert.match(ini.contextValue, /\bfromIni\b/);
  assert.doesNotMatch(JSON.stringify(roots), /topsecret/);
  assert.match(ini.tooltip!, /svc:\*\*\*@db/);
});

test('state summaries', () => {
  assert.deepEqual(stateSummary({ status: 'ok', rows: ['zz'], stamped: true }, P1).text, 'zz · unknown revision');
  assert.equal(stateSummary({ status: 'ok', rows: [], stamped: true }, P1).text, 'empty version table · 6 behind');
  assert.equal(stateSummary({ status: 'untrusted' }, P1).text, 'workspace not trusted');
  assert.equal(stateSummary({ status: 'error', kind: 'password', message: 'm' }, P1).text, 'password needed');
  assert.equal(stateSummary({ status: 'error', kind: 'strange', message: 'm' }, P1).text, 'error');
});

test('offline SQL ranges', () => {
  assert.deepEqual(sqlRange('upgrade', 'base', 'head'), { ok: true, revision: 'head' });
  assert.deepEqual(sqlRange('upgrade', 'a1', 'c3'), { ok: true, revision: 'a1:c3' });
  assert.deepEqual(sqlRange('downgrade', 'c3', 'a1'), { ok: true, revision: 'c3:a1' });
  assert.equal(sqlRange('downgrade', 'base', 'a1').ok, false);
  assert.equal(sqlRange('upgrade', 'a1', '').ok, false);
  assert.equal(revisionSqlRange({ id: 'a1', downRevisions: [] }), 'a1');
  assert.equal(revisionSqlRange({ id: 'e5', downRevisions: ['d4', 'c3'] }), 'd4:e5');
  assert.match(sqlHeader('alembic upgrade a1:b2 --sql', 'dev'), /^-- alembic upgrade a1:b2 --sql \(dialect and options of dev\)\n/);
});

test('init templates from list_templates, and the folder check', () => {
  const out = 'Available templates:\n\nasync - Generic single-database configuration with an async dbapi.\ngeneric - Generic single-database configuration.\nmultidb - Rudimentary multi-database configuration.\n\nTemplates are used via the \'init\' command, e.g.:\n\n  alembic init --template generic ./scripts\n';
  assert.deepEqual(parseTemplates(out).map((t) => t.name), ['generic', 'async', 'multidb']);
  assert.deepEqual(parseTemplates('Traceback…'), FALLBACK_TEMPLATES);
  assert.equal(initDirectoryProblem('migrations', false), null);
  assert.match(initDirectoryProblem('migrations', true)!, /already exists/);
  assert.match(initDirectoryProblem('../x', false)!, /inside the workspace folder/);
  assert.match(initDirectoryProblem('/abs', false)!, /relative path/);
  assert.match(initDirectoryProblem(' ', false)!, /Name the folder/);
});

test('progress names each revision as it starts', () => {
  assert.equal(stepProgressText({ phase: 'started', kind: 'upgrade', revision: 'b2', from: ['a1'], to: ['b2'], message: 'add email' }), 'Upgrading b2: add email');
  assert.equal(stepProgressText({ phase: 'started', kind: 'downgrade', revision: 'b2', from: ['b2'], to: ['a1'], message: null }), 'Downgrading b2');
  assert.equal(stepProgressText({ phase: 'started', kind: 'stamp', revision: null, from: [], to: ['f6'], message: null }), 'stamp base → f6');
  assert.equal(stepProgressText({ phase: 'finished', kind: 'upgrade', revision: 'b2', from: ['a1'], to: ['b2'], message: null }), null);
});
