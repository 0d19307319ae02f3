// The JSON shapes the CLI promises (documented in the help text and README). Keys are snake_case
// like Alembic's own attribute names, and every field is always present.
import { posix as path } from 'node:path';
import type { IndexedProject, Problem, RevisionNode } from '../engine/index';

export interface RevisionJson {
  id: string;
  /** Relative to the version location it was found in (`sub/x.py` when recursing). */
  file: string;
  down_revisions: string[];
  depends_on: string[];
  /** As declared in the file (Alembic's output also shows inherited ones). */
  branch_labels: string[];
  /** Script.doc: the docstring up to its first blank line. */
  message: string;
}

export interface ProblemJson {
  code: string;
  severity: string;
  /** Relative to its version location; other files (configs) relative to the project root. */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export interface GraphJson {
  revisions: RevisionJson[];
  heads: string[];
  bases: string[];
  branchpoints: string[];
  mergepoints: string[];
  history: string[];
  problems: ProblemJson[];
}

export function revisionJson(node: RevisionNode): RevisionJson {
  return {
    id: node.id,
    file: node.relPath,
    down_revisions: [...node.down],
    depends_on: [...node.dependsOn],
    branch_labels: [...node.branchLabels],
    message: node.doc,
  };
}

export function problemJson(project: IndexedProject, problem: Problem): ProblemJson {
  return {
    code: problem.code,
    severity: problem.severity,
    file: projectRelative(project, problem.file),
    line: problem.span.start.line + 1,
    message: problem.message,
  };
}

export function graphJson(project: IndexedProject): GraphJson {
  const { map } = project;
  return {
    revisions: map.nodes.map(revisionJson),
    heads: [...map.heads],
    bases: [...map.bases],
    branchpoints: [...map.branchPoints],
    mergepoints: [...map.mergePoints],
    history: [...map.history],
    problems: project.problems.map((p) => problemJson(project, p)),
  };
}

function projectRelative(project: IndexedProject, file: string): string {
  if (file === '' || !path.isAbsolute(file)) return file;
  const locations = [...project.config.versionLocations].sort((a, b) => b.length - a.length);
  for (const base of [...locations, project.config.root]) {
    const rel = path.relative(base, file);
    if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel;
  }
  return file;
}
