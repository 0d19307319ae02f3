// SQLAlchemy URLs as the client handles them: `${env:VAR}` expansion, finding the password part
// (hiding it is server/src/redactUrl.ts, shared with the server), and telling which database family
// a URL is for. Pure string work, no URL parser: SQLAlchemy URLs are not WHATWG URLs
// (`sqlite:///relative.db`, `postgresql+psycopg2://`, ...).

export type DatabaseKind = 'sqlite' | 'postgresql' | 'mysql' | 'mariadb';

export { envVarNames, expandEnvVars } from '../../../server/src/envVars';

interface UrlParts {
  scheme: string;
  /** `user[:password]` before the `@`, or null without one. */
  userinfo: string | null;
  /** Index where userinfo starts. */
  userinfoStart: number;
}

function parts(url: string): UrlParts | null {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
  if (!m) return null;
  const start = m[0].length;
  // As SQLAlchemy reads it: the user stops at ':' or '/', the password at the first '@'.
  const auth = /^([^:/@]*)(?::([^@]*))?@/.exec(url.slice(start));
  return { scheme: m[1].toLowerCase(), userinfo: auth ? auth[0].slice(0, -1) : null, userinfoStart: start };
}

/** The scheme's family: `postgresql+psycopg2` -> postgresql. Null for anything else. */
export function databaseKind(url: string): DatabaseKind | null {
  const p = parts(url);
  if (!p) return null;
  const family = p.scheme.split('+')[0];
  if (family === 'postgres' || family === 'postgresql') return 'postgresql';
  if (family === 'sqlite' || family === 'mysql' || family === 'mariadb') return family;
  return null;
}

/** True when the URL carries a (non-empty) password: `scheme://user:secret@host` or `?password=`. */
export function urlHasPassword(url: string): boolean {
  if (/[?&](password|passwd)=[^&]/i.test(url)) return true;
  const p = parts(url);
  if (!p || p.userinfo === null) return false;
  const colon = p.userinfo.indexOf(':');
  return colon >= 0 && colon < p.userinfo.length - 1;
}

/** The user name in the URL, if any (a password is only asked for when there is a user). */
export function urlUser(url: string): string | null {
  const p = parts(url);
  if (!p || p.userinfo === null) return null;
  const user = p.userinfo.split(':')[0];
  return user === '' ? null : decodeSafe(user);
}

/** The password written in a URL (decoded), so that it can be hidden wherever else it appears. */
export function urlPassword(url: string): string | null {
  const p = parts(url);
  if (!p || p.userinfo === null) return null;
  const colon = p.userinfo.indexOf(':');
  if (colon < 0 || colon === p.userinfo.length - 1) return null;
  return decodeSafe(p.userinfo.slice(colon + 1));
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
