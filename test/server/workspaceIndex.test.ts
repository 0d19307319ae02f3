// The language server's index on an in-memory workspace: projects found, buffers overlaid, only the
// changed file re-read, and problems on the right files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectFiles, revisionText, testWorkspace } from '../helpers/featureContext';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { memFs } from '../helpers/memfs';
import type { HostFs } from '../../server/src/engine/index';

const V = '/w/migrations/versions';

test('indexes a project and overlays an open buffer on its file', () => {
  const { index } = testWorkspace(projectFiles({ 'a1_first.py': revisionText('a1a1', null), 'b2_second.py': revisionText('b2b2', 'a1a1') }));
  assert.equal(index.projects.length, 1);
  const [p] = index.projects;
  assert.deepEqual(p.indexed.map.heads, ['b2b2']);
  const touched = index.setOverlay(`${V}/b2_second.py`, revisionText('b2b2', null));
  assert.deepEqual(touched.map((t) => t.config.id), [p.config.id]);
  assert.deepEqual([...p.indexed.map.heads].sort(), ['a1a1', 'b2b2']);
  index.clearOverlay(`${V}/b2_second.py`);
  assert.deepEqual(p.indexed.map.heads, ['b2b2']);
});

test('an edit re-reads only the edited file', () => {
  const files = projectFiles({ 'a1_first.py': revisionText('a1a1', null), 'b2_second.py': revisionText('b2b2', 'a1a1') });
  const base = memFs(files);
  const reads: string[] = [];
  const counting: HostFs = { ...base, readBytes: (p) => (reads.push(p), base.readBytes(p)) };
  const index = new WorkspaceIndex(counting, ['/w']);
  index.rediscover();
  reads.length = 0;
  index.setOverlay(`${V}/b2_second.py`, revisionText('b2b2', 'a1a1', 'changed'));
  assert.deepEqual(reads, [], 'the buffer is parsed from its text, nothing read from disk');
  index.diskChanged([{ path: `${V}/a1_first.py`, kind: 'changed' }]);
  assert.deepEqual(reads, [`${V}/a1_first.py`]);
});

test('a config change rediscovers; a file outside every project changes nothing', () => {
  const { index } = testWorkspace(projectFiles({ 'a1_first.py': revisionText('a1a1', null) }));
  assert.deepEqual(index.setOverlay('/w/other.py', 'x = 1'), []);
  const touched = index.setOverlay('/w/alembic.ini', '[alembic]\nscript_location = %(here)s/nowhere\n');
  // The ini now points nowhere, and the folder it used to claim is a config-less project of its own.
  assert.deepEqual(touched.map((t) => t.config.kind), ['ini', 'configless']);
  const ini = index.projects.find((p) => p.config.iniFile === '/w/alembic.ini' && p.config.kind === 'ini')!;
  assert.equal(ini.indexed.map.nodes.length, 0);
  assert.ok(ini.indexed.problems.some((p) => p.code === 'script-location-not-found' && p.file === '/w/alembic.ini'));
});
