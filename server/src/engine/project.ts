// Indexing one project: scan its version locations, read and parse every file, build the revision
// map and run the rules. The one place where the engine's stages meet; everything here is pure
// (the file system comes in as a HostFs).
import type {
  HostFs,
  IndexedFile,
  IndexedProject,
  MigrationFileRef,
  ParsedMigration,
  Problem,
  ProjectConfig,
  RevisionInput,
  VarValue,
} from './types';
import { scanVersionLocations } from './scan';
import { parseMigration, scriptDoc } from './parse';
import { buildRevisionMap } from './graph';
import { validateProject } from './validate';

/** Alembic's legacy rule: with no `revision` variable, a file named `<hex>.py` gives its own id. */
const LEGACY_ID_FILE = /^([a-f0-9]+)\.py$/;

export function indexProject(fs: HostFs, config: ProjectConfig): IndexedProject {
  const scan = scanVersionLocations(fs, config);
  const files = scan.files.map((ref) => indexFile(fs, ref));
  return assembleProject(config, files, scan.problems);
}

/** Re-runs the graph and rules over already-parsed files (the language server's incremental path). */
export function assembleProject(config: ProjectConfig, files: IndexedFile[], scanProblems: Problem[] = []): IndexedProject {
  const inputs: RevisionInput[] = [];
  for (const f of files) if (f.input) inputs.push(f.input);
  const map = buildRevisionMap(inputs);
  const problems = [...config.problems, ...scanProblems, ...validateProject({ config, files, map })];
  return { config, files, map, problems };
}

export function indexFile(fs: HostFs, ref: MigrationFileRef): IndexedFile {
  const bytes = fs.readBytes(ref.path);
  if (!bytes.ok) return { ref, parsed: null, readError: bytes.error, revisionId: null, input: null };
  return indexParsedFile(ref, parseMigration(bytes.value));
}

export function indexParsedFile(ref: MigrationFileRef, parsed: ParsedMigration): IndexedFile {
  const revisionId = revisionIdOf(ref, parsed);
  const input = revisionId === null ? null : toRevisionInput(ref, parsed, revisionId);
  return { ref, parsed, readError: null, revisionId, input };
}

function revisionIdOf(ref: MigrationFileRef, parsed: ParsedMigration): string | null {
  const value = parsed.revision?.value;
  if (value === undefined) {
    const base = ref.relPath.slice(ref.relPath.lastIndexOf('/') + 1);
    return LEGACY_ID_FILE.exec(base)?.[1] ?? null;
  }
  return value.kind === 'str' ? value.lit.value : null;
}

function toRevisionInput(ref: MigrationFileRef, parsed: ParsedMigration, id: string): RevisionInput {
  const { doc, longdoc } = scriptDoc(parsed.docstring?.value ?? null);
  return {
    id,
    file: ref.path,
    location: ref.location,
    relPath: ref.relPath,
    down: stringsOf(parsed.down_revision?.value),
    dependsOn: stringsOf(parsed.depends_on?.value),
    branchLabels: stringsOf(parsed.branch_labels?.value),
    doc,
    longdoc,
  };
}

/**
 * The ids a variable names. None, a missing variable and a value that is not statically known all
 * give none: the rules report the unknown ones, and guessing would invent edges.
 */
function stringsOf(value: VarValue | undefined): string[] {
  if (!value) return NONE;
  if (value.kind === 'str') return [value.lit.value];
  if (value.kind === 'seq') return value.items.length ? value.items.map((i) => i.value) : NONE;
  return NONE;
}

/** Most revisions have no dependencies and no labels: they share one empty list (frozen, read-only). */
const NONE = Object.freeze([]) as unknown as string[];
