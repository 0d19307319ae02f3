// Collects per-fixture outcomes of the comparison and prints one table at the end (and writes the
// full diffs to .tsbuild/integration-report.json), so the lead can route each disagreement.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/alembic';
import type { Mismatch } from './compare';

export type PartResult = { status: 'agree' } | { status: 'disagree'; mismatches: Mismatch[] } | { status: 'skipped'; why: string };

const results = new Map<string, Map<string, PartResult>>();

export function record(fixture: string, part: string, result: PartResult): void {
  if (!results.has(fixture)) results.set(fixture, new Map());
  results.get(fixture)!.set(part, result);
}

export function printReport(backend: string): void {
  if (results.size === 0) return;
  const parts = [...new Set([...results.values()].flatMap((m) => [...m.keys()]))];
  const cell = (r: PartResult | undefined) =>
    !r ? '-' : r.status === 'agree' ? 'ok' : r.status === 'skipped' ? 'skip' : `DIFF(${r.mismatches.length})`;
  const width = Math.max(...[...results.keys()].map((k) => k.length));
  const lines = [`# engine (${backend}) vs real Alembic, per fixture:`, `# ${'fixture'.padEnd(width)}  ${parts.map((p) => p.padEnd(9)).join(' ')}`];
  let agree = 0;
  for (const [fixture, m] of [...results.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const row = parts.map((p) => cell(m.get(p)).padEnd(9)).join(' ');
    if ([...m.values()].every((r) => r.status !== 'disagree')) agree++;
    lines.push(`# ${fixture.padEnd(width)}  ${row}`);
  }
  lines.push(`# ${agree}/${results.size} fixtures without disagreement`);
  console.log(lines.join('\n'));
  const json = Object.fromEntries([...results.entries()].map(([f, m]) => [f, Object.fromEntries(m)]));
  const dir = join(REPO_ROOT, '.tsbuild');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'integration-report.json'), JSON.stringify({ backend, results: json }, null, 2) + '\n');
}
