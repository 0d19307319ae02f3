// Benchmarks the engine and the CLI on synthetic projects of 1k, 10k and 50k revisions against the
// floor (reading the same files raw) and against real Alembic, all measured in this run.
// Usage: npm run bench   (BENCH_SIZES=1000,10000 to choose sizes; BENCH_NO_ALEMBIC=1 to skip Alembic)
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeSyntheticProject } from './synthetic.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const cli = join(root, 'server/out/cli.js');
const indexOnce = join(root, '.bench/index-once.js');

await esbuild.build({
  entryPoints: [join(root, 'test/bench/index-once.ts')],
  outfile: indexOnce,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});

function findAlembicPython() {
  if (process.env.BENCH_NO_ALEMBIC) return null;
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import alembic'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

function timeCommand(cmd, args, cwd) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { ms, stdout: r.stdout };
}

function best(n, fn) {
  let out = null;
  for (let i = 0; i < n; i++) {
    const r = fn();
    if (out === null || r.ms < out.ms) out = r;
  }
  return out;
}

/**
 * `heads` output with each label list sorted: Alembic 1.8.1 prints a revision's labels in Python set
 * order (`(plugin, core)` one run, `(core, plugin)` another), which says nothing about correctness.
 */
function sameHeads(stdout) {
  return stdout.trim().replace(/\(([^()]*)\)/g, (_, inner) => `(${inner.split(', ').sort().join(', ')})`);
}

const python = findAlembicPython();
const rows = [];
for (const n of sizes) {
  const dir = join(tmpdir(), `alembic-vscode-bench-${n}`);
  const marker = join(dir, '.complete');
  if (!existsSync(marker)) {
    writeSyntheticProject(dir, n);
    writeFileSync(marker, String(n));
  }
  const versions = join(dir, 'migrations', 'versions');
  const ini = join(dir, 'alembic.ini');
  // Warm the page cache once so every contender reads from memory.
  execFileSync(process.execPath, [join(root, 'test/bench/raw-read.mjs'), versions]);
  const raw = best(runs, () => JSON.parse(timeCommand(process.execPath, [join(root, 'test/bench/raw-read.mjs'), versions]).stdout));
  const index = best(runs, () => JSON.parse(timeCommand(process.execPath, [indexOnce, ini]).stdout));
  const ours = best(runs, () => timeCommand(process.execPath, [cli, 'heads', '-c', ini], dir));
  let alembic = null;
  if (python && (n <= 10000 || process.env.BENCH_ALEMBIC_ALL)) {
    alembic = best(n <= 1000 ? runs : 1, () => timeCommand(python, ['-m', 'alembic', '-c', ini, 'heads'], dir));
    if (sameHeads(alembic.stdout) !== sameHeads(ours.stdout)) {
      console.error(`heads differ at ${n}:\n alembic: ${alembic.stdout.trim()}\n ours:    ${ours.stdout.trim()}`);
      process.exitCode = 1;
    }
  }
  rows.push({ n, raw, index, ours, alembic });
}

const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log('\n| revisions | raw read (floor) | cold index | index / raw | peak RSS (index) | CLI `heads` | Alembic `heads` | Alembic / CLI |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const ratio = r.index.ms / r.raw.ms;
  const speedup = r.alembic ? (r.alembic.ms / r.ours.ms).toFixed(1) + 'x' : 'not run';
  console.log(`| ${r.n.toLocaleString('en')} | ${f(r.raw.ms)} | ${f(r.index.ms)} | ${ratio.toFixed(2)}x | ${(r.index.rssKb / 1024).toFixed(0)} MB | ${f(r.ours.ms)} | ${r.alembic ? f(r.alembic.ms) : '-'} | ${speedup} |`);
}
console.log('\nTargets (2-core machine): cold index of 10k within 2x raw read; CLI heads >= 8x faster than Alembic at 10k; < 150 MB resident at 50k.');
for (const r of rows) {
  if (r.n === 10000) {
    console.log(`  10k index/raw = ${(r.index.ms / r.raw.ms).toFixed(2)}x ${r.index.ms / r.raw.ms <= 2 ? 'MET' : 'MISSED'}`);
    if (r.alembic) console.log(`  10k Alembic/CLI heads = ${(r.alembic.ms / r.ours.ms).toFixed(1)}x ${r.alembic.ms / r.ours.ms >= 8 ? 'MET' : 'MISSED'}`);
  }
  if (r.n === 50000) console.log(`  50k peak RSS = ${(r.index.rssKb / 1024).toFixed(0)} MB ${r.index.rssKb / 1024 < 150 ? 'MET' : 'MISSED'}`);
}
