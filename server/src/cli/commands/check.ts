import type { IndexedProject, Problem } from '../../engine/index';
import { lastValue, UsageError } from '../args';
import { displayPath, loadProject, type CommandContext } from '../context';
import { annotationLine } from '../githubAnnotations';
import { problemJson } from '../jsonShapes';
import { EXIT, json } from '../output';
import type { CommandDef } from './types';

export const check: CommandDef = {
  name: 'check',
  summary: 'Validate the project and list its problems (this is not `alembic check`, which needs a database).',
  usage: '',
  positionals: { min: 0, max: 0 },
  options: [
    { key: 'format', long: '--format', value: 'FORMAT', help: "'text' (default) or 'github': GitHub Actions annotations on each problem's file and line" },
  ],
  notes: `
Prints one line per problem (config first, then files in load order, then position):
  file:line:col: severity code: message
(file relative to the current directory when it lies below it; line and col 1-based).
--json: {"problems": [{"code", "severity", "file", "line", "message"}]} (file relative to its
version location).
--format github: one GitHub Actions command per problem (::error / ::warning / ::notice with the
file, line and column), so a workflow step shows each problem on the pull request's diff.
Exits 1 when any problem is an error, 0 otherwise. Always runs, however broken the project is.`,
  run: (ctx) => {
    const format = formatOf(ctx);
    const project = loadProject(ctx, { tolerant: true });
    // The engine's order: config, then files in load order, then position.
    const problems = project.problems;
    const code = problems.some((p) => p.severity === 'error') ? EXIT.answerIsError : EXIT.ok;
    if (ctx.json) return json({ problems: problems.map((p) => problemJson(project, p)) }, code);
    const line = format === 'github' ? (p: Problem) => githubLine(ctx, project, p) : (p: Problem) => problemLine(ctx.cwd, project, p);
    return { stdout: problems.map((p) => line(p) + '\n').join(''), stderr: '', code };
  },
};

function formatOf(ctx: CommandContext): 'text' | 'github' {
  const format = lastValue(ctx.args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'github') throw new UsageError(`argument --format: invalid choice: '${format}' (choose from 'text', 'github')`, 'check');
  if (format === 'github' && ctx.json) throw new UsageError('argument --format: not allowed with argument --json', 'check');
  return format;
}

function problemFile(cwd: string, project: IndexedProject, p: Problem): string {
  return displayPath(cwd, p.file || project.config.iniFile || project.config.pyprojectFile || project.config.root);
}

function problemLine(cwd: string, project: IndexedProject, p: Problem): string {
  const { line, character } = p.span.start;
  return `${problemFile(cwd, project, p)}:${line + 1}:${character + 1}: ${p.severity} ${p.code}: ${p.message}`;
}

function githubLine(ctx: CommandContext, project: IndexedProject, p: Problem): string {
  const { start, end } = p.span;
  return annotationLine({
    severity: p.severity,
    // GitHub places an annotation by its path from the repository root, wherever the step runs.
    file: problemFile(ctx.env.GITHUB_WORKSPACE || ctx.cwd, project, p),
    line: start.line,
    character: start.character,
    endLine: end.line,
    endCharacter: end.character,
    title: `alembic ${p.code}`,
    message: p.message,
  });
}
