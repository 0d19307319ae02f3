// Bundles every entry point: the CLI, the language server (later issues) and the extension client.
// `node esbuild.mjs --minify` for packaging; `--watch` while developing.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'server/src/cli.ts', out: 'server/out/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/main.ts', out: 'server/out/main.js' },
  { in: 'client/src/extension.ts', out: 'client/out/extension.js' },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      minify,
      sourcemap: !minify,
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
