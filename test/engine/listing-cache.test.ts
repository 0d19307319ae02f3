// withListingCache: one pass of discovery plus indexing lists each folder once, and gives the same
// projects, files and problems as the plain file system.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memFs } from '../helpers/memfs';
import { discoverProjects, indexProject, withListingCache } from '../../server/src/engine/index';
import type { HostFs } from '../../server/src/engine/types';

const FILES = {
  '/w/alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n',
  '/w/migrations/env.py': '',
  '/w/migrations/script.py.mako': '',
  '/w/migrations/versions/a_first.py': 'revision = "a"\ndown_revision = None\n',
  '/w/migrations/versions/b_second.py': 'revision = "b"\ndown_revision = "a"\n',
  '/w/migrations/versions/c_other.py': 'revision = "c"\ndown_revision = "a"\n',
};

function counting(fs: HostFs): { fs: HostFs; lists: Map<string, number> } {
  const lists = new Map<string, number>();
  return {
    lists,
    fs: { ...fs, listDir: (p) => (lists.set(p, (lists.get(p) ?? 0) + 1), fs.listDir(p)) },
  };
}

function pass(fs: HostFs) {
  const { projects, problems } = discoverProjects(fs, ['/w']);
  return { problems, indexed: projects.map((p) => indexProject(fs, p)) };
}

test('each folder is listed once, and the result is the same as without the cache', () => {
  const plain = counting(memFs(FILES));
  const expected = pass(plain.fs);
  assert.equal(plain.lists.get('/w/migrations/versions'), 2, 'without the cache, discovery and the scan both list it');

  const cached = counting(memFs(FILES));
  const got = pass(withListingCache(cached.fs));
  assert.deepEqual([...cached.lists.values()].filter((n) => n !== 1), []);
  assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(expected)));
  assert.deepEqual(got.indexed[0].map.heads.slice().sort(), ['b', 'c']);
});

test('a listing that fails is remembered as failed, not retried or turned into an empty folder', () => {
  const cached = counting(memFs(FILES, { unreadable: { '/w/migrations/versions': 'EACCES: permission denied' } }));
  const fs = withListingCache(cached.fs);
  const first = fs.listDir('/w/migrations/versions');
  const second = fs.listDir('/w/migrations/versions');
  assert.equal(first.ok, false);
  assert.equal(second, first);
  assert.equal(cached.lists.get('/w/migrations/versions'), 1);
});
