// Bundles every entry point: the CLI, the language server, the database reader and the extension client.
// `node esbuild.mjs --minify` for packaging; `--watch` while developing.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'server/src/cli.ts', out: 'server/out/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/main.ts', out: 'server/out/main.js' },
  { in: 'client/src/extension.ts', out: 'client/out/extension.js' },
  // The database reader (knex + pg + mysql2), loaded by the extension only on first database use.
  { in: 'server/src/node/db/index.ts', out: 'server/out/db.js' },
].filter((e) => existsSync(e.in));

// knex can drive many databases; we read PostgreSQL, MySQL/MariaDB and SQLite. The drivers for the
// others are left out, and sqlite3 stays a real module because it is native (one binary per platform).
const external = ['vscode', 'sqlite3', 'oracledb', 'tedious', 'mysql', 'better-sqlite3', 'pg-native', 'pg-query-stream', 'mariadb', 'mariadb/callback'];

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external,
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
