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
import { scanVersionLocations } from './config/scan';
import { legacyRevisionId } from './legacy-id';
import { parseMigration, scriptDoc } from './python/parse';
import { buildRevisionMap } from './graph/graph';
import { validateProject } from './rules/validate';


export function indexProject(fs: HostFs, config: ProjectConfig): IndexedProject {
  const scan = scanVersionLocations(fs, config);
  const files = scan.files.map((ref) => indexFile(fs, ref));
  return assembleProject(config, files, scan.problems);
}

/** Re-runs the graph and rules over already-parsed files (the language server's incremental path). */
export function assembleProject(config: ProjectConfig, files: IndexedFile[], scanProblems: Problem[] = []): IndexedProject {
  const inputs: RevisionInput[] = [];
  for (const f of files) {
    const input = peekInput(f);
    if (input) inputs.push(input);
  }
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
  if (revisionId === null) return { ref, parsed, readError: null, revisionId, input: null };
  const file = { ref, parsed, readError: null, revisionId } as IndexedFile;
  // The graph keeps everything the input holds in its node, so a kept input would be a second copy of
  // each file's graph facts: it is built from the parse on first read instead, then kept as a plain
  // property (copies, JSON and deep comparisons see the same value). One shared getter/setter pair
  // gives every file the same hidden class.
  Object.defineProperty(file, 'input', { get: readInput, set: writeInput, enumerable: true, configurable: true });
  return file;
}

function readInput(this: IndexedFile): RevisionInput | null {
  const input = inputOf(this);
  writeInput.call(this, input);
  return input;
}

function writeInput(this: IndexedFile, input: RevisionInput | null): void {
  Object.defineProperty(this, 'input', { value: input, enumerable: true, writable: true, configurable: true });
}

function inputOf(file: IndexedFile): RevisionInput | null {
  return file.parsed && file.revisionId !== null ? toRevisionInput(file.ref, file.parsed, file.revisionId) : null;
}

/** `file.input`, without keeping it when it is still to be built (the graph copies what it needs). */
function peekInput(file: IndexedFile): RevisionInput | null {
  return Object.getOwnPropertyDescriptor(file, 'input')?.get === readInput ? inputOf(file) : file.input;
}

function revisionIdOf(ref: MigrationFileRef, parsed: ParsedMigration): string | null {
  const value = parsed.revision?.value;
  if (value === undefined) {
    const base = ref.relPath.slice(ref.relPath.lastIndexOf('/') + 1);
    return legacyRevisionId(base);
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
