// The engine's answers from its modules directly (no CLI): config.ts + project.ts index the fixture,
// resolve.ts and plan.ts answer the queries. Modules are loaded loosely (other helpers write them in
// parallel): a function that does not exist yet makes that kind of question Unavailable, not a crash.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HostFs, IndexedProject, Outcome, Plan, ProjectConfig, RevisionMap } from '../../server/src/engine/types';
import { Unavailable } from './backend';
import type { EngineBackend, EngineGraph, EngineOutcome, EnginePlan } from './backend';
import type { Fixture } from './fixtures';

type Fn<A extends unknown[], R> = ((...args: A) => R) | undefined;

interface EngineModules {
  nodeFs: HostFs;
  loadProjectConfig: Fn<[HostFs, Record<string, unknown>], ProjectConfig>;
  indexProject: Fn<[HostFs, ProjectConfig], IndexedProject>;
  resolveRevisions: Fn<[RevisionMap, string], Outcome<string[]>>;
  historyRange: Fn<[RevisionMap, string, string[]?], Outcome<string[]>>;
  planUpgrade: Fn<[RevisionMap, string[], string], Outcome<Plan>>;
  planDowngrade: Fn<[RevisionMap, string[], string], Outcome<Plan>>;
  planStamp: Fn<[RevisionMap, string[], string[], boolean], Outcome<Plan>>;
}

async function load(): Promise<EngineModules> {
  const loose = async (p: Promise<unknown>) => (await p) as Record<string, unknown>;
  const config = await loose(import('../../server/src/engine/config/config'));
  const project = await loose(import('../../server/src/engine/project'));
  const resolve = await loose(import('../../server/src/engine/plan/resolve'));
  const plan = await loose(import('../../server/src/engine/plan/plan'));
  const fsMod = await loose(import('../../server/src/node/nodeFs'));
  const fn = <T>(m: Record<string, unknown>, name: string) => (typeof m[name] === 'function' ? (m[name] as T) : undefined);
  return {
    nodeFs: fsMod.nodeFs as HostFs,
    loadProjectConfig: fn(config, 'loadProjectConfig'),
    indexProject: fn(project, 'indexProject'),
    resolveRevisions: fn(resolve, 'resolveRevisions'),
    historyRange: fn(resolve, 'historyRange'),
    planUpgrade: fn(plan, 'planUpgrade'),
    planDowngrade: fn(plan, 'planDowngrade'),
    planStamp: fn(plan, 'planStamp'),
  };
}

function need<T>(f: T | undefined, what: string): T {
  if (f === undefined) throw new Unavailable(`${what} is not implemented yet`);
  return f;
}

/** What the CLI would read for this fixture (Alembic's working directory = the fixture directory). */
function configOptions(fx: Fixture): Record<string, unknown> {
  const c = fx.config;
  const at = (p: string) => join(fx.dir, p);
  switch (c.kind) {
    case 'ini':
      return { iniFile: at(c.file), pyprojectFile: null, section: c.section ?? 'alembic', cwd: fx.dir };
    case 'pyproject':
      return { iniFile: null, pyprojectFile: at(c.file), cwd: fx.dir };
    case 'ini+pyproject':
      return { iniFile: at(c.file), pyprojectFile: at(c.pyproject), section: c.section ?? 'alembic', cwd: fx.dir };
    case 'configless': {
      const ini = at(join(c.scriptLocation, 'alembic.ini'));
      return { iniFile: existsSync(ini) ? ini : null, pyprojectFile: null, scriptLocation: c.scriptLocation, cwd: fx.dir };
    }
  }
}

function plain<T>(o: Outcome<T>): EngineOutcome<T> {
  return o.ok ? { ok: true, value: o.value } : { ok: false, error: o.error };
}

function planOf(p: Plan): EnginePlan {
  return {
    revisions: p.revisions,
    versionTableAfter: p.versionTableAfter,
    steps: p.steps.map((s) => ({ kind: s.kind, revision: s.revision, from: s.from, to: s.to, rowsAfter: s.rowsAfter })),
  };
}

export async function engineBackend(): Promise<EngineBackend> {
  const m = await load();
  const projects = new Map<string, IndexedProject>();
  const project = (fx: Fixture): IndexedProject => {
    let p = projects.get(fx.name);
    if (!p) {
      const config = need(m.loadProjectConfig, 'config.ts loadProjectConfig')(m.nodeFs, configOptions(fx));
      p = need(m.indexProject, 'project.ts indexProject')(m.nodeFs, config);
      projects.set(fx.name, p);
    }
    return p;
  };
  return {
    name: 'engine',
    async graph(fx): Promise<EngineGraph> {
      const p = project(fx);
      const { map } = p;
      return {
        revisions: map.nodes.map((n) => ({
          id: n.id,
          file: n.relPath,
          down_revisions: n.down,
          depends_on: n.dependsOn,
          branch_labels: n.branchLabels,
          labels: n.labels,
          message: n.doc,
        })),
        heads: map.heads,
        realHeads: map.realHeads,
        bases: map.bases,
        realBases: map.realBases,
        branchpoints: map.branchPoints,
        mergepoints: map.mergePoints,
        history: map.history,
        problems: p.problems.map((pr) => ({ code: pr.code, severity: pr.severity, message: pr.message })),
      };
    },
    async resolve(fx, id) {
      return plain(need(m.resolveRevisions, 'resolve.ts resolveRevisions')(project(fx).map, id));
    },
    async history(fx, range) {
      return plain(need(m.historyRange, 'resolve.ts historyRange')(project(fx).map, range, []));
    },
    async plan(fx, q) {
      const map = project(fx).map;
      const targets = typeof q.target === 'string' ? [q.target] : q.target;
      const outcome =
        q.command === 'upgrade'
          ? need(m.planUpgrade, 'plan.ts planUpgrade')(map, q.from, targets[0])
          : q.command === 'downgrade'
            ? need(m.planDowngrade, 'plan.ts planDowngrade')(map, q.from, targets[0])
            : need(m.planStamp, 'plan.ts planStamp')(map, q.from, targets, q.purge ?? false);
      return outcome.ok ? { ok: true, value: planOf(outcome.value) } : { ok: false, error: outcome.error };
    },
  };
}
