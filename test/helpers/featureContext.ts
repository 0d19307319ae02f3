// Layer-2 tests of the server's features: a WorkspaceIndex over an in-memory file system and the
// FeatureContext the handlers get, without a connection. Call the feature functions directly.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext } from '../../server/src/features/context';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import type { ServerSettings } from '../../server/src/protocol';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { pathToUri } from '../../server/src/lsp/uris';
import { memFs, type MemFsOptions } from './memfs';

export interface TestWorkspace {
  ctx: FeatureContext;
  index: WorkspaceIndex;
  uri(path: string): string;
}

/** Files by absolute path; the workspace folder is `/w` unless given. Indexed before returning. */
export function testWorkspace(
  files: Record<string, string>,
  options: { folder?: string; settings?: ServerSettings; ids?: string[]; now?: Date; fs?: MemFsOptions } = {},
): TestWorkspace {
  const index = new WorkspaceIndex(memFs(files, options.fs), [options.folder ?? '/w']);
  index.rediscover();
  const ids = [...(options.ids ?? [])];
  let counter = 0;
  const ctx: FeatureContext = {
    index,
    settings: () => options.settings ?? DEFAULT_SETTINGS,
    documents: new TextDocuments(TextDocument),
    newRevisionId: () => ids.shift() ?? `f${String(++counter).padStart(11, '0')}`,
    now: () => options.now ?? new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
  };
  return { ctx, index, uri: pathToUri };
}

/** A minimal Alembic project under /w: alembic.ini, env.py, script.py.mako and the given revisions. */
export function projectFiles(revisions: Record<string, string>, template = DEFAULT_TEMPLATE): Record<string, string> {
  const files: Record<string, string> = {
    '/w/alembic.ini': '[alembic]\nscript_location = %(here)s/migrations\n',
    '/w/migrations/env.py': '',
    '/w/migrations/script.py.mako': template,
  };
  for (const [name, text] of Object.entries(revisions)) files[`/w/migrations/versions/${name}`] = text;
  return files;
}

/** A revision file in the usual template's shape. */
export function revisionText(id: string, down: string | string[] | null, message = `rev ${id}`, extra: { labels?: string[]; depends?: string[] } = {}): string {
  const repr = (v: string | string[] | null | undefined) =>
    v === null || v === undefined ? 'None' : Array.isArray(v) ? `(${v.map((x) => `'${x}'`).join(', ')}${v.length === 1 ? ',' : ''})` : `'${v}'`;
  const revises = down === null ? '' : Array.isArray(down) ? down.join(', ') : down;
  return `"""${message}\n\nRevision ID: ${id}\nRevises: ${revises}\nCreate Date: 2026-01-01 00:00:00.000000\n\n"""\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n# revision identifiers, used by Alembic.\nrevision = '${id}'\ndown_revision = ${repr(down)}\nbranch_labels = ${repr(extra.labels)}\ndepends_on = ${repr(extra.depends)}\n\n\ndef upgrade() -> None:\n    pass\n\n\ndef downgrade() -> None:\n    pass\n`;
}

export const DEFAULT_TEMPLATE = `"""\${message}

Revision ID: \${up_revision}
Revises: \${down_revision | comma,n}
Create Date: \${create_date}

"""
from alembic import op
import sqlalchemy as sa
\${imports if imports else ""}

# revision identifiers, used by Alembic.
revision = \${repr(up_revision)}
down_revision = \${repr(down_revision)}
branch_labels = \${repr(branch_labels)}
depends_on = \${repr(depends_on)}


def upgrade() -> None:
    \${upgrades if upgrades else "pass"}


def downgrade() -> None:
    \${downgrades if downgrades else "pass"}
`;
