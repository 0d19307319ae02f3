// A person's walk through the real workbench (code-server 4.100.3 = VS Code 1.100.3, Debian's Chromium
// via playwright-core) on the demo workspace: the Alembic activity bar container, the History tree,
// the Connections view, the Problems panel, a hover on a revision id, the merge quick fix (applied),
// the command palette. Each step waits for what a person would see, fails loudly when it does not
// come, and saves a 1280x800 screenshot.
//
//   node scripts/walk.mjs                  the extension loaded for development; shots in .demo/walk/
//   node scripts/walk.mjs --vsix F.vsix    the packaged extension installed with --install-extension
//                                          (the .vsix smoke test); shots in .demo/vsix-smoke/
//   node scripts/walk.mjs --package        npm run package first, then as --vsix
//   npm run screenshots                    --package --out media/screenshots (the README's images)
//   options: --out DIR, --no-build, --keep-all (also the extra shots, in DIR/extra)
//
// Prints the timings (workbench, views, diagnostics, merge) and the activation time VS Code measured
// (Developer: Show Running Extensions). Exit code 0 only when every check passed.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_CURRENT, DEMO_PENDING, DEMO_REVISIONS, REPO, ensureAlembicPython, makeDemoWorkspace } from './demo-workspace.mjs';
import { build, ensureInstalled, startCodeServer } from './demo.mjs';
import { packageExtension } from './package.mjs';

const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const PACKAGE = argv.includes('--package');
let VSIX = opt('--vsix') ? resolve(opt('--vsix')) : undefined;
const OUT = resolve(opt('--out') ?? (VSIX || PACKAGE ? join(REPO, '.demo', 'vsix-smoke') : join(REPO, '.demo', 'walk')));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT = 60_000;

const T0 = Date.now();
const secs = (ms = Date.now() - T0) => `${(ms / 1000).toFixed(1)} s`;
const say = (m) => console.log(`[walk ${secs()}] ${m}`);
const timings = {};

let cs, browser, tmp;
async function finish(code, why) {
  say(why);
  try {
    await browser?.close();
  } catch {}
  await cs?.stop();
  if (tmp && !process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void finish(130, sig));
setTimeout(() => void finish(124, 'timed out after 300 s'), 300_000).unref();

// A screenshot kept for the README goes to OUT; the others only with --keep-all.
const EXTRA = join(OUT, 'extra');
async function shot(page, name, keep = true) {
  if (!keep && !argv.includes('--keep-all')) return;
  const dir = keep ? OUT : EXTRA;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name) });
  say(`screenshot ${join(dir, name)}`);
}

// An Extension Development Host in code-server's workbench ignores workbench.colorTheme and starts
// light: Dark Modern, VS Code's default, is picked the way a person would (once the themes are registered).
async function useDarkTheme(page) {
  if (await page.locator('.monaco-workbench.vs-dark').count()) return;
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Preferences: Color Theme');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: /Preferences: Color Theme(?!s)/ }).first().click();
  await page.locator('.quick-input-widget input').fill('Dark Modern');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Default Dark Modern' }).first().click();
  await page.keyboard.press('Escape');
  await page.locator('.monaco-workbench.vs-dark').waitFor();
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-code-server.sh (it installs Debian's chromium).`);
  ensureInstalled(say);
  // The installed package is what users get (and its workbench has VS Code's own themes and icons,
  // which a development host in code-server lacks): the README's screenshots come from it.
  if (PACKAGE) VSIX = packageExtension({ out: join(REPO, '.demo', 'walk.vsix'), log: say }).path;
  if (!VSIX && !argv.includes('--no-build')) build(say);
  tmp = mkdtempSync(join(tmpdir(), 'alembic-walk-'));
  // The folder's name is what the workbench shows: a readable one.
  const ws = makeDemoWorkspace(join(tmp, 'alembic-demo'), { python: ensureAlembicPython().python });
  say(`demo workspace ${ws.dir}`);

  cs = await startCodeServer({
    workspace: ws.dir,
    extensionPath: VSIX ? undefined : REPO,
    vsix: VSIX,
    settings: { 'workbench.startupEditor': 'none', 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Dark Modern' },
    log: say,
  });
  if (VSIX) timings.install = cs.installMs;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => say(`[pageerror] ${e.message}`));

  const t0 = Date.now();
  const mark = (what) => {
    timings[what] = Date.now() - t0;
    say(`${what}: ${secs(timings[what])} after opening the page`);
  };
  await page.goto(cs.url);
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 120_000 });
  mark('workbench');

  // 1. The activity bar container.
  const icon = page.locator('.part.activitybar .action-item a[aria-label^="Alembic"]').first();
  await icon.waitFor();
  mark('activity bar icon');
  await useDarkTheme(page); // now that the extensions (and their themes) are registered
  await icon.click();
  // A wider side bar, so the views' descriptions (applied/current/pending, "1 behind") are not cut off.
  const bar = await page.locator('.part.sidebar').boundingBox();
  await page.mouse.move(bar.x + bar.width - 1, bar.y + 200);
  await page.mouse.down();
  await page.mouse.move(bar.x + bar.width + 130, bar.y + 200, { steps: 5 });
  await page.mouse.up();

  // 2. History: every revision, newest first.
  const row = (text) => page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
  for (const rev of DEMO_REVISIONS) await row(`${rev.id} ${rev.message}`).waitFor();
  mark('history view');

  // 3. Connections: the project's sqlalchemy.url read from demo.db (the sqlite3 native module at work).
  const connectionsPane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Connections' }) });
  const connection = connectionsPane.locator('.monaco-list-row', { hasText: 'sqlalchemy.url' }).filter({ hasText: `${DEMO_CURRENT} · 1 behind` });
  await connection.waitFor();
  mark('connections view');
  await connection.locator('.monaco-tl-twistie').click(); // unfold: the current revision under it
  await connectionsPane.locator('.monaco-list-row', { hasText: `${DEMO_CURRENT} ${DEMO_REVISIONS[2].message}` }).waitFor();

  // 4. Open the pending head from the History view and show the Problems panel.
  const pending = DEMO_REVISIONS.find((r) => r.id === DEMO_PENDING);
  await row(`${pending.id} ${pending.message}`).click();
  await page.locator('.editor-instance .view-lines', { hasText: 'down_revision' }).waitFor();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'is one of 2 heads' }).first().waitFor();
  mark('problems panel');
  await page.locator('.editor-instance .squiggly-error').first().waitFor();
  await page.waitForTimeout(800); // let the code lens and inlay hints settle
  await shot(page, 'views-and-problems.png');

  // 5. Hover on the parent id in down_revision.
  const parentId = page.locator('.editor-instance .view-line', { hasText: 'down_revision' }).locator('span', { hasText: DEMO_REVISIONS[1].id }).last();
  await parentId.hover();
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: DEMO_REVISIONS[1].message });
  await hover.first().waitFor();
  say(`hover: ${(await hover.first().innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
  await page.waitForTimeout(300);
  await shot(page, 'hover.png');
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 400);

  // 6. The merge quick fix on `revision = ...` (Ctrl+. lists the code actions).
  await page.locator('.editor-instance .view-line', { hasText: 'revision = ' }).first().locator('span', { hasText: pending.id }).last().click();
  await page.keyboard.press('Control+.');
  const merge = page.locator('.action-widget .monaco-list-row', { hasText: 'Create a merge revision' });
  await merge.first().waitFor();
  say(`quick fixes: ${(await page.locator('.action-widget').first().innerText()).replace(/\s+/g, ' ').slice(0, 300)}`);
  await shot(page, 'quick-fix.png');

  // 7. Apply it: a merge revision from the project's template, one head left, the errors gone.
  // The first entry (the preferred fix) is selected; the menu takes keys, not clicks.
  await page.keyboard.press('Enter');
  await row('merge heads').waitFor();
  await page.locator('.tab', { hasText: 'merge_heads' }).first().waitFor();
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'is one of 2 heads' }).first().waitFor({ state: 'detached' });
  await page.locator('.part.statusbar', { hasText: '2 heads' }).waitFor({ state: 'detached' });
  mark('merge applied');
  await page.waitForTimeout(800);
  await shot(page, 'after-merge.png');

  // 8. The command palette.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Alembic: ');
  // The list is virtual: only the first screenful exists in the page.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Alembic: Add Connection…' }).first().waitFor();
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Alembic: Merge Heads…' }).first().waitFor();
  const commands = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
  say(`command palette: ${commands.map((c) => c.split('\n')[0]).join(' | ')}`);
  await shot(page, 'command-palette.png', false);
  await page.keyboard.press('Escape');

  // 9. What VS Code measured: Developer: Show Running Extensions.
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Developer: Show Running Extensions');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor();
  await page.keyboard.press('Enter');
  const ours = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Alembic' }).first();
  await ours.waitFor();
  await page.waitForTimeout(500);
  const runtime = (await ours.innerText()).replace(/\s+/g, ' ');
  say(`running extensions: ${runtime}`);
  const ms = /(\d+)\s*ms/.exec(runtime);
  if (ms) timings.activation = Number(ms[1]);
  await shot(page, 'running-extensions.png', false);

  console.log(`\nTIMINGS ${VSIX ? '(installed .vsix)' : '(development)'}: ${JSON.stringify(timings)}`);
  await finish(0, `all checks passed; screenshots in ${OUT}`);
}

main().catch(async (e) => {
  console.error(e);
  try {
    mkdirSync(EXTRA, { recursive: true });
    const page = browser?.contexts()[0]?.pages()[0];
    if (page) {
      await page.screenshot({ path: join(EXTRA, 'failure.png') });
      say(`failure screenshot ${join(EXTRA, 'failure.png')}`);
    }
    // The server's and the extension host's logs say why (the temp folder goes away).
    if (cs) {
      copyFileSync(cs.logFile, join(EXTRA, 'code-server.log'));
      for (const f of readdirSync(join(cs.dataDir, 'logs'), { recursive: true })) {
        if (/exthost\d*[/\\](remoteexthost\.log|.*Alembic.*\.log)$/.test(f)) copyFileSync(join(cs.dataDir, 'logs', f), join(EXTRA, basename(f)));
      }
      say(`logs copied to ${EXTRA}`);
    }
  } catch {}
  await finish(1, 'walk failed');
});
