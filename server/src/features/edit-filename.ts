// The file name a revision gets when its id changes: only where the project's file_template starts
// with the id (`%(rev)s...`, Alembic's default) and the file still carries the old id there, since
// other templates (dates first, hand-picked names) say nothing reliable about the id's place.

const REV_FIELD = '%(rev)s';

/** The new base name, or null when the name is not derived from the id and stays as it is. */
export function renamedFileName(fileTemplate: string, baseName: string, oldId: string, newId: string): string | null {
  if (!fileTemplate.startsWith(REV_FIELD) || !baseName.startsWith(oldId)) return null;
  const rest = baseName.slice(oldId.length);
  const next = fileTemplate.slice(REV_FIELD.length);
  // The character after the id in the template must follow it in the name too: with `%(rev)s_%(slug)s`
  // the file `a1b2_x.py` belongs to id `a1b2`, not to `a1`.
  if (next === '') {
    if (rest !== '.py') return null;
  } else if (!next.startsWith('%') && !rest.startsWith(next[0])) {
    return null;
  }
  return newId + rest;
}
