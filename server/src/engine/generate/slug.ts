// The file name `alembic revision` / `alembic merge` give a new script (ScriptDirectory._rev_path):
// `file_template % {rev, slug, epoch, year, month, day, hour, minute, second}` + ".py".

import type { Outcome } from '../types';
import type { PyDateTime } from './create-date';
import { pyPercentFormat } from './percent-format';
import { PyError, pyInt, pyStr, type PyValue } from './mako-pyvalue';

/** Python's `\w` on str: letters, numbers (any script) and `_`; combining marks are not word characters. */
const WORD_RUN = /[\p{L}\p{N}_]+/gu;

export const DEFAULT_FILE_TEMPLATE = '%(rev)s_%(slug)s';
export const DEFAULT_TRUNCATE_SLUG_LENGTH = 40;

/**
 * `"_".join(re.findall(r"\w+", message or "")).lower()`, cut to `truncate_slug_length` (0 means
 * 40) at the last `_` inside the cut, plus a trailing `_`. Lengths count code points, as Python does.
 */
export function revisionSlug(message: string | null | undefined, truncateSlugLength: number): string {
  const slug = (message ?? '').match(WORD_RUN)?.join('_').toLowerCase() ?? '';
  const limit = truncateSlugLength || DEFAULT_TRUNCATE_SLUG_LENGTH;
  const chars = Array.from(slug);
  if (chars.length <= limit) return slug;
  // Python slicing: a negative bound counts from the end.
  const cut = chars.slice(0, limit < 0 ? Math.max(chars.length + limit, 0) : limit).join('');
  const lastUnderscore = cut.lastIndexOf('_');
  return (lastUnderscore < 0 ? cut : cut.slice(0, lastUnderscore)) + '_';
}

export interface RevisionFileNameInput {
  rev: string;
  message?: string | null;
  date: PyDateTime;
  /** From the config; 0 or absent means 40. */
  truncateSlugLength?: number;
}

/**
 * The new script's file name (without directory). `fileTemplate` is the configured `file_template`
 * after ini interpolation (so `%(rev)s`, not `%%(rev)s`). A template Python cannot format (a
 * misspelt key, `%(year)s-%(month)` without a conversion) gives Python's error text.
 * Since Alembic 1.18 the result may contain `/` (subdirectories of the version location).
 */
export function revisionFileName(fileTemplate: string, input: RevisionFileNameInput): Outcome<string> {
  const d = input.date;
  const fields: [string, PyValue][] = [
    ['rev', pyStr(input.rev)],
    ['slug', pyStr(revisionSlug(input.message, input.truncateSlugLength ?? 0))],
    ['epoch', pyInt(d.epochSeconds)],
    ['year', pyInt(d.year)],
    ['month', pyInt(d.month)],
    ['day', pyInt(d.day)],
    ['hour', pyInt(d.hour)],
    ['minute', pyInt(d.minute)],
    ['second', pyInt(d.second)],
  ];
  try {
    const name = pyPercentFormat(fileTemplate, { kind: 'dict', entries: fields.map(([k, v]) => [pyStr(k), v]) });
    return { ok: true, value: `${name}.py` };
  } catch (e) {
    if (e instanceof PyError) return { ok: false, error: `file_template ${JSON.stringify(fileTemplate)}: ${e.message}` };
    throw e;
  }
}
