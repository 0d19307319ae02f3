// The client's state without VS Code: projects and graphs fetched from the server (bursts of
// didIndex coalesced), version-table reads shared, the active connection per project.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GRAPH_REQUEST, PROJECTS_REQUEST, type GraphResult, type ProjectSummary } from '../../server/src/protocol';
import { AppState } from '../../client/src/state/appState';
import { DatabaseStore } from '../../client/src/state/databaseStore';
import { ProjectsStore } from '../../client/src/state/projectsStore';
import type { DbState } from '../../client/src/model/connectionItems';
import { readClientSettings } from '../../client/src/model/settings';
import { P1, project, TWO_HEADS } from './graphs';

function fakeServer(projects: ProjectSummary[], graphs: Record<string, GraphResult>) {
  const calls: string[] = [];
  const request = async <R>(method: string, params?: unknown): Promise<R> => {
    calls.push(method === GRAPH_REQUEST ? `graph ${(params as { project: string }).project}` : method);
    await new Promise((r) => setImmediate(r));
    if (method === PROJECTS_REQUEST) return { projects } as R;
    return (graphs[(params as { project: string }).project] ?? null) as R;
  };
  return { calls, request };
}

function until(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2000;
  return new Promise((resolve, reject) => {
    const poll = () => (predicate() ? resolve() : Date.now() > deadline ? reject(new Error(`timed out waiting for ${what}`)) : setTimeout(poll, 5));
    poll();
  });
}

const a = project('/w/a/alembic.ini');
const b = project('/w/b/alembic.ini');

test('connect fetches every project and graph; a burst of didIndex costs one fetch of the changed graph', async () => {
  const server = fakeServer([a, b], { [a.id]: { ...P1, project: a.id }, [b.id]: { ...TWO_HEADS, project: b.id } });
  const store = new ProjectsStore(10);
  let changes = 0;
  store.changed.on(() => changes++);
  await store.connect(server.request);
  assert.equal(store.indexed, true);
  assert.deepEqual(server.calls.sort(), [PROJECTS_REQUEST, `graph ${a.id}`, `graph ${b.id}`].sort());
  assert.equal(changes, 1);
  server.calls.length = 0;
  a.version = 2;
  for (let i = 0; i < 5; i++) store.didIndex({ project: a.id, version: 2, revisionCount: 6, headCount: 1, problemCount: 0 });
  store.didIndex({ project: b.id, version: 1, revisionCount: 3, headCount: 2, problemCount: 0 }); // same version: ignored
  await until(() => changes === 2, 'the coalesced fetch');
  assert.deepEqual(server.calls, [PROJECTS_REQUEST, `graph ${a.id}`]);
  store.dispose();
});

test('a failing server is reported, not thrown', async () => {
  const store = new ProjectsStore(10);
  await store.connect(async () => {
    throw new Error('connection got disposed');
  });
  assert.equal(store.indexed, true);
  assert.match(store.error!, /did not answer: connection got disposed/);
});

test('reads of one connection are shared; the views see reading, then the result', async () => {
  let reads = 0;
  let finish: (s: DbState) => void = () => {};
  const db = new DatabaseStore(() => {
    reads++;
    return new Promise((r) => (finish = r));
  });
  const seen: string[] = [];
  db.changed.on(() => seen.push(db.get('k')!.status));
  const conn = { key: 'k' } as Parameters<typeof db.read>[0];
  const one = db.read(conn);
  const two = db.read(conn, true);
  assert.equal(reads, 1);
  finish({ status: 'ok', rows: ['a1'], stamped: true });
  assert.deepEqual(await one, await two);
  assert.deepEqual(seen, ['reading', 'ok']);
});

test('a reader that throws becomes an error state', async () => {
  const db = new DatabaseStore(async () => {
    throw new Error('boom');
  });
  assert.deepEqual(await db.read({ key: 'k' } as Parameters<typeof db.read>[0]), { status: 'error', kind: 'error', message: 'boom' });
});

test('AppState: connections per project, the active one remembered, positions for the History view', async () => {
  const server = fakeServer([a, b], { [a.id]: { ...P1, project: a.id }, [b.id]: { ...TWO_HEADS, project: b.id } });
  const projects = new ProjectsStore(10);
  let memory: Record<string, string> = {};
  const db = new DatabaseStore(async () => ({ status: 'ok', rows: ['c3'], stamped: true }));
  const state = new AppState(projects, db, { get: () => memory, set: (v) => (memory = v) }, {});
  state.update({
    folders: ['/w'],
    trusted: true,
    settings: readClientSettings({
      connections: [
        { name: 'dev', project: 'a/alembic.ini', url: 'sqlite:///dev.db' },
        { name: 'prod', project: 'a/alembic.ini', url: 'postgresql://me@db/app', protected: true },
        { name: 'lost', project: 'c/alembic.ini', url: 'sqlite:///x.db' },
      ],
    }),
  });
  assert.deepEqual(state.problems, [], 'no complaints before the first index');
  await projects.connect(server.request);
  assert.deepEqual(state.connectionsOf(a.id).map((c) => c.name), ['dev', 'prod']);
  assert.equal(state.problems.length, 1);
  assert.match(state.problems[0], /"lost" names the project "c\/alembic.ini"/);
  assert.equal(state.activeConnection(a.id)?.name, 'dev', 'the first by default');
  state.setActive(state.connectionsOf(a.id)[1]);
  assert.deepEqual(memory, { [a.id]: 'prod' });
  assert.equal(state.activeConnection(a.id)?.name, 'prod');
  await db.read(state.activeConnection(a.id)!);
  const pos = state.historyInput().positions.get(a.id);
  assert.equal(pos?.connectionName, 'prod');
  assert.equal(pos?.position.marks.get('c3'), 'current');
  assert.equal(state.historyInput().positions.has(b.id), false, 'b has no connection');
  assert.deepEqual([...state.connectionsInput().active], [`${a.id}::prod`]);
  assert.equal(state.projectFor('/w/b/migrations/versions/x.py')?.id, b.id);
  assert.equal(state.projectFor('/elsewhere/x.py')?.id, a.id, 'otherwise the first project');
});
