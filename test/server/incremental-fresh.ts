// The reference the incremental index is held to: a fresh, whole index of the same texts, as the
// language server computed it before it was incremental (discover, scan, parse every file, then
// assembleProject), and the diagnostics a server publishes from it.
import type { Diagnostic } from 'vscode-languageserver';
import {
  assembleProject,
  discoverProjects,
  indexFile,
  indexParsedFile,
  parseMigrationText,
  scanVersionLocations,
  type HostFs,
  type IndexedProject,
  type Problem,
} from '../../server/src/engine/index';
import { overlayFs } from '../../server/src/overlayFs';
import { diagnosticsByFile } from '../../server/src/features/diagnostics';
import { readSettings } from '../../server/src/settings';
import { uriOf } from '../helpers/lspClient';

/** Open buffers (path -> text) stand in for their files, parsed from the text as the server does. */
export function freshIndex(disk: HostFs, folders: string[], buffers: ReadonlyMap<string, string> = new Map()): { discovery: Problem[]; projects: IndexedProject[] } {
  const fs = overlayFs(disk, buffers);
  const { projects, problems } = discoverProjects(fs, folders);
  return {
    discovery: problems,
    projects: projects.map((config) => {
      const scan = scanVersionLocations(fs, config);
      const files = scan.files.map((ref) => {
        const text = buffers.get(ref.path);
        return text === undefined ? indexFile(disk, ref) : indexParsedFile(ref, parseMigrationText(text));
      });
      return assembleProject(config, files, scan.problems);
    }),
  };
}

/** The diagnostics (uri -> list, files without any left out) a server with default settings shows for that index, as JSON brings them. */
export function freshDiagnostics(disk: HostFs, folders: string[], buffers: ReadonlyMap<string, string> = new Map()): Map<string, Diagnostic[]> {
  const { discovery, projects } = freshIndex(disk, folders, buffers);
  const out = new Map<string, Diagnostic[]>();
  const all = [...discovery, ...projects.flatMap((p) => p.problems)];
  for (const [path, diagnostics] of diagnosticsByFile(all, readSettings({}))) out.set(uriOf(path), JSON.parse(JSON.stringify(diagnostics)));
  return out;
}

/** A client's diagnostics without the files it was told to clear. */
export function shownDiagnostics(diagnostics: ReadonlyMap<string, Diagnostic[]>): Map<string, Diagnostic[]> {
  return new Map([...diagnostics].filter(([, d]) => d.length > 0));
}
