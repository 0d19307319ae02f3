// One lookup over the two places Alembic reads settings from: the ini section (configparser,
// interpolated) and pyproject's [tool.alembic] (%-formatted). Key by key, the ini wins
// (`Config.get_alembic_option`). Every failed read becomes a Problem on the offending value.
import type { Problem, Severity, Span } from '../types';
import { type IniDocument, type IniEntry, iniLookup, interpolateIni } from './ini';
import { type PyprojectAlembic, tomlStringOrList } from './pyproject';
import { configProblem, ZERO_SPAN } from './configProblems';

export interface Origin {
  file: string;
  span: Span;
}

export interface Found<T> {
  value: T;
  origin: Origin;
}

const FIXES: Record<string, string> = {
  InterpolationSyntaxError: 'write a literal % as %%',
  InterpolationMissingOptionError: 'write %% for a literal % (e.g. %%(rev)s in file_template), or define the referenced key in this section or in [DEFAULT]',
  InterpolationDepthError: 'remove the circular %(...)s references',
};

const WHEN_READ = ' (Alembic fails when this key is read: by env.py, e.g. engine_from_config(config.get_section(...)), or by the post-write hooks of `alembic revision`)';

export class ConfigSources {
  /** Keys whose ini value failed to interpolate (already reported). */
  private readonly failed = new Set<string>();

  constructor(
    readonly ini: IniDocument | null,
    readonly section: string,
    private readonly iniHere: string,
    readonly toml: PyprojectAlembic | null,
    private readonly tomlHere: string,
    private readonly problems: Problem[],
  ) {}

  get hasIniSection(): boolean {
    return this.ini !== null && this.ini.sections.has(this.section);
  }

  iniEntry(key: string): IniEntry | undefined {
    if (!this.hasIniSection) return undefined;
    return iniLookup(this.ini!, this.section, key);
  }

  /**
   * `config.get_main_option(key)`: the interpolated ini value, or null (absent or broken). A failure
   * is an error for the keys `ScriptDirectory.from_config` reads on every command; pass 'warning'
   * for keys only env.py or `alembic revision` read.
   */
  iniString(key: string, severity: Severity = 'error'): Found<string> | null {
    const entry = this.iniEntry(key);
    if (!entry) return null;
    return this.interpolate(this.section, key, entry, severity);
  }

  /** Interpolates any key of any section, reporting a failure once. */
  interpolate(section: string, key: string, entry: IniEntry, severity: Severity = 'error'): Found<string> | null {
    const origin = { file: this.ini!.file, span: entry.valueSpan };
    const result = interpolateIni(this.ini!, section, key, { here: this.iniHere });
    if (result.ok) return { value: result.value, origin };
    const id = `${section}\u0000${key}`;
    if (!this.failed.has(id)) {
      this.failed.add(id);
      this.problems.push(configProblem('ini-interpolation-error', this.ini!.file, entry.valueSpan,
        `${this.ini!.file} line ${entry.line + 1}: [${section}] ${key}: ${result.kind}: ${result.message}${severity === 'error' ? '' : WHEN_READ}. Fix: ${FIXES[result.kind] ?? 'correct the value'}.`, severity));
    }
    return null;
  }

  tomlOrigin(key: string): Origin {
    const t = this.toml!;
    return { file: t.file, span: t.keySpans.get(key) ?? t.tableSpan ?? ZERO_SPAN };
  }

  /** The formatted [tool.alembic] value (string, list, number, boolean) or null. */
  tomlValue(key: string): Found<string | string[] | number | boolean> | null {
    const table = this.toml?.table;
    if (!table || !(key in table)) return null;
    const origin = this.tomlOrigin(key);
    const result = tomlStringOrList(table[key], key, this.tomlHere);
    if (!result.ok) {
      this.problems.push(configProblem('toml-invalid-value', origin.file, origin.span,
        `${origin.file}: [tool.alembic] ${key}: ${result.message}. Fix: write a string (a literal % as %%), or a list of strings for version_locations / prepend_sys_path.`));
      return null;
    }
    return result.value === null ? null : { value: result.value, origin };
  }

  /** `get_alembic_option` for a scalar: the ini value if the key is there, else the toml one. */
  string(key: string): Found<string> | null {
    if (this.iniEntry(key)) return this.iniString(key);
    const t = this.tomlValue(key);
    if (!t) return null;
    if (typeof t.value === 'number') return { value: String(t.value), origin: t.origin };
    if (typeof t.value !== 'string') {
      this.problems.push(configProblem('toml-invalid-value', t.origin.file, t.origin.span,
        `${t.origin.file}: [tool.alembic] ${key} must be a string. Fix: write ${key} = "...".`));
      return null;
    }
    return { value: t.value, origin: t.origin };
  }

  /** `get_alembic_boolean_option`: ini value exactly 'true'; else a TOML boolean (default false). */
  bool(key: string): Found<boolean> | null {
    const entry = this.iniEntry(key);
    if (entry) {
      const s = this.iniString(key);
      if (!s) return null;
      if (s.value !== 'true' && /^(true|yes|on|1)$/i.test(s.value)) {
        this.problems.push(configProblem('inexact-boolean', s.origin.file, s.origin.span,
          `${s.origin.file} line ${entry.line + 1}: ${key} = ${s.value} is read as false: Alembic only accepts the exact text 'true'. Fix: write ${key} = true.`));
      }
      return { value: s.value === 'true', origin: s.origin };
    }
    const table = this.toml?.table;
    if (!table || !(key in table)) return null;
    const origin = this.tomlOrigin(key);
    if (typeof table[key] !== 'boolean') {
      this.problems.push(configProblem('toml-invalid-value', origin.file, origin.span,
        `${origin.file}: boolean value expected for TOML parameter '${key}'. Fix: write ${key} = true or ${key} = false (no quotes).`));
      return null;
    }
    return { value: table[key] as boolean, origin };
  }
}
