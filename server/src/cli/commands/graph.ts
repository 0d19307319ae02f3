import type { IndexedProject } from '../../engine/index';
import { loadProject } from '../context';
import { graphJson } from '../jsonShapes';
import { json, lines, ok } from '../output';
import type { CommandDef } from './types';

export const graph: CommandDef = {
  name: 'graph',
  summary: 'Summarise the revision graph (--json: the whole graph, for other tools).',
  usage: '',
  positionals: { min: 0, max: 0 },
  options: [],
  notes: `
--json prints:
  {"revisions": [{"id", "file", "down_revisions", "depends_on", "branch_labels", "message"}],
   "heads": [], "bases": [], "branchpoints": [], "mergepoints": [],
   "history": [ids in \`alembic history\` order], "problems": [{"code", "severity", "file", "line", "message"}]}
where "file" is relative to its version location, "line" is 1-based, "message" is the first
paragraph of the docstring, "branch_labels" are the labels the file declares, and "heads" are
the heads \`alembic heads\` lists. Always runs, however broken the project is (exit 0).`,
  run: (ctx) => {
    const project = loadProject(ctx, { tolerant: true });
    return ctx.json ? json(graphJson(project)) : ok(summary(project));
  },
};

function summary(project: IndexedProject): string {
  const { map, config, problems } = project;
  const list = (ids: readonly string[]) => (ids.length ? ids.join(', ') : '(none)');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return lines([
    `Project: ${config.id}`,
    `Version locations: ${list(config.versionLocations)}`,
    `Revisions: ${map.nodes.length}`,
    `Heads: ${list(map.heads)}`,
    `Bases: ${list(map.bases)}`,
    `Branch points: ${list(map.branchPoints)}`,
    `Merge points: ${list(map.mergePoints)}`,
    `Problems: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${problems.length - errors - warnings} other` +
      (problems.length ? ' (run `check` to list them)' : ''),
  ]);
}

