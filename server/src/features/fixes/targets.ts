// Which current problems a code-action request is about. The client sends back the diagnostics it
// shows; each is matched to the problem the index holds now (same file, code and range), so a fix is
// never computed from a stale diagnostic: one that no longer matches gets no action.
import type { Diagnostic } from 'vscode-languageserver';
import type { IndexedFile, Problem, Span } from '../../engine/index';
import { uriToPath } from '../../lsp/uris';
import type { ProjectState } from '../../workspaceIndex';
import type { FeatureContext } from '../context';
import { DIAGNOSTIC_SOURCE, levelOf } from '../diagnostics';

/** One problem to fix, with everything a fix needs to compute exact edits. */
export interface FixTarget {
  project: ProjectState;
  file: IndexedFile;
  path: string;
  uri: string;
  /** The buffer text the problem's spans refer to. */
  text: string;
  problem: Problem;
  /** The client's diagnostic, echoed in the code action. */
  diagnostic?: Diagnostic;
}

export interface FixDocument {
  path: string;
  uri: string;
  text: string;
  /** The projects holding this file (usually one), each with its indexed file. */
  holders: { project: ProjectState; file: IndexedFile }[];
}

/**
 * The document to fix, or null when it is no revision file or when the editor's buffer is ahead of
 * the index (an edit not yet re-indexed): spans would then point at the wrong characters.
 */
export function fixDocument(ctx: FeatureContext, uri: string): FixDocument | null {
  const path = uriToPath(uri);
  if (path === null) return null;
  const text = ctx.index.textOf(path);
  if (text === null) return null;
  const open = ctx.documents.get(uri);
  if (open && open.getText() !== text) return null;
  const holders = ctx.index
    .projectsOf(path)
    .map((project) => ({ project, file: ctx.index.fileIn(project, path) }))
    .filter((h): h is { project: ProjectState; file: IndexedFile } => h.file !== undefined);
  return holders.length > 0 ? { path, uri, text, holders } : null;
}

/** The current problem behind each of the client's diagnostics (Alembic's only, stale ones dropped). */
export function targetsOf(doc: FixDocument, diagnostics: Diagnostic[]): FixTarget[] {
  const out: FixTarget[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    for (const { project, file } of doc.holders) {
      const problem = project.indexed.problems.find(
        (p) => p.file === doc.path && p.code === diagnostic.code && sameSpan(p.span, diagnostic.range) && p.message === diagnostic.message,
      );
      if (!problem) continue;
      out.push({ project, file, path: doc.path, uri: doc.uri, text: doc.text, problem, diagnostic });
      break;
    }
  }
  return out;
}

/** Every problem of the document the user has not turned off (for fix-all). */
export function allTargets(ctx: FeatureContext, doc: FixDocument): FixTarget[] {
  const out: FixTarget[] = [];
  const seen = new Set<string>();
  for (const { project, file } of doc.holders) {
    for (const problem of project.indexed.problems) {
      if (problem.file !== doc.path || levelOf(problem, ctx.settings()) === null) continue;
      const key = `${problem.code}\0${problem.span.start.line}:${problem.span.start.character}\0${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ project, file, path: doc.path, uri: doc.uri, text: doc.text, problem });
    }
  }
  return out;
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
