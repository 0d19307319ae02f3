// The parser's fast paths (pyruns.ts: bodies skimmed instead of tokenized, module lines the analyzer
// needs not passed over, template lines read by regex, plain annotations dropped, string and comment
// runs crossed natively) must change nothing: every file here is parsed with them on and off and the
// results must be deep-equal — values, spans, docstring, header, errors and their messages. Real
// fixtures, generated migrations, hand-made edge cases and thousands of seeded mutations, with an
// alphabet heavy in what the fast paths must refuse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMigration } from '../../server/src/engine/python/parse';
import { skimLogicalLine } from '../../server/src/engine/python/pyskim';
import { fastPaths } from '../../server/src/engine/python/pyruns';
import type { ParsedMigration } from '../../server/src/engine/types';
import { generateCorpus, prng } from '../bench/migration-corpus';
// @ts-expect-error: a plain .mjs script without types
import { writeSyntheticProject } from '../bench/synthetic.mjs';

const SEED = 20250611;
const enc = new TextEncoder();
const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) pythonFiles(full, out);
    else if (entry.name.endsWith('.py')) out.push(full);
  }
  return out;
}

function parseWith(bytes: Uint8Array, skim: boolean): ParsedMigration {
  const before = fastPaths.enabled;
  fastPaths.enabled = skim;
  try {
    return parseMigration(bytes);
  } finally {
    fastPaths.enabled = before;
  }
}

/** Plain data, so that a lazy header (an accessor) compares by its value. */
function plain(p: ParsedMigration): unknown {
  return JSON.parse(JSON.stringify(p));
}

function same(bytes: Uint8Array, label: string): void {
  const fast = parseWith(bytes, true);
  const full = parseWith(bytes, false);
  assert.deepStrictEqual(plain(fast), plain(full), label);
  assert.deepStrictEqual(fast, full, label);
}

// Pieces the skimmer must refuse or handle with care: quotes of every kind and prefix, brackets,
// backslashes, line ends, indentation, comments, operators that are errors, non-ASCII, control chars.
const INSERTS = ['"', "'", '"""', "'''", "''", '""', '(', ')', '[', ']', '{', '}', '\\', '\\\n', '\n', '\r\n', '\r', '\t', ' ',
  '    ', '        ', '\x0c', '\x0b', '#', '# c\n', ':', ':=', '=', ',', ';', '!', '!=', '$', '?', '`', '@', '.', '...',
  '\x00', '\x7f', '\x01', '\u00e9', '\u00a0', '😀', '\ufeff', '\u2028', 'b"x"', "b'\u00e9'", 'f"{', 'f"{x}"', "rb'\\'", 'u"',
  'r"\\"', '"\\x"', '"\\N{', "'a' b'b'", '0x', '1.5e', 'def f():\n', 'class C:\n', 'if x:\n', 'else:\n', 'lambda: 0',
  'pass\n', 'revision = ', 'def upgrade():\n    ', '\n    x = (\n', ')\n', '\n\tpass\n', '\n  y\n',
  // Merge conflict markers, which turn the fast paths off for the file (pyconflict.ts).
  '\n<<<<<<< HEAD\n', '\n=======\n', '\n>>>>>>> feature\n', '\n||||||| base\n',
  // Numbers the tokenizer refuses or only warns about (pynumbers.ts), and digits inside names.
  '1', '0', '1a', '01', '0o8', '0b2', '0x', '1_', '1e', '1j', 'e', 'j', '_', 'x1', '.5', '1if ', '1or ', '1and', '9'];

function mutate(src: Uint8Array, rnd: () => number, others: Uint8Array[]): Uint8Array {
  let b = Array.from(src);
  const ops = 1 + Math.floor(rnd() * 4);
  for (let k = 0; k < ops; k++) {
    // Half of the edits land in the second half of the file, where the function bodies are.
    const at = rnd() < 0.5 ? Math.floor(rnd() * (b.length + 1)) : Math.floor((0.5 + rnd() / 2) * (b.length + 1));
    switch (Math.floor(rnd() * 6)) {
      case 0: // insert a piece
      case 1:
        b.splice(at, 0, ...enc.encode(INSERTS[Math.floor(rnd() * INSERTS.length)]));
        break;
      case 2: // replace a few bytes with a piece
        b.splice(at, 1 + Math.floor(rnd() * 3), ...enc.encode(INSERTS[Math.floor(rnd() * INSERTS.length)]));
        break;
      case 3: // delete a range
        b.splice(at, 1 + Math.floor(rnd() * 8));
        break;
      case 4: { // splice a piece of another file
        const o = others[Math.floor(rnd() * others.length)];
        const s = Math.floor(rnd() * o.length);
        b.splice(at, Math.floor(rnd() * 20), ...o.slice(s, s + Math.floor(rnd() * 120)));
        break;
      }
      default: // a random byte
        b.splice(at, rnd() < 0.5 ? 0 : 1, Math.floor(rnd() * 256));
    }
  }
  return Uint8Array.from(b);
}

function syntheticFiles(count: number): Uint8Array[] {
  const dir = mkdtempSync(join(tmpdir(), 'alembic-fastpath-'));
  try {
    writeSyntheticProject(dir, count);
    const versions = join(dir, 'migrations', 'versions');
    return readdirSync(versions).sort().map((f) => new Uint8Array(readFileSync(join(versions, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('parsing with and without the fast paths', () => {
  const fixtures = pythonFiles(fixturesDir).sort().map((f) => ({ label: f.slice(fixturesDir.length), bytes: new Uint8Array(readFileSync(f)) }));
  const generated = generateCorpus(150, SEED).map((m) => enc.encode(m.text));
  const synthetic = syntheticFiles(60);
  const corpus = [...fixtures.map((f) => f.bytes), ...generated, ...synthetic];

  test('every fixture', () => {
    assert.ok(fixtures.length > 100, 'fixtures found');
    for (const f of fixtures) same(f.bytes, f.label);
  });

  test('generated and synthetic migrations', () => {
    for (const [i, b] of generated.entries()) same(b, `generated ${i}`);
    for (const [i, b] of synthetic.entries()) same(b, `synthetic ${i}`);
  });

  test('the skimmer does take ordinary body lines', () => {
    const body = "    op.create_index(op.f('ix_name'), 'table', ['name'], unique=False)  # done\n    x = {\"a\": (1, 2)}\n";
    const first = skimLogicalLine(body, 4);
    assert.equal(first, body.indexOf('\n') + 1);
    assert.equal(skimLogicalLine(body, first + 4), body.length);
    assert.equal(skimLogicalLine("    x = f'a'\n", 4), -1);
    assert.equal(skimLogicalLine('    x = "a\\n"\n', 4), -1);
    assert.equal(skimLogicalLine('    x = (1,\n', 4), -1);
  });

  test('hand-made bodies at the edges of what the skimmer takes', () => {
    const bodies = [
      '('.repeat(199) + ')'.repeat(199), '('.repeat(200) + ')'.repeat(200), '('.repeat(201) + ')'.repeat(201),
      '['.repeat(250), ')', '(]', '{)', 'x = (1,\n  2):', 'x = (1,  # c\n  2)  # :', 'if x:  # c', 'if x: pass',
      'x = a != b', 'x = a ! b', 'x = 1; y = 2;', `x = "a" 'b'`, "x = ''", "x = '''a'''", 'x = """a\n"""',
      "x = 'a\\'b'", "x = u'a'", "x = R'a'", "x = f'{a}'", "x = b'a' 'b'", 'x = (\n\n  # only a comment\n\n)',
      'x = 1 \\\n  + 2', 'x = "caf\u00e9" + \u00e9', 'x = 1 $', 'while x :', 'x = {a: b}', 'x = lambda: 0', 'x :',
      'x = (1,\n\t\x0c2)', 'x = 1\x0b', 'x = "\x00"', 'x = 1 # \u00e9 \\',
      // Numbers: refused by the tokenizer, only warned about, or fine; digits inside names.
      'x = 1abc', 'x = f(2x)', 'x = 0x1f + 0o17 + 0b1', 'x = 0o8', 'x = 01', 'x = 00 + 0_0 + 09.5', 'x = 1_000', 'x = 1__0',
      'x = 1if y else 2', 'x = [1for y in z]', 'x = 1andy', 'x = 1.5e-3j', 'x = 1e', 'x = .5', 'x = a.5', 'x = a1 + b_2', 'x = (1,\n  2x)',
      'x = 1\u00e9', 'x = 0xg', 'x = 1jx',
    ];
    for (const [i, body] of bodies.entries()) {
      for (const end of ['\n', '\r\n', '\r', '']) {
        const text = `def upgrade():\n    ${body}${end}    pass${end}x = 1${end}`;
        same(enc.encode(text), `body ${i} ${JSON.stringify(body)} ${JSON.stringify(end)}`);
        same(enc.encode(`class C:\n    ${body}${end}`), `class body ${i} ${JSON.stringify(body)} ${JSON.stringify(end)}`);
      }
    }
  });

  test('hand-made module-level lines that do or do not bind the variables', () => {
    const lines = [
      'import os', 'from m import revision', 'from m import (a,\n  depends_on)', 'import a as branch_labels', 'del down_revision',
      'x = 1; revision = "b"', 'x = (\n  1); revision = "b"', 'x = 1  # revision', '(revision := "b")', 'revision += "b"',
      'def upgrade(): pass', 'async def downgrade(): pass', 'class upgrade: pass', 'for revision in x: pass', 'if x: revision = "b"',
      'with a as (depends_on, b): pass', 'x = "revision"', "x = f'{revision}'", 'revision = \\\n  "b"', 'revision: str', 'revision: str =',
      'match revision:\n    case "a": pass', 'type revision = int', 'x = lambda: revision', 'revisions = 1', 'down_revision_x = 2',
      // Annotations the parser passes over, and some it must not.
      'revision: Union[str, None] = "b"', 'depends_on: Union[str, Sequence[str], None] = None', 'revision: List[[[int]]] = "b"',
      'revision: List[[[[int]]]] = "b"', 'revision: Union[str, lambda] = "b"', 'revision: Union[str, (lambda: 1)] = "b"',
      'revision:= "b"', 'revision: = "b"', 'revision: str == "b"', 'revision: a.b, c = "b"', 'revision: str =', 'revision: str = ',
      'revision :str="b"; x = 1', 'revision: [str] = "b" if x else "c"', 'revision: str = ("a",\n "b")', 'revision: Union[str = "b"',
      'revision: str] = "b"', 'revision: str = revision = "c"', 'branch_labels: x = y = ("a", "b")', 'revision: str # c\n= "b"',
      'revision: 1x = "b"', 'revision: \u00e9 = "b"', 'revision: str = "b" # c', 'revision: str += "b"', 'revision: lambda = "b"', 'revision: a, lambda = "b"', 'revision: lambda: x = "b"',
    ];
    for (const [i, line] of lines.entries()) {
      for (const end of ['\n', '\r\n', '']) {
        const text = `"""doc"""${end}revision = "a"${end}${line}${end}down_revision = None${end}`;
        same(enc.encode(text), `module line ${i} ${JSON.stringify(line)} ${JSON.stringify(end)}`);
        same(enc.encode(`if x:${end}    ${line.replace(/\n/g, '\n    ')}${end}`), `indented module line ${i} ${JSON.stringify(line)}`);
      }
    }
  });

  test('seeded mutations', () => {
    const rnd = prng(SEED);
    for (let n = 0; n < 8000; n++) {
      const src = corpus[Math.floor(rnd() * corpus.length)];
      same(mutate(src, rnd, corpus), `mutation seed=${SEED} case=${n}`);
    }
  });

  test('seeded mutations of line ends and indentation (CR, tabs, form feeds)', () => {
    const rnd = prng(SEED + 1);
    const swaps: [number, string][] = [[10, '\r'], [10, '\r\n'], [32, '\t'], [32, '\x0c'], [32, '\u3000']];
    for (let n = 0; n < 1500; n++) {
      const src = corpus[Math.floor(rnd() * corpus.length)];
      const [from, to] = swaps[Math.floor(rnd() * swaps.length)];
      const rate = rnd() * 0.3;
      const out: number[] = [];
      for (const byte of src) {
        if (byte === from && rnd() < rate) out.push(...enc.encode(to));
        else out.push(byte);
      }
      same(Uint8Array.from(out), `line-end mutation seed=${SEED + 1} case=${n}`);
    }
  });
});
