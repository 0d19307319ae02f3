// knex and its drivers are loaded when a read happens, never at start-up: the extension loads the db
// bundle lazily, and the CLI's other commands must not pay for them. esbuild bundles knex, pg and
// mysql2 (esbuild.mjs leaves out the drivers of databases we do not read, and sqlite3, which is
// native); a require inside a function only runs that bundled code on the first call.
import type { Knex } from 'knex';

type KnexFactory = (config: Knex.Config) => Knex;

export function loadKnex(): KnexFactory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('knex') as { knex?: KnexFactory; default?: KnexFactory };
  const factory = mod.knex ?? mod.default;
  if (typeof factory !== 'function') throw new Error('Cannot find module knex (it exports no knex function)');
  return factory;
}
