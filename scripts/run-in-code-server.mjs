#!/usr/bin/env node
// Drives a real VS Code (code-server 4.100.3 = VS Code 1.100.3, installed by
// scripts/install-code-server.sh) with Debian's Chromium through playwright-core.
//
//   MODE=test  (default) loads the extension for development and runs the mocha suite module TESTS
//              (an `extensionTestsPath`: exports run()) in the Node extension host; the exit code is
//              the suite's (0 passed, 1 failed), 124 on TIMEOUT_MS, 3 when code-server/Chromium are missing.
//   MODE=shots loads the extension, opens the Alembic views and the Problems panel like a person
//              would, and writes screenshots to SHOTS.
//
// Environment knobs: WS_DIR (a folder or a .code-workspace file; default: the repository),
// TESTS (default test/e2e/out/index.js), VSIX (install this .vsix instead of loading the repository),
// TRUST=untrusted (Workspace Trust on and the folder not trusted; default: trust disabled = trusted),
// USER_SETTINGS (JSON merged into the user settings), EXT_DIR, CODE_SERVER, CHROMIUM, SHOTS, PORT,
// TIMEOUT_MS (default 300000), VERBOSE=1 (browser console), KEEP_TMP=1 (keep profile and logs).
// Every other variable reaches the extension host unchanged (the suites read ALEMBIC_E2E_CONTEXT).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, killGroup, startServer } from './code-server-process.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const T0 = Date.now();
const t = () => `${((Date.now() - T0) / 1000).toFixed(1)}s`;
const say = (text) => console.log(`[driver ${t()}] ${text}`);

const MODE = process.env.MODE || 'test';
const EXT = resolve(process.env.EXT_DIR || ROOT);
const WS = resolve(process.env.WS_DIR || EXT);
const TESTS = resolve(process.env.TESTS || join(EXT, 'test/e2e/out/index.js'));
const VSIX = process.env.VSIX ? resolve(process.env.VSIX) : '';
const UNTRUSTED = process.env.TRUST === 'untrusted';
const CODE_SERVER = process.env.CODE_SERVER || join(ROOT, 'test-host/node_modules/code-server/out/node/entry.js');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS || 300_000);
// The workbench's own start-up chatter and the offline extension gallery (open-vsx.org) failing:
// harmless, and it would bury the suite's output (VERBOSE=1 shows it).
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore|Creation of workbench contribution|getaddrinfo ENOTFOUND open-vsx\.org|Started local extension host|Extension host \(|\[Extension Host\])/;

/** What must exist before anything starts; the caller decides whether a missing piece skips or fails. */
export function missingPieces() {
  const out = [];
  if (!existsSync(CODE_SERVER)) out.push(`code-server (${CODE_SERVER}): run scripts/install-code-server.sh`);
  if (!existsSync(CHROMIUM)) out.push(`Chromium (${CHROMIUM}): apt-get install chromium, or set CHROMIUM`);
  return out;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) await main();

async function main() {
  const missing = missingPieces();
  if (missing.length > 0) {
    console.error(`[driver] cannot start VS Code: missing ${missing.join('; ')}`);
    process.exit(3);
  }
  if (MODE === 'test' && !existsSync(TESTS)) {
    console.error(`[driver] no test module at ${TESTS} (build it first: node test/e2e/run.mjs does)`);
    process.exit(2);
  }
  const { chromium } = await import('playwright-core');
  const tmp = mkdtempSync(join(tmpdir(), 'alembic-cs-'));
  const SHOTS = resolve(process.env.SHOTS || (MODE === 'shots' ? join(tmpdir(), 'alembic-vscode-shots') : join(tmp, 'shots')));
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = join(tmp, 'data');
  const extDir = join(tmp, 'extensions');
  mkdirSync(join(dataDir, 'User'), { recursive: true });
  mkdirSync(extDir, { recursive: true });
  writeFileSync(join(dataDir, 'User', 'settings.json'), JSON.stringify(userSettings(), null, 2));
  const cfg = join(tmp, 'config.yaml');
  writeFileSync(cfg, 'auth: none\n');
  // code-server would otherwise write ~/.config/code-server and ~/.local/share/code-server.
  const env = { ...process.env, VSCODE_PROXY_URI: '', XDG_DATA_HOME: join(tmp, 'xdg-data'), XDG_CONFIG_HOME: join(tmp, 'xdg-config') };
  const serverLog = join(tmp, 'code-server.log');

  let server;
  let browser;
  let finished = false;
  const cleanup = async () => {
    try {
      if (browser) await browser.close();
    } catch {
      // already gone
    }
    if (server) await killGroup(server.pid);
    if (!process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
    else say(`kept ${tmp}`);
  };
  const finish = async (code, why) => {
    if (finished) return;
    finished = true;
    say(`${why} -> exit ${code}`);
    if (code !== 0 && existsSync(serverLog)) {
      const tail = readFileSync(serverLog, 'utf8').split('\n').slice(-15).join('\n');
      console.log(`[driver] last lines of the code-server log:\n${tail}`);
    }
    await cleanup();
    process.exit(code);
  };
  setTimeout(() => void finish(124, `timeout after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();
  process.on('SIGINT', () => void finish(130, 'SIGINT'));
  process.on('SIGTERM', () => void finish(143, 'SIGTERM'));

  try {
    const base = [CODE_SERVER, '--config', cfg, '--user-data-dir', dataDir, '--extensions-dir', extDir];
    if (VSIX) {
      const r = spawnSync(process.execPath, [...base, '--install-extension', VSIX], { encoding: 'utf8', env, shell: false });
      say(`--install-extension ${VSIX}: rc=${r.status} ${(r.stdout + r.stderr).trim()}`);
      if (r.status !== 0) return finish(1, 'vsix install failed');
    }
    const port = Number(process.env.PORT || (await freePort()));
    const args = [...base, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-getting-started-override', '--ignore-last-opened'];
    if (!UNTRUSTED) args.push('--disable-workspace-trust');
    server = await startServer(args, env, serverLog);
    server.on('exit', (c) => void finish(1, `code-server exited early (${c})`));
    say(`code-server listening on 127.0.0.1:${port}${UNTRUSTED ? ' (Workspace Trust on, folder not trusted)' : ''}`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    page.on('console', (m) => {
      if (process.env.VERBOSE) console.log(`[browser ${m.type()}] ${m.text()}`);
    });
    page.on('pageerror', (e) => process.env.VERBOSE && console.log('[pageerror]', e.message));
    // The hooks @vscode/test-web installs: the workbench forwards the extension host's console and
    // calls codeAutomationExit when the suite's run() settles.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const list = Array.isArray(args) ? args : [args];
      if (process.env.VERBOSE || !NOISE.test(String(list[0]))) console.log(...list);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code, `extension tests finished with code ${code}`));

    const authority = `127.0.0.1:${port}`;
    // VS Code runs extensionTestsPath only in extension development mode: with a .vsix installed, a
    // stub development extension (a manifest and nothing else) turns that mode on.
    const devPath = VSIX ? stubExtension(tmp) : EXT;
    const payload = MODE === 'test' || !VSIX ? [['extensionDevelopmentPath', `vscode-remote://${authority}${devPath}`]] : [];
    if (MODE === 'test') payload.push(['extensionTestsPath', `vscode-remote://${authority}${TESTS}`]);
    const where = WS.endsWith('.code-workspace') ? `workspace=${encodeURIComponent(WS)}` : `folder=${encodeURIComponent(WS)}`;
    await page.goto(`http://${authority}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 120_000 });
    say('workbench ready');
    if (MODE === 'test') return; // codeAutomationExit ends the run
    const { takeShots } = await import('./code-server-shots.mjs');
    await takeShots(page, SHOTS, say);
    await finish(0, `screenshots written to ${SHOTS}`);
  } catch (e) {
    console.error(e);
    await finish(1, 'driver error');
  }
}

function userSettings() {
  const extra = process.env.USER_SETTINGS ? JSON.parse(process.env.USER_SETTINGS) : {};
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.disableAIFeatures': true,
    // Untrusted runs: Restricted Mode from the start, without the startup question.
    'security.workspace.trust.enabled': UNTRUSTED,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    ...extra,
  };
}

function stubExtension(tmp) {
  const dir = join(tmp, 'test-runner-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'e2e-test-runner', publisher: 'e2e', version: '0.0.0', engines: { vscode: '^1.100.0' } }));
  return dir;
}
