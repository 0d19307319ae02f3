// `npm run package`: the .vsix for this platform. Builds minified bundles (`node esbuild.mjs --minify`)
// in a staging folder (the working tree's dev bundles and source maps stay as they are), copies the
// files the extension needs there, adds the native sqlite3 module with its runtime dependencies under
// server/node_modules (where server/out/db.js's require('sqlite3') finds it), and runs the pinned
// vsce with --no-dependencies and --target. knex, pg and mysql2 are inside the db bundle; the knex
// drivers of other databases are left out (esbuild.mjs).
//
//   node scripts/package.mjs [--out file.vsix] [--target linux-x64]
//
// The .vsix works on the platform it is built on only (sqlite3 is compiled for it): --target may only
// name this platform. Prints the package's size and largest files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const MB = 1024 * 1024;

/** The files of each shipped package, relative to its folder: what runs, its manifest and licence. */
export const NATIVE_RUNTIME = {
  sqlite3: ['package.json', 'LICENSE', 'lib/sqlite3.js', 'lib/sqlite3-binding.js', 'lib/trace.js', 'build/Release/node_sqlite3.node'],
  // sqlite3's lib requires bindings to find the .node file; bindings requires file-uri-to-path.
  bindings: ['package.json', 'LICENSE.md', 'bindings.js'],
  'file-uri-to-path': ['package.json', 'LICENSE', 'index.js'],
};
/** Where the packages go inside the extension: next to server/out, so Node's resolution finds them. */
export const NATIVE_DIR = 'server/node_modules';

/** vsce's name for this machine (the sqlite3 binary in node_modules was built for it). */
export function currentTarget() {
  const musl = process.platform === 'linux' && !process.report?.getReport?.().header?.glibcVersionRuntime;
  const arch = { x64: 'x64', arm64: 'arm64', arm: 'armhf' }[process.arch];
  const os = process.platform === 'linux' ? (musl ? 'alpine' : 'linux') : process.platform;
  return `${os}-${arch}`;
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${basename(cmd)} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** Copies the native module's runtime files and checks that every require() in them is satisfied. */
function copyNativeRuntime(stage) {
  for (const [pkg, files] of Object.entries(NATIVE_RUNTIME)) {
    for (const f of files) {
      const from = join(REPO, 'node_modules', pkg, f);
      if (!existsSync(from)) throw new Error(`${from} is missing (run npm ci; sqlite3 must be built for this platform).`);
      const to = join(stage, NATIVE_DIR, pkg, f);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
    }
  }
  for (const [pkg, files] of Object.entries(NATIVE_RUNTIME)) {
    for (const f of files.filter((x) => x.endsWith('.js'))) {
      const text = readFileSync(join(stage, NATIVE_DIR, pkg, f), 'utf8');
      for (const m of text.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = m[1];
        if (isBuiltin(spec) || spec.startsWith('.')) continue;
        if (!(spec in NATIVE_RUNTIME)) throw new Error(`${pkg}/${f} requires ${spec}, which the package does not ship (add it to NATIVE_RUNTIME).`);
      }
    }
  }
}

/**
 * Builds the .vsix. Returns its path, size and target. `log`: progress lines (vsce's own output
 * goes to stdout).
 */
export function packageExtension({ out, target = currentTarget(), log = console.log } = {}) {
  if (target !== currentTarget()) {
    throw new Error(`--target ${target}: this machine builds ${currentTarget()} packages only (sqlite3's binary is compiled here). Run npm run package on a ${target} machine.`);
  }
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  out = resolve(out ?? join(REPO, `${pkg.name}-${pkg.version}-${target}.vsix`));
  const stage = mkdtempSync(join(tmpdir(), 'alembic-vsix-'));
  try {
    // esbuild.mjs builds from ./server/src and ./client/src into ./server/out and ./client/out of the
    // folder it runs in; esbuild follows the links, so imports resolve in the repository as usual.
    for (const src of ['server/src', 'client/src']) {
      mkdirSync(join(stage, dirname(src)), { recursive: true });
      symlinkSync(join(REPO, src), join(stage, src), 'dir');
    }
    log('Building minified bundles (node esbuild.mjs --minify)…');
    run(process.execPath, [join(REPO, 'esbuild.mjs'), '--minify'], stage);
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) copyFileSync(join(REPO, f), join(stage, f));
    for (const d of ['media', 'syntaxes', 'server/python']) cpSync(join(REPO, d), join(stage, d), { recursive: true });
    copyNativeRuntime(stage);
    for (const src of ['server/src', 'client/src']) rmSync(join(stage, src));

    log(`Packaging with vsce (--target ${target})…`);
    const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    // --no-dependencies: node_modules is not scanned (the bundles carry the JS dependencies; the
    // native module is copied above). --no-rewrite-relative-links: the README's images stay relative
    // (shown from the installed extension); there is no public repository to point them at yet.
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--target', target, '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], stage);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  const size = statSync(out).size;
  const shown = relative(process.cwd(), out);
  log(`${shown && !shown.startsWith('..') ? shown : out}: ${(size / MB).toFixed(2)} MB (${size} bytes), target ${target}`);
  return { path: out, size, target };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
  try {
    const r = packageExtension({ out: opt('--out'), target: opt('--target') ?? currentTarget() });
    if (r.size > 10 * MB) console.warn(`warning: the package is over 10 MB (${(r.size / MB).toFixed(2)} MB)`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
