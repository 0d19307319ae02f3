// The Node HostFs on real temporary directories. (We run as root, so chmod cannot make a directory
// unreadable: that case is tested in memory in test/engine/scan.test.ts.)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeFs, nodeFs } from '../../server/src/node/nodeFs';
import { scanVersionLocations } from '../../server/src/engine/config/scan';
import { configFromVersionLocations } from '../../server/src/engine/config/config';

describe('nodeFs', () => {
  let dir = '';
  let v = '';
  const fs = createNodeFs();
  const binary = new Uint8Array([0, 255, 1, 254, 0x0a, 0xc3]);

  before(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'alembic-nodefs-')));
    v = join(dir, 'versions');
    mkdirSync(join(v, 'x.py'), { recursive: true });
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(v, 'a.py'), 'revision = "a"\n');
    writeFileSync(join(v, 'blob.py'), binary);
    writeFileSync(join(dir, 'real', 'b.py'), '');
    symlinkSync(join(v, 'loop.py'), join(v, 'loop.py'));
    symlinkSync(join(dir, 'real'), join(v, 'linked'));
    symlinkSync(join(dir, 'real', 'b.py'), join(v, 'b_link.py'));
    symlinkSync(join(dir, 'nothing'), join(v, 'dangling.py'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('listDir reports kinds, following links; a loop is symlink-loop, not an exception', () => {
    const r = fs.listDir(v);
    assert.ok(r.ok);
    const kinds = Object.fromEntries(r.value.map((e) => [e.name, e.kind]));
    assert.deepEqual(kinds, {
      'a.py': 'file', 'blob.py': 'file', 'x.py': 'dir', 'loop.py': 'symlink-loop', linked: 'dir', 'b_link.py': 'file', 'dangling.py': 'other',
    });
  });

  test('readBytes returns the exact bytes of a binary file', () => {
    const r = fs.readBytes(join(v, 'blob.py'));
    assert.ok(r.ok);
    assert.deepEqual([...r.value], [...binary]);
  });

  test('errors are values, never exceptions', () => {
    const missing = fs.listDir(join(dir, 'missing'));
    assert.equal(missing.ok, false);
    assert.match(!missing.ok ? missing.error : '', /ENOENT/);
    const loop = fs.readBytes(join(v, 'loop.py'));
    assert.match(!loop.ok ? loop.error : '', /ELOOP/);
    const isDir = fs.readBytes(v);
    assert.match(!isDir.ok ? isDir.error : '', /EISDIR/);
  });

  test('stat and realpath', () => {
    assert.equal(fs.stat(v), 'dir');
    assert.equal(fs.stat(join(v, 'a.py')), 'file');
    assert.equal(fs.stat(join(v, 'b_link.py')), 'file');
    assert.equal(fs.stat(join(v, 'loop.py')), null);
    assert.equal(fs.stat(join(dir, 'missing')), null);
    assert.equal(fs.realpath(join(v, 'linked', 'b.py')), join(dir, 'real', 'b.py'));
    assert.equal(fs.realpath(join(v, 'loop.py')), join(v, 'loop.py'));
    assert.equal(nodeFs.stat(v), 'dir');
  });

  test('a scan on disk: loop, directory named x.py, symlinked file and directory', () => {
    const r = scanVersionLocations(fs, { ...configFromVersionLocations([v], dir), recursiveVersionLocations: true });
    assert.deepEqual(r.files.map((f) => [f.relPath, f.realPath]), [
      ['a.py', undefined],
      ['b_link.py', join(dir, 'real', 'b.py')],
      ['blob.py', undefined],
    ]);
    // A dangling link is not read (nor would a named pipe be, which would block): it is reported.
    assert.deepEqual(r.problems.map((p) => [p.code, p.file]).sort(), [
      ['not-a-file', join(v, 'dangling.py')],
      ['not-a-file', join(v, 'x.py')],
      ['symlink-loop', join(v, 'loop.py')],
    ]);
  });
});
