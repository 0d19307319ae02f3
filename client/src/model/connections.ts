// From `alembic.connections` and the indexed projects to the connections the views and commands use:
// which project each entry belongs to, what is wrong with an entry (said so that the user can fix
// it), and the project's own `sqlalchemy.url` as its default connection when it has none configured.
import * as path from 'node:path';
import type { ProjectSummary } from '../../../server/src/protocol';
import type { ConnectionSetting } from './settings';
import { databaseKind, envVarNames, urlHasPassword } from './urls';

/** A project as the client sees it (`sqlalchemyUrl` is the config's value as written). */
export type ProjectInfo = ProjectSummary;

/** An entry's run options (as in settings.ts), tied to the project it names. */
export interface ResolvedConnection extends Omit<ConnectionSetting, 'project'> {
  /** Stable key (project id + name): tree item id, SecretStorage key, run lock. */
  key: string;
  projectId: string;
  /** The URL as configured (may hold `${env:VAR}`; a default connection's may hold a password). */
  url: string;
  /** `setting`: an `alembic.connections` entry (index into it); `ini`: the project's sqlalchemy.url. */
  source: { kind: 'setting'; index: number } | { kind: 'ini' };
}

/** Alembic's template placeholder: a project that still has it has no database yet. */
const TEMPLATE_URL = 'driver://user:pass@localhost/dbname';
export const DEFAULT_CONNECTION_NAME = 'sqlalchemy.url';

/** The project an entry names: config file (or project folder) relative to a workspace folder, then the section. */
export function projectOfSetting(c: ConnectionSetting, projects: readonly ProjectInfo[], folders: readonly string[]): ProjectInfo | null {
  if (c.project === '') return projects.length === 1 ? projects[0] : null;
  const wanted = new Set<string>();
  for (const base of path.isAbsolute(c.project) ? [''] : folders) wanted.add(path.resolve(base, c.project));
  const candidates = projects.filter((p) => (p.configFile !== null && wanted.has(path.resolve(p.configFile))) || wanted.has(path.resolve(p.root)));
  if (candidates.length === 0) return null;
  return (
    candidates.find((p) => c.section !== '' && p.section === c.section) ??
    candidates.find((p) => p.section === 'alembic') ??
    candidates[0]
  );
}

export function resolveConnections(settings: readonly ConnectionSetting[], projects: readonly ProjectInfo[], folders: readonly string[]): ResolvedConnection[] {
  const out: ResolvedConnection[] = [];
  settings.forEach((c, index) => {
    const p = projectOfSetting(c, projects, folders);
    if (!p || c.name === '' || c.url === '') return;
    const key = connectionKey(p.id, c.name);
    if (out.some((o) => o.key === key)) return; // duplicates are reported by validateConnections
    out.push({
      key,
      name: c.name,
      projectId: p.id,
      url: c.url,
      section: c.section,
      xArgs: c.xArgs,
      env: c.env,
      protected: c.protected,
      versionTable: c.versionTable,
      versionTableSchema: c.versionTableSchema,
      source: { kind: 'setting', index },
    });
  });
  for (const p of projects) {
    if (out.some((o) => o.projectId === p.id)) continue;
    const url = p.sqlalchemyUrl?.trim();
    if (!url || url === TEMPLATE_URL) continue;
    out.push({
      key: connectionKey(p.id, DEFAULT_CONNECTION_NAME),
      name: DEFAULT_CONNECTION_NAME,
      projectId: p.id,
      url: iniValue(url, p.root),
      section: '',
      xArgs: [],
      env: {},
      protected: false,
      versionTable: '',
      versionTableSchema: '',
      source: { kind: 'ini' },
    });
  }
  return out;
}

export function connectionKey(projectId: string, name: string): string {
  return `${projectId}::${name}`;
}

/** configparser's interpolation of a value as written: `%(here)s` is the config's folder, `%%` a percent sign. */
export function iniValue(raw: string, root: string): string {
  return raw.replace(/%\(here\)s|%%/g, (m) => (m === '%%' ? '%' : root));
}

export interface SettingProblem {
  index: number;
  message: string;
}

/** Everything wrong with the entries, each message naming the entry and the fix. */
export function validateConnections(
  settings: readonly ConnectionSetting[],
  projects: readonly ProjectInfo[],
  folders: readonly string[],
  env: Record<string, string | undefined>,
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  const seen = new Set<string>();
  settings.forEach((c, index) => {
    const who = c.name ? `Connection "${c.name}"` : `Connection #${index + 1} in alembic.connections`;
    const say = (message: string) => problems.push({ index, message: `${who} ${message}` });
    if (c.name === '') say('has no "name": add one, e.g. "dev".');
    if (c.url === '') say('has no "url": add the SQLAlchemy URL without the password, e.g. "postgresql://me@localhost/app".');
    else {
      if (urlHasPassword(c.url.replace(/\$\{env:[^}]*\}/g, ''))) say('has a password in its "url": remove it from settings; the extension asks for it once and keeps it in VS Code\'s secret storage.');
      if (databaseKind(c.url.replace(/\$\{env:[^}]*\}/g, 'x')) === null && !/^\$\{env:/.test(c.url)) {
        say('uses a URL the built-in database reader does not know (sqlite, postgresql, mysql, mariadb): Alembic commands still run, but the views cannot show its revision.');
      }
    }
    const p = projectOfSetting(c, projects, folders);
    if (!p) {
      say(
        c.project === ''
          ? `has no "project" and the workspace has ${projects.length} Alembic projects: set "project" to the config file, e.g. "${relativeConfig(projects[0], folders) ?? 'alembic.ini'}".`
          : `names the project "${c.project}", which is no indexed Alembic project: give the config file's path relative to the workspace folder.`,
      );
    } else if (c.name !== '') {
      const key = connectionKey(p.id, c.name);
      if (seen.has(key)) say('is defined twice for the same project: rename or remove one of them.');
      seen.add(key);
    }
    for (const x of c.xArgs) if (!/^[^=\s]+=/.test(x)) say(`has the -x argument "${x}", which is not key=value.`);
    for (const k of Object.keys(c.env)) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) say(`has the environment variable name "${k}", which is not a valid name.`);
    const missing = [c.url, ...Object.values(c.env), ...c.xArgs].flatMap(envVarNames).filter((n) => env[n] === undefined);
    if (missing.length > 0) say(`refers to ${[...new Set(missing)].map((n) => `\${env:${n}}`).join(', ')}, which is not set in VS Code's environment: set it before starting VS Code, or write the value in.`);
  });
  return problems;
}

/** A project's config file as an entry's "project" would name it. */
export function relativeConfig(p: ProjectInfo | undefined, folders: readonly string[]): string | null {
  if (!p?.configFile) return null;
  const folder = folders.find((f) => !path.relative(f, p.configFile!).startsWith('..'));
  return folder ? path.relative(folder, p.configFile).split(path.sep).join('/') : p.configFile;
}
