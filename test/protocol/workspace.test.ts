// Which projects the server sees and when it looks again: several workspace folders, a project nested
// inside another folder's tree, several version locations, pyproject-only configs, and changes to the
// config files arriving as buffers or as file-watcher events.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixtures, FIXTURES, LspClient, removeDir } from '../helpers/lspClient';
import type { ProjectsResult } from '../../server/src/protocol';

const dir = copyFixtures('linear', 'version-locations', 'pyproject-only', 'multiple-heads');
// A project nested in another project's folder.
cpSync(join(FIXTURES, 'merge'), join(dir, 'linear', 'nested', 'merge'), { recursive: true });
after(() => removeDir(dir));

test('multi-root, nested and several version locations: every project, each revision once', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'linear'), join(dir, 'version-locations'), join(dir, 'pyproject-only')] });
  try {
    await client.waitForIndexCount(4);
    const { projects } = await client.request<ProjectsResult>('alembic/projects', {});
    const byRoot = new Map(projects.map((p) => [p.root, p]));
    assert.deepEqual([...byRoot.keys()].sort(), [
      join(dir, 'linear'),
      join(dir, 'linear', 'nested', 'merge'),
      join(dir, 'pyproject-only'),
      join(dir, 'version-locations'),
    ]);
    const vl = byRoot.get(join(dir, 'version-locations'))!;
    assert.deepEqual(vl.versionLocations, [join(dir, 'version-locations', 'migrations/versions'), join(dir, 'version-locations', 'extra_versions')]);
    // Revisions from both locations, each once.
    assert.equal(vl.revisionCount, 4);
    assert.equal(byRoot.get(join(dir, 'pyproject-only'))!.configFile, join(dir, 'pyproject-only', 'pyproject.toml'));
  } finally {
    await client.stop();
  }
});

test('a pyproject.toml problem sits on the pyproject.toml, from its buffer before it is saved', async () => {
  const toml = join(dir, 'pyproject-only', 'pyproject.toml');
  const client = await LspClient.start({ folders: [join(dir, 'pyproject-only')] });
  try {
    await client.waitForIndexCount(1);
    const text = readFileSync(toml, 'utf8');
    await client.nextIndex(() => client.open(toml, text));
    const broken = text.replace('file_template = "%%(rev)s_%%(slug)s"', 'truncate_slug_length = "x"');
    assert.notEqual(broken, text);
    await client.nextIndex(() => client.change(toml, broken));
    await client.waitFor('a problem on pyproject.toml', () => client.diagnosticsFor(toml).length > 0);
    const [d] = client.diagnosticsFor(toml);
    assert.equal(d.source, 'alembic');
    assert.equal(d.range.start.line, broken.split('\n').findIndex((l) => l.startsWith('truncate_slug_length')));
    await client.nextIndex(() => client.change(toml, text));
    await client.waitFor('the problem cleared', () => client.diagnosticsFor(toml).length === 0);
  } finally {
    await client.stop();
  }
});

test('alembic.ini changed on disk: the project is found again with its new locations', async () => {
  const ini = join(dir, 'multiple-heads', 'alembic.ini');
  const client = await LspClient.start({ folders: [join(dir, 'multiple-heads')] });
  try {
    await client.waitForIndexCount(1);
    assert.equal(client.indexed[0].revisionCount, 4);
    const original = readFileSync(ini, 'utf8');
    writeFileSync(ini, original.replace(/^script_location = .*$/m, 'script_location = %(here)s/elsewhere'));
    await client.nextIndex(() => client.filesChanged([{ path: ini, type: 2 }]));
    // The ini now points nowhere (its own problem), and migrations/ is an unclaimed, config-less project.
    await client.waitFor('script-location-not-found on alembic.ini', () => client.diagnosticsFor(ini).some((d) => d.code === 'script-location-not-found'));
    writeFileSync(ini, original);
    await client.nextIndex(() => client.filesChanged([{ path: ini, type: 2 }]));
    await client.waitFor('the ini problem cleared', () => !client.diagnosticsFor(ini).some((d) => d.code === 'script-location-not-found'));
    const { projects } = await client.request<ProjectsResult>('alembic/projects', {});
    assert.deepEqual(projects.map((p) => p.revisionCount), [4]);
  } finally {
    await client.stop();
  }
});

test('after a re-index the editor is asked to refresh code lenses and inlay hints', async () => {
  const client = await LspClient.start({ folders: [join(dir, 'multiple-heads')] });
  try {
    await client.waitForIndexCount(1);
    const file = join(dir, 'multiple-heads', 'migrations/versions/e1e1e1e1e1e1_other_root.py');
    const text = readFileSync(file, 'utf8');
    await client.nextIndex(() => client.open(file, text));
    const seen = client.refreshes.length;
    await client.nextIndex(() => client.change(file, text.replace(/^down_revision = None/m, "down_revision = 'a2a2a2a2a2a2'")));
    await client.waitFor('both refresh requests', () => {
      const after = client.refreshes.slice(seen);
      return after.includes('workspace/codeLens/refresh') && after.includes('workspace/inlayHint/refresh');
    });
  } finally {
    await client.stop();
  }
});
