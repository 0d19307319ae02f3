// Tiny real Alembic projects written to temp directories, in the shape `alembic init` + `alembic
// revision` (1.8.1's generic template) produce, so the same folders can be fed to real Alembic.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface RevSpec {
  id: string;
  down?: string | string[] | null;
  deps?: string | string[];
  labels?: string | string[];
  doc: string;
  /** File name in versions/ (default `<id>_<slug>.py`). */
  file?: string;
}

const INI = `[alembic]
script_location = migrations
sqlalchemy.url = sqlite:///test.db
`;

export function pyValue(v: string | string[] | null | undefined): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return `'${v}'`;
  return `(${v.map((x) => `'${x}'`).join(', ')}${v.length === 1 ? ',' : ''})`;
}

export function revisionFile(r: RevSpec): string {
  const revises = r.down === null || r.down === undefined ? '' : typeof r.down === 'string' ? r.down : r.down.join(', ');
  return `"""${r.doc}

Revision ID: ${r.id}
Revises: ${revises}
Create Date: 2024-01-02 03:04:05.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '${r.id}'
down_revision = ${pyValue(r.down)}
branch_labels = ${pyValue(r.labels)}
depends_on = ${pyValue(r.deps)}


def upgrade():
    pass


def downgrade():
    pass
`;
}

export function slug(doc: string): string {
  return (doc.match(/\w+/g) ?? []).join('_').toLowerCase();
}

/** Writes files (paths relative to root) under a fresh temp directory; returns its real path. */
export function writeTree(files: Record<string, string>, root?: string): string {
  const dir = root ?? realpathSync(mkdtempSync(join(tmpdir(), 'alembic-lens-cli-')));
  for (const [rel, text] of Object.entries(files)) {
    const full = join(dir, rel);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** An ini project: alembic.ini + migrations/{env.py, script.py.mako, versions/*}. */
export function projectFiles(revs: RevSpec[], ini = INI, versionsDir = 'migrations/versions'): Record<string, string> {
  const files: Record<string, string> = {
    'alembic.ini': ini,
    'migrations/env.py': '# not run by the read-only commands\n',
    'migrations/script.py.mako': '# template\n',
  };
  for (const r of revs) files[`${versionsDir}/${r.file ?? `${r.id}_${slug(r.doc)}.py`}`] = revisionFile(r);
  return files;
}

export function writeProject(revs: RevSpec[], ini = INI): string {
  return writeTree(projectFiles(revs, ini));
}

/** p1 of the semantics doc: a1 -> b2 -> {c3, d4} -> e5 (merge d4, c3) -> f6. */
export const P1: RevSpec[] = [
  { id: 'a1a1a1a1a1a1', down: null, doc: 'create users' },
  { id: 'b2b2b2b2b2b2', down: 'a1a1a1a1a1a1', doc: 'add email' },
  { id: 'c3c3c3c3c3c3', down: 'b2b2b2b2b2b2', doc: 'branch one' },
  { id: 'd4d4d4d4d4d4', down: 'b2b2b2b2b2b2', doc: 'branch two' },
  { id: 'e5e5e5e5e5e5', down: ['d4d4d4d4d4d4', 'c3c3c3c3c3c3'], doc: 'merge c3 and d4' },
  { id: 'f6f6f6f6f6f6', down: 'e5e5e5e5e5e5', doc: 'after merge' },
];

/** p2 of the semantics doc: two labelled branches, the plugin depending on core. */
export const P2: RevSpec[] = [
  { id: 'c1000000', down: null, labels: 'core', doc: 'core one' },
  { id: 'c2000000', down: 'c1000000', doc: 'core two' },
  { id: 'c3000000', down: 'c2000000', doc: 'core three' },
  { id: 'p1000000', down: null, labels: 'plugin', doc: 'plugin one' },
  { id: 'p2000000', down: 'p1000000', deps: 'c3000000', doc: 'plugin two' },
  { id: 'p3000000', down: 'p2000000', deps: 'core', doc: 'plugin three' },
];
