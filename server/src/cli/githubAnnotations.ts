// `check --format github`: one GitHub Actions workflow command per problem, so a CI job shows each
// problem on the file and line of the pull request, as ruff's or ESLint's GitHub formats do.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Severity } from '../engine/index';

export interface Annotation {
  severity: Severity;
  /** Relative to the job's working directory (the repository root in most workflows). */
  file: string;
  /** 0-based, as engine spans. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  title: string;
  message: string;
}

/** error -> ::error, warning -> ::warning, information and hint -> ::notice. */
export function annotationLine(a: Annotation): string {
  const level = a.severity === 'error' ? 'error' : a.severity === 'warning' ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(a.file)}`,
    `line=${a.line + 1}`,
    `col=${a.character + 1}`,
    `endLine=${a.endLine + 1}`,
    `endColumn=${a.endCharacter + 1}`,
    `title=${escapeProperty(a.title)}`,
  ];
  return `::${level} ${props.join(',')}::${escapeData(a.message)}`;
}

/** The runner reads `%`, CR and LF in a message as escapes and line ends. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property, `:` and `,` separate too. */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
