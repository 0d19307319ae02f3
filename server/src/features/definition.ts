// Go to definition on a revision id or branch label: the `revision = '...'` value of the file that
// declares it (both files for a duplicate id). Works wherever ids are written: down_revision,
// depends_on (labels resolve to the revision declaring them), branch_labels, revision itself and the
// docstring's `Revision ID:` / `Revises:` lines.
import type { DefinitionParams, Location } from 'vscode-languageserver';
import { pathToUri } from '../lsp/uris';
import type { FeatureContext } from './context';
import { declarationsOf, revisionUnderCursor } from './nav-resolve';

export function definition(ctx: FeatureContext, params: DefinitionParams): Location[] | null {
  const target = revisionUnderCursor(ctx, params);
  if (!target) return null;
  const locations = declarationsOf(target.at.project, target.id).map((d) => ({ uri: pathToUri(d.file.ref.path), range: d.span }));
  return locations.length > 0 ? locations : null;
}
