// The floor: list the versions directory and read every file's bytes, nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const t0 = performance.now();
let bytes = 0;
for (const name of readdirSync(dir)) bytes += readFileSync(join(dir, name)).length;
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ ms, bytes }) + '\n');
