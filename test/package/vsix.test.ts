// The packaged extension: `npm run package` (scripts/package.mjs) builds a .vsix once for this file;
// the tests read it as a zip. It must hold what the extension runs and nothing else, stay small,
// load the native sqlite3 it ships (from an unpacked copy, away from the repository's node_modules),
// and, installed into a real VS Code (code-server), activate and show the views and diagnostics.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import { locateAlembic } from '../helpers/alembic';
import { listZip, readEntry, type ZipEntry } from './zip';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const MB = 1024 * 1024;
const SHIPPED_MODULES = ['sqlite3', 'bindings', 'file-uri-to-path'];

let tmp = '';
let vsixPath = '';
let zip: Buffer;
let entries: ZipEntry[] = [];
const files = () => entries.map((e) => e.name).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));

before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'alembic-vsix-test-'));
  vsixPath = join(tmp, 'alembic.vsix');
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'package.mjs'), '--out', vsixPath], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, `npm run package failed:\n${r.stdout}\n${r.stderr}`);
  zip = readFileSync(vsixPath);
  entries = listZip(zip);
  console.log(`packaged ${files().length} files, ${(zip.length / MB).toFixed(2)} MB`);
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the .vsix holds the bundles, the Python bootstrap, the grammars, the icon, the docs and sqlite3', () => {
  const have = new Set(files());
  const required = [
    'package.json', 'readme.md', 'changelog.md', 'LICENSE.txt',
    'client/out/extension.js', 'server/out/main.js', 'server/out/cli.js', 'server/out/db.js',
    'server/python/alembic_bootstrap.py',
    'syntaxes/alembic-output.tmLanguage.json', 'syntaxes/mako-python.tmLanguage.json', 'syntaxes/alembic-mako.language-configuration.json',
    'media/icon.png', 'media/alembic.svg',
    'server/node_modules/sqlite3/package.json', 'server/node_modules/sqlite3/lib/sqlite3.js', 'server/node_modules/sqlite3/build/Release/node_sqlite3.node',
    'server/node_modules/bindings/bindings.js', 'server/node_modules/file-uri-to-path/index.js',
  ];
  for (const f of required) assert.ok(have.has(f), `${f} is missing from the .vsix`);
  // Every Python file of the bootstrap, not only the entry point.
  for (const f of ['alembic_vscode_commands.py', 'alembic_vscode_events.py', 'alembic_vscode_failure.py', 'alembic_vscode_redact.py']) {
    if (existsSync(join(REPO, 'server', 'python', f))) assert.ok(have.has(`server/python/${f}`), `server/python/${f} is missing`);
  }
  // The README's images are shipped with it (its links stay relative).
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  for (const m of readme.matchAll(/!\[[^\]]*\]\((media\/[^)\s]+)\)/g)) assert.ok(have.has(m[1]), `README image ${m[1]} is not in the .vsix`);
});

test('nothing else: no tests, TypeScript sources, source maps, scripts or other node_modules', () => {
  const allowedTop = /^(package\.json|readme\.md|changelog\.md|LICENSE\.txt|client\/out\/[^/]+\.js|server\/out\/[^/]+\.js|server\/python\/[^/]+\.py|syntaxes\/[^/]+\.json|media\/[^/]+\.(png|svg)|media\/screenshots\/[^/]+\.png|server\/node_modules\/.+)$/;
  for (const f of files()) {
    assert.match(f, allowedTop, `${f} should not be in the .vsix`);
    assert.doesNotMatch(f, /\.map$|\.ts$|(^|\/)(test|tests|src|scripts|test-host|\.demo|fixtures)\//, `${f} should not be in the .vsix`);
    const mod = /^server\/node_modules\/([^/]+)\//.exec(f);
    if (mod) assert.ok(SHIPPED_MODULES.includes(mod[1]), `node_modules/${mod[1]} should not be shipped (only sqlite3 and its runtime dependencies)`);
    if (f.startsWith('server/node_modules/sqlite3/')) {
      assert.match(f, /^server\/node_modules\/sqlite3\/(package\.json|LICENSE|lib\/[^/]+\.js|build\/Release\/node_sqlite3\.node)$/, `${f}: only sqlite3's runtime files are shipped`);
    }
  }
  // Outside extension/: only vsce's own two files.
  assert.deepEqual(entries.map((e) => e.name).filter((n) => !n.startsWith('extension/')).sort(), ['[Content_Types].xml', 'extension.vsixmanifest']);
});

test('the manifest names this platform and the icon, and the package is under 10 MB', () => {
  const manifest = readEntry(zip, entries.find((e) => e.name === 'extension.vsixmanifest')!).toString('utf8');
  const target = `${process.platform === 'linux' ? 'linux' : process.platform}-${process.arch === 'arm' ? 'armhf' : process.arch}`;
  assert.match(manifest, new RegExp(`TargetPlatform="(${target}|alpine-${process.arch})"`), 'a platform-specific package (sqlite3 is native)');
  assert.match(manifest, /<Icon>extension\/media\/icon\.png<\/Icon>/);
  const pkg = JSON.parse(readEntry(zip, entries.find((e) => e.name === 'extension/package.json')!).toString('utf8')) as { main: string; icon: string };
  assert.equal(pkg.main, './client/out/extension.js');
  assert.equal(pkg.icon, 'media/icon.png');
  assert.ok(zip.length < 10 * MB, `the .vsix is ${(zip.length / MB).toFixed(2)} MB`);
  // Minified: the bundles are far smaller than the development build would be.
  const db = entries.find((e) => e.name === 'extension/server/out/db.js')!;
  assert.ok(db.size < 2 * MB, `server/out/db.js is ${(db.size / MB).toFixed(2)} MB: is it minified?`);
});

/** A database with an Alembic version table, written with the repository's sqlite3. */
function makeVersionDb(file: string, rows: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (e) => {
      if (e) return reject(e);
      const values = rows.map((r) => `('${r}')`).join(', ');
      db.exec(`CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY); INSERT INTO alembic_version VALUES ${values};`, (err) =>
        db.close(() => (err ? reject(err) : resolve())),
      );
    });
  });
}

test('server/out/db.js from an unpacked copy loads the shipped sqlite3 and reads a version table', async () => {
  const root = join(tmp, 'unpacked');
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const to = join(root, e.name);
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, readEntry(zip, e));
  }
  // No node_modules above the copy may lend it a sqlite3.
  for (let d = dirname(root); ; d = dirname(d)) {
    assert.ok(!existsSync(join(d, 'node_modules')), `${d}/node_modules would lend the copy a sqlite3`);
    if (d === parse(d).root) break;
  }
  const dbFile = join(tmp, 'app.db');
  await makeVersionDb(dbFile, ['c2a9e4b7d813']);
  const probe = `
    const path = require('path');
    const bundle = path.join(process.argv[1], 'extension', 'server', 'out', 'db.js');
    const where = require.resolve('sqlite3', { paths: [path.dirname(bundle)] });
    require(bundle).readVersionTable({ url: 'sqlite:///app.db', baseDir: process.argv[2] }, { timeoutMs: 10000 })
      .then((r) => console.log(JSON.stringify({ where, r })), (e) => { console.error(e); process.exit(1); });`;
  const env = { ...process.env };
  delete env.NODE_PATH;
  const r = spawnSync(process.execPath, ['-e', probe, root, tmp], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { where: string; r: { ok: boolean; rows?: string[] } };
  assert.ok(out.where.startsWith(root + sep), `sqlite3 resolved to ${out.where}, not the shipped copy`);
  assert.deepEqual(out.r, { ok: true, stamped: true, rows: ['c2a9e4b7d813'] });
});

// Installed with `code-server --install-extension` into a fresh profile and driven in Chromium
// (scripts/walk.mjs --vsix): activation, the History and Connections views (demo.db read through the
// shipped sqlite3), the Problems panel, hover, the merge quick fix applied.
test('installed into VS Code (code-server), it activates and shows views, diagnostics and fixes', { timeout: 360_000 }, (t) => {
  const codeServer = join(REPO, 'test-host', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const alembic = locateAlembic(); // the demo workspace is made and upgraded with real Alembic
  const missing = [
    !existsSync(codeServer) && 'code-server (bash scripts/install-code-server.sh)',
    !existsSync(process.env.CHROMIUM || '/usr/bin/chromium') && 'chromium',
    'missing' in alembic && alembic.missing,
  ].filter(Boolean);
  if (missing.length > 0) {
    const why = `the .vsix smoke test needs ${missing.join(' and ')}`;
    if (process.env.CI === 'true') assert.fail(`${why} (CI=true: a missing test VS Code is an error)`);
    t.skip(why);
    return;
  }
  const shots = join(tmp, 'shots');
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'walk.mjs'), '--vsix', vsixPath, '--out', shots], { cwd: REPO, encoding: 'utf8', timeout: 330_000 });
  const output = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, `the walk failed:\n${output.slice(-4000)}`);
  assert.match(output, /all checks passed/);
  const timings = /TIMINGS \(installed \.vsix\): (\{.*\})/.exec(output);
  assert.ok(timings, 'the walk printed its timings');
  const m = JSON.parse(timings[1]) as Record<string, number>;
  console.log(`installed .vsix: activation ${m.activation} ms (VS Code's measure); history view ${m['history view']} ms, problems ${m['problems panel']} ms after opening the page`);
  assert.ok(typeof m.activation === 'number' && m.activation < 5000, `activation took ${m.activation} ms`);
  for (const f of ['views-and-problems.png', 'hover.png', 'quick-fix.png', 'after-merge.png']) assert.ok(existsSync(join(shots, f)), `${f} was written`);
});
