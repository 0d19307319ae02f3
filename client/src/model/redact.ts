// Everything that reaches the output channel, a message or a log goes through a redactor: the
// passwords the client knows (from SecretStorage, or written in a URL) are replaced by `***`, and
// so is the password part of any URL in the text, known or not (a driver error may print one).

const URL_PASSWORD = /([A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@'"]*:)([^\s@'"]+)@/g;
const QUERY_PASSWORD = /([?&](?:password|passwd)=)[^&\s'"]*/gi;

export type Redactor = (text: string) => string;

export function makeRedactor(secrets: Iterable<string>): Redactor {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    forms.add(s);
    forms.add(encodeURIComponent(s)); // as it appears inside a URL
  }
  // Longest first, so that a secret containing another one is replaced whole.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = text;
    for (const f of ordered) out = out.split(f).join('***');
    return out.replace(URL_PASSWORD, '$1***@').replace(QUERY_PASSWORD, '$1***');
  };
}

/** A command line for the log: arguments joined, quoted where needed, redacted. */
export function commandLineText(program: string, args: readonly string[], redact: Redactor): string {
  return redact([program, ...args].map(quote).join(' '));
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
