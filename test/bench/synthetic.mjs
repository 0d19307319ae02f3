// Writes a synthetic Alembic project of N revisions with the shape real histories have: a long main
// line with feature branches that split and merge back, a labelled plugin line that depends on the
// main line, and files in the newest template's form. Deterministic for a given N.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function revId(i) {
  // 12 hex characters, spread out like uuid4().hex[-12:], stable per index.
  let h = (i + 1) * 2654435761 >>> 0;
  const lo = h.toString(16).padStart(8, '0');
  h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
  return (h.toString(16).padStart(8, '0') + lo).slice(-12);
}

function fileText(rev, down, message, { labels = null, depends = null } = {}) {
  const repr = (v) => (v === null ? 'None' : Array.isArray(v) ? `(${v.map((x) => `'${x}'`).join(', ')})` : `'${v}'`);
  const revises = down === null ? '' : Array.isArray(down) ? down.join(', ') : down;
  return `"""${message}

Revision ID: ${rev}
Revises: ${revises}
Create Date: 2026-01-01 00:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = ${repr(rev)}
down_revision: Union[str, Sequence[str], None] = ${repr(down)}
branch_labels: Union[str, Sequence[str], None] = ${labels === null ? 'None' : repr(labels)}
depends_on: Union[str, Sequence[str], None] = ${depends === null ? 'None' : repr(depends)}


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'table_${rev}',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_table_${rev}_name'), 'table_${rev}', ['name'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f('ix_table_${rev}_name'), table_name='table_${rev}')
    op.drop_table('table_${rev}')
`;
}

/** Creates `<dir>/alembic.ini`, `<dir>/migrations/{env.py,script.py.mako,versions/}` with n revisions. */
export function writeSyntheticProject(dir, n) {
  rmSync(dir, { recursive: true, force: true });
  const versions = join(dir, 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(join(dir, 'alembic.ini'), '[alembic]\nscript_location = %(here)s/migrations\nsqlalchemy.url = sqlite:///bench.db\n');
  writeFileSync(join(dir, 'migrations', 'env.py'), 'from alembic import context\n\nif context.is_offline_mode():\n    pass\n');
  writeFileSync(join(dir, 'migrations', 'script.py.mako'), '"""${message}\n"""\nrevision = ${repr(up_revision)}\ndown_revision = ${repr(down_revision)}\n');
  const pluginCount = Math.max(3, Math.floor(n / 20));
  const mainCount = n - pluginCount;
  let tip = null;
  let i = 0;
  const ids = [];
  const write = (down, message, extra) => {
    const rev = revId(i++);
    ids.push(rev);
    writeFileSync(join(versions, `${rev}_${message.replace(/\W+/g, '_').toLowerCase()}.py`), fileText(rev, down, message, extra));
    return rev;
  };
  // Main line: every 25 revisions a branch of two short lines that merge back.
  while (i < mainCount) {
    if (tip !== null && i % 25 === 0 && i + 7 <= mainCount) {
      const fork = tip;
      const a1 = write(fork, `feature a step 1 at ${i}`);
      const a2 = write(a1, `feature a step 2 at ${i}`);
      const b1 = write(fork, `feature b step 1 at ${i}`);
      const b2 = write(b1, `feature b step 2 at ${i}`);
      tip = write([a2, b2], `merge features at ${i}`);
    } else {
      tip = write(tip, `change number ${i}`, tip === null ? { labels: 'core' } : undefined);
    }
  }
  const coreAnchor = ids[Math.floor(mainCount / 2)];
  // Plugin line: its own base with a label, depending on the main line half way.
  let ptip = null;
  for (let k = 0; k < pluginCount; k++) {
    ptip = write(ptip, `plugin change ${k}`, k === 0 ? { labels: 'plugin' } : k === 1 ? { depends: coreAnchor } : undefined);
  }
  // One head per line: merge the plugin line into the main line so `alembic heads` is a single head.
  write([tip, ptip], 'merge plugin into main');
  return { dir, versions, ids };
}
