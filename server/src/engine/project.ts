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
import { parseMigration, parseMigrationText, scriptDoc } from './python/parse';
import { isPlainUtf8Text } from './python/decode';
import { buildMap } from './graph/build';
import type { RevisionColumns } from './graph/columns';
import { getterOf } from './rules/getter';
import { validateAssembled, validateLoading } from './rules/validate';


export interface IndexOptions {
  /**
   * Told how many files the scan found, before the first one is read: for a progress report, or for
   * an adapter that sizes its memory policy to the project (the CLI's heap, node/heap.ts).
   */
  onScanned?(fileCount: number): void;
  /**
   * Which rules make `problems`: every rule (the default), or only those that tell whether Alembic
   * can load the scripts (LOADING_RULES, rules/validate.ts) for a caller that reads nothing else.
   */
  rules?: 'all' | 'loading';
}

export function indexProject(fs: HostFs, config: ProjectConfig, options: IndexOptions = {}): IndexedProject {
  const scan = scanVersionLocations(fs, config);
  options.onScanned?.(scan.files.length);
  const files = scan.files.map((ref) => indexFile(fs, ref));
  return assembleProject(config, files, scan.problems, options.rules);
}

/** Re-runs the graph and rules over already-parsed files (the language server's incremental path). */
export function assembleProject(config: ProjectConfig, files: IndexedFile[], scanProblems: Problem[] = [], rules: IndexOptions['rules'] = 'all'): IndexedProject {
  const { columns, columnOfFile, idsAreFiles } = columnsOfFiles(files);
  const linked = new Uint8Array(columns.ids.length);
  const map = buildMap(columns, linked);
  if (rules === 'loading') return { config, files, map, problems: [...config.problems, ...scanProblems, ...validateLoading({ config, files, map })] };
  // What linking learnt of each file read from its parse spares the rules' survey a map lookup per
  // file (rules/plain.ts); a file whose input was given stands apart (its input may say otherwise).
  const parentFound = new Uint8Array(files.length);
  for (let i = 0; i < files.length; i++) parentFound[i] = columnOfFile[i] >= 0 ? linked[columnOfFile[i]] : 2;
  const idsMatchMap = idsAreFiles && !map.issues.some((issue) => issue.kind === 'duplicate-id');
  const problems = [...config.problems, ...scanProblems, ...validateAssembled({ config, files, map }, { parentFound, idsMatchMap })];
  return { config, files, map, problems };
}

export function indexFile(fs: HostFs, ref: MigrationFileRef): IndexedFile {
  const read = readAndParse(fs, ref.path);
  if (read.parsed === null) return { ref, parsed: null, readError: read.readError, revisionId: null, input: null };
  return indexParsedFile(ref, read.parsed);
}

/**
 * One migration file read and parsed, or why it could not be read. Through `fs.readUtf8` when the
 * host has it and the text is what decoding the bytes would give (isPlainUtf8Text): text straight
 * from the host, with no byte buffer per file to allocate and collect (~7% off a cold 10k index on
 * Node 20, measured; the reading itself takes as long either way). Else the bytes, decoded here.
 */
export function readAndParse(fs: HostFs, path: string): { parsed: ParsedMigration; readError: null } | { parsed: null; readError: string } {
  if (fs.readUtf8) {
    const text = fs.readUtf8(path);
    if (text.ok && isPlainUtf8Text(text.value)) return { parsed: parseMigrationText(text.value), readError: null };
  }
  const bytes = fs.readBytes(path);
  return bytes.ok ? { parsed: parseMigration(bytes.value), readError: null } : { parsed: null, readError: bytes.error };
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

/** Whether `file.input` is still to be built from the parse (reading it would build and keep it). */
function inputIsPending(file: IndexedFile): boolean {
  return getterOf(file, 'input') === readInput;
}

/**
 * The graph facts of every file that has an input, as `file.input` holds them, without building (or
 * keeping) the inputs still to be built: their facts are read from the parse, and only the nodes
 * that win their id ask for the rest (the docstring is stripped then). `columnOfFile` gives the
 * column read from each file's parse (-1 for none, or an input given as it is); `idsAreFiles` tells
 * that every file declaring an id has a column with that id.
 */
function columnsOfFiles(files: IndexedFile[]): { columns: RevisionColumns; columnOfFile: Int32Array; idsAreFiles: boolean } {
  const n = files.length;
  const columnOfFile = new Int32Array(n).fill(-1);
  let idsAreFiles = true;
  const ids = new Array<string>(n);
  const down = new Array<string[]>(n);
  const dependsOn = new Array<string[]>(n);
  const branchLabels = new Array<string[]>(n);
  const sources = new Array<IndexedFile | RevisionInput>(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const file = files[i];
    if (inputIsPending(file)) {
      const parsed = file.parsed;
      if (parsed === null || file.revisionId === null) {
        if (file.revisionId !== null) idsAreFiles = false;
        continue;
      }
      columnOfFile[i] = count;
      ids[count] = file.revisionId;
      down[count] = stringsOf(parsed.down_revision?.value);
      dependsOn[count] = stringsOf(parsed.depends_on?.value);
      branchLabels[count] = stringsOf(parsed.branch_labels?.value);
      sources[count++] = file;
      continue;
    }
    const input = file.input;
    if (file.revisionId !== null && input?.id !== file.revisionId) idsAreFiles = false;
    if (!input) continue;
    ids[count] = input.id;
    down[count] = input.down;
    dependsOn[count] = input.dependsOn;
    branchLabels[count] = input.branchLabels;
    sources[count++] = input;
  }
  if (count < n) {
    ids.length = down.length = dependsOn.length = branchLabels.length = sources.length = count;
  }
  const columns: RevisionColumns = {
    ids,
    down,
    dependsOn,
    branchLabels,
    fileOf: (i) => {
      const source = sources[i];
      return 'ref' in source ? source.ref.path : source.file;
    },
    describe: (i, node) => {
      const source = sources[i];
      if ('ref' in source) {
        const { doc, longdoc } = scriptDoc(source.parsed!.docstring?.value ?? null);
        node.file = source.ref.path;
        node.location = source.ref.location;
        node.relPath = source.ref.relPath;
        node.doc = doc;
        node.longdoc = longdoc;
        return;
      }
      node.file = source.file;
      node.location = source.location;
      node.relPath = source.relPath;
      node.doc = source.doc;
      node.longdoc = source.longdoc;
    },
  };
  return { columns, columnOfFile, idsAreFiles };
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
