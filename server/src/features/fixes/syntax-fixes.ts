// A syntax error the engine knows how to mend (a missing comma: Python's "Perhaps you forgot a
// comma?"): one quick fix inserting the character where it belongs.
import type { CodeAction } from 'vscode-languageserver';
import type { Position } from '../../engine/index';
import type { FeatureContext } from '../context';
import { documentEdit, quickFix } from './edits';
import type { FixTarget } from './targets';

export function syntaxFixes(ctx: FeatureContext, t: FixTarget): CodeAction[] {
  const insert = t.problem.data?.insert as { at: Position; text: string } | undefined;
  if (!insert) return [];
  const edit = documentEdit(ctx, t.uri, [{ range: { start: insert.at, end: insert.at }, newText: insert.text }]);
  return [quickFix(`Insert '${insert.text}'`, { documentChanges: [edit] }, t.diagnostic, true)];
}
