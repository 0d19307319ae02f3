// Files Alembic cannot even import: unreadable, undecodable, not Python. Any one of them makes every
// Alembic command fail, since Alembic imports all the migration files up front.
import type { Problem } from '../types';
import { problem, type RuleContext } from './context';
import { FILE_START, fileName } from './spans';

export function fileHealthRule(ctx: RuleContext): Problem[] {
  const out: Problem[] = [];
  const files = ctx.files;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const path = file.ref.path;
    if (file.readError !== null) {
      out.push(
        problem('unreadable-file', path, FILE_START, `${fileName(file)} could not be read (${file.readError}). Alembic reads every file in the version locations, so every command would fail. Fix the file's permissions or remove it.`),
      );
    }
    const parsed = file.parsed;
    // A file Python imports (nearly all of them) has neither list: skip both without iterating.
    if (!parsed || (parsed.decodeErrors.length === 0 && parsed.syntaxErrors.length === 0)) continue;
    for (const e of parsed.decodeErrors) {
      out.push(
        problem('decode-error', path, e.span, `${sentence(e.message)}${/Save the file/.test(e.message) ? '' : ' Save the file as UTF-8, or declare its encoding in a coding comment on line 1 or 2.'} Until then Alembic cannot import the file, so every command fails.`),
      );
    }
    // Python stops at the decode error before it could see any syntax error: report the first cause.
    if (parsed.decodeErrors.length > 0) continue;
    for (const e of parsed.syntaxErrors) {
      out.push(
        problem('syntax-error', path, e.span, `${sentence(e.message)} Alembic imports every migration file, so every command fails until this is fixed.`, e.insert ? { data: { insert: e.insert } } : {}),
      );
    }
  }
  return out;
}

/** The parser's message as a sentence, whether or not it already ends with a period. */
function sentence(message: string): string {
  const m = message.trim();
  return /[.!?]$/.test(m) ? m : `${m}.`;
}
