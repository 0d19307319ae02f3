// The fixture is what it claims to be: real Alembic (through oracle.py) loads or refuses it the way
// its expect.json says, features newer than 1.8.1 are emulated where declared, and every question in
// expect.json got an answer. Without this, a fixture that stopped showing its behaviour would make
// the engine comparison pass for the wrong reason.
import { isDeepStrictEqual } from 'node:util';
import type { Mismatch } from './compare';
import type { Fixture } from './fixtures';
import { planKey } from './oracleTypes';
import type { OracleResult } from './oracleTypes';

const keys = (o: object | undefined) => Object.keys(o ?? {}).sort();
const unique = (xs: string[]) => [...new Set(xs)].sort();

export function checkFixtureClaims(fx: Fixture, o: OracleResult): Mismatch[] {
  const out: Mismatch[] = [];
  const claim = (what: string, expected: unknown, actual: unknown) => {
    if (!isDeepStrictEqual(expected, actual)) out.push({ what: `fixture claim: ${what}`, alembic: actual, engine: `(expect.json says ${JSON.stringify(expected)})` });
  };
  const want = fx.expect.alembic ?? { kind: 'ok' };
  claim('load outcome', want.kind, o.load.kind);
  const warned = unique(o.load.warnings.map((w) => w.kind));
  for (const w of want.warnings ?? []) if (!warned.includes(w)) claim(`warning ${w}`, w, warned);
  if (fx.expect.since && o.emulated.length === 0) claim(`emulation of Alembic ${fx.expect.since}`, 'emulated', o.emulated);
  if (!o.load.ok) return out;
  claim('resolve answers', unique(fx.expect.resolve ?? []), keys(o.resolve));
  claim('history answers', unique(fx.expect.history ?? []), keys(o.historyRanges));
  claim('plan answers', unique((fx.expect.plans ?? []).map(planKey)), keys(o.plans));
  if (fx.name !== 'empty-versions' && (o.revisions ?? []).length === 0) claim('revisions found', 'some', 'none');
  return out;
}
