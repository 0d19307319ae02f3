// `check --format github`: GitHub Actions annotations, one per problem, placed by the path from the
// repository root ($GITHUB_WORKSPACE) wherever the step runs, with the runner's escapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { annotationLine } from '../../server/src/cli/githubAnnotations';
import { assertBuilt, runCli } from './harness';
import { PROJECTS_DIR } from '../integration/fixtures';

const fixtureDir = (name: string) => join(PROJECTS_DIR, name);

test('annotation lines: level per severity, 1-based positions, escaped data and properties', () => {
  const base = { file: 'db/migrations/versions/a,b:c.py', line: 0, character: 4, endLine: 2, endCharacter: 0, title: 'alembic x', message: '100% sure:\nyes, really\r' };
  assert.equal(
    annotationLine({ ...base, severity: 'error' }),
    '::error file=db/migrations/versions/a%2Cb%3Ac.py,line=1,col=5,endLine=3,endColumn=1,title=alembic x::100%25 sure:%0Ayes, really%0D',
  );
  assert.match(annotationLine({ ...base, severity: 'warning' }), /^::warning /);
  assert.match(annotationLine({ ...base, severity: 'information' }), /^::notice /);
  assert.match(annotationLine({ ...base, severity: 'hint' }), /^::notice /);
});

test('check --format github on a project with two heads: one ::error per head, exit 1', () => {
  assertBuilt();
  const root = fixtureDir('multiple-heads');
  const r = runCli(['check', '--format', 'github'], root, { GITHUB_WORKSPACE: '' });
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  const errors = lines.filter((l) => l.startsWith('::error '));
  assert.equal(errors.length, 2, r.stdout);
  assert.match(errors[0], /^::error file=migrations\/versions\/a2a2a2a2a2a2_app_two\.py,line=13,col=12,endLine=13,endColumn=26,title=alembic multiple-heads::a2a2a2a2a2a2 is one of 2 heads/);
  // The same problems as the text format, in the same order.
  const text = runCli(['check'], root).stdout.trimEnd().split('\n');
  assert.equal(lines.length, text.length);
});

test('paths are from $GITHUB_WORKSPACE when the step runs in a subdirectory', () => {
  assertBuilt();
  const root = fixtureDir('multiple-heads');
  const repo = join(root, '..');
  const r = runCli(['check', '--format', 'github'], root, { GITHUB_WORKSPACE: repo });
  assert.match(r.stdout, /^::error file=multiple-heads\/migrations\/versions\/a2a2a2a2a2a2_app_two\.py,line=13,/m);
});

test('a wrong --format, or --format github with --json, is bad usage (exit 2)', () => {
  assertBuilt();
  const root = fixtureDir('multiple-heads');
  const bad = runCli(['check', '--format', 'sarif'], root);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /argument --format: invalid choice: 'sarif' \(choose from 'text', 'github'\)/);
  const both = runCli(['check', '--format', 'github', '--json'], root);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /not allowed with argument --json/);
  assert.equal(runCli(['check', '--format', 'text'], root).stdout, runCli(['check'], root).stdout);
});
