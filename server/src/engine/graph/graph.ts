// The revision map of a list of revisions (build.ts builds it; columns.ts says what it reads).
import type { RevisionInput, RevisionMap } from '../types';
import { buildMap } from './build';
import { columnsOfInputs } from './columns';

export function buildRevisionMap(inputs: RevisionInput[]): RevisionMap {
  return buildMap(columnsOfInputs(inputs));
}
