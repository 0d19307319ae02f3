// Which parser reads migration files: our purpose-built scanner (server/src/engine/python/parse.ts) or a full
// Python grammar (@lezer/python)? Measures both on a generated corpus of realistic migrations, for speed
// (µs per file, against just reading the files from disk) and for agreement (same four variables and
// docstring). Run: npx tsx test/bench/parser-choice.ts [fileCount]
// Under tsx every file is transformed on its own, which makes the engine's imported constants slower to
// reach in hot loops (about 3-4x here); the extension ships esbuild bundles, so for representative figures:
//   npx esbuild test/bench/parser-choice.ts --bundle --platform=node --outfile=/tmp/pc.cjs && node /tmp/pc.cjs
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parser } from '@lezer/python';
import type { SyntaxNode } from '@lezer/common';
import { parseMigration, parseMigrationText } from '../../server/src/engine/python/parse';
import type { ParsedMigration, VarValue } from '../../server/src/engine/types';
import { generateCorpus } from './migration-corpus';

const NAMES = ['revision', 'down_revision', 'branch_labels', 'depends_on'] as const;
type Facts = Record<string, unknown>;

function ourFacts(p: ParsedMigration): Facts {
  const enc = (v: VarValue | undefined): unknown =>
    !v ? 'missing' : v.kind === 'none' ? null : v.kind === 'str' ? v.lit.value : v.kind === 'seq' ? { [v.container]: v.items.map((i) => i.value) } : 'other';
  const f: Facts = { doc: p.docstring?.value ?? null };
  for (const n of NAMES) f[n] = enc(p[n]?.value);
  return f;
}

// ---- the @lezer/python alternative: parse the whole file, then read the top-level nodes.
function lezerFacts(text: string): Facts {
  const tree = parser.parse(text);
  const f: Facts = { doc: null };
  for (const n of NAMES) f[n] = 'missing';
  let first = true;
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) {
    if (first && node.name === 'ExpressionStatement') {
      const s = node.firstChild;
      if (s && (s.name === 'String' || s.name === 'ContinuedString')) f.doc = lezerStr(text, s);
    }
    first = false;
    if (node.name !== 'AssignStatement') continue;
    const target = node.firstChild;
    if (!target || target.name !== 'VariableName') continue;
    const name = text.slice(target.from, target.to);
    if (!(NAMES as readonly string[]).includes(name)) continue;
    let op = target.nextSibling;
    while (op && op.name !== 'AssignOp') op = op.nextSibling;
    const values: SyntaxNode[] = [];
    for (let v = op?.nextSibling ?? null; v; v = v.nextSibling) values.push(v);
    f[name] = lezerValue(text, values);
  }
  return f;
}

function lezerValue(text: string, nodes: SyntaxNode[]): unknown {
  if (nodes.some((n) => n.name === ',')) {
    const items = lezerItems(text, nodes);
    return items ? { tuple: items } : 'other';
  }
  if (nodes.length !== 1) return 'other';
  const n = nodes[0];
  if (n.name === 'None') return null;
  if (n.name === 'String' || n.name === 'ContinuedString') return lezerStr(text, n) ?? 'other';
  const kids: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) kids.push(c);
  const inner = kids.slice(1, -1);
  if (n.name === 'ParenthesizedExpression') return lezerValue(text, inner);
  const container = n.name === 'TupleExpression' ? 'tuple' : n.name === 'ArrayExpression' ? 'list' : n.name === 'SetExpression' ? 'set' : null;
  if (!container) return 'other';
  const items = lezerItems(text, inner);
  return items ? { [container]: items } : 'other';
}

function lezerItems(text: string, nodes: SyntaxNode[]): string[] | null {
  const items: string[] = [];
  for (const n of nodes) {
    if (n.name === ',') continue;
    const s = n.name === 'String' || n.name === 'ContinuedString' ? lezerStr(text, n) : null;
    if (s === null) return null;
    items.push(s);
  }
  return items;
}

/** Enough string evaluation for the generated corpus (plain, r/u prefixes, common escapes). */
function lezerStr(text: string, n: SyntaxNode): string | null {
  if (n.name === 'ContinuedString') {
    let out = '';
    for (let c = n.firstChild; c; c = c.nextSibling) {
      const s = lezerStr(text, c);
      if (s === null) return null;
      out += s;
    }
    return out;
  }
  if (n.name !== 'String') return null;
  const raw = text.slice(n.from, n.to);
  const m = /^([rRuU]?)('''|"""|'|")([\s\S]*)\2$/.exec(raw);
  if (!m) return null;
  const body = m[3].replace(/\r\n?/g, '\n');
  if (m[1].toLowerCase() === 'r') return body;
  return body.replace(/\\(\n|[\\'"abfnrtv])/g, (_, c: string) => ({ '\n': '', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v' } as Record<string, string>)[c] ?? c);
}

// ---- measurement: the fastest of several rounds, which is robust against a busy machine.
function timeIt(rounds: number, fn: () => void): number {
  fn(); // warm-up
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  return best;
}

function main(): void {
  const count = Number(process.argv[2] ?? 3000);
  const corpus = generateCorpus(count, 42);
  const texts = corpus.map((m) => m.text);
  const bytes = texts.map((t) => new TextEncoder().encode(t));
  const totalKb = bytes.reduce((a, b) => a + b.length, 0) / 1024;

  const dir = mkdtempSync(join(tmpdir(), 'alembic-bench-'));
  const paths = corpus.map((m, i) => join(dir, `${i}_${m.name}`));
  paths.forEach((p, i) => writeFileSync(p, bytes[i]));

  let sink = 0;
  const read = timeIt(10, () => { for (const p of paths) sink += readFileSync(p).length; });
  const ours = timeIt(15, () => { for (const t of texts) sink += parseMigrationText(t).syntaxErrors.length; });
  const oursBytes = timeIt(15, () => { for (const b of bytes) sink += parseMigration(b).syntaxErrors.length; });
  const lezer = timeIt(5, () => { for (const t of texts) sink += Object.keys(lezerFacts(t)).length; });
  rmSync(dir, { recursive: true, force: true });

  // Agreement with the generator's truth and with each other.
  let oursRight = 0;
  let lezerRight = 0;
  let agree = 0;
  for (const m of corpus) {
    const expected = JSON.stringify(expectedFacts(m));
    const a = JSON.stringify(ourFacts(parseMigrationText(m.text)));
    const b = JSON.stringify(lezerFacts(m.text));
    if (a === expected) oursRight++;
    if (b === expected) lezerRight++;
    if (a === b) agree++;
  }

  const us = (ns: number) => (ns / count / 1000).toFixed(1).padStart(8);
  console.log(`corpus: ${count} generated migrations, ${(totalKb / count).toFixed(2)} KB average (${sink > 0 ? 'ok' : ''})`);
  console.log('(best of several rounds)          µs/file   x read   correct');
  console.log(`read file from disk (warm cache)  ${us(read)}      1.0`);
  console.log(`our scanner (text)                ${us(ours)}   ${(ours / read).toFixed(2).padStart(6)}   ${oursRight}/${count}`);
  console.log(`our scanner (bytes, decode too)   ${us(oursBytes)}   ${(oursBytes / read).toFixed(2).padStart(6)}`);
  console.log(`@lezer/python + tree walk         ${us(lezer)}   ${(lezer / read).toFixed(2).padStart(6)}   ${lezerRight}/${count}`);
  console.log(`both parsers agree on ${agree}/${count} files; lezer/ours speed ratio ${(lezer / ours).toFixed(1)}x`);
}

function expectedFacts(m: ReturnType<typeof generateCorpus>[number]): Facts {
  const v = (x: string | string[] | null, container: string): unknown => (x === null ? null : typeof x === 'string' ? x : { [container]: x });
  const dependsContainer = /depends_on(?:: [^=]+)? = \[/.test(m.text) ? 'list' : 'tuple';
  const downList = Array.isArray(m.down) ? m.down.join(', ') : m.down ?? '';
  return {
    doc: `${m.message}\n\nRevision ID: ${m.revision}\nRevises: ${downList}\nCreate Date: ${/Create Date: (.*)/.exec(m.text)?.[1]?.replace(/\r$/, '')}\n\n`,
    revision: m.revision,
    down_revision: v(m.down, 'tuple'),
    branch_labels: v(m.branchLabels, 'tuple'),
    depends_on: v(m.dependsOn, dependsContainer),
  };
}

main();
