// Problems -> LSP diagnostics, grouped by file: `source: "alembic"`, the stable code, the exact range,
// related locations (the other heads, the other duplicate...), and the user's severity overrides.
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Problem, Severity } from '../engine/index';
import type { ServerSettings, SeveritySetting } from '../protocol';
import { pathToUri } from '../lsp/uris';

export const DIAGNOSTIC_SOURCE = 'alembic';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries for the code actions: the problem's machine-readable extras. */
export interface DiagnosticData {
  file: string;
  extras?: Record<string, unknown>;
}

export function toDiagnostic(problem: Problem, level: Severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: problem.span,
    severity: LSP_SEVERITY[level],
    source: DIAGNOSTIC_SOURCE,
    code: problem.code,
    message: problem.message,
  };
  if (problem.related && problem.related.length > 0) {
    diagnostic.relatedInformation = problem.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri: pathToUri(r.file), range: r.span }, message: r.message }),
    );
  }
  const data: DiagnosticData = { file: problem.file };
  if (problem.data) data.extras = problem.data;
  diagnostic.data = data;
  return diagnostic;
}

/** The level to show a problem at, or null when the user turned its code off. */
export function levelOf(problem: Problem, settings: ServerSettings): Severity | null {
  const override: SeveritySetting | undefined = settings.diagnostics.severity[problem.code];
  if (override === 'off') return null;
  return override ?? problem.severity;
}

/** Every file's diagnostics, keyed by path. A problem found twice (two projects sharing a folder) shows once. */
export function diagnosticsByFile(problems: Iterable<Problem>, settings: ServerSettings): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const seen = new Set<string>();
  for (const p of problems) {
    const level = levelOf(p, settings);
    if (level === null) continue;
    const key = `${p.file}\0${p.code}\0${p.span.start.line}:${p.span.start.character}\0${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = out.get(p.file);
    const d = toDiagnostic(p, level);
    if (list) list.push(d);
    else out.set(p.file, [d]);
  }
  return out;
}
