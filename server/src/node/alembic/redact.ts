// Keeps passwords out of every line that leaves a run: output, logs, results, error messages. The
// password never reaches a command line (it travels in the environment), but Python may still print
// it: SQLAlchemy 1.4's str(url) keeps it, and some errors quote the URL they failed on. The bootstrap
// scrubs its own output; this is the second, independent layer.

export const MASK = '***';

// scheme://user:password@  ->  scheme://user:***@   (any URL-shaped text, not only the known password)
const URL_USERINFO = /(\b[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@'"]*):([^\s@'"]+)@/g;
// libpq-style keyword strings: password=secret
const KEYWORD_PASSWORD = /\b(password|passwd|pwd)=([^\s'";&]+)/gi;

/** The password part of a URL (`scheme://user:password@host`), undecoded, or undefined. */
export function passwordInUrl(url: string): string | undefined {
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/@]*?:(.*)@[^@]*$/.exec(url);
  return m?.[1] || undefined;
}

function pythonRfc1738(s: string): string {
  return s.replace(/[:@/]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Every spelling a secret may take in output: as is, URL-quoted (several ways), JSON-escaped, `%`-doubled. */
function spellings(secret: string): string[] {
  const base = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    pythonRfc1738(secret),
    pythonRfc1738(secret.replace(/%/g, '%25')), // the bootstrap's fix for SQLAlchemy 1.4 not quoting "%"
    safeDecode(secret),
  ];
  const out = new Set<string>();
  for (const s of base) {
    for (const v of [s, s.replace(/%/g, '%%'), JSON.stringify(s).slice(1, -1)]) if (v) out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export class Redactor {
  private secrets: string[] = [];

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const s of secrets) this.add(s);
  }

  add(secret: string | undefined): void {
    if (!secret) return;
    for (const s of spellings(secret)) if (!this.secrets.includes(s)) this.secrets.push(s);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  /** Adds the password of a URL, if it carries one. */
  addUrl(url: string | undefined): void {
    if (url) this.add(passwordInUrl(url));
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join(MASK);
    return out.replace(URL_USERINFO, `$1:${MASK}@`).replace(KEYWORD_PASSWORD, `$1=${MASK}`);
  }

  /** The same, for every string inside a JSON-like value. */
  deep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v) => this.deep(v)) as T;
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.deep(v);
      return out as T;
    }
    return value;
  }
}
