// How a database's alembic_version rows stand against the migration files: at the heads, behind
// (and by which revisions, overall and per head), or holding revisions no file declares. "Behind"
// is counted the way Alembic would act: the scripts `alembic upgrade heads` (or `upgrade <head>`)
// would run from these rows, dependencies included.
import type { RevisionMap } from '../types';
import { planUpgrade } from './plan';

export interface HeadDistance {
  head: string;
  /** Scripts `alembic upgrade <head>` would run; null when Alembic would refuse that upgrade. */
  behind: number | null;
}

export type DatabaseStatus =
  | { state: 'at-heads' }
  | {
      state: 'behind';
      /** The scripts `alembic upgrade heads` would run, in run order. */
      pending: string[];
      /** One entry per head, in the map's head order. */
      byHead: HeadDistance[];
    }
  | {
      /** Rows no migration file declares: the database is ahead of these files, or a file was deleted. */
      state: 'unknown-revisions';
      unknown: string[];
      /** Alembic's own failure for `upgrade heads` from these rows. */
      error: string;
    }
  | {
      /** Every row is known, but Alembic refuses to upgrade from them (e.g. one row is another's ancestor). */
      state: 'error';
      error: string;
    };

export function databaseStatus(map: RevisionMap, rows: readonly string[]): DatabaseStatus {
  const current = [...rows];
  const overall = planUpgrade(map, current, 'heads');
  const unknown = current.filter((id) => !map.byId.has(id));
  if (unknown.length > 0) {
    return { state: 'unknown-revisions', unknown, error: overall.ok ? `Can't locate revision identified by '${unknown[0]}'` : overall.error };
  }
  if (!overall.ok) return { state: 'error', error: overall.error };
  if (overall.value.revisions.length === 0) return { state: 'at-heads' };
  const byHead = map.heads.map((head): HeadDistance => {
    const plan = planUpgrade(map, current, head);
    return { head, behind: plan.ok ? plan.value.revisions.length : null };
  });
  return { state: 'behind', pending: overall.value.revisions, byHead };
}
