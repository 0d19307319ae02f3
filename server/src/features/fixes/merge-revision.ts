// The merge revision `alembic merge` would write for some heads: rendered by the engine from the
// project's own script.py.mako, named by its file_template, placed where Alembic puts it, and
// returned as a workspace edit that creates the file with that text.
import type { WorkspaceEdit } from 'vscode-languageserver';
import { basenamePath, decodeMakoTemplate, dirnamePath, isUnloadableFileProblem, joinPath, newRevisionFile, pyDateTimeAt, pyDateTimeInZone, type IndexedProject, type Outcome, type PyDateTime } from '../../engine/index';
import { lookupPythonCodec } from '../../engine/python/pyencodings';
import { pathToUri } from '../../lsp/uris';
import type { FeatureContext } from '../context';
import { templateConfig } from './template-config';

/** The server command that creates a merge revision; its one argument is MergeRevisionArgs. */
export const MERGE_COMMAND = 'alembic.server.createMergeRevision';

export interface MergeRevisionArgs {
  /** A ProjectSummary id. */
  project: string;
  /** The heads to merge, in down_revision order. */
  heads: string[];
  /** The `-m` message (also the file name's slug). */
  message: string;
}

export type MergeRevisionEdit =
  | { ok: true; edit: WorkspaceEdit; path: string; uri: string; revision: string; label: string }
  | { ok: false; error: string };

export function mergeRevisionEdit(ctx: FeatureContext, args: MergeRevisionArgs): MergeRevisionEdit {
  const project = ctx.index.project(args.project);
  if (!project) return { ok: false, error: `No Alembic project ${args.project} is indexed any more.` };
  const { config, map } = project.indexed;
  const blocked = mergeBlockedBy(project.indexed);
  if (blocked !== null) return { ok: false, error: `Not merged. ${blocked}` };
  const heads = [...new Set(args.heads)];
  if (heads.length < 2) return { ok: false, error: 'A merge needs at least two heads.' };
  const gone = heads.filter((h) => !map.byId.get(h)?.isHead);
  if (gone.length > 0) return { ok: false, error: `Not merged: ${gone.join(', ')} ${gone.length > 1 ? 'are' : 'is'} no longer a head. Look at the heads again and retry.` };
  const templatePath = joinPath(config.scriptLocation, 'script.py.mako');
  const template = templateText(ctx, templatePath);
  if (template === null) return { ok: false, error: `Cannot read ${templatePath}, the template Alembic renders new revisions from.` };
  if (!template.ok) return { ok: false, error: `Not merged: ${templatePath}: ${template.error}` };
  const date = createDate(ctx.now(), config.timezone);
  if (!date.ok) return { ok: false, error: `Not merged: ${date.error} (the timezone setting of ${config.iniFile ?? config.pyprojectFile ?? config.scriptLocation}).` };
  const revision = ctx.newRevisionId();
  const rendered = newRevisionFile(
    template.value,
    { revId: revision, parents: heads, message: args.message, date: date.value, config: templateConfig(config, (p) => ctx.index.textOf(p)) },
    { fileTemplate: config.fileTemplate, truncateSlugLength: config.truncateSlugLength },
  );
  if (!rendered.ok) return { ok: false, error: `Not merged: rendering ${templatePath} failed: ${rendered.error}` };
  const encoding = config.outputEncoding;
  const nonAscii = firstNonAsciiLine(rendered.value.text);
  if (!isUtf8Name(encoding) && nonAscii >= 0) {
    return {
      ok: false,
      error:
        `Not merged: the project's output_encoding is ${encoding}, and line ${nonAscii + 1} of the new file has non-ASCII characters, which VS Code would write as UTF-8 ` +
        `where Alembic writes ${encoding}. Fix: run \`alembic merge\` in a terminal, or use a message without non-ASCII characters.`,
    };
  }
  const folder = targetFolder(config.versionLocations, map.byId.get(heads[0])!.file);
  if (folder === null) return { ok: false, error: 'Not merged: the project has no version location.' };
  const path = joinPath(folder, rendered.value.fileName);
  if (ctx.index.textOf(path) !== null) return { ok: false, error: `Not merged: ${path} already exists.` };
  const uri = pathToUri(path);
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: rendered.value.text }] },
    ],
  };
  return { ok: true, edit, path, uri, revision, label: `Create merge revision ${revision} (${args.message})` };
}

/**
 * Why no merge revision should be made now, or null. While a migration file stops Alembic from
 * loading the scripts, `alembic merge` fails, and the heads seen may not be the real ones: a file
 * with unresolved merge conflict markers, for one, counts only one side of its down_revision.
 */
export function mergeBlockedBy(project: IndexedProject): string | null {
  const problem = project.problems.find(isUnloadableFileProblem);
  if (!problem) return null;
  const where = `${basenamePath(problem.file)}:${problem.span.start.line + 1}`;
  return `Fix ${where} first (${problem.code}): Alembic cannot load the scripts until then, so \`alembic merge\` would fail and the heads may not be the real ones.`;
}

/**
 * The template as Mako reads it for Alembic: the editor's buffer when it is open, else the file's
 * bytes decoded by Mako's rules (mako-source.ts). null when it cannot be read at all.
 */
function templateText(ctx: FeatureContext, path: string): Outcome<string> | null {
  if (ctx.index.hasOverlay(path)) {
    const open = ctx.index.textOf(path);
    return open === null ? null : { ok: true, value: open };
  }
  const bytes = ctx.index.diskBytesOf(path);
  return bytes === null ? null : decodeMakoTemplate(bytes);
}

/** Whether Python's `codecs.lookup(name)` is UTF-8 itself (utf8, u8, cp65001...). */
function isUtf8Name(name: string): boolean {
  return lookupPythonCodec(name) === 'utf-8';
}

/** The 0-based line of the first character beyond ASCII, or -1. */
function firstNonAsciiLine(text: string): number {
  const at = text.search(/[^\x00-\x7f]/);
  return at < 0 ? -1 : text.slice(0, at).split('\n').length - 1;
}

/**
 * Alembic's `version_path` for a merge without --version-path: the only version location, or with
 * several, the folder of the first head's file.
 */
function targetFolder(locations: string[], firstHeadFile: string): string | null {
  if (locations.length === 0) return null;
  return locations.length === 1 ? locations[0] : dirnamePath(firstHeadFile);
}

/** `create_date`: local wall-clock time (naive), or aware in the configured timezone. */
function createDate(now: Date, timezone: string | null): { ok: true; value: PyDateTime } | { ok: false; error: string } {
  if (timezone) return pyDateTimeInZone(now.getTime(), timezone);
  return { ok: true, value: pyDateTimeAt(now.getTime(), -now.getTimezoneOffset() * 60, false) };
}
