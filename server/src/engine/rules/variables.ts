// The module variables Alembic reads from each script (Script.__init__ / _from_filename): a missing
// or wrongly typed revision or down_revision stops Alembic; a value we cannot read statically is
// flagged so nobody mistakes our graph for the whole truth.
import type { Assignment, IndexedFile, Problem } from '../types';
import { problem, type RuleContext } from './context';
import { legacyRevisionId } from '../legacy-id';
import { FILE_START, fileName, literalsOf, type RevisionVar } from './spans';

/** Literals the parser reports as 'other' but that are clearly not strings. */
const NON_STRING_LITERAL = /^(?:[-+]?(?:\d[\d_]*(?:\.[\d_]*)?(?:[eE][-+]?\d+)?|0[xXoObB][\da-fA-F_]+)[jJ]?|True|False|\.\.\.)$/;

export function variablesRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const files = ctx.files;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const parsed = file.parsed;
    if (!parsed) continue;
    // A file Python cannot import has one problem, the import failure; what its variables would be
    // is a consequence (a binary file has no `revision` either).
    if (parsed.decodeErrors.length > 0 || parsed.syntaxErrors.length > 0) continue;
    // The usual file (a string id, a None or string parent) has nothing to say about either.
    if (parsed.revision?.value.kind !== 'str') out.push(...revisionProblems(file));
    const down = parsed.down_revision?.value;
    if (down === undefined || !(down.kind === 'none' || (down.kind === 'str' && down.lit.value !== ''))) out.push(...downRevisionProblems(file));
    if (parsed.branch_labels?.value.kind === 'other') out.push(notStatic(file, 'branch_labels', parsed.branch_labels));
    if (parsed.depends_on?.value.kind === 'other') out.push(notStatic(file, 'depends_on', parsed.depends_on));
  }
  return out;
}

function revisionProblems(file: IndexedFile): Problem[] {
  const path = file.ref.path;
  const a = file.parsed?.revision;
  if (!a) {
    if (legacyRevisionId(fileName(file)) !== null) return [];
    return [
      problem(
        'missing-revision',
        path,
        FILE_START,
        `No \`revision\` variable. Alembic fails with "Could not determine revision id from filename ${fileName(file)}. Be sure the 'revision' variable is declared inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation)." Add \`revision = '<id>'\` at module level.`,
      ),
    ];
  }
  const v = a.value;
  if (v.kind === 'str') return [];
  if (v.kind === 'other' && !NON_STRING_LITERAL.test(v.text.trim())) return [notStatic(file, 'revision', a)];
  const consequence =
    v.kind === 'seq'
      ? 'Alembic would key the revision map by a tuple, and identifiers, history and the version table break'
      : `Alembic fails with "TypeError: '${v.kind === 'none' ? 'NoneType' : pythonTypeOf(v.text.trim())}' object is not iterable"`;
  const shown = v.kind === 'none' ? 'None' : v.kind === 'seq' ? `a ${v.container}` : v.text.trim();
  return [
    problem(
      'revision-not-a-string',
      path,
      v.span,
      `\`revision\` is ${shown}, not a string; ${consequence}. Write the id as a quoted string.`,
    ),
  ];
}

function downRevisionProblems(file: IndexedFile): Problem[] {
  const path = file.ref.path;
  const a = file.parsed?.down_revision;
  if (!a) {
    const moduleId = fileName(file).replace(/[^\p{L}\p{N}_]/gu, '_');
    const where = file.parsed?.revision?.nameSpan ?? FILE_START;
    return [
      problem(
        'missing-down-revision',
        path,
        where,
        `No \`down_revision\` variable; Alembic fails with "AttributeError: module '${moduleId}' has no attribute 'down_revision'". Add \`down_revision = None\` for a first revision, or the id of its parent.`,
      ),
    ];
  }
  if (a.value.kind === 'other') return [notStatic(file, 'down_revision', a)];
  if (a.value.kind === 'none' || (a.value.kind === 'str' && a.value.lit.value !== '')) return [];
  return literalsOf(a)
    .filter((lit) => lit.value === '')
    .map((lit) =>
      problem(
        'empty-down-revision',
        path,
        lit.span,
        `\`down_revision\` is an empty string. Current Alembic reads it as a parent named '' and fails with KeyError: ''; Alembic 1.8.1 treated it as a base. Write \`down_revision = None\` for a base, or the id of the parent.`,
        { data: { replacement: 'None' } },
      ),
    );
}

function notStatic(file: IndexedFile, name: RevisionVar, a: Assignment): Problem {
  const text = a.value.kind === 'other' ? a.value.text.trim() : '';
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return problem(
    'value-not-static',
    file.ref.path,
    a.value.span,
    `\`${name}\` is \`${shown}\`, which cannot be known without running Python, so the revision graph shown here may be incomplete. Write it as a literal (a string, None, or a tuple of strings).`,
    { data: { variable: name } },
  );
}

function pythonTypeOf(text: string): string {
  if (text === 'True' || text === 'False') return 'bool';
  if (text === '...') return 'ellipsis';
  if (/[jJ]$/.test(text)) return 'complex';
  if (/^[-+]?0[xXoObB]/.test(text) || /^[-+]?[\d_]+$/.test(text)) return 'int';
  return 'float';
}

