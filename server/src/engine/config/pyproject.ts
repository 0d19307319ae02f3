// `[tool.alembic]` in pyproject.toml (Alembic >= 1.16, `Config.toml_alembic_config` and
// `_get_toml_config_value`). Strings are `%`-formatted with `{here: <dir of pyproject.toml>}`
// (so `%(here)s` works and a literal `%` is `%%`); lists are formatted item by item; booleans must
// be TOML booleans. TOML syntax errors become a Problem on the line smol-toml reports.
import { parse, TomlError } from 'smol-toml';
import type { Problem, Span } from '../types';
import { pyStrRepr } from '../pystr';
import { isConflictMarkerLine, MARKER_LINE_FIX } from '../conflict-markers';

export type TomlScalar = string | number | boolean | string[];

export interface PyprojectAlembic {
  file: string;
  /** The raw `[tool.alembic]` table, or null when the file has none (or cannot be parsed). */
  table: Record<string, unknown> | null;
  /** Where each top-level key of the table is written, best effort (line of `key =`). */
  keySpans: Map<string, Span>;
  /** The span of the `[tool.alembic]` header (or of the first `tool.alembic` key), if found. */
  tableSpan: Span | null;
  problems: Problem[];
}

function lineSpan(lines: string[], line: number): Span {
  const text = lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  return { start: { line, character: start }, end: { line, character: text.trimEnd().length } };
}

/** Reads pyproject.toml text. Never throws. */
export function parsePyproject(text: string, file: string): PyprojectAlembic {
  const result: PyprojectAlembic = { file, table: null, keySpans: new Map(), tableSpan: null, problems: [] };
  const lines = text.split(/\r\n|\r|\n/);
  let data: Record<string, unknown>;
  try {
    // Integers as BigInt so `1` and `1.0` stay distinguishable (Alembic accepts only the int).
    data = parse(text, { integersAsBigInt: true }) as Record<string, unknown>;
  } catch (e) {
    const line = e instanceof TomlError ? Math.max(0, e.line - 1) : 0;
    const first = e instanceof Error ? e.message.split('\n')[0] : String(e);
    result.problems.push({
      code: 'toml-syntax-error',
      severity: 'error',
      file,
      span: lineSpan(lines, line),
      message: `${file} line ${line + 1}: ${first.replace(/^Invalid TOML document: /, 'invalid TOML: ')}. Alembic (tomllib) cannot read this file. ${
        isConflictMarkerLine(lines[line] ?? '') ? MARKER_LINE_FIX : 'Fix the TOML syntax on this line.'
      }`,
    });
    return result;
  }
  const tool = data.tool;
  if (tool === undefined) return result;
  const alembic = isTable(tool) ? tool.alembic : undefined;
  if (alembic === undefined) return result;
  locate(lines, result);
  if (!isTable(alembic)) {
    result.problems.push({
      code: 'toml-invalid-value',
      severity: 'error',
      file,
      span: result.tableSpan ?? lineSpan(lines, 0),
      message: `${file}: tool.alembic must be a table; Alembic fails with "Incorrect TOML format". Fix: write the settings under a [tool.alembic] header.`,
    });
    return result;
  }
  result.table = alembic;
  return result;
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

// smol-toml gives no positions, so find `[tool.alembic]` and the `key =` lines below it by text.
// Only the common layout is recognised; anything else leaves the spans unknown.
function locate(lines: string[], result: PyprojectAlembic): void {
  let inTable = false;
  lines.forEach((raw, i) => {
    const t = raw.trim();
    const header = /^\[\s*([^\]\[]+?)\s*\]/.exec(t);
    if (header && !t.startsWith('[[')) {
      inTable = header[1].replace(/\s+/g, '').replace(/["']/g, '') === 'tool.alembic';
      if (inTable && !result.tableSpan) result.tableSpan = lineSpan(lines, i);
      return;
    }
    if (t.startsWith('[[')) {
      inTable = false;
      return;
    }
    const key = /^("?)([A-Za-z0-9_.-]+)\1\s*=/.exec(t);
    if (!key) return;
    let name = key[2];
    if (!inTable) {
      if (!name.startsWith('tool.alembic.')) return;
      name = name.slice('tool.alembic.'.length);
      if (!result.tableSpan) result.tableSpan = lineSpan(lines, i);
    }
    if (!result.keySpans.has(name)) result.keySpans.set(name, lineSpan(lines, i));
  });
}

export type TomlValue = { ok: true; value: string | string[] | number | boolean | null } | { ok: false; message: string };

/**
 * Python's `value % {here: ...}` for one TOML string: `%(name)s` (and `%(name)r`) and `%%`. Anything
 * else is reported: Python would fail on it or format something nobody meant.
 */
export function formatTomlString(value: string, args: Record<string, string>): { ok: true; value: string } | { ok: false; message: string } {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const p = value.indexOf('%', i);
    if (p < 0) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, p);
    const rest = value.slice(p);
    if (rest.startsWith('%%')) {
      out += '%';
      i = p + 2;
      continue;
    }
    const m = /^%\(([^)]*)\)([sr])/.exec(rest);
    if (!m) {
      // Python either fails (`incomplete format`, `unsupported format character`) or, for `%s`,
      // silently formats the whole dict: never what was meant.
      const spec = /^%(\([^)]*\))?[-+ #0]*\d*(\.\d+)?/.exec(rest)![0];
      if (p + spec.length >= value.length) return { ok: false, message: 'ValueError: incomplete format' };
      return { ok: false, message: `${pyStrRepr(rest.slice(0, spec.length + 1))} is not %(here)s or %% (Python's % formatting rejects or mangles it)` };
    }
    const v = args[m[1]];
    if (v === undefined) return { ok: false, message: `KeyError: ${pyStrRepr(m[1])}` };
    out += m[2] === 's' ? v : pyStrRepr(v);
    i = p + m[0].length;
  }
  return { ok: true, value: out };
}

/** `_get_toml_config_value` for one key: formatted string, list of formatted strings or int. */
export function tomlStringOrList(value: unknown, key: string, here: string): TomlValue {
  const args = { here };
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'string') return formatTomlString(value, args);
  if (typeof value === 'bigint') return { ok: true, value: Number(value) };
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      if (typeof item !== 'string') {
        return { ok: false, message: `every item of '${key}' must be a string` };
      }
      const f = formatTomlString(item, args);
      if (!f.ok) return f;
      items.push(f.value);
    }
    return { ok: true, value: items };
  }
  if (typeof value === 'boolean') return { ok: true, value };
  return { ok: false, message: `unsupported TOML value type for key: ${pyStrRepr(key)}` };
}
