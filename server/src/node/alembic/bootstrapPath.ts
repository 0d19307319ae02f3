// Where alembic_bootstrap.py is. It ships in `server/python/`; the code that runs it may be the
// TypeScript source (tests), `server/out/*.js` (CLI, server) or `client/out/extension.js`, so the
// folders above this module are searched for `python/` or `server/python/`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const BOOTSTRAP_FILE = 'alembic_bootstrap.py';

export function findBootstrap(start: string = typeof __dirname === 'string' ? __dirname : process.cwd()): string | undefined {
  let dir = start;
  for (let depth = 0; depth < 8; depth++) {
    for (const candidate of [join(dir, 'python', BOOTSTRAP_FILE), join(dir, 'server', 'python', BOOTSTRAP_FILE)]) {
      if (existsSync(candidate)) return candidate;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
