// `${env:NAME}` in connection settings (VS Code's notation, so a profile can keep host names, users
// or passwords out of settings): one reading for the client (its checks and Alembic runs) and the
// database reader. Pure.

const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Replaces every `${env:NAME}`; names that are not set become empty and are listed in `missing`. */
export function expandEnvVars(text: string, env: Readonly<Record<string, string | undefined>>): { value: string; missing: string[] } {
  const missing: string[] = [];
  const value = text.replace(ENV_REF, (_, name: string) => {
    const v = env[name];
    if (v === undefined) {
      if (!missing.includes(name)) missing.push(name);
      return '';
    }
    return v;
  });
  return { value, missing };
}

/** The names a text refers to with `${env:NAME}`. */
export function envVarNames(text: string): string[] {
  return [...new Set([...text.matchAll(ENV_REF)].map((m) => m[1]))];
}
