// Builds what the end-to-end runs load: the extension (node esbuild.mjs, the same bundles a .vsix
// ships) and the suites, one CommonJS file per suite in test/e2e/out/ next to index.js.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ROOT } from './workspaces.mjs';

export const OUT = join(ROOT, 'test/e2e/out');

/** `extension: false` when the extension under test comes from elsewhere (EXT_DIR, VSIX). */
export async function buildAll({ extension = true } = {}) {
  if (extension) {
    const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit', shell: false });
    if (r.status !== 0) throw new Error('building the extension (node esbuild.mjs) failed');
  }
  const dir = join(ROOT, 'test/e2e');
  const entryPoints = readdirSync(dir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => join(dir, f));
  await esbuild.build({
    entryPoints,
    outdir: OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The extension host provides vscode; mocha must be the instance index.js runs (its tdd context).
    external: ['vscode', 'mocha'],
    // For a debugger attached to the extension host (VS Code's own stack-trace hook ignores them).
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
