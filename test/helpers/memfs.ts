// An in-memory HostFs for engine tests: a flat map of absolute POSIX paths to file contents.
// Directories exist implicitly wherever a file lives below them; `dirs` adds empty ones.
import type { DirEntry, FsResult, HostFs } from '../../server/src/engine/types';

export interface MemFsOptions {
  /** Extra empty directories. */
  dirs?: string[];
  /** Paths whose reads/listings fail with this message (unreadable files or directories). */
  unreadable?: Record<string, string>;
  /** Symlinks: link path -> target path (resolved by realpath and by listing). */
  links?: Record<string, string>;
}

export function memFs(files: Record<string, string | Uint8Array>, options: MemFsOptions = {}): HostFs {
  const encoder = new TextEncoder();
  const contents = new Map<string, Uint8Array>();
  for (const [p, c] of Object.entries(files)) contents.set(p, typeof c === 'string' ? encoder.encode(c) : c);
  const dirs = new Set<string>(['/']);
  const addParents = (p: string) => {
    let d = p;
    while ((d = d.slice(0, d.lastIndexOf('/')) || '/') !== '/') dirs.add(d);
  };
  for (const p of contents.keys()) addParents(p);
  for (const d of options.dirs ?? []) {
    dirs.add(d);
    addParents(d);
  }
  const links = options.links ?? {};
  for (const l of Object.keys(links)) addParents(l);
  const unreadable = options.unreadable ?? {};

  const resolve = (p: string, depth = 0): string | null => {
    if (depth > 40) return null;
    for (const [link, target] of Object.entries(links)) {
      if (p === link) return resolve(target, depth + 1);
      if (p.startsWith(link + '/')) return resolve(target + p.slice(link.length), depth + 1);
    }
    return p;
  };

  const fs: HostFs = {
    readBytes(path): FsResult<Uint8Array> {
      if (unreadable[path]) return { ok: false, error: unreadable[path] };
      const real = resolve(path);
      const c = real === null ? undefined : contents.get(real);
      if (c === undefined) {
        if (real !== null && dirs.has(real)) return { ok: false, error: 'EISDIR: illegal operation on a directory' };
        return { ok: false, error: 'ENOENT: no such file or directory' };
      }
      return { ok: true, value: c };
    },
    listDir(path): FsResult<DirEntry[]> {
      if (unreadable[path]) return { ok: false, error: unreadable[path] };
      const real = resolve(path);
      if (real === null) return { ok: false, error: 'ELOOP: too many symbolic links encountered' };
      if (!dirs.has(real)) return { ok: false, error: 'ENOENT: no such file or directory' };
      const prefix = real === '/' ? '/' : real + '/';
      const names = new Map<string, DirEntry['kind']>();
      for (const p of contents.keys()) {
        if (p.startsWith(prefix)) {
          const rest = p.slice(prefix.length);
          const slash = rest.indexOf('/');
          names.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'dir');
        }
      }
      for (const d of dirs) {
        if (d.startsWith(prefix) && d !== real) {
          const rest = d.slice(prefix.length);
          const slash = rest.indexOf('/');
          names.set(slash < 0 ? rest : rest.slice(0, slash), 'dir');
        }
      }
      for (const l of Object.keys(links)) {
        if (l.startsWith(prefix) && !l.slice(prefix.length).includes('/')) {
          const target = resolve(l);
          const kind = target === null ? 'symlink-loop' : contents.has(target) ? 'file' : dirs.has(target) ? 'dir' : 'other';
          names.set(l.slice(prefix.length), kind);
        }
      }
      return { ok: true, value: [...names].map(([name, kind]) => ({ name, kind })) };
    },
    stat(path) {
      const real = resolve(path);
      if (real === null) return null;
      if (contents.has(real)) return 'file';
      if (dirs.has(real)) return 'dir';
      return null;
    },
    realpath(path) {
      return resolve(path) ?? path;
    },
  };
  return fs;
}
