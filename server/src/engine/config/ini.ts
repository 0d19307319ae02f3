// An .ini reader that follows Python's `configparser.ConfigParser` (strict, BasicInterpolation), the
// parser Alembic reads alembic.ini with. It keeps where every key and value stands so problems can
// point at the exact text. Bad syntax never throws: Python would raise, we record a Problem on that
// line and keep reading (best effort), so the rest of the file can still be indexed.
import type { Problem, Span } from '../types';
import { pyStrip, pyStrRepr } from '../pystr';
import { isConflictMarkerLine, MARKER_LINE_FIX } from '../conflict-markers';

export interface IniEntry {
  /** Lowercased, as `optionxform` does. */
  key: string;
  section: string;
  /** The value before interpolation: continuation lines joined with `\n`, stripped. */
  raw: string;
  /** Zero-based line of the `key = value` line. */
  line: number;
  keySpan: Span;
  /** From the first character of the value to the end of its last non-empty continuation line. */
  valueSpan: Span;
}

export interface IniSection {
  name: string;
  headerSpan: Span;
  entries: Map<string, IniEntry>;
}

export interface IniDocument {
  file: string;
  /** Sections in file order, `[DEFAULT]` excluded. */
  sections: Map<string, IniSection>;
  /** The `[DEFAULT]` section's keys, seen by every section. */
  defaults: Map<string, IniEntry>;
  problems: Problem[];
}

// Python's whitespace (str.isspace / re's \s): unlike JS's, it has \x1c-\x1f and not the BOM.
export const PY_WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const TRAILING_WS = new RegExp(`[${PY_WS}]+$`);

export function pyRstrip(s: string): string {
  return s.replace(TRAILING_WS, '');
}

const DEFAULT_SECTION = 'DEFAULT';
const SECTION_RE = /^\[([^\n]+)\]/;
const OPTION_RE = new RegExp(`^(.*?)[${PY_WS}]*([=:])[${PY_WS}]*(.*)$`);
const FIRST_NON_SPACE = new RegExp(`[^${PY_WS}]`);
const MAX_INTERPOLATION_DEPTH = 10;

function span(line: number, start: number, endLine: number, end: number): Span {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

function problem(code: string, file: string, where: Span, message: string): Problem {
  return { code, severity: 'error', file, span: where, message };
}

interface Building {
  entry: IniEntry;
  parts: string[];
}

export function parseIni(input: string, file: string): IniDocument {
  const doc: IniDocument = { file, sections: new Map(), defaults: new Map(), problems: [] };
  const lines = input.split(/\r\n|\r|\n/);
  const bom = input.startsWith('\ufeff');
  if (bom) {
    // Python opens the file as plain UTF-8, so the BOM is text and the first header does not parse.
    doc.problems.push(problem('ini-syntax-error', file, span(0, 0, 0, 1),
      `${file} starts with a UTF-8 byte-order mark, which Python's configparser reads as text: Alembic fails with "File contains no section headers". Fix: save the file as UTF-8 without BOM.`));
    lines[0] = lines[0].slice(1);
  }
  let current: Map<string, IniEntry> | null = null;
  let sectionName = '';
  let building: Building | null = null;
  let indentLevel = 0;
  let reportedNoHeader = false;
  const seenSections = new Set<string>();
  const seenOptions = new Set<string>();
  const all: Building[] = [];
  const offset = (i: number) => (i === 0 && bom ? 1 : 0);

  lines.forEach((line, i) => {
    const shift = offset(i);
    const stripped = pyStrip(line);
    const isComment = stripped.startsWith('#') || stripped.startsWith(';');
    if (stripped === '' || isComment) {
      // A blank line (not a comment) inside a value becomes an empty line of that value.
      if (!isComment && current && building && building.entry.key) building.parts.push('');
      return;
    }
    const firstNonSpace = line.search(FIRST_NON_SPACE);
    const indent = firstNonSpace < 0 ? 0 : firstNonSpace;
    if (current && building && building.entry.key && indent > indentLevel) {
      building.parts.push(stripped);
      building.entry.valueSpan.end = { line: i, character: indent + stripped.length + shift };
      return;
    }
    indentLevel = indent;
    const header = SECTION_RE.exec(stripped);
    if (header) {
      const name = header[1];
      const headerSpan = span(i, indent + shift, i, indent + header[0].length + shift);
      building = null;
      if (name === DEFAULT_SECTION) {
        current = doc.defaults;
      } else if (seenSections.has(name)) {
        doc.problems.push(problem('ini-duplicate-section', file, headerSpan,
          `${file} line ${i + 1}: section [${name}] appears twice; configparser fails with "section ${pyStrRepr(name)} already exists". Fix: merge the two [${name}] sections into one.`));
        current = doc.sections.get(name)!.entries;
      } else {
        seenSections.add(name);
        const section: IniSection = { name, headerSpan, entries: new Map() };
        doc.sections.set(name, section);
        current = section.entries;
      }
      sectionName = name;
      return;
    }
    const lineSpan = span(i, indent + shift, i, indent + stripped.length + shift);
    if (!current) {
      if (!reportedNoHeader) {
        reportedNoHeader = true;
        doc.problems.push(problem('ini-syntax-error', file, lineSpan,
          `${file} line ${i + 1}: this line comes before any [section] header; configparser fails with "File contains no section headers". Fix: start the file with a header such as [alembic].`));
      }
      return;
    }
    const option = OPTION_RE.exec(stripped);
    const marker = indent === 0 && isConflictMarkerLine(stripped);
    if (!option) {
      const fix = marker ? MARKER_LINE_FIX : 'Fix: add "=" after the key, indent it to continue the previous value, or start it with "#" to make it a comment.';
      doc.problems.push(problem('ini-syntax-error', file, lineSpan,
        `${file} line ${i + 1}: ${pyStrRepr(stripped)} is neither "key = value", a [section] header nor a comment; configparser fails with "Source contains parsing errors". ${fix}`));
      return;
    }
    const key = pyRstrip(option[1]).toLowerCase();
    const valueStart = indent + shift + stripped.length - option[3].length;
    const entry: IniEntry = {
      key,
      section: sectionName,
      raw: '',
      line: i,
      keySpan: span(i, indent + shift, i, indent + shift + option[1].length),
      valueSpan: span(i, valueStart, i, valueStart + option[3].length),
    };
    building = { entry, parts: [option[3]] };
    all.push(building);
    if (!key) {
      doc.problems.push(problem('ini-syntax-error', file, lineSpan,
        `${file} line ${i + 1}: "${option[2]}" has no key before it; configparser fails with "Source contains parsing errors". ${marker ? MARKER_LINE_FIX : `Fix: write "name ${option[2]} value".`}`));
      return;
    }
    const optionId = `${sectionName}\u0000${key}`;
    if (seenOptions.has(optionId)) {
      doc.problems.push(problem('ini-duplicate-key', file, entry.keySpan,
        `${file} line ${i + 1}: key '${key}' is set twice in [${sectionName}] (keys are case-insensitive); configparser fails with "option ${pyStrRepr(key)} in section ${pyStrRepr(sectionName)} already exists". Fix: delete one of the two lines.`));
      return; // the first one stays; this one is read (continuation lines included) and dropped
    }
    seenOptions.add(optionId);
    current.set(key, entry);
  });
  for (const b of all) b.entry.raw = pyRstrip(b.parts.join('\n'));
  return doc;
}

/** The entry Alembic's `has_option(section, key)` would see: the section's own, else [DEFAULT]'s. */
export function iniLookup(doc: IniDocument, section: string, key: string): IniEntry | undefined {
  return doc.sections.get(section)?.entries.get(key) ?? doc.defaults.get(key);
}

/** Which configparser exception a failed interpolation is. */
export type InterpolationErrorKind = 'InterpolationSyntaxError' | 'InterpolationMissingOptionError' | 'InterpolationDepthError' | 'NoOptionError';

export type Interpolated = { ok: true; value: string } | { ok: false; message: string; kind: InterpolationErrorKind };

/**
 * `ConfigParser.get(section, key)` with BasicInterpolation: `%(name)s` from the section, then
 * [DEFAULT], then `vars` (Alembic passes `here` as a constructor default); `%%` is `%`. The message
 * on failure is Python's own text.
 */
export function interpolateIni(doc: IniDocument, section: string, key: string, vars: Record<string, string>): Interpolated {
  const map = new Map<string, string>(Object.entries(vars));
  for (const [k, e] of doc.defaults) map.set(k, e.raw);
  for (const [k, e] of doc.sections.get(section)?.entries ?? []) map.set(k, e.raw);
  const raw = map.get(key);
  if (raw === undefined) return { ok: false, kind: 'NoOptionError', message: `No option ${pyStrRepr(key)} in section: ${pyStrRepr(section)}` };
  const out: string[] = [];
  let kind: InterpolationErrorKind = 'InterpolationSyntaxError';
  const error = interpolateSome(raw, 1);
  return error === null ? { ok: true, value: out.join('') } : { ok: false, message: error, kind };

  function interpolateSome(start: string, depth: number): string | null {
    if (depth > MAX_INTERPOLATION_DEPTH) {
      kind = 'InterpolationDepthError';
      return `Recursion limit exceeded in value substitution: option ${pyStrRepr(key)} in section ${pyStrRepr(section)} contains an interpolation key which cannot be substituted in ${MAX_INTERPOLATION_DEPTH} steps. Raw value: ${pyStrRepr(raw!)}`;
    }
    let rest = start;
    while (rest) {
      const p = rest.indexOf('%');
      if (p < 0) {
        out.push(rest);
        return null;
      }
      out.push(rest.slice(0, p));
      rest = rest.slice(p);
      const c = rest.slice(1, 2);
      if (c === '%') {
        out.push('%');
        rest = rest.slice(2);
      } else if (c === '(') {
        const m = /^%\(([^)]+)\)s/.exec(rest);
        if (!m) return `bad interpolation variable reference ${pyStrRepr(rest)}`;
        const name = m[1].toLowerCase();
        rest = rest.slice(m[0].length);
        const v = map.get(name);
        if (v === undefined) {
          kind = 'InterpolationMissingOptionError';
          return `Bad value substitution: option ${pyStrRepr(key)} in section ${pyStrRepr(section)} contains an interpolation key ${pyStrRepr(name)} which is not a valid option name. Raw value: ${pyStrRepr(raw!)}`;
        }
        if (v.includes('%')) {
          const err = interpolateSome(v, depth + 1);
          if (err !== null) return err;
        } else {
          out.push(v);
        }
      } else {
        return `'%' must be followed by '%' or '(', found: ${pyStrRepr(rest)}`;
      }
    }
    return null;
  }
}
