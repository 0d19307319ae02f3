// One cold index, as the CLI and the language server do it: discover, read, parse, graph, validate.
// Prints the elapsed time and the peak resident memory of this process as JSON.
import { discoverProjects, indexProject } from '../../server/src/engine/index';
import { nodeFs } from '../../server/src/node/nodeFs';
import { tuneHeapForIndexing } from '../../server/src/node/heap';
import { dirname } from 'node:path';

// The heap tuning meant for the CLI and server entries (server/src/node/heap.ts); BENCH_V8_DEFAULTS=1
// measures with V8's own defaults instead.
if (!process.env.BENCH_V8_DEFAULTS) tuneHeapForIndexing();

const ini = process.argv[2];
const t0 = performance.now();
const { projects } = discoverProjects(nodeFs, [dirname(ini)]);
let revisions = 0;
let problems = 0;
for (const p of projects) {
  const indexed = indexProject(nodeFs, p);
  revisions += indexed.map.nodes.length;
  problems += indexed.problems.length;
}
const ms = performance.now() - t0;
const rssKb = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify({ ms, rssKb, revisions, problems }) + '\n');
