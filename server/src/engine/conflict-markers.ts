// Git merge conflict markers (`<<<<<<< ours`, `||||||| base`, `=======`, `>>>>>>> theirs`): what a
// merge leaves in a file it could not merge, at the start of a line. Migration files, alembic.ini and
// pyproject.toml all refuse them; every problem that meets one says so and how to resolve it.

/** Seven of one marker character: the run a marker starts with (a longer run starts with one too). */
export const MARKER_RUN = String.raw`<{7}|={7}|>{7}|\|{7}`;
export const MARKER_RUN_LENGTH = 7;

/** A marker at the start of a line. */
const MARKER_LINE = new RegExp(`^(?:${MARKER_RUN})`);

export function isConflictMarkerLine(line: string): boolean {
  return MARKER_LINE.test(line);
}

/** The fix, for the end of a message. */
export const RESOLVE_CONFLICT = 'resolve the merge conflict: keep the lines you want and delete the conflict marker lines (<<<<<<<, ======= and >>>>>>>)';

/** The end of a message about a config line that is a marker. */
export const MARKER_LINE_FIX = `This line is a merge conflict marker. Fix: ${RESOLVE_CONFLICT}.`;
