// One pass over a workspace lists the same folders twice: discovery walks every folder looking for
// config files, then scanning lists each version location again for its migrations. A versions
// folder of 10,000 files costs ~30 ms to list, so a pass that finds and indexes projects in one go
// remembers its listings. Only for the length of one pass: a listing kept longer would go stale.
import type { DirEntry, FsResult, HostFs } from '../types';

/** `fs`, with each directory listed at most once. Everything else goes straight through. */
export function withListingCache(fs: HostFs): HostFs {
  const listings = new Map<string, FsResult<DirEntry[]>>();
  const readUtf8 = fs.readUtf8?.bind(fs);
  return {
    readBytes: (path) => fs.readBytes(path),
    ...(readUtf8 ? { readUtf8 } : {}),
    stat: (path) => fs.stat(path),
    realpath: (path) => fs.realpath(path),
    listDir(path) {
      let listing = listings.get(path);
      if (listing === undefined) {
        listing = fs.listDir(path);
        listings.set(path, listing);
      }
      return listing;
    },
  };
}
