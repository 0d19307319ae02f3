import type { IndexedProject, Problem } from '../../engine/index';
import { displayPath, loadProject } from '../context';
import { problemJson } from '../jsonShapes';
import { EXIT, json } from '../output';
import type { CommandDef } from './types';

export const check: CommandDef = {
  name: 'check',
  summary: 'Validate the project and list its problems (this is not `alembic check`, which needs a database).',
  usage: '',
  positionals: { min: 0, max: 0 },
  options: [],
  notes: `
Prints one line per problem (config first, then files in load order, then position):
  file:line:col: severity code: message
(file relative to the current directory when it lies below it; line and col 1-based).
--json: {"problems": [{"code", "severity", "file", "line", "message"}]} (file relative to its
version location). Exits 1 when any problem is an error, 0 otherwise. Always runs, however broken
the project is.`,
  run: (ctx) => {
    const project = loadProject(ctx, { tolerant: true });
    // The engine's order: config, then files in load order, then position.
    const problems = project.problems;
    const code = problems.some((p) => p.severity === 'error') ? EXIT.answerIsError : EXIT.ok;
    if (ctx.json) return json({ problems: problems.map((p) => problemJson(project, p)) }, code);
    return { stdout: problems.map((p) => problemLine(ctx.cwd, project, p) + '\n').join(''), stderr: '', code };
  },
};

function problemLine(cwd: string, project: IndexedProject, p: Problem): string {
  const file = displayPath(cwd, p.file || project.config.iniFile || project.config.pyprojectFile || project.config.root);
  const { line, character } = p.span.start;
  return `${file}:${line + 1}:${character + 1}: ${p.severity} ${p.code}: ${p.message}`;
}
