// The stable problem codes of the revision rules (validate.ts). The README prints this table; a code
// never changes once released. Config and scan codes live in config.ts (CONFIG_PROBLEM_CODES).
import type { Severity } from '../types';

export interface ProblemCodeInfo {
  /** The severity a problem with this code gets unless a rule says otherwise. */
  severity: Severity;
  /** One line for the README and `--help`. */
  description: string;
}

export const PROBLEM_CODES = {
  // Files Alembic cannot load at all.
  'unreadable-file': {
    severity: 'error',
    description: 'A migration file could not be read from disk.',
  },
  'decode-error': {
    severity: 'error',
    description: 'A migration file is not valid in its declared encoding (UTF-8 unless a coding cookie says otherwise).',
  },
  'syntax-error': {
    severity: 'error',
    description: 'A migration file is not valid Python, so Alembic cannot import it and every command fails.',
  },
  // Module variables.
  'missing-revision': {
    severity: 'error',
    description: "No `revision` variable and the file name is not `<hex>.py`: Alembic cannot determine the revision id.",
  },
  'revision-not-a-string': {
    severity: 'error',
    description: '`revision` is not a string (None, a number, a tuple...): Alembic fails with a TypeError.',
  },
  'missing-down-revision': {
    severity: 'error',
    description: 'No `down_revision` variable: Alembic fails with AttributeError (write `down_revision = None` for a base).',
  },
  'value-not-static': {
    severity: 'warning',
    description: 'A revision variable is computed, imported or conditional: its value is not statically known, so the graph may be incomplete.',
  },
  'empty-down-revision': {
    severity: 'error',
    description: "`down_revision = \"\"`: current Alembic fails with KeyError ''; 1.8.1 treated it as a base. Write None.",
  },
  'header-mismatch': {
    severity: 'warning',
    description: 'The docstring `Revision ID:` / `Revises:` header disagrees with the variables (Alembic reads only the variables).',
  },
  // Revision ids and labels.
  'duplicate-revision-id': {
    severity: 'error',
    description: 'Two files declare the same revision id; Alembic only warns, but its graph is then inconsistent.',
  },
  'illegal-revision-id-character': {
    severity: 'error',
    description: "A revision id contains '@', '-', '+' or ':', which Alembic rejects.",
  },
  'revision-id-too-long': {
    severity: 'warning',
    description: 'A revision id is longer than 32 characters, the size of the alembic_version.version_num column.',
  },
  'reserved-revision-id': {
    severity: 'warning',
    description: "A revision id or branch label is 'head', 'heads', 'base' or 'current', which identifier resolution shadows.",
  },
  'branch-label-conflict': {
    severity: 'error',
    description: 'The same branch label is declared by two revisions (or twice by one).',
  },
  'branch-label-is-revision-id': {
    severity: 'error',
    description: 'A branch label equals an existing revision id.',
  },
  // Links between revisions.
  'broken-down-revision': {
    severity: 'error',
    description: '`down_revision` names a revision that does not exist (Alembic: "Revision X referenced from ... is not present", then KeyError).',
  },
  'partial-id-in-down-revision': {
    severity: 'error',
    description: '`down_revision` uses a shortened id; Alembic needs the full id there (KeyError).',
  },
  'label-in-down-revision': {
    severity: 'error',
    description: '`down_revision` names a branch label; Alembic accepts only full revision ids there (KeyError).',
  },
  'broken-depends-on': {
    severity: 'error',
    description: '`depends_on` names neither a full revision id nor a branch label (KeyError).',
  },
  'self-loop': {
    severity: 'error',
    description: 'A revision lists itself in its own `down_revision`.',
  },
  'dependency-self-loop': {
    severity: 'error',
    description: 'A revision lists itself in its own `depends_on`.',
  },
  cycle: {
    severity: 'error',
    description: 'The `down_revision` links form a loop (Alembic: "Cycle is detected in revisions (...)").',
  },
  'dependency-cycle': {
    severity: 'error',
    description: 'The `down_revision` and `depends_on` links together form a loop.',
  },
  'multiple-heads': {
    severity: 'error',
    description:
      'More than one head: `alembic upgrade head` fails. Heads that carry their own branch label are an intentional branch and are reported as information.',
  },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
