// Pure POSIX path helpers for the engine. The engine never imports `path`: paths are absolute POSIX
// strings handed over by the host, and these helpers behave like Python's posixpath where Alembic
// uses it (`os.path.abspath`, `os.path.join`). A Windows drive path (`C:/x`, `C:\x`) counts as
// absolute so that `script_location = C:\app\migrations` is never taken for a `package:path` resource.

const DRIVE = /^[A-Za-z]:[\\/]/;

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || DRIVE.test(p);
}

/**
 * True when normalizePath would return `p` unchanged: no empty, `.` or `..` segment, no trailing
 * slash, no drive. Scanning a version directory joins thousands of names to a clean directory, so
 * this check (no allocation) spares the split/join for nearly every path.
 */
function isNormalPath(p: string): boolean {
  const n = p.length;
  if (n === 0 || p === '/') return n > 0;
  let segStart = p.charCodeAt(0) === 47 ? 1 : 0;
  if (segStart === 0 && n >= 2 && p.charCodeAt(1) === 58) return false; // maybe a drive (`C:`)
  for (let i = segStart; i <= n; i++) {
    if (i < n && p.charCodeAt(i) !== 47) continue;
    const len = i - segStart;
    if (len === 0) return false;
    if (p.charCodeAt(segStart) === 46 && (len === 1 || (len === 2 && p.charCodeAt(segStart + 1) === 46))) return false;
    segStart = i + 1;
  }
  return true;
}

/** Collapses `.`, `..`, repeated and trailing slashes, like posixpath.normpath (but `//x` -> `/x`). */
export function normalizePath(p: string): string {
  if (p === '') return '.';
  if (isNormalPath(p)) return p;
  const drive = DRIVE.test(p) ? p.slice(0, 2) : '';
  const rest = drive ? p.slice(2).replace(/\\/g, '/') : p;
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const part of rest.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const body = out.join('/');
  if (absolute) return drive + '/' + body;
  return body === '' ? '.' : body;
}

/** Joins segments; an absolute segment restarts the path, as os.path.join does. */
export function joinPath(...parts: string[]): string {
  let acc = '';
  for (const part of parts) {
    if (part === '') continue;
    if (isAbsolutePath(part) || acc === '') acc = part;
    else acc = acc.endsWith('/') ? acc + part : acc + '/' + part;
  }
  return acc === '' ? '.' : normalizePath(acc);
}

/** `base` joined with `p` unless `p` is absolute: os.path.abspath(p) with the CWD `base`. */
export function resolvePath(base: string, p: string): string {
  return isAbsolutePath(p) ? normalizePath(p) : joinPath(base, p);
}

export function dirnamePath(p: string): string {
  const n = normalizePath(p);
  const i = n.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  if (i === 2 && DRIVE.test(n)) return n.slice(0, 3);
  return n.slice(0, i);
}

export function basenamePath(p: string): string {
  const n = normalizePath(p);
  const i = n.lastIndexOf('/');
  return i < 0 ? n : n.slice(i + 1);
}

/** The relative path from directory `from` to `to` (both absolute), `.` when they are equal. */
export function relativePath(from: string, to: string): string {
  const a = normalizePath(from).split('/').filter(Boolean);
  const b = normalizePath(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const parts = [...a.slice(i).map(() => '..'), ...b.slice(i)];
  return parts.length ? parts.join('/') : '.';
}

/** True when `p` is `dir` or lies below it. */
export function isInside(dir: string, p: string): boolean {
  const d = normalizePath(dir);
  const n = normalizePath(p);
  return n === d || n.startsWith(d === '/' ? '/' : d + '/');
}
