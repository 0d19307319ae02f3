// One cold index: discover (as the language server does), read, parse, graph, validate, under the
// CLI's heap policy.
// Prints the elapsed time and the peak resident memory of this process as JSON.
import { discoverProjects, indexProject, withListingCache } from '../../server/src/engine/index';
import { nodeFs } from '../../server/src/node/nodeFs';
import { tuneHeapForIndexing, sizeHeapForIndex } from '../../server/src/node/heap';
import { dirname } from 'node:path';

// The CLI's heap policy, sized to the project once it is scanned (server/src/node/heap.ts);
// BENCH_V8_DEFAULTS=1 measures with V8's own defaults at every size instead.
if (!process.env.BENCH_V8_DEFAULTS) tuneHeapForIndexing();
const onScanned = process.env.BENCH_V8_DEFAULTS ? undefined : sizeHeapForIndex;

const ini = process.argv[2];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// As the language server's first pass does: one listing per folder for discovery and scanning.
const fs = withListingCache(nodeFs);
const { projects } = discoverProjects(fs, [dirname(ini)]);
let revisions = 0;
let problems = 0;
for (const p of projects) {
  const indexed = indexProject(fs, p, { onScanned });
  revisions += indexed.map.nodes.length;
  problems += indexed.problems.length;
}
const ms = performance.now() - t0;
// CPU time of this process (all its threads): steadier than wall time when the machine is busy.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const rssKb = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ ms, cpuMs, rssKb, revisions, problems }) + '\n');
