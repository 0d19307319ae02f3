// `alembic/plan` and `alembic/resolve`: the engine's answers for a project the server has indexed, so
// the client can show what a command will do (which revisions, in order) before it touches a database.
import { planDowngrade, planStamp, planUpgrade, resolveRevisions } from '../engine/index';
import type { Outcome, Plan } from '../engine/index';
import { PLAN_REQUEST, RESOLVE_REQUEST, type PlanParams, type PlanResult, type ResolveParams, type ResolveResult } from '../protocol';
import type { FeatureContext } from './context';
import type { Feature } from './registry';

export function plan(ctx: FeatureContext, params: PlanParams): PlanResult {
  const project = ctx.index.project(params.project);
  if (!project) return { ok: false, error: `No Alembic project ${params.project} is indexed; refresh and pick the project again.` };
  const map = project.indexed.map;
  const outcome: Outcome<Plan> =
    params.command === 'upgrade'
      ? planUpgrade(map, params.rows, params.target)
      : params.command === 'downgrade'
        ? planDowngrade(map, params.rows, params.target)
        : planStamp(map, params.rows, params.target.split(/[\s,]+/).filter(Boolean), params.purge === true);
  if (!outcome.ok) return { ok: false, error: outcome.error };
  const p = outcome.value;
  return {
    ok: true,
    steps: p.steps.map((s) => ({
      kind: s.kind,
      revision: s.revision,
      message: s.revision === null ? '' : (map.byId.get(s.revision)?.doc ?? ''),
      from: s.from,
      to: s.to,
    })),
    revisions: p.revisions,
    versionTableAfter: p.versionTableAfter,
    warnings: p.warnings ?? [],
  };
}

export function resolve(ctx: FeatureContext, params: ResolveParams): ResolveResult {
  const project = ctx.index.project(params.project);
  if (!project) return { ok: false, error: `No Alembic project ${params.project} is indexed; refresh and pick the project again.` };
  const outcome = resolveRevisions(project.indexed.map, params.target);
  return outcome.ok ? { ok: true, revisions: outcome.value } : { ok: false, error: outcome.error };
}

export const PLANNING_FEATURES: Feature[] = [
  {
    capabilities: {},
    register(connection, ctx, ready) {
      connection.onRequest(PLAN_REQUEST, async (params: PlanParams) => {
        await ready;
        return plan(ctx, params);
      });
      connection.onRequest(RESOLVE_REQUEST, async (params: ResolveParams) => {
        await ready;
        return resolve(ctx, params);
      });
    },
  },
];
