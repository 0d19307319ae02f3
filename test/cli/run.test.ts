// runCli in-process: the pieces a subprocess cannot reach (an engine bug becomes exit 70 with one
// line and no trace) and the argument parser's argparse-compatible forms.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../server/src/cli/run';
import { parseArgs, revisionList, UsageError } from '../../server/src/cli/args';
import type { HostFs } from '../../server/src/engine/types';
import { memFs } from '../helpers/memfs';
import { projectFiles, P1 } from './projects';

function inMemory(fs: HostFs, argv: string[]) {
  return runCli({ argv, cwd: '/p', env: {}, fs, prog: 'lens', version: '9.9.9' });
}

const files = Object.fromEntries(Object.entries(projectFiles(P1)).map(([k, v]) => [`/p/${k}`, v]));

describe('runCli in-process', () => {
  test('answers from any HostFs', () => {
    const r = inMemory(memFs(files), ['heads']);
    assert.deepEqual(r, { stdout: 'f6f6f6f6f6f6 (head)\n', stderr: '', code: 0 });
  });

  test('an exception anywhere becomes exit 70 with a one-line report and no stack', () => {
    const fs = memFs(files);
    const exploding: HostFs = { ...fs, readBytes: () => { throw new TypeError('boom\n    at somewhere (x.js:1:1)'); } };
    const r = inMemory(exploding, ['heads']);
    assert.equal(r.code, 70);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^lens: internal error: TypeError: boom\n.*report/);
    assert.doesNotMatch(r.stderr, /at somewhere/);
  });

  test('--version and help use the given program name', () => {
    assert.equal(inMemory(memFs({}), ['--version']).stdout, 'lens 9.9.9\n');
    assert.match(inMemory(memFs({}), ['show', '-h']).stdout, /^usage: lens show \[-h\] \[--current REV\[,REV\]\] \[global options\] REV\n/);
  });
});

describe('parseArgs', () => {
  const specs = [
    { key: 'verbose', long: '--verbose', short: '-v', help: '' },
    { key: 'indicate', long: '--indicate-current', short: '-i', help: '' },
    { key: 'range', long: '--rev-range', short: '-r', value: 'R', help: '' },
    { key: 'resolve', long: '--resolve-dependencies', help: '' },
    { key: 'rows', long: '--current', value: 'C', repeatable: true, help: '' },
  ];

  test('clusters, attached values, prefixes, negative numbers and --', () => {
    const a = parseArgs(['-vir:x', '--res', '-1', '--current=a,b', '--current', 'c', '--', '-v'], specs, null);
    assert.deepEqual([...a.flags].sort(), ['indicate', 'resolve', 'verbose']);
    assert.deepEqual(a.values.get('range'), [':x']);
    assert.deepEqual(a.positionals, ['-1', '-v']);
    assert.deepEqual(revisionList(a, 'rows'), ['a', 'b', 'c']);
    assert.deepEqual(revisionList(parseArgs(['--current', ''], specs, null), 'rows'), []);
    assert.deepEqual(parseArgs(['-r', 'a', '-r', 'b'], specs, null).values.get('range'), ['b']); // argparse: last wins
  });

  test('errors argparse would give', () => {
    assert.throws(() => parseArgs(['--re'], specs, null), (e: unknown) => e instanceof UsageError && /ambiguous option: --re/.test(e.message));
    assert.throws(() => parseArgs(['-x'], specs, null), /unrecognized arguments: -x/);
  });
});
