// Scratch databases for the test/node/alembic-*.test.ts files: SQLite files, PostgreSQL and MariaDB
// databases with unique names (dropped after), and direct reads of the version table through knex,
// independent of the code under test.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { before } from 'node:test';
import { knex, type Knex } from 'knex';
import { missing } from './alembic-support';

export const PG = { host: '127.0.0.1', port: 5432, user: 'postgres' };
export const MARIA = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

export const uniqueName = (prefix: string): string => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

async function withKnex<T>(config: Knex.Config, body: (db: Knex) => Promise<T>): Promise<T> {
  const db = knex({ ...config, pool: { min: 0, max: 1 } });
  try {
    return await body(db);
  } finally {
    await db.destroy();
  }
}

async function versionRows(db: Knex, table: string): Promise<string[]> {
  if (!(await db.schema.hasTable(table))) return [];
  const rows = (await db.select('version_num').from(table)) as { version_num: string }[];
  return rows.map((r) => r.version_num).sort();
}

export interface ScratchDb {
  url: string;
  /** The version table's rows, sorted (empty when the table does not exist). */
  rows(): Promise<string[]>;
  /** Whether a table exists (to see a migration's effect or its rollback). */
  hasTable(name: string): Promise<boolean>;
  drop(): Promise<void>;
}

export function sqliteDb(dir: string): ScratchDb {
  const file = join(dir, `${uniqueName('db')}.sqlite`);
  const config: Knex.Config = { client: 'sqlite3', connection: { filename: file }, useNullAsDefault: true };
  return {
    url: `sqlite:///${file}`,
    rows: () => withKnex(config, (db) => versionRows(db, 'alembic_version')),
    hasTable: (name) => withKnex(config, (db) => db.schema.hasTable(name)),
    drop: async () => rmSync(file, { force: true }),
  };
}

/** A new PostgreSQL database, or a skip reason when the server cannot be reached. */
export async function postgresDb(): Promise<ScratchDb | { skip: string }> {
  const admin: Knex.Config = { client: 'pg', connection: { ...PG, database: 'postgres' } };
  const name = uniqueName('alembic_run');
  try {
    await withKnex(admin, (db) => db.raw(`CREATE DATABASE "${name}"`));
  } catch (e) {
    return { skip: missing('PostgreSQL', (e as Error).message) };
  }
  const config: Knex.Config = { client: 'pg', connection: { ...PG, database: name } };
  return {
    url: `postgresql+psycopg2://${PG.user}@${PG.host}:${PG.port}/${name}`,
    rows: () => withKnex(config, (db) => versionRows(db, 'alembic_version')),
    hasTable: (t) => withKnex(config, (db) => db.schema.hasTable(t)),
    drop: () => withKnex(admin, (db) => db.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

/** A new MariaDB database, or a skip reason when the server cannot be reached. */
export async function mariaDb(): Promise<(ScratchDb & { name: string }) | { skip: string }> {
  const admin: Knex.Config = { client: 'mysql2', connection: { ...MARIA } };
  const name = uniqueName('alembic_run');
  try {
    await withKnex(admin, (db) => db.raw(`CREATE DATABASE \`${name}\``));
  } catch (e) {
    return { skip: missing('MariaDB', (e as Error).message) };
  }
  const config: Knex.Config = { client: 'mysql2', connection: { ...MARIA, database: name } };
  return {
    name,
    url: `mysql+pymysql://${MARIA.user}@${MARIA.host}:${MARIA.port}/${name}`,
    rows: () => withKnex(config, (db) => versionRows(db, 'alembic_version')),
    hasTable: (t) => withKnex(config, (db) => db.schema.hasTable(t)),
    drop: () => withKnex(admin, (db) => db.raw(`DROP DATABASE IF EXISTS \`${name}\``)).then(() => undefined),
  };
}

/** A MariaDB user with a password, allowed on one database; dropped by the returned function. */
export async function mariaUser(database: string, password: string): Promise<{ user: string; drop(): Promise<void> }> {
  const admin: Knex.Config = { client: 'mysql2', connection: { ...MARIA } };
  const user = uniqueName('u').slice(0, 30);
  await withKnex(admin, async (db) => {
    await db.raw('CREATE USER ??@? IDENTIFIED BY ?', [user, '%', password]);
    await db.raw(`GRANT ALL ON \`${database}\`.* TO ??@?`, [user, '%']);
  });
  return { user, drop: () => withKnex(admin, (db) => db.raw('DROP USER IF EXISTS ??@?', [user, '%'])).then(() => undefined) };
}


/**
 * For a describe() whose tests each need a fresh server database: probes the server once before the
 * tests (a missing server skips every test with its reason), and returns `withDb`, which hands a test
 * its own database from `open` and drops it afterwards, also when the test fails.
 */
export function databasePerTest<D extends ScratchDb>(
  open: () => Promise<D | { skip: string }>,
): (t: { skip(reason: string): void }, body: (db: D) => Promise<void>) => Promise<void> {
  let skipReason: string | undefined;
  before(async () => {
    const probe = await open();
    if ('skip' in probe) skipReason = probe.skip;
    else await probe.drop();
  });
  return async (t, body) => {
    if (skipReason) return t.skip(skipReason);
    const db = await open();
    if ('skip' in db) return t.skip(db.skip);
    try {
      await body(db);
    } finally {
      await db.drop();
    }
  };
}
