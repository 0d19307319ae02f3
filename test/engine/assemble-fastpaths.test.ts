// The shortcuts a cold index takes while assembling (graph/build.ts, rules/plain.ts, rules/header.ts)
// must give exactly what the general paths give. Seeded random projects full of edge cases (duplicate
// ids, labels, dependencies, cycles, missing and partial parents, headers that drift, unreadable and
// broken files) check each shortcut against the path it stands for.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleProject, indexParsedFile } from '../../server/src/engine/project';
import { buildRevisionMap } from '../../server/src/engine/graph/graph';
import { detectCycles, missedCycles, type CycleGraph, type Start } from '../../server/src/engine/graph/cycles';
import { parseMigration } from '../../server/src/engine/python/parse';
import { makeContext } from '../../server/src/engine/rules/context';
import { isPlainFile } from '../../server/src/engine/rules/plain';
import { headerRule } from '../../server/src/engine/rules/header';
import { dedupeProblems, FILE_RULES, RULES, runRules, validateProject } from '../../server/src/engine/rules/validate';
import { fileProblemsByPath } from '../../server/src/engine/rules/per-file';
import type { IndexedFile, MigrationFileRef, Problem, ProjectConfig, RevisionMap } from '../../server/src/engine/types';
import { prng } from '../helpers/prng';


/** Migration files of one random project: mostly ordinary, with every kind of trouble now and then. */
function randomProject(seed: number): { name: string; text: string }[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const chance = (p: number) => rnd() < p;
  const n = 1 + Math.floor(rnd() * (chance(0.2) ? 60 : 12));
  const idPool = ['a1', 'b2', 'c3', 'aaa111', 'aaa112', 'Core', 'x-y', 'head', 'abcdef0123456789abcdef0123456789ab', 'core', 'a,b', 'base', 'None'];
  const labelPool = ['core', 'plugin', 'x', 'head', 'a1', 'more'];
  const ids: string[] = [];
  const files: { name: string; text: string }[] = [];
  const repr = (v: string) => (chance(0.5) ? `'${v}'` : `"${v}"`);
  const seq = (xs: string[]) => {
    const body = xs.map(repr).join(', ');
    const k = rnd();
    return k < 0.5 ? `(${body}${xs.length === 1 ? ',' : ''})` : k < 0.8 ? `[${body}]` : `{${body}}`;
  };
  for (let i = 0; i < n; i++) {
    const id = chance(0.1) && ids.length ? pick(ids) : chance(0.12) ? pick(idPool) : `r${seed % 97}x${i}`;
    ids.push(id);
    const earlier = () =>
      ids.length > 1 && chance(0.85) ? ids[Math.max(0, ids.length - 2 - Math.floor(rnd() * Math.min(4, ids.length - 1)))] : chance(0.5) ? pick(idPool) : `missing${i}`;
    let downIds: string[] = [];
    const d = rnd();
    let down: string;
    if (i === 0 || d < 0.08) down = 'None';
    else if (d < 0.7) down = repr((downIds = [earlier()])[0]);
    else if (d < 0.8) down = seq((downIds = [earlier(), earlier()]));
    else if (d < 0.83) down = repr((downIds = [id])[0]);
    else if (d < 0.86) down = "''";
    else if (d < 0.89) down = repr((downIds = [earlier().slice(0, 3)])[0]);
    else if (d < 0.92) down = 'compute()';
    else if (d < 0.95) down = seq((downIds = [earlier(), id]));
    else down = repr((downIds = [pick(ids)])[0]); // maybe a later one, or itself: cycles
    const labels = chance(0.15) ? (chance(0.6) ? repr(pick(labelPool)) : seq([pick(labelPool), pick(labelPool)])) : chance(0.03) ? 'labels()' : 'None';
    const deps = chance(0.2) ? (chance(0.6) ? repr(chance(0.3) ? pick(labelPool) : earlier()) : seq([earlier(), chance(0.5) ? pick(labelPool) : earlier()])) : chance(0.02) ? repr(id) : 'None';
    const headerId = chance(0.9) ? id : pick(idPool);
    const revises = chance(0.8) ? downIds.join(', ') : pick(['', 'None', '<base>', 'base', 'zz', ` ${downIds.join(' ,  ')} `, `${downIds[0] ?? ''},`, downIds.reverse().join(',')]);
    const sp = chance(0.2) ? pick([' ', '\t', '  ', '\u00a0']) : '';
    const k = rnd();
    const doc =
      k < 0.1
        ? ''
        : k < 0.2
          ? '"""just a message"""\n'
          : k < 0.25
            ? `"""msg\\x41\n\nRevision ID: ${headerId}\nRevises: ${revises}\n"""\n`
            : `"""message ${i}\n\n${sp}Revision ID:${chance(0.9) ? ' ' : ''}${headerId}${chance(0.1) ? ' \u2003' : ''}\n${chance(0.9) ? `${sp}Revises:${chance(0.9) ? ' ' : ''}${revises}\n` : ''}${chance(0.1) ? 'x Revises: nope\n' : ''}Create Date: 2026\n${chance(0.1) ? 'Revision ID: other\nRevises: x\n' : ''}\n"""\n`;
    const revLine = chance(0.03) ? '' : chance(0.03) ? 'revision = None\n' : chance(0.02) ? 'revision = 12\n' : chance(0.02) ? 'revision = rev()\n' : `revision = ${repr(id)}\n`;
    const downLine = chance(0.03) ? '' : `down_revision = ${down}\n`;
    const body = chance(0.02) ? 'def upgrade(:\n' : 'def upgrade():\n    pass\n';
    let text = `${doc}${revLine}${downLine}branch_labels = ${labels}\ndepends_on = ${deps}\n\n${body}`;
    if (chance(0.03)) text = text.replace(/\n/g, '\r\n');
    const name = revLine === '' && chance(0.5) ? `${i}abc_legacy.py` : `${id.replace(/\W/g, '_')}_m${i}.py`;
    files.push({ name, text });
  }
  return files;
}

const enc = new TextEncoder();
const config = { problems: [], sourceless: false } as unknown as ProjectConfig;

function indexedFiles(seed: number): IndexedFile[] {
  const files = randomProject(seed).map((f, i) => {
    const ref = { path: `/p/versions/${f.name}`, location: '/p/versions', relPath: f.name } as MigrationFileRef;
    return indexParsedFile(ref, parseMigration(enc.encode(f.text)));
  });
  if (seed % 7 === 0) files.push({ ref: { path: '/p/versions/bad.py', location: '/p/versions', relPath: 'bad.py' } as MigrationFileRef, parsed: null, readError: 'EACCES', revisionId: null, input: null });
  // A file whose input was read already (then a plain property), as the language server may have it.
  if (seed % 5 === 0 && files.length > 0) void files[0].input;
  return files;
}

/** Everything a map answers, in comparable form (byId as positions, history read). */
function mapFacts(map: RevisionMap): unknown {
  return { ...map, byId: [...map.byId].map(([id, node]) => [id, map.nodes.indexOf(node)]), labelOwner: [...map.labelOwner], history: map.history };
}

const SEEDS = 400;

/** The codes of the loading rules (file-health.ts, variables.ts); no other rule makes one. */
const LOADING_CODES = new Set(['unreadable-file', 'decode-error', 'syntax-error', 'missing-revision', 'revision-not-a-string', 'missing-down-revision', 'empty-down-revision', 'value-not-static']);

describe('assemble fast paths', () => {
  test('assembling the files gives the map of their inputs and the problems validateProject finds', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const files = indexedFiles(seed);
      const assembled = assembleProject(config, files);
      const inputs = files.flatMap((f) => (f.input ? [f.input] : []));
      const map = buildRevisionMap(inputs);
      assert.deepEqual(mapFacts(assembled.map), mapFacts(map), `seed ${seed}`);
      assert.deepEqual(assembled.problems, validateProject({ config, files, map }), `seed ${seed}`);
    }
  });

  test("assembling with the loading rules gives the same map and exactly those rules' share of the problems", () => {
    const loadingCodes = new Set<string>();
    for (let seed = 1; seed <= SEEDS; seed++) {
      const files = indexedFiles(seed);
      const full = assembleProject(config, files);
      const loading = assembleProject(config, files, [], 'loading');
      assert.deepEqual(mapFacts(loading.map), mapFacts(full.map), `seed ${seed}`);
      assert.deepEqual(loading.problems, full.problems.filter((p) => LOADING_CODES.has(p.code)), `seed ${seed}`);
      for (const p of loading.problems) loadingCodes.add(p.code);
    }
    // The random projects reach every code of the loading rules but the decoder's (parse tests cover it).
    assert.deepEqual([...loadingCodes].sort(), ['empty-down-revision', 'missing-down-revision', 'missing-revision', 'revision-not-a-string', 'syntax-error', 'unreadable-file', 'value-not-static']);
  });

  test('assembling a healthy project does not build and keep the inputs', () => {
    const files = ['a1', 'b2', 'c3'].map((id, i, ids) => {
      const ref = { path: `/p/versions/${id}.py`, location: '/p/versions', relPath: `${id}.py` } as MigrationFileRef;
      const text = `"""m\n\nRevision ID: ${id}\nRevises: ${ids[i - 1] ?? ''}\n"""\nrevision = '${id}'\ndown_revision = ${i ? `'${ids[i - 1]}'` : 'None'}\n`;
      return indexParsedFile(ref, parseMigration(enc.encode(text)));
    });
    const { map, problems } = assembleProject(config, files);
    assert.deepEqual([map.heads, problems], [['c3'], []]);
    for (const f of files) assert.equal(typeof Object.getOwnPropertyDescriptor(f, 'input')?.get, 'function');
  });

  test('validateProject finds what every rule run over every file finds', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const files = indexedFiles(seed);
      const map = buildRevisionMap(files.flatMap((f) => (f.input ? [f.input] : [])));
      const everyFile = runRules(RULES, makeContext({ config, files, map }));
      const problems = validateProject({ config, files, map });
      const key = (p: { code: string; file: string; message: string; span: unknown }) => JSON.stringify([p.code, p.file, p.span, p.message]);
      assert.deepEqual(new Set(problems.map(key)), new Set(everyFile.map(key)), `seed ${seed}`);
    }
  });

  test('the per-file findings skip plain files and are what the file rules find over every file', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const files = indexedFiles(seed);
      const everyFile = new Map<string, Problem[]>();
      for (const p of dedupeProblems(runRules(FILE_RULES, makeContext({ config, files, map: buildRevisionMap([]) })))) everyFile.set(p.file, [...(everyFile.get(p.file) ?? []), p]);
      assert.deepEqual(fileProblemsByPath(config, files), everyFile, `seed ${seed}`);
    }
  });

  test('no rule finds anything in a file called plain', () => {
    let plain = 0;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const files = indexedFiles(seed);
      const map = buildRevisionMap(files.flatMap((f) => (f.input ? [f.input] : [])));
      const ctx = makeContext({ config, files, map });
      for (const file of files) {
        if (!isPlainFile(file, map)) continue;
        plain++;
        // Looking at the file adds nothing to what the rules find from the project's indexes alone.
        assert.deepEqual(runRules(RULES, { ...ctx, files: [file] }), runRules(RULES, { ...ctx, files: [] }), `seed ${seed}, ${file.ref.relPath}`);
      }
    }
    assert.ok(plain > 500, `only ${plain} plain files: the generator no longer makes ordinary projects`);
  });

  test('the header rule says the same before and after the header facts are computed', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const files = indexedFiles(seed);
      const map = buildRevisionMap([]);
      for (const file of files) {
        const ctx = makeContext({ config, files: [file], map });
        const lazy = headerRule(ctx);
        void file.parsed?.header; // computed and kept: the rule now reads the facts themselves
        assert.deepEqual(lazy, headerRule(ctx), `seed ${seed}, ${file.ref.relPath}`);
      }
    }
  });

  test('filesByPath, built on first read, maps each path to its last listing', () => {
    const files = indexedFiles(11);
    const twice = [...files, files[0]];
    const ctx = makeContext({ config, files: twice, map: buildRevisionMap([]) });
    assert.deepEqual([...ctx.filesByPath], [...new Map(twice.map((f) => [f.ref.path, f]))]);
  });
});

/** A random graph as the map builder hands it to the cycle check, with child links mirroring parents. */
function randomGraph(seed: number): CycleGraph {
  const rnd = prng(seed);
  const n = 1 + Math.floor(rnd() * 14);
  const parents: number[][] = [];
  const deps: number[][] = [];
  for (let r = 0; r < n; r++) {
    const back = rnd() < 0.85; // edges to earlier nodes only: acyclic unless a forward edge comes
    const edge = () => (back ? Math.floor(rnd() * r) : Math.floor(rnd() * n));
    parents.push(r === 0 || rnd() < 0.15 ? [] : [...new Set(rnd() < 0.2 ? [edge(), edge()] : [edge()])].filter((p) => p !== r && p < n));
    deps.push(rnd() < 0.2 ? [edge()].filter((d) => d !== r && !parents[r].includes(d)) : []);
  }
  const allDown = parents.map((ps, r) => [...new Set([...ps, ...deps[r]])]);
  const inverse = (lists: number[][]) => lists.map((_, p) => lists.flatMap((xs, r) => (xs.includes(p) ? [r] : [])));
  const children = inverse(parents);
  const allChildren = inverse(allDown);
  const starts = (pick: (r: number) => boolean, next: (r: number) => number[]): Start[] =>
    parents.flatMap((_, r) => (pick(r) ? [{ self: r, next: next(r) }] : []));
  return {
    ids: parents.map((_, r) => `n${r}`),
    parents,
    children,
    allDown,
    allChildren,
    headStarts: starts((r) => children[r].length === 0, (r) => parents[r]),
    baseStarts: starts((r) => parents[r].length === 0, (r) => children[r]),
    realHeadStarts: starts((r) => allChildren[r].length === 0, (r) => allDown[r]),
    realBaseStarts: starts((r) => allDown[r].length === 0, (r) => allChildren[r]),
  };
}

function isAcyclic(adj: number[][]): boolean {
  const state = new Uint8Array(adj.length); // 1 on the walk, 2 done
  const visit = (x: number): boolean => {
    if (state[x] === 1) return false;
    if (state[x] === 2) return true;
    state[x] = 1;
    const ok = adj[x].every(visit);
    state[x] = 2;
    return ok;
  };
  return adj.every((_, x) => visit(x));
}

describe('cycle check shortcut', () => {
  test('a map without any cycle and with mirrored child links has no cycle issue to find', () => {
    let acyclic = 0;
    for (let seed = 1; seed <= 3000; seed++) {
      const g = randomGraph(seed);
      if (!isAcyclic(g.allDown)) continue;
      acyclic++;
      assert.equal(detectCycles(g), null, `seed ${seed}`);
      assert.deepEqual(missedCycles(g), [], `seed ${seed}`);
    }
    assert.ok(acyclic > 1000);
  });
});
