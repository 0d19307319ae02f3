// `alembic list_templates` output -> the choices of Initialize Alembic…; Alembic's own three when the
// listing could not be read.

export interface TemplateChoice {
  name: string;
  description: string;
}

export const FALLBACK_TEMPLATES: TemplateChoice[] = [
  { name: 'generic', description: 'Generic single-database configuration.' },
  { name: 'async', description: 'Generic single-database configuration with an async dbapi.' },
  { name: 'multidb', description: 'Rudimentary multi-database configuration.' },
];

export function parseTemplates(stdout: string): TemplateChoice[] {
  const out: TemplateChoice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z0-9_.-]+) - (.+)$/.exec(line);
    if (m) out.push({ name: m[1], description: m[2].trim() });
  }
  // `generic` first: it is what most projects want.
  out.sort((a, b) => Number(b.name === 'generic') - Number(a.name === 'generic'));
  return out.length > 0 ? out : FALLBACK_TEMPLATES;
}

/** Why a directory name for `alembic init` is not usable, or null. */
export function initDirectoryProblem(name: string, exists: boolean): string | null {
  const n = name.trim();
  if (n === '') return 'Name the folder for the migration environment, e.g. migrations.';
  if (/^[/\\]|^[A-Za-z]:/.test(n) || n.split(/[/\\]/).includes('..')) return 'Give a folder inside the workspace folder (a relative path).';
  if (exists) return `${n} already exists: Alembic's init needs a new or empty folder.`;
  return null;
}
