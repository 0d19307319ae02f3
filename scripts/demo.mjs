// `npm run demo`: the extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) on a demo
// Alembic project, in your browser. Installs what is missing (npm ci, code-server), builds, makes the
// demo workspace with real Alembic (scripts/demo-workspace.mjs), starts code-server on 127.0.0.1 with
// the extension loaded for development, prints the address, and runs until Ctrl+C.
//
//   npm run demo [-- --port 8765] [-- --keep]     (--keep: reuse .demo/workspace instead of rebuilding it)
//
// The code-server launcher below is shared with scripts/walk.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, ensureAlembicPython, makeDemoWorkspace } from './demo-workspace.mjs';

export const CODE_SERVER = join(REPO, 'test-host', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function run(cmd, args, cwd = REPO, env = process.env) {
  const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

/** npm ci when node_modules is missing, code-server when test-host lacks it; each said out loud. */
export function ensureInstalled(log = console.log) {
  if (!existsSync(join(REPO, 'node_modules', 'esbuild'))) {
    log('node_modules is missing: running npm ci (once)…');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
  if (!existsSync(CODE_SERVER)) {
    log('The test VS Code is not installed: running scripts/install-code-server.sh (apt: chromium, libkrb5-dev, ripgrep; npm: code-server 4.100.3; about two minutes, once)…');
    run('bash', [join(REPO, 'scripts', 'install-code-server.sh')]);
  }
}

export function build(log = console.log, extraArgs = []) {
  log('Building the extension (node esbuild.mjs)…');
  run(process.execPath, [join(REPO, 'esbuild.mjs'), ...extraArgs]);
}

/** `preferred` when it is free on 127.0.0.1, otherwise any free port. */
export async function pickPort(preferred) {
  const tryListen = (port) =>
    new Promise((res) => {
      const s = createServer();
      s.once('error', () => res(undefined));
      s.listen(port, '127.0.0.1', () => {
        const got = s.address().port;
        s.close(() => res(got));
      });
    });
  return (preferred ? await tryListen(preferred) : undefined) ?? (await tryListen(0));
}

const USER_SETTINGS = {
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

/**
 * Starts code-server on 127.0.0.1 in its own process group, with a throw-away user-data and
 * extensions folder. `extensionPath` (one path or several): loaded for development through the URL's
 * `payload` (code-server's CLI has no --extensionDevelopmentPath); `vsix`: installed with
 * --install-extension instead.
 * Resolves when the server listens; `stop()` ends the whole group and removes the temp folder.
 */
export async function startCodeServer({ workspace, port, extensionPath, vsix, settings = {}, log = console.log }) {
  const tmp = mkdtempSync(join(tmpdir(), 'alembic-code-server-'));
  const dataDir = join(tmp, 'data');
  const extDir = join(tmp, 'extensions');
  mkdirSync(join(dataDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  writeFileSync(join(dataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const cfg = join(tmp, 'config.yaml');
  writeFileSync(cfg, 'auth: none\n');
  // code-server otherwise writes ~/.config/code-server and ~/.local/share/code-server.
  const env = { ...process.env, VSCODE_PROXY_URI: '', XDG_DATA_HOME: join(tmp, 'xdg-data'), XDG_CONFIG_HOME: join(tmp, 'xdg-config') };
  const common = ['--config', cfg, '--user-data-dir', dataDir, '--extensions-dir', extDir];
  let installMs;
  if (vsix) {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [CODE_SERVER, ...common, '--install-extension', resolve(vsix)], { encoding: 'utf8', env });
    installMs = Date.now() - t0;
    log(`code-server --install-extension ${vsix}: exit ${r.status} ${(r.stdout + r.stderr).trim()}`);
    if (r.status !== 0) throw new Error('installing the .vsix failed');
  }
  port = await pickPort(port);
  const args = [CODE_SERVER, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened', workspace];
  const server = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const logFile = join(tmp, 'code-server.log');
  const logStream = createWriteStream(logFile);
  await new Promise((res, rej) => {
    const onData = (d) => {
      logStream.write(d);
      if (/HTTP server listening on/.test(d.toString())) res();
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (c) => rej(new Error(`code-server exited ${c} before listening (log: ${logFile})`)));
  });

  const authority = `127.0.0.1:${port}`;
  const devPaths = extensionPath ? [extensionPath].flat() : [];
  const payload = devPaths.map((p) => ['extensionDevelopmentPath', `vscode-remote://${authority}${resolve(p)}`]);
  const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}` + (payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // code-server, its extension host, file watcher and pty host share one process group.
    const alive = () => {
      try {
        process.kill(-server.pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    for (let i = 0; i < 25 && alive(); i++) await new Promise((r) => setTimeout(r, 200));
    if (alive()) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
    }
    logStream.end();
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  };
  return { url, port, server, stop, dataDir, extDir, logFile, installMs };
}

async function main() {
  const argv = process.argv.slice(2);
  const portArg = argv.indexOf('--port');
  const port = Number(portArg >= 0 ? argv[portArg + 1] : process.env.PORT || 8765);
  ensureInstalled();
  build();
  const workspace = join(REPO, '.demo', 'alembic-demo');
  if (argv.includes('--keep') && existsSync(join(workspace, 'alembic.ini'))) {
    console.log(`Reusing the demo workspace ${workspace}`);
  } else {
    const { python, version } = ensureAlembicPython();
    console.log(`Making the demo workspace with Alembic ${version} (${python})…`);
    makeDemoWorkspace(workspace, { python });
  }
  // The demo workspace has a README.md: VS Code shows it on start.
  const cs = await startCodeServer({ workspace, port, extensionPath: REPO, settings: { 'workbench.startupEditor': 'readme' } });
  let ending = false;
  const end = async (why, code = 0) => {
    if (ending) return;
    ending = true;
    console.log(`\n${why}: stopping code-server…`);
    await cs.stop();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void end(sig));
  cs.server.once('exit', (c) => void end(`code-server exited (${c}); its log was ${cs.logFile}`, 1));
  console.log(`
Alembic demo: VS Code ${'1.100.3'} (code-server) with the extension loaded from ${REPO}
Workspace:    ${workspace} (two heads, demo.db at c2a9e4b7d813)

Open in your browser:

  ${cs.url}

(Listening on 127.0.0.1 only. From another machine: ssh -L ${cs.port}:127.0.0.1:${cs.port} this-host, then open the same address.)
Press Ctrl+C to stop.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
