// The index when the disk changes under it, told deterministically through a HostFs: a file listed
// and then gone before it is read (deleted, or renamed), and an incremental update that throws. Each
// time the index says what Alembic would meet, and ends equal to a fresh index once the watcher
// events arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HostFs } from '../../server/src/engine/index';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { ProjectIndex } from '../../server/src/incremental/projectIndex';
import { memFs } from '../helpers/memfs';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { freshIndex } from './incremental-fresh';

const V = '/w/migrations/versions';

/**
 * A disk on which `race` changes the files once, just as the index starts reading the migration
 * files it has listed: the race with a real disk, made certain.
 */
function racingDisk(files: Record<string, string>, race: (files: Record<string, string>) => void) {
  const state = { files: { ...files }, raced: false };
  let current = memFs(state.files);
  const fs: HostFs = {
    readBytes: (p) => {
      if (p.startsWith(V + '/') && !state.raced) {
        state.raced = true;
        race(state.files);
        current = memFs(state.files);
      }
      return current.readBytes(p);
    },
    listDir: (p) => current.listDir(p),
    stat: (p) => current.stat(p),
    realpath: (p) => current.realpath(p),
  };
  const remove = (path: string) => {
    delete state.files[path];
    current = memFs(state.files);
  };
  return { fs, state, remove };
}

const revisions = {
  'a1_first.py': revisionText('a1a1', null),
  'b2_second.py': revisionText('b2b2', 'a1a1'),
  'c3_third.py': revisionText('c3c3', 'b2b2'),
};

function sameAsFresh(index: WorkspaceIndex, fs: HostFs): void {
  const fresh = freshIndex(fs, ['/w']);
  assert.deepStrictEqual(index.projects.map((p) => p.indexed.problems), fresh.projects.map((p) => p.problems));
}

test('a file deleted between the listing and its reading is unreadable until the watcher says it is gone', () => {
  const { fs, state } = racingDisk(projectFiles(revisions), (files) => delete files[`${V}/c3_third.py`]);
  const index = new WorkspaceIndex(fs, ['/w']);
  index.rediscover();
  assert.ok(state.raced);
  const [p] = index.projects;
  const problems = p.indexed.problems.filter((x) => x.file === `${V}/c3_third.py`);
  assert.deepEqual(problems.map((x) => x.code), ['unreadable-file'], 'Alembic would fail to import the file it listed');
  assert.match(problems[0].message, /ENOENT/);
  index.diskChanged([{ path: `${V}/c3_third.py`, kind: 'deleted' }]);
  assert.equal(p.indexed.problems.filter((x) => x.file === `${V}/c3_third.py`).length, 0);
  assert.deepEqual(p.indexed.map.heads, ['b2b2']);
  sameAsFresh(index, fs);
});

test('a file renamed during indexing: the old name is unreadable, then the watcher events put the new name in its place', () => {
  const { fs } = racingDisk(projectFiles(revisions), (files) => {
    files[`${V}/b2_renamed.py`] = files[`${V}/b2_second.py`];
    delete files[`${V}/b2_second.py`];
  });
  const index = new WorkspaceIndex(fs, ['/w']);
  index.rediscover();
  const [p] = index.projects;
  assert.ok(p.indexed.problems.some((x) => x.code === 'unreadable-file' && x.file === `${V}/b2_second.py`));
  assert.ok(p.indexed.problems.some((x) => x.code === 'broken-down-revision' && x.file === `${V}/c3_third.py`), 'its child lost its parent meanwhile');
  index.diskChanged([
    { path: `${V}/b2_second.py`, kind: 'deleted' },
    { path: `${V}/b2_renamed.py`, kind: 'created' },
  ]);
  assert.deepEqual(p.indexed.problems.filter((x) => x.file.startsWith(V)), []);
  assert.deepEqual(p.indexed.map.heads, ['c3c3']);
  sameAsFresh(index, fs);
});

test('an incremental update that throws leaves a fresh, correct index and reports the error', (t) => {
  const index = new WorkspaceIndex(memFs(projectFiles(revisions)), ['/w']);
  index.rediscover();
  t.mock.method(ProjectIndex.prototype, 'replaceFile', () => {
    throw new Error('boom');
  });
  const text = revisionText('c3c3', 'a1a1');
  const touched = index.setOverlay(`${V}/c3_third.py`, text);
  assert.equal(touched.length, 1);
  const failures = index.takeFailures();
  assert.equal(failures.length, 1);
  assert.match(String(failures[0]), /boom/);
  assert.equal(index.takeChangedFiles(), 'all', 'every file is re-sent after the recovery');
  const [p] = index.projects;
  assert.deepEqual([...p.indexed.map.heads].sort(), ['b2b2', 'c3c3']);
  const fresh = freshIndex(memFs(projectFiles(revisions)), ['/w'], new Map([[`${V}/c3_third.py`, text]]));
  assert.deepStrictEqual(p.indexed.problems, fresh.projects[0].problems);
});

test('a "changed" event for a file that is gone lists the folder again instead of keeping an unreadable file', () => {
  const { fs, remove } = racingDisk(projectFiles(revisions), () => {});
  const index = new WorkspaceIndex(fs, ['/w']);
  index.rediscover();
  remove(`${V}/c3_third.py`);
  index.diskChanged([{ path: `${V}/c3_third.py`, kind: 'changed' }]);
  const [p] = index.projects;
  assert.equal(p.filesByPath.has(`${V}/c3_third.py`), false);
  assert.deepEqual(p.indexed.map.heads, ['b2b2']);
  sameAsFresh(index, fs);
});
