// Comparing the engine's answers with real Alembic's, as lists of readable mismatches (empty = agree).
import { isDeepStrictEqual } from 'node:util';
import type { EngineGraph, EngineOutcome, EnginePlan } from './backend';
import type { FixtureExpect, OracleError, OracleOutcome, OraclePlan, OracleResult } from './oracleTypes';

export interface Mismatch {
  what: string;
  alembic: unknown;
  engine: unknown;
}

const sorted = (xs: readonly string[]) => [...xs].sort();

function check(out: Mismatch[], what: string, alembic: unknown, engine: unknown): void {
  if (!isDeepStrictEqual(alembic, engine)) out.push({ what, alembic, engine });
}

export function compareGraph(o: OracleResult, e: EngineGraph): Mismatch[] {
  const out: Mismatch[] = [];
  const oRevs = o.revisions ?? [];
  check(out, 'revisions (load order)', oRevs.map((r) => r.id), e.revisions.map((r) => r.id));
  const byId = new Map(e.revisions.map((r) => [r.id, r]));
  for (const r of oRevs) {
    const er = byId.get(r.id);
    if (!er) continue;
    check(out, `${r.id} file`, r.file, er.file);
    check(out, `${r.id} down_revisions`, r.down_revisions, er.down_revisions);
    check(out, `${r.id} depends_on`, r.depends_on, er.depends_on);
    // Declared labels come from a tuple/list/set literal; a set has no order, so compare as sets.
    check(out, `${r.id} branch_labels`, sorted(r.branch_labels), sorted(er.branch_labels));
    if (er.labels) check(out, `${r.id} labels (inherited)`, r.labels, sorted(er.labels));
    check(out, `${r.id} message`, r.message, er.message);
  }
  check(out, 'heads', o.heads, e.heads);
  check(out, 'bases', o.bases, e.bases);
  check(out, 'branchpoints', o.branchpoints, e.branchpoints);
  check(out, 'mergepoints', o.mergepoints, e.mergepoints);
  if (e.realHeads) check(out, 'real heads', o.real_heads, e.realHeads);
  if (e.realBases) check(out, 'real bases', o.real_bases, e.realBases);
  if (o.history) check(out, 'history order', o.history, e.history);
  return out;
}

function errorText(err: OracleError): string {
  return err.cli ? err.message : `${err.type}: ${err.message} (a Python traceback, not a FAILED: line)`;
}

/**
 * A CommandError must come back with Alembic's exact text. Anything else (AssertionError, KeyError...)
 * is a traceback in Alembic; the engine only has to fail too.
 */
function compareFailure(out: Mismatch[], what: string, err: OracleError, engineError: string): void {
  if (err.cli && err.message !== engineError) out.push({ what, alembic: `FAILED: ${err.message}`, engine: `FAILED: ${engineError}` });
}

export function compareOutcome(what: string, o: OracleOutcome<(string | null)[]>, e: EngineOutcome<string[]>): Mismatch[] {
  const out: Mismatch[] = [];
  if (o.ok && e.ok) check(out, what, o.value, e.value);
  else if (o.ok && !e.ok) out.push({ what, alembic: o.value, engine: `FAILED: ${e.error}` });
  else if (!o.ok && e.ok) out.push({ what, alembic: `FAILED: ${errorText(o.error)}`, engine: e.value });
  else if (!o.ok && !e.ok) compareFailure(out, what, o.error, e.error);
  return out;
}

export function comparePlan(what: string, o: OraclePlan, e: EngineOutcome<EnginePlan>): Mismatch[] {
  const out: Mismatch[] = [];
  if (!o.ok) {
    if (e.ok) out.push({ what, alembic: `FAILED: ${errorText(o.error!)}`, engine: e.value.revisions });
    else compareFailure(out, what, o.error!, e.error);
    return out;
  }
  if (!e.ok) {
    out.push({ what, alembic: { run: o.revisions, rows: o.versionTableAfter }, engine: `FAILED: ${e.error}` });
    return out;
  }
  check(out, `${what}: run order`, o.revisions, e.value.revisions);
  check(out, `${what}: rows after`, o.versionTableAfter ?? [], sorted(e.value.versionTableAfter));
  const steps = e.value.steps;
  if (steps) {
    // Stamp steps name the rows they replace in Python set order; compare those as sets.
    const norm = (s: { kind: string; revision: string | null; from: string[]; to: string[]; rowsAfter: string[] }) => ({
      kind: s.kind,
      revision: s.revision,
      from: s.kind === 'stamp' ? sorted(s.from) : s.from,
      to: s.kind === 'stamp' ? sorted(s.to) : s.to,
      rowsAfter: sorted(s.rowsAfter),
    });
    check(out, `${what}: steps`, o.steps.map(norm), steps.map(norm));
  }
  return out;
}

/** Codes Alembic has no quarrel with: `multiple-heads` is a lint (Alembic loads such projects fine). */
const LINT_ERRORS = new Set(['multiple-heads']);

/**
 * The engine must report one of the expected codes; and where Alembic loads the project, it must not
 * report other errors (an error there would be a false alarm).
 */
export function compareProblems(expect: FixtureExpect, alembicLoads: boolean, problems: { code: string; severity: string; message: string }[]): Mismatch[] {
  const out: Mismatch[] = [];
  const codes = problems.map((p) => p.code);
  const wanted = expect.engineCodes ?? [];
  if (wanted.length > 0 && !wanted.some((c) => codes.includes(c))) {
    out.push({ what: `a problem with code ${wanted.join(' or ')}`, alembic: expect.alembic?.kind ?? 'ok', engine: codes });
  }
  if (alembicLoads) {
    const extra = problems.filter((p) => p.severity === 'error' && !LINT_ERRORS.has(p.code) && !wanted.includes(p.code));
    if (extra.length) {
      out.push({ what: 'errors Alembic does not raise', alembic: 'loads fine', engine: extra.map((p) => `${p.code}: ${p.message}`) });
    }
  }
  return out;
}

export function formatMismatches(fixture: string, list: Mismatch[]): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  return [
    `${fixture}: ${list.length} disagreement(s) with real Alembic`,
    ...list.map((m) => `  - ${m.what}\n      alembic: ${show(m.alembic)}\n      engine:  ${show(m.engine)}`),
  ].join('\n');
}
