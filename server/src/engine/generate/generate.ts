// New revision and merge files: the text `alembic revision` / `alembic merge` would write from the
// project's own `script.py.mako`, and the file name. Pure: the id's randomness and the clock are
// passed in (newRevisionId, pyDateTimeAt / pyDateTimeInZone).
//
// What Alembic passes to the template (ScriptDirectory.generate_revision, newest rules):
//   up_revision, down_revision (None | str | tuple), branch_labels (None | 1-tuple),
//   depends_on (None | str | list), create_date (datetime), message ("empty message" without -m),
//   comma (format_as_comma), config (the Config; 1.8.1's `merge` passed the string "config"),
//   plus template_args: `imports`/`upgrades`/`downgrades` only when env.py ran
//   (revision_environment or --autogenerate), otherwise Mako's UNDEFINED (falsy).
// output_encoding (default utf-8) is how the caller should encode the returned text.

import type { Outcome } from '../types';
import { renderMako } from './mako';
import type { PyDateTime } from './create-date';
import { revisionFileName } from './slug';
import { NONE, PyError, pyStr, typeName, type PyValue } from './mako-pyvalue';

export { pyDateTimeAt, pyDateTimeInZone, formatPyDateTime, type PyDateTime } from './create-date';
export { revisionSlug, revisionFileName, type RevisionFileNameInput } from './slug';
export { renderMako } from './mako';
export { decodeMakoTemplate } from './mako-source';

/** A value for an extra template argument: JSON-like, with `{ tuple: [...] }` for a Python tuple. */
export type TemplateArg = null | boolean | number | string | TemplateArg[] | { tuple: TemplateArg[] };

/** What the template's `config` offers: `get_main_option`, `get_section_option`, `get_section`. */
export interface TemplateConfig {
  /** The main section's options (`[alembic]` or the `-n` section), after interpolation. */
  mainOptions: Readonly<Record<string, string>>;
  /** Every ini section by name (the main one may be repeated here). */
  sections?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `config.config_ini_section`; default `alembic`. */
  iniSection?: string;
  /** `config.config_file_name`. */
  configFileName?: string | null;
}

export interface RevisionTemplateVars {
  up_revision: string;
  /** None (new base), one parent id, or a tuple of parent ids in head order (a merge). */
  down_revision: null | string | readonly string[];
  /** None or a tuple (`('label',)`). */
  branch_labels: null | readonly string[];
  /** None, one id or label (str), or a list of them. */
  depends_on: null | string | readonly string[];
  create_date: PyDateTime;
  message: string;
  /** Only set when env.py ran; absent means Mako's UNDEFINED (falsy, so templates write `pass`). */
  imports?: string;
  upgrades?: string;
  downgrades?: string;
  /** The template's `config`; absent means templates that use it fail with a clear error. */
  config?: TemplateConfig;
  /** Further template_args (from env.py's `template_args`, `<db>_upgrades` for multidb...). */
  extra?: Readonly<Record<string, TemplateArg>>;
}

export interface RevisionVarsInput {
  revId: string;
  /** The resolved parents: [] for a new base (`--head base`), one id, or several (a merge). */
  parents: readonly string[];
  message?: string | null;
  /** `--branch-label` (a single value; when repeated on the command line the last one wins). */
  branchLabel?: string | null;
  /** `--depends-on` values, already resolved: full ids, or branch labels kept as written. */
  dependsOn?: readonly string[];
  date: PyDateTime;
  config?: TemplateConfig;
  extra?: Readonly<Record<string, TemplateArg>>;
}

/** Alembic's tuple_rev_as_scalar: none -> None, one -> that one, several -> all of them. */
function scalarOrAll(ids: readonly string[]): null | string | readonly string[] {
  return ids.length === 0 ? null : ids.length === 1 ? ids[0] : ids;
}

/** The template variables `alembic revision` passes. */
export function makeRevisionVars(input: RevisionVarsInput): RevisionTemplateVars {
  return {
    up_revision: input.revId,
    down_revision: scalarOrAll(input.parents),
    branch_labels: input.branchLabel == null ? null : [input.branchLabel],
    depends_on: input.dependsOn && input.dependsOn.length ? scalarOrAll(input.dependsOn) : null,
    create_date: input.date,
    message: input.message ?? 'empty message',
    ...(input.config ? { config: input.config } : {}),
    ...(input.extra ? { extra: input.extra } : {}),
  };
}

export interface MergeVarsInput {
  revId: string;
  /** The revisions to merge, in the order given on the command line (or real-heads order for `heads`). */
  heads: readonly string[];
  message?: string | null;
  branchLabel?: string | null;
  date: PyDateTime;
  config?: TemplateConfig;
  extra?: Readonly<Record<string, TemplateArg>>;
}

/** The template variables `alembic merge` passes: a revision whose parents are the merged heads. */
export function makeMergeVars(input: MergeVarsInput): RevisionTemplateVars {
  return makeRevisionVars({ ...input, parents: input.heads });
}

/**
 * The template variables `revision_environment = true` adds when no autogenerate runs: an empty
 * import list and Alembic's "commands auto generated" block holding `pass`.
 */
export function environmentTemplateArgs(): Pick<RevisionTemplateVars, 'imports' | 'upgrades' | 'downgrades'> {
  const body = '# ### commands auto generated by Alembic - please adjust! ###\n    pass\n    # ### end Alembic commands ###';
  return { imports: '', upgrades: body, downgrades: body };
}

/** uuid4().hex[-12:]: the last six bytes of a version-4 UUID are all random. Pass >= 6 random bytes. */
export function newRevisionId(randomBytes: Uint8Array): string {
  const tail = randomBytes.length >= 6 ? randomBytes.subarray(randomBytes.length - 6) : randomBytes;
  return Array.from(tail, (b) => b.toString(16).padStart(2, '0')).join('').padStart(12, '0');
}

function strTuple(ids: readonly string[]): PyValue {
  return { kind: 'tuple', items: ids.map(pyStr) };
}

function argValue(v: TemplateArg): PyValue {
  if (v === null) return NONE;
  if (typeof v === 'string') return pyStr(v);
  if (typeof v === 'boolean') return { kind: 'bool', value: v };
  if (typeof v === 'number') return { kind: 'int', value: Math.trunc(v) };
  if (Array.isArray(v)) return { kind: 'list', items: v.map(argValue) };
  return { kind: 'tuple', items: v.tuple.map(argValue) };
}

/** Alembic's util.format_as_comma, the template's `comma`. */
const COMMA: PyValue = {
  kind: 'callable',
  name: 'format_as_comma',
  call: (args) => {
    if (args.length !== 1) throw new PyError('TypeError', `format_as_comma() takes 1 positional argument but ${args.length} were given`);
    const v = args[0];
    if (v.kind === 'none') return pyStr('');
    if (v.kind === 'str') return v;
    if (v.kind === 'tuple' || v.kind === 'list') {
      return pyStr(v.items.map((x, i) => {
        if (x.kind !== 'str') throw new PyError('TypeError', `sequence item ${i}: expected str instance, ${typeName(x)} found`);
        return x.value;
      }).join(', '));
    }
    throw new PyError('ValueError', `Don't know how to comma-format ${v.kind}`);
  },
};

function configObject(config: TemplateConfig): PyValue {
  const mainSection = config.iniSection ?? 'alembic';
  const section = (name: string): Readonly<Record<string, string>> | undefined =>
    name === mainSection ? config.mainOptions : config.sections?.[name];
  const option = (sectionName: string, args: PyValue[], skip: number): PyValue => {
    const name = args[skip];
    if (name?.kind !== 'str') throw new PyError('TypeError', 'option name must be str');
    const values = section(sectionName);
    if (!values) {
      throw new PyError('CommandError', `No config file ${config.configFileName ? `'${config.configFileName}'` : 'None'} found, or file has no '[${sectionName}]' section`);
    }
    const value = Object.prototype.hasOwnProperty.call(values, name.value) ? values[name.value] : undefined;
    return value === undefined ? (args[skip + 1] ?? NONE) : pyStr(value);
  };
  const method = (name: string, call: (args: PyValue[]) => PyValue): PyValue => ({ kind: 'callable', name: `Config.${name}`, call });
  return {
    kind: 'object',
    typeName: 'Config',
    attr: (name) => {
      switch (name) {
        case 'get_main_option': return method(name, (a) => option(mainSection, a, 0));
        case 'get_section_option':
          return method(name, (a) => {
            if (a[0]?.kind !== 'str') throw new PyError('TypeError', 'section name must be str');
            return option(a[0].value, a, 1);
          });
        case 'get_section':
          return method(name, (a) => {
            if (a[0]?.kind !== 'str') throw new PyError('TypeError', 'section name must be str');
            const values = section(a[0].value);
            if (!values) return a[1] ?? NONE;
            return { kind: 'dict', entries: Object.entries(values).map(([k, v]) => [pyStr(k), pyStr(v)] as [PyValue, PyValue]) };
          });
        case 'config_ini_section': return pyStr(mainSection);
        case 'config_file_name': return config.configFileName == null ? NONE : pyStr(config.configFileName);
        case 'attributes': return { kind: 'dict', entries: [] };
        default: return undefined;
      }
    },
  };
}

/** The Python values the template sees. */
export function revisionTemplateContext(vars: RevisionTemplateVars): Map<string, PyValue> {
  const ctx = new Map<string, PyValue>();
  for (const [k, v] of Object.entries(vars.extra ?? {})) ctx.set(k, argValue(v));
  const down = vars.down_revision;
  const deps = vars.depends_on;
  ctx.set('up_revision', pyStr(vars.up_revision));
  ctx.set('down_revision', down === null ? NONE : typeof down === 'string' ? pyStr(down) : strTuple(down));
  ctx.set('branch_labels', vars.branch_labels === null ? NONE : strTuple(vars.branch_labels));
  ctx.set('depends_on', deps === null ? NONE : typeof deps === 'string' ? pyStr(deps) : { kind: 'list', items: deps.map(pyStr) });
  ctx.set('create_date', { kind: 'datetime', value: vars.create_date });
  ctx.set('comma', COMMA);
  ctx.set('message', pyStr(vars.message));
  if (vars.imports !== undefined) ctx.set('imports', pyStr(vars.imports));
  if (vars.upgrades !== undefined) ctx.set('upgrades', pyStr(vars.upgrades));
  if (vars.downgrades !== undefined) ctx.set('downgrades', pyStr(vars.downgrades));
  if (vars.config) ctx.set('config', configObject(vars.config));
  return ctx;
}

/** The text of the new script, as Mako renders `script.py.mako` with these variables. */
export function newRevisionText(template: string, vars: RevisionTemplateVars): Outcome<string> {
  return renderMako(template, revisionTemplateContext(vars));
}

export interface NewRevisionFile {
  fileName: string;
  text: string;
}

/**
 * File name and text together, as `alembic revision` writes them (for a merge pass
 * `{ ...mergeInput, parents: mergeInput.heads }`). The slug comes from the `-m` value itself:
 * without one the file is `<rev>_.py` while the docstring says "empty message".
 */
export function newRevisionFile(
  template: string,
  input: RevisionVarsInput,
  naming: { fileTemplate: string; truncateSlugLength?: number },
): Outcome<NewRevisionFile> {
  const vars = makeRevisionVars(input);
  const fileName = revisionFileName(naming.fileTemplate, {
    rev: input.revId,
    message: input.message,
    date: input.date,
    truncateSlugLength: naming.truncateSlugLength,
  });
  if (!fileName.ok) return fileName;
  const text = newRevisionText(template, vars);
  if (!text.ok) return text;
  return { ok: true, value: { fileName: fileName.value, text: text.value } };
}
