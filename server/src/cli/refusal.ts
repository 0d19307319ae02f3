// When would Alembic refuse to answer at all? Alembic loads every script and builds the whole
// revision map before any read-only command prints a line, so one broken file or link makes
// `heads`, `history`, `branches`, `show`, `upgrade`... all fail. The text commands copy that
// (printing `FAILED: <Alembic's message>`), so that a script relying on their output is never given
// an answer Alembic would not give. `check` and `graph` never refuse: they exist to show the damage.
import { posix } from 'node:path';
import { illegalIdMessage, isUnloadableFileProblem, type GraphIssue, type IndexedFile, type IndexedProject, type Problem } from '../engine/index';
import { displayPath } from './context';

export interface Refusal {
  message: string;
  /** True: Alembic fails too (print `FAILED:`). False: only this tool cannot tell the answer. */
  alembicFails: boolean;
}

/**
 * The first failure Alembic would hit, in the order it meets them: each file in load order (an
 * import error, a missing variable, then `Revision()`'s self-loop and id checks), then the map as a
 * whole (branch labels, dependencies, down revisions, cycles; `RevisionMap._revision_map`).
 */
export function alembicRefusal(project: IndexedProject, cwd: string): Refusal | null {
  const fileFailure = firstFileFailure(project, cwd);
  if (fileFailure !== null) return { message: fileFailure, alembicFails: true };
  const issue = MAP_FAILURE_ORDER.map((kind) => project.map.issues.find((i) => i.kind === kind)).find((i) => i !== undefined);
  if (issue === undefined) return null;
  const unseen = project.problems.find((p) => p.code === 'sourceless-not-indexed');
  if (unseen && (issue.kind === 'missing-parent' || issue.kind === 'missing-dependency')) {
    // The "missing" revision is most likely in a .pyc file Alembic loads and we cannot read.
    return { message: `${issueMessage(issue)} in any source file this tool can read. ${unseen.message}`, alembicFails: false };
  }
  return { message: issueMessage(issue), alembicFails: true };
}

/** Alembic only warns about these and goes on; we pass them on, with what we could not read. */
export function alembicWarnings(project: IndexedProject, cwd: string): string[] {
  const warnings: string[] = [];
  for (const issue of project.map.issues) {
    if (issue.kind === 'duplicate-id') warnings.push(`Revision ${issue.id} is present more than once`);
  }
  for (const p of project.problems) {
    if (p.code === 'value-not-static') warnings.push(`${where(p, cwd)}: ${p.message} (this answer may differ from Alembic's)`);
  }
  return warnings;
}

function firstFileFailure(project: IndexedProject, cwd: string): string | null {
  const byFile = new Map<string, Problem>();
  for (const p of project.problems) {
    if (isUnloadableFileProblem(p) && !byFile.has(p.file)) byFile.set(p.file, p);
  }
  const selfLoops = new Set(issuesOf(project, 'self-loop').map((i) => i.id));
  const depSelfLoops = new Set(issuesOf(project, 'dependency-self-loop').map((i) => i.id));
  for (const file of project.files) {
    const problem = byFile.get(file.ref.path);
    if (problem) return problem.code === 'missing-revision' ? noRevisionMessage(file) : `${where(problem, cwd)}: ${problem.message}`;
    const id = file.revisionId;
    if (id === null) continue;
    if (selfLoops.has(id)) return `Self-loop is detected in revisions (${id})`;
    if (depSelfLoops.has(id)) return `Dependency self-loop is detected in revisions (${id})`;
    const illegal = illegalIdMessage(id);
    if (illegal) return illegal;
  }
  return null;
}

/** Alembic's own CommandError text (`Script._from_filename`). */
function noRevisionMessage(file: IndexedFile): string {
  return (
    `Could not determine revision id from filename ${posix.basename(file.ref.relPath)}. Be sure the 'revision' ` +
    "variable is declared inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation)."
  );
}

function issuesOf<K extends GraphIssue['kind']>(project: IndexedProject, kind: K): Extract<GraphIssue, { kind: K }>[] {
  return project.map.issues.filter((i): i is Extract<GraphIssue, { kind: K }> => i.kind === kind);
}

function where(p: Problem, cwd: string): string {
  const { line, character } = p.span.start;
  return `${displayPath(cwd, p.file)}:${line + 1}:${character + 1}`;
}

const MAP_FAILURE_ORDER: readonly GraphIssue['kind'][] = [
  'label-conflict',
  'missing-dependency',
  'missing-parent',
  'cycle',
  'dependency-cycle',
];

/**
 * Alembic's wording. A missing parent or dependency is a bare `KeyError` traceback in Alembic; we
 * give the text of the warning Alembic prints just before it, which names both revisions.
 */
function issueMessage(issue: GraphIssue): string {
  switch (issue.kind) {
    case 'label-conflict':
      return `Branch name '${issue.label}' in revision ${issue.id} already used by revision ${issue.otherId}`;
    case 'missing-dependency':
      return `Revision ${issue.dependency} referenced from ${issue.id} is not present`;
    case 'missing-parent':
      return `Revision ${issue.parent} referenced from ${issue.id} is not present`;
    case 'cycle':
      return `Cycle is detected in revisions (${issue.ids.join(', ')})`;
    case 'dependency-cycle':
      return `Dependency cycle is detected in revisions (${issue.ids.join(', ')})`;
    case 'self-loop':
      return `Self-loop is detected in revisions (${issue.id})`;
    case 'dependency-self-loop':
      return `Dependency self-loop is detected in revisions (${issue.id})`;
    case 'duplicate-id':
      return `Revision ${issue.id} is present more than once`;
  }
}
