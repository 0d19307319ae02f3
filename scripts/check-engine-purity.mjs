// Fails when the pure engine imports something with side effects or an editor dependency:
// `vscode`, any LSP package, `fs`, `child_process` (with or without the `node:` prefix).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The folder to check: the engine, or another one given as the first argument (used by its test).
const engineDir = process.argv[2] ?? new URL('../server/src/engine/', import.meta.url).pathname;
const banned = /^(node:)?(fs|fs\/promises|child_process)$|^vscode($|-)|^vscode-languageserver|^vscode-jsonrpc/;
const importRe = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

const offences = [];
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (/\.[cm]?[jt]s$/.test(e.name)) {
      const text = readFileSync(full, 'utf8');
      for (const m of text.matchAll(importRe)) {
        const spec = m[1] ?? m[2] ?? m[3] ?? m[4];
        if (banned.test(spec)) {
          const line = text.slice(0, m.index).split('\n').length;
          offences.push(`${full}:${line}: the engine must stay pure, but it imports '${spec}'. Move this code to server/src/node/ and pass data in.`);
        }
      }
    }
  }
}
walk(engineDir);
if (offences.length) {
  console.error(offences.join('\n'));
  process.exit(1);
}
console.log('engine purity: ok');
