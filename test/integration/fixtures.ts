// The fixture projects under test/fixtures/projects/<behaviour>/, each with its expect.json.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/alembic';
import type { FixtureConfig, FixtureExpect } from './oracleTypes';

export const PROJECTS_DIR = join(REPO_ROOT, 'test', 'fixtures', 'projects');

export interface Fixture {
  name: string;
  dir: string;
  expect: FixtureExpect;
  config: FixtureConfig;
}

export const DEFAULT_CONFIG: FixtureConfig = { kind: 'ini', file: 'alembic.ini', section: 'alembic' };

/** Every fixture, sorted by name. A fixture without a readable expect.json throws: that is a broken fixture. */
export function listFixtures(): Fixture[] {
  return readdirSync(PROJECTS_DIR)
    .filter((name) => statSync(join(PROJECTS_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(PROJECTS_DIR, name);
      const expect = JSON.parse(readFileSync(join(dir, 'expect.json'), 'utf8')) as FixtureExpect;
      return { name, dir, expect, config: expect.config ?? DEFAULT_CONFIG };
    });
}
