// Problems with one file that stop Alembic while it loads the scripts. Alembic imports every script
// and builds the whole revision map before any command does its work, so with one of these every
// command fails: `heads` and `history` as much as `merge` and `upgrade`.
import type { Problem } from '../types';

const UNLOADABLE_FILE_CODES: ReadonlySet<string> = new Set([
  'unreadable-file',
  'decode-error',
  'syntax-error',
  'missing-revision',
  'revision-not-a-string',
  'missing-down-revision',
  'empty-down-revision',
]);

export function isUnloadableFileProblem(p: Problem): boolean {
  return p.severity === 'error' && UNLOADABLE_FILE_CODES.has(p.code);
}
