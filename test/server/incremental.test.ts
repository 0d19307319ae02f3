// The incremental index gives exactly what a fresh full index of the same texts gives, after every
// one of thousands of random edits (buffers, saves, files created, deleted and renamed on disk), and
// reports every file whose problems changed, so a server re-sending only those files stays right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILE_RULES, PROJECT_RULES, RULES, type HostFs, type Problem } from '../../server/src/engine/index';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { memFs } from '../helpers/memfs';
import { projectFiles, revisionText } from '../helpers/featureContext';
import { pick, randomEdit, randomRevisions, revId, seeded, type Rand } from './incremental-edits';
import { freshIndex } from './incremental-fresh';

const V = '/w/migrations/versions';

/** A disk whose files tests can write and delete; the index holds the same HostFs throughout. */
function mutableDisk(initial: Record<string, string>) {
  const files = { ...initial };
  let current = memFs(files);
  const fs: HostFs = {
    readBytes: (p) => current.readBytes(p),
    listDir: (p) => current.listDir(p),
    stat: (p) => current.stat(p),
    realpath: (p) => current.realpath(p),
  };
  return {
    fs,
    files,
    write(path: string, text: string) {
      files[path] = text;
      current = memFs(files);
    },
    remove(path: string) {
      delete files[path];
      current = memFs(files);
    },
  };
}

function byFile(problems: Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of problems) out.set(p.file, [...(out.get(p.file) ?? []), p]);
  return out;
}

function randomRun(seed: number, revisions: number, steps: number): void {
  const rand: Rand = seeded(seed);
  const disk = mutableDisk(projectFiles(randomRevisions(rand, revisions)));
  const overlays = new Map<string, string>();
  const index = new WorkspaceIndex(disk.fs, ['/w']);
  index.rediscover();
  // What a server that re-sends only the reported files would be showing.
  const shown = new Map<string, Problem[]>();
  let created = revisions;
  const ids = Array.from({ length: revisions + 5 }, (_, i) => revId(i));
  const revisionPaths = () => Object.keys(disk.files).filter((p) => p.startsWith(V + '/'));
  const textOf = (p: string) => overlays.get(p) ?? disk.files[p] ?? '';

  for (let step = 0; step < steps; step++) {
    const paths = revisionPaths();
    const path = pick(rand, paths.length ? paths : [`${V}/${revId(0)}_again.py`]);
    const others = paths.map(textOf);
    const roll = rand();
    let what: string;
    if (roll < 0.7) {
      what = `edit buffer ${path}`;
      const text = randomEdit(rand, textOf(path), others, ids);
      overlays.set(path, text);
      index.setOverlay(path, text);
    } else if (roll < 0.78) {
      what = `close ${path}`;
      overlays.delete(path);
      index.clearOverlay(path);
    } else if (roll < 0.86) {
      what = `save ${path}`;
      disk.write(path, randomEdit(rand, disk.files[path] ?? '', others, ids));
      index.diskChanged([{ path, kind: 'changed' }]);
    } else if (roll < 0.91) {
      const name = `${V}/${revId(++created)}_new.py`;
      what = `create ${name}`;
      disk.write(name, randomEdit(rand, pick(rand, others.length ? others : ['']), others, ids));
      index.diskChanged([{ path: name, kind: 'created' }]);
    } else if (roll < 0.96) {
      what = `delete ${path}`;
      disk.remove(path);
      index.diskChanged([{ path, kind: 'deleted' }]);
    } else {
      const to = `${V}/${revId(++created)}_renamed.py`;
      what = `rename ${path} -> ${to}`;
      const text = disk.files[path] ?? '';
      disk.remove(path);
      disk.write(to, text);
      index.diskChanged([
        { path, kind: 'deleted' },
        { path: to, kind: 'created' },
      ]);
    }

    checkAgainstFresh(index, disk.fs, overlays, shown, `seed ${seed}, step ${step} (${what})`);
  }
}

/**
 * Asserts that the index equals a fresh one of the same texts, and that `shown` (what a server that
 * re-sends only the files the index names as changed would show) equals the fresh problems by file.
 */
function checkAgainstFresh(index: WorkspaceIndex, disk: HostFs, overlays: ReadonlyMap<string, string>, shown: Map<string, Problem[]>, context: string): void {
  const fresh = freshIndex(disk, ['/w'], overlays);
  assert.deepEqual(index.projects.map((p) => p.config.id), fresh.projects.map((p) => p.config.id), context);
  index.projects.forEach((p, k) => {
    const want = fresh.projects[k];
    assert.deepStrictEqual(p.indexed.problems, want.problems, `${context}: problems`);
    assert.deepStrictEqual(p.indexed.map.nodes, want.map.nodes, `${context}: map nodes`);
    assert.deepStrictEqual([p.indexed.map.heads, p.indexed.map.bases, p.indexed.map.issues], [want.map.heads, want.map.bases, want.map.issues], `${context}: heads, bases, issues`);
    assert.deepStrictEqual(p.indexed.map.history, want.map.history, `${context}: history`);
    assert.deepStrictEqual([...p.filesByPath.keys()].sort(), [...new Set(want.files.map((f) => f.ref.path))].sort(), `${context}: files`);
  });
  const changed = index.takeChangedFiles();
  const wantShown = byFile([...fresh.discovery, ...fresh.projects.flatMap((p) => p.problems)]);
  if (changed === 'all') shown.clear();
  for (const path of changed === 'all' ? wantShown.keys() : changed) {
    const now = index.problemsAt(path);
    if (now.length > 0) shown.set(path, now);
    else shown.delete(path);
  }
  assert.deepStrictEqual(shown, wantShown, `${context}: files re-sent after the change`);
}

test('after thousands of random edits the incremental index equals a fresh full index, and names every changed file', () => {
  for (const seed of [1, 2, 3]) randomRun(seed, 24, 700);
});

test('a larger project, fewer edits', () => {
  randomRun(42, 150, 300);
});

/** Every value a variable can take, edited into every other: each kind of graph-fact change, one at a time. */
const VARIANTS: Record<string, string[]> = {
  down_revision: ['None', "'r001'", "('r001')", "( 'r001' )", "'r002'", "('r001', 'r002')", "('r002', 'r001')", "['r001']", "'r00'", "'nope'", "'r004'", 'PARENT', "''"],
  depends_on: ['None', "'core'", "('core',)", "'r001'", "['r001', 'core']", "'nope'", "'r004'", 'DEPS'],
  branch_labels: ['None', "'core'", "'x'", "('x', 'x')", "{'x', 'x'}", "['x', 'x']", "('x', 'y')", "'r001'", "'head'", 'LABELS'],
  revision: ["'r004'", "('r004')", "'r001'", "('r001')", "'r004x'", "'head'", 'None', 'REV', "'a-b'"],
};

test('each graph fact edited from every value to every other gives the fresh result', () => {
  for (const [name, values] of Object.entries(VARIANTS)) {
    const revisions = randomRevisions(seeded(7), 8);
    const disk = mutableDisk(projectFiles(revisions));
    const overlays = new Map<string, string>();
    const index = new WorkspaceIndex(disk.fs, ['/w']);
    index.rediscover();
    const shown = new Map<string, Problem[]>();
    checkAgainstFresh(index, disk.fs, overlays, shown, 'start');
    const path = `${V}/r004_change_4.py`;
    const base = disk.files[path];
    for (const from of values) {
      for (const to of values) {
        for (const value of [from, to]) {
          const text = base.replace(new RegExp(`^${name} = .*$`, 'm'), `${name} = ${value}`);
          overlays.set(path, text);
          index.setOverlay(path, text);
          checkAgainstFresh(index, disk.fs, overlays, shown, `${name}: ${from} -> ${to} (now ${value})`);
        }
      }
    }
  }
});

test('an edit that keeps the graph keeps the map and names only the files whose problems moved', () => {
  const files = projectFiles({
    'a1_first.py': revisionText('a1a1', null),
    'b2_left.py': revisionText('b2b2', 'a1a1'),
    'c3_right.py': revisionText('c3c3', 'a1a1'),
  });
  const index = new WorkspaceIndex(memFs(files), ['/w']);
  index.rediscover();
  const [p] = index.projects;
  const map = p.indexed.map;
  index.takeChangedFiles();
  const headsProblemOn = (path: string) => p.indexed.problems.find((x) => x.file === path && x.code === 'multiple-heads')!;
  const b2 = `${V}/b2_left.py`;
  const c3 = `${V}/c3_right.py`;

  // A line in a body: nothing to re-send, same map.
  index.setOverlay(`${V}/a1_first.py`, files[`${V}/a1_first.py`].replace('def upgrade() -> None:\n    pass', 'def upgrade() -> None:\n    op.execute("select 1")'));
  assert.equal(p.indexed.map, map);
  assert.deepEqual([...(index.takeChangedFiles() as Set<string>)], []);

  // Two lines above b2's revision: b2's problem moves, and so does c3's pointer to it.
  const before = headsProblemOn(c3).related![0].span.start.line;
  index.setOverlay(b2, `# one\n# two\n${files[b2]}`);
  assert.equal(p.indexed.map, map);
  assert.deepEqual([...(index.takeChangedFiles() as Set<string>)].sort(), [b2, c3]);
  assert.equal(headsProblemOn(c3).related![0].span.start.line, before + 2);
  assert.equal(headsProblemOn(b2).span.start.line, before + 2);

  // c3 onto b2: a new map, one head, both problems gone.
  index.setOverlay(c3, revisionText('c3c3', 'b2b2'));
  assert.notEqual(p.indexed.map, map);
  assert.deepEqual(p.indexed.map.heads, ['c3c3']);
  assert.deepEqual([...(index.takeChangedFiles() as Set<string>)].sort(), [b2, c3]);
  assert.deepEqual(p.indexed.problems.filter((x) => x.file.startsWith(V)), []);
});

test('every rule is either a per-file rule or a project rule, never both', () => {
  const both = FILE_RULES.filter((r) => PROJECT_RULES.includes(r));
  assert.deepEqual(both, []);
  assert.deepEqual(new Set(RULES), new Set([...FILE_RULES, ...PROJECT_RULES]), 'a new rule in RULES must also be classified');
});
