// What a revision id (and a branch label) may look like. Alembic itself rejects only a few
// characters (Revision.verify_rev_id); the rest are traps it does not check: ids longer than the
// version_num column, and names that identifier resolution reads as symbols before it looks at ids.
import type { IndexedFile, Problem, Span } from '../types';
import { sortedPython } from '../py-order';
import { problem, q, type RuleContext } from './context';
import { literalsOf } from './spans';

/** verify_rev_id's set: `@ - +` in every version, `:` added in Alembic 1.17.1. */
const ILLEGAL_CHARACTERS = ['@', '-', '+', ':'];
/** alembic_version.version_num is VARCHAR(32). */
export const VERSION_NUM_LENGTH = 32;
/** Resolution handles these before any id or label lookup, so a revision or label so named is unreachable. */
const RESERVED = new Set(['head', 'heads', 'base', 'current']);

export function revisionIdRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const files = ctx.files;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const a = file.parsed?.revision;
    if (a?.value.kind === 'str' && !plainId(a.value.lit.value)) out.push(...idProblems(file, a.value.lit.value, a.value.span));
    const labels = file.parsed?.branch_labels?.value.kind;
    if (labels !== 'str' && labels !== 'seq') continue; // most files declare none
    for (const lit of literalsOf(file.parsed?.branch_labels)) {
      if (RESERVED.has(lit.value)) {
        out.push(
          problem(
            'reserved-revision-id',
            file.ref.path,
            lit.span,
            `The branch label ${q(lit.value)} is also a symbol Alembic resolves first, so \`${lit.value}@head\` and \`alembic show ${lit.value}\` never reach this branch. Choose another label.`,
            { data: { name: lit.value } },
          ),
        );
      }
    }
  }
  return out;
}

/** Any of ILLEGAL_CHARACTERS (one regex object: a literal in the function would be a new one per call). */
const ILLEGAL_CHARACTER = /[@\-+:]/;

/** A short id of plain characters, not reserved: what nearly every file has, told without allocating. */
export function plainId(id: string): boolean {
  return id.length <= VERSION_NUM_LENGTH && !ILLEGAL_CHARACTER.test(id) && !RESERVED.has(id);
}

function idProblems(file: IndexedFile, id: string, span: Span): Problem[] {
  const path = file.ref.path;
  const out: Problem[] = [];
  const illegal = sortedPython(new Set([...id].filter((c) => ILLEGAL_CHARACTERS.includes(c))));
  if (illegal.length > 0) {
    const onlyColon = illegal.length === 1 && illegal[0] === ':';
    out.push(
      problem(
        'illegal-revision-id-character',
        path,
        span,
        `Alembic rejects this id: "Character(s) '${illegal.join(', ')}' not allowed in revision identifier '${id}'".` +
          (onlyColon ? ' (Alembic before 1.17.1 accepted a colon.)' : '') +
          ` Use letters, digits and underscores, e.g. ${q(id.replace(/[@\-+:]/g, '_'))}.`,
        { data: { characters: illegal, replacement: id.replace(/[@\-+:]/g, '_') } },
      ),
    );
  }
  const length = [...id].length;
  if (length > VERSION_NUM_LENGTH) {
    out.push(
      problem(
        'revision-id-too-long',
        path,
        span,
        `This id is ${length} characters long, but alembic_version.version_num is VARCHAR(${VERSION_NUM_LENGTH}): Alembic loads it, then \`upgrade\` fails to write it on databases that enforce the length (PostgreSQL, MySQL...). Use ${VERSION_NUM_LENGTH} characters or fewer.`,
        { data: { length, limit: VERSION_NUM_LENGTH } },
      ),
    );
  }
  if (RESERVED.has(id)) {
    out.push(
      problem(
        'reserved-revision-id',
        path,
        span,
        `The id ${q(id)} is also a symbol that Alembic resolves first, so \`alembic upgrade ${id}\` or \`show ${id}\` never means this revision. Choose another id.`,
        { data: { name: id } },
      ),
    );
  }
  return out;
}
