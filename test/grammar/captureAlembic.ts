// Real Alembic output for the output-channel grammar tests: runs `python -m alembic` on temp copies
// of two fixture projects against a scratch SQLite file and returns a transcript shaped like the
// extension's output channel (each command echoed as `$ alembic ...`, then what it printed).
//
// Run directly to refresh the stored sample (paths made stable):
//   node --import tsx test/grammar/captureAlembic.ts /usr/bin/python3 > test/grammar/samples/alembic-session.txt
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));

/** A migration whose upgrade runs invalid SQL, to get a real traceback. */
const BROKEN_MIGRATION = `"""broken step

Revision ID: 9a9a9a9a9a9a
Revises: f6f6f6f6f6f6
Create Date: 2024-01-01 00:00:00.000000

"""
from alembic import op

revision = '9a9a9a9a9a9a'
down_revision = 'f6f6f6f6f6f6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("SELEC nonsense FROM nowhere")


def downgrade() -> None:
    pass
`;

function run(python: string, cwd: string, args: string[], log: string[], echo: '$' | '>' = '$'): void {
  log.push(`${echo} alembic ${args.join(' ')}`);
  const outFile = join(cwd, '.capture.out');
  const fd = openSync(outFile, 'w');
  try {
    // One file for stdout and stderr keeps their lines in the order a terminal would show them.
    const r = spawnSync(python, ['-m', 'alembic', ...args], {
      cwd,
      shell: false,
      stdio: ['ignore', fd, fd],
      timeout: 60_000,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONHASHSEED: '0', PYTHONUNBUFFERED: '1' },
    });
    if (r.error) throw r.error;
  } finally {
    closeSync(fd);
  }
  const text = readFileSync(outFile, 'utf8').replace(/\n$/, '');
  if (text) log.push(text);
}

export interface Capture {
  transcript: string;
  /** Temp folders in the transcript, to make it stable. */
  roots: string[];
}

/** Runs upgrade / history / heads / current / branches / show / downgrade / stamp / a failing
 *  upgrade on copies of the `merge` and `branch-labels` fixtures. */
export function captureAlembicSession(python: string): Capture {
  const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'alembic-grammar-')));
  try {
    const merge = join(tmp, 'merge');
    const labels = join(tmp, 'labels');
    cpSync(join(FIXTURES, 'merge'), merge, { recursive: true });
    cpSync(join(FIXTURES, 'branch-labels'), labels, { recursive: true });
    const url = `url=sqlite:///${join(tmp, 'grammar.db')}`;
    const log: string[] = [];
    run(python, merge, ['-x', url, 'upgrade', 'head'], log);
    run(python, merge, ['history'], log);
    run(python, merge, ['-x', url, 'history', '-i'], log);
    run(python, merge, ['heads'], log);
    run(python, merge, ['-x', url, 'current'], log, '>');
    run(python, merge, ['branches'], log);
    run(python, merge, ['show', 'e5e5'], log);
    run(python, merge, ['heads', '-v'], log);
    run(python, merge, ['-x', url, 'downgrade', 'base'], log);
    run(python, merge, ['-x', url, 'stamp', 'heads'], log);
    run(python, merge, ['-x', url, 'upgrade', 'zzzz'], log);
    writeFileSync(join(merge, 'migrations', 'versions', '9a9a9a9a9a9a_broken_step.py'), BROKEN_MIGRATION);
    run(python, merge, ['-x', url, 'upgrade', 'head'], log);
    run(python, labels, ['history'], log);
    run(python, labels, ['heads'], log);
    run(python, labels, ['show', 'p2000000'], log);
    return { transcript: `${log.join('\n')}\n`, roots: [tmp] };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Replaces the temp folder with /project so a stored sample does not change between runs. */
export function stableTranscript(c: Capture): string {
  let text = c.transcript;
  for (const root of c.roots) text = text.split(root).join('/project');
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === realpathSync(process.argv[1])) {
  process.stdout.write(stableTranscript(captureAlembicSession(process.argv[2] ?? '/usr/bin/python3')));
}
