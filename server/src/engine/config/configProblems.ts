// The stable problem codes of configuration, discovery and scanning (config.ts, ini.ts,
// pyproject.ts, discover.ts, scan.ts). The README table and the validator list them from here.
import type { Problem, Severity, Span } from '../types';

export interface ProblemCodeInfo {
  severity: Severity;
  description: string;
}

export const CONFIG_PROBLEM_CODES = {
  'config-unreadable': { severity: 'error', description: 'A config file cannot be read or is not valid UTF-8.' },
  'ini-syntax-error': { severity: 'error', description: 'A line configparser cannot parse (no section header, no "=", a byte-order mark).' },
  'ini-duplicate-section': { severity: 'error', description: 'The same [section] appears twice in an .ini file.' },
  'ini-duplicate-key': { severity: 'error', description: 'The same key (case-insensitive) appears twice in one section.' },
  'ini-interpolation-error': { severity: 'error', description: 'A value has a lone %, a bad %(...)s reference or a circular one.' },
  'toml-syntax-error': { severity: 'error', description: 'pyproject.toml is not valid TOML.' },
  'toml-invalid-value': { severity: 'error', description: 'A [tool.alembic] value has a type or % format Alembic rejects.' },
  'missing-config-section': { severity: 'error', description: 'The .ini file has no [alembic] (or -n) section.' },
  'missing-script-location': { severity: 'error', description: "No 'script_location' key found in configuration." },
  'script-location-not-found': { severity: 'error', description: 'script_location does not name an existing directory.' },
  'unresolved-package-resource': { severity: 'warning', description: 'A package:path location whose package is not found next to the config.' },
  'invalid-path-separator': { severity: 'error', description: 'path_separator / version_path_separator is not space, newline, os, : or ;.' },
  'empty-version-location': { severity: 'warning', description: 'version_locations has an empty entry, which Alembic turns into the current directory.' },
  'deprecated-version-path-separator': { severity: 'hint', description: 'version_path_separator is deprecated since Alembic 1.16 (use path_separator).' },
  'legacy-path-splitting': { severity: 'hint', description: 'version_locations is split without a path_separator (legacy comma/space splitting).' },
  'inexact-boolean': { severity: 'warning', description: "A boolean option is not exactly 'true', so Alembic reads it as false." },
  'invalid-truncate-slug-length': { severity: 'error', description: 'truncate_slug_length is not an integer.' },
  'no-version-location': { severity: 'warning', description: 'None of the version locations exists, so there are no migrations.' },
  'version-location-not-a-directory': { severity: 'warning', description: 'A version location is a file, not a directory.' },
  'unreadable-directory': { severity: 'warning', description: 'A version directory cannot be listed.' },
  'symlink-loop': { severity: 'warning', description: 'A symbolic link in a version directory points back to itself.' },
  'not-a-file': { severity: 'warning', description: 'A directory whose name looks like a migration file (x.py).' },
  'file-loaded-twice': { severity: 'warning', description: 'The same real file is reached through two version locations or links.' },
  'sourceless-not-indexed': { severity: 'information', description: '.pyc/.pyo files without source: not readable statically.' },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ConfigProblemCode = keyof typeof CONFIG_PROBLEM_CODES;

export const ZERO_SPAN: Span = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A Problem with the code's default severity (or the one given). */
export function configProblem(code: ConfigProblemCode, file: string, span: Span, message: string, severity?: Severity): Problem {
  return { code, severity: severity ?? CONFIG_PROBLEM_CODES[code].severity, file, span, message };
}
