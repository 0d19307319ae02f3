// Random projects and random edits for the incremental-index tests (in process and over the
// protocol): seeded, so a failure names its seed and can be replayed. Edits are what an editor
// produces, good and bad: structural changes to the revision variables, messages and headers, body
// edits, deletions, pastes of another file's text, and garbage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { revisionText } from '../helpers/featureContext';
import { prng, type Rand } from '../helpers/prng';

export type { Rand };
/** The seeded generator these edits draw from. */
export const seeded = prng;

export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: Rand, n: number): number => Math.floor(rand() * n);

export const revId = (i: number): string => `r${String(i).padStart(3, '0')}`;

/**
 * `n` revisions (file name -> text): a main line with a side branch every few revisions, a labelled
 * line with a dependency, and already a few problems (a second head, a broken link, a header drift).
 */
export function randomRevisions(rand: Rand, n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const id = revId(i);
    const down = i === 0 ? null : i % 7 === 0 ? [revId(i - 1), revId(Math.max(0, i - 3))] : revId(i - 1 - (i % 5 === 0 ? int(rand, Math.min(i, 3)) : 0));
    const extra = i === 1 ? { labels: ['core'] } : i === 4 ? { depends: ['core'] } : {};
    let text = revisionText(id, down, `change ${i}`, extra);
    if (i === n - 2) text = text.replace(/^down_revision = .*$/m, `down_revision = '${revId(1)}'`); // second head
    if (i === 3) text = text.replace(/^Revises: .*$/m, 'Revises: nothing');
    out[`${id}_change_${i}.py`] = text;
  }
  return out;
}

const GARBAGE = ['(', ')', '"""', "'", '"', '\\', '\n', '\t', ':', ',', '#', 'é', '\u{1F600}', '\ud800', '\u0000', '\r', 'def ', '=', ' ', 'x'];

function garbage(rand: Rand): string {
  let s = '';
  const len = 1 + int(rand, 12);
  for (let i = 0; i < len; i++) s += pick(rand, GARBAGE);
  return s;
}

function idValue(rand: Rand, ids: readonly string[], own: string): string {
  switch (int(rand, 7)) {
    case 0:
      return 'None';
    case 1:
      return `'${own}'`;
    case 2:
      return `'${pick(rand, ids)}x'`; // names nothing
    case 3:
      return `('${pick(rand, ids)}', '${pick(rand, ids)}')`;
    case 4:
      return `'${pick(rand, ids).slice(0, 3)}'`; // a partial id
    default:
      return `'${pick(rand, ids)}'`;
  }
}

function labelValue(rand: Rand): string {
  return pick(rand, ['None', "'core'", "'feature'", "('feature', 'core')", "{'x', 'x'}", "['x', 'x']", "('core',)", "'head'", 'LABELS']);
}

function setVariable(text: string, name: string, value: string): string {
  const re = new RegExp(`^${name} = .*$`, 'm');
  return re.test(text) ? text.replace(re, `${name} = ${value}`) : `${text}\n${name} = ${value}\n`;
}

function insertAt(text: string, at: number, piece: string): string {
  return text.slice(0, at) + piece + text.slice(at);
}

/** One random edit of `text`; `others` are texts it may paste from, `ids` ids it may name. */
export function randomEdit(rand: Rand, text: string, others: readonly string[], ids: readonly string[]): string {
  const own = /^revision = '([^']*)'/m.exec(text)?.[1] ?? pick(rand, ids);
  const lines = text.split('\n');
  const lineStart = (k: number) => lines.slice(0, k).reduce((n, l) => n + l.length + 1, 0);
  switch (int(rand, 14)) {
    case 0:
    case 1: // a line of code or a comment somewhere: positions move, the graph does not
      return insertAt(text, lineStart(int(rand, lines.length + 1)), pick(rand, ['# note\n', '    op.execute("select 1")\n', '\n', 'x = 1\n', 'import os\n']));
    case 2:
      return setVariable(text, 'down_revision', idValue(rand, ids, own));
    case 3:
      return setVariable(text, 'revision', rand() < 0.5 ? `'${pick(rand, ids)}'` : `'${own}${int(rand, 9)}'`);
    case 4:
      return setVariable(text, 'branch_labels', labelValue(rand));
    case 5:
      return setVariable(text, 'depends_on', rand() < 0.5 ? 'None' : idValue(rand, [...ids, 'core', 'feature'], own));
    case 6: // the message (the graph's `doc`)
      return text.replace(/^"""[^\n]*/, `"""${pick(rand, ['add users', 'drop things', '', 'change'])} ${int(rand, 100)}`);
    case 7: // the header's Revises line (only the header rule reads it)
      return text.replace(/^Revises:.*$/m, `Revises: ${pick(rand, ids)}`);
    case 8: {
      const at = int(rand, text.length + 1);
      return text.slice(0, at) + text.slice(at + 1 + int(rand, 40));
    }
    case 9:
      return insertAt(text, int(rand, text.length + 1), garbage(rand));
    case 10: {
      const other = pick(rand, others);
      const from = int(rand, other.length + 1);
      return insertAt(text, int(rand, text.length + 1), other.slice(from, from + int(rand, 200)));
    }
    case 11:
      return pick(rand, others); // the whole of another file: a duplicate id
    case 12:
      return text.replace(/'([0-9a-z]+)'/, (_, id: string) => `'${id}${pick(rand, ['', 'x', '0'])}'`);
    default: {
      const drop = int(rand, lines.length);
      return lines.filter((_, k) => k !== drop).join('\n');
    }
  }
}

/** Writes files laid out under /w (as `projectFiles` gives them) under `dir`; returns real path -> text. */
export function writeProject(dir: string, files: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    const real = join(dir, path.slice('/w/'.length));
    mkdirSync(dirname(real), { recursive: true });
    writeFileSync(real, text);
    out.set(real, text);
  }
  return out;
}
