// Whether a new name may replace a revision id or a branch label. Alembic itself only rejects a few
// characters in ids (`Revision.verify_rev_id`); rename is stricter where the name has to survive
// being written into a file name, a quoted literal and the comma-separated `Revises:` header.
import type { RevisionMap } from '../engine/index';

/** Alembic's verify_rev_id set: `@ - +` in every version, `:` from 1.17.1. */
const ALEMBIC_ILLEGAL = /[@\-+:]/g;
/** Characters that would break the literal, the header list or the file name. */
const UNSAFE = /[\s,'"\\/`\u0000-\u001f\u007f]/;
/** Identifier resolution handles these before ids and labels, so a revision so named is unreachable. */
const RESERVED = new Set(['head', 'heads', 'base', 'current']);
/** alembic_version.version_num is VARCHAR(32). */
const MAX_ID_LENGTH = 32;

/** Why `name` cannot become the new id of revision `oldId`, or null when it can. */
export function invalidNewId(name: string, oldId: string, map: RevisionMap): string | null {
  const shape = invalidShape(name, oldId, 'id');
  if (shape) return shape;
  if ([...name].length > MAX_ID_LENGTH) {
    return `'${name}' is ${[...name].length} characters long, but alembic_version.version_num holds ${MAX_ID_LENGTH}: upgrades would fail on PostgreSQL, MySQL and others. Choose a shorter id.`;
  }
  const other = map.byId.get(name);
  if (other) return `A revision with the id '${name}' already exists (${other.relPath}). Choose an unused id.`;
  const owner = map.labelOwner.get(name);
  if (owner !== undefined) {
    return `'${name}' is already a branch label of revision ${owner}; Alembic would fail with "Branch name '${name}' ... already used". Choose another id.`;
  }
  return null;
}

/** Why `name` cannot become the new name of branch label `oldLabel`, or null when it can. */
export function invalidNewLabel(name: string, oldLabel: string, map: RevisionMap): string | null {
  const shape = invalidShape(name, oldLabel, 'label');
  if (shape) return shape;
  if (map.byId.has(name)) return `'${name}' is a revision id; Alembic fails when a branch label equals a revision id. Choose another label.`;
  const owner = map.labelOwner.get(name);
  if (owner !== undefined) return `Revision ${owner} already declares the branch label '${name}'. Choose an unused label.`;
  return null;
}

function invalidShape(name: string, old: string, what: 'id' | 'label'): string | null {
  const noun = what === 'id' ? 'revision id' : 'branch label';
  if (name === '') return `Type a new ${noun}.`;
  if (name === old) return `The ${noun} is already '${old}'.`;
  const illegal = [...new Set(name.match(ALEMBIC_ILLEGAL) ?? [])].sort();
  if (illegal.length > 0) {
    const fix = name.replace(ALEMBIC_ILLEGAL, '_');
    return what === 'id'
      ? `Alembic rejects this id: "Character(s) '${illegal.join(', ')}' not allowed in revision identifier '${name}'". Use letters, digits and underscores, e.g. '${fix}'.`
      : `A branch label with '${illegal.join(', ')}' cannot be used in targets like '${name}@head' (Alembic reads '@', '+' and '-' as operators). Use letters, digits and underscores, e.g. '${fix}'.`;
  }
  if (UNSAFE.test(name)) {
    return `A ${noun} with spaces, commas, quotes, slashes or control characters cannot be written safely in ${what === 'id' ? 'the file name and the `Revises:` header' : 'a quoted literal'}. Use letters, digits and underscores.`;
  }
  if (RESERVED.has(name)) {
    return `'${name}' is a symbol Alembic resolves before any ${noun}, so \`alembic upgrade ${name}\` would never mean this ${what === 'id' ? 'revision' : 'branch'}. Choose another name.`;
  }
  return null;
}
