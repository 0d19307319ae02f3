// MODE=shots of run-in-code-server.mjs: looks at the extension the way a person would — the Alembic
// activity bar entry with its History and Connections views, the Problems panel, and the Alembic
// commands in the Command Palette — and writes a screenshot of each to `dir`.
import { join } from 'node:path';

export async function takeShots(page, dir, say) {
  const icon = page.locator('.part.activitybar .action-item a[aria-label^="Alembic"]').first();
  await icon.waitFor({ timeout: 60_000 });
  await icon.click();
  // The History view's rows, or its welcome text in a workspace without a project ("Looking for
  // Alembic projects…" only means the server has not answered yet).
  const history = page.locator('.pane-body .monaco-list-row').or(page.getByText('No Alembic project was found')).first();
  await history.waitFor({ timeout: 60_000 });
  say('Alembic views rendered');
  await shot(page, dir, 'alembic-views.png', say);

  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').or(page.getByText('No problems have been detected')).first().waitFor({ timeout: 30_000 });
  await shot(page, dir, 'problems.png', say);

  // F1: Ctrl+Shift+P is taken by Chromium in some setups.
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.fill('>Alembic: ');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Alembic:' }).first().waitFor({ timeout: 30_000 });
  await shot(page, dir, 'command-palette.png', say);
  await page.keyboard.press('Escape');
}

async function shot(page, dir, name, say) {
  // One frame for the tree and panel to finish painting (not a wait for state: the rows are there).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
  await page.screenshot({ path: join(dir, name) });
  say(`wrote ${join(dir, name)}`);
}
