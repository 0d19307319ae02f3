// For every fixture project: first that real Alembic (oracle.py) sees what the fixture claims, then
// the engine's answers (through the CLI's JSON, see backend.ts) against Alembic's: problems, graph,
// identifier resolution, history ranges and upgrade/downgrade/stamp plans. Each part is its own test, so one failing part does not
// hide the others; a table of all fixtures is printed at the end.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { integrationSkipReason, runOracle } from '../helpers/alembic';
import { chooseBackend, Unavailable } from './backend';
import type { EngineBackend } from './backend';
import { compareGraph, compareOutcome, comparePlan, compareProblems, formatMismatches } from './compare';
import type { Mismatch } from './compare';
import { checkFixtureClaims } from './fixtureClaims';
import { listFixtures } from './fixtures';
import type { Fixture } from './fixtures';
import { planKey } from './oracleTypes';
import type { OracleResult } from './oracleTypes';
import { printReport, record } from './report';

const skip = integrationSkipReason();
const fixtures = listFixtures();
// Start every oracle run now (two at a time): the tests below then mostly wait on finished work.
if (!skip) for (const fx of fixtures) void runOracle(fx.dir).catch(() => undefined);

/** Where the newest Alembic refuses the project although 1.8.1 loads it (expect.json mainDiffers.load). */
function alembicLoads(fx: Fixture, o: OracleResult): boolean {
  return o.load.ok && !fx.expect.mainDiffers?.load;
}

/** Graph, resolution, history and plans are compared only where Alembic (and a static reader) can answer. */
function whyNotCompared(fx: Fixture, o: OracleResult): string | null {
  if (!alembicLoads(fx, o)) return `Alembic refuses this project (${fx.expect.mainDiffers?.load?.kind ?? o.load.kind}); only problems are compared`;
  if (fx.expect.engineCompare === 'codes-only') return 'a static reader cannot give this graph; only problems are compared';
  return null;
}

describe('engine vs real Alembic', { skip }, () => {
  let backend: EngineBackend;
  before(async () => {
    backend = await chooseBackend();
    console.log(`# comparing through the ${backend.name} backend`);
  });
  after(() => printReport(backend?.name ?? 'none'));

  for (const fx of fixtures) {
    describe(fx.name, () => {
      /** Runs one part: records the outcome for the table and fails with the diff. */
      const part = (name: string, compare: (o: OracleResult) => Promise<Mismatch[] | string>) =>
        test(name, async (t) => {
          const oracle = await runOracle(fx.dir);
          let result: Mismatch[] | string;
          try {
            result = await compare(oracle);
          } catch (e) {
            if (!(e instanceof Unavailable)) throw e;
            result = e.message;
          }
          if (typeof result === 'string') {
            record(fx.name, name, { status: 'skipped', why: result });
            t.skip(result);
            return;
          }
          record(fx.name, name, result.length ? { status: 'disagree', mismatches: result } : { status: 'agree' });
          if (result.length) assert.fail(formatMismatches(`${fx.name} ${name}`, result));
        });

      part('alembic', async (o) => checkFixtureClaims(fx, o));

      part('problems', async (o) => {
        const out = compareProblems(fx.expect, alembicLoads(fx, o), (await backend.graph(fx)).problems);
        // The CLI answers nothing where Alembic answers nothing (the engine modules alone always answer).
        if (!alembicLoads(fx, o) && backend.name !== 'engine') {
          const answer = await backend.resolve(fx, 'heads');
          if (answer.ok) out.push({ what: 'resolve heads on a project Alembic refuses', alembic: `FAILED (${o.load.error?.type ?? 'refused'})`, engine: answer.value });
        }
        return out;
      });

      part('graph', async (o) => whyNotCompared(fx, o) ?? compareGraph(o, await backend.graph(fx)));

      part('resolve', async (o) => {
        const why = whyNotCompared(fx, o);
        if (why) return why;
        const out: Mismatch[] = [];
        for (const [id, answer] of Object.entries(o.resolve ?? {})) {
          out.push(...compareOutcome(`resolve ${JSON.stringify(id)}`, answer, await backend.resolve(fx, id)));
        }
        return out;
      });

      part('history', async (o) => {
        const why = whyNotCompared(fx, o);
        if (why) return why;
        const out: Mismatch[] = [];
        for (const [range, answer] of Object.entries(o.historyRanges ?? {})) {
          out.push(...compareOutcome(`history -r ${JSON.stringify(range)}`, answer, await backend.history(fx, range)));
        }
        return out;
      });

      part('plans', async (o) => {
        const why = whyNotCompared(fx, o);
        if (why) return why;
        const out: Mismatch[] = [];
        for (const q of fx.expect.plans ?? []) {
          const key = planKey(q);
          const answer = o.plans?.[key];
          if (!answer) throw new Error(`the oracle has no answer for plan '${key}'`);
          out.push(...comparePlan(`plan ${key}`, answer, await backend.plan(fx, q)));
        }
        return out;
      });
    });
  }
});
