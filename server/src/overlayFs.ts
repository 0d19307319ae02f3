// The file system as the editor sees it: open buffers (possibly unsaved) stand in for the files on
// disk. Configs are read through this; migration files are parsed from the buffer text directly
// (see workspaceIndex.ts), so that a coding cookie cannot be applied to already-decoded text.
import type { FsResult, HostFs } from './engine/index';

export function overlayFs(base: HostFs, overlays: ReadonlyMap<string, string>): HostFs {
  const encoder = new TextEncoder();
  return {
    readBytes(path): FsResult<Uint8Array> {
      const text = overlays.get(path);
      return text === undefined ? base.readBytes(path) : { ok: true, value: encoder.encode(text) };
    },
    listDir: (path) => base.listDir(path),
    stat: (path) => (overlays.has(path) && base.stat(path) === null ? 'file' : base.stat(path)),
    realpath: (path) => base.realpath(path),
  };
}
