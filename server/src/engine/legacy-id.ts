// Alembic's oldest rule, still honoured: a script with no `revision` variable takes its id from a
// file name made only of lowercase hex digits (`ae1027a6acf.py`).
const LEGACY_ID_FILE = /^([a-f0-9]+)\.py$/;

/** The id a file named like `<hex>.py` gets when it declares no `revision`, else null. */
export function legacyRevisionId(fileName: string): string | null {
  return LEGACY_ID_FILE.exec(fileName)?.[1] ?? null;
}
