// Builds an indexed project from a few small migration sources, for the rule tests. It uses the real
// parser (parse.ts) and graph (graph.ts) once they exist, and until then a tiny line-based reader
// and the hand-built map of render-maps.ts, so the rules can be tested while those are written.
// Assertions look at the text under a span (`textAt`), which both readers agree on.
import type {
  Assignment,
  GraphIssue,
  HeaderFact,
  IndexedFile,
  ParsedMigration,
  Problem,
  ProjectConfig,
  RevisionInput,
  RevisionMap,
  Span,
  StrLit,
  VarValue,
} from '../../server/src/engine/types';
import { validateProject } from '../../server/src/engine/rules/validate';
import { docOf, handMap } from './render-maps';

type ParseText = (text: string) => ParsedMigration;
type BuildMap = (inputs: RevisionInput[]) => RevisionMap;
/**
 * The real module's function, or undefined while it is a placeholder or does not load yet (its
 * siblings are written concurrently). ENGINE_TEST_STAND_INS=1 forces the stand-ins.
 */
function optional<T>(load: () => unknown, name: string): T | undefined {
  if (process.env.ENGINE_TEST_STAND_INS === '1') return undefined;
  try {
    const fn = (load() as Record<string, unknown>)[name];
    return typeof fn === 'function' ? (fn as T) : undefined;
  } catch {
    return undefined;
  }
}
const realParse = optional<ParseText>(() => require('../../server/src/engine/parse'), 'parseMigrationText');
const realGraph = optional<BuildMap>(() => require('../../server/src/engine/graph'), 'buildRevisionMap');
/** Which implementations the tests ran on (printed in a test name, so a run shows it). */
export const usingReal = { parse: typeof realParse === 'function', graph: typeof realGraph === 'function' };

export const ROOT = '/p';
export const VERSIONS = `${ROOT}/migrations/versions`;

export interface TestFile {
  name: string;
  text: string;
  /** A read failure instead of text. */
  readError?: string;
  /** Adjusts the parse result (e.g. to add decode errors, which only the byte-level reader finds). */
  patch?: (parsed: ParsedMigration) => void;
}

export interface TestProject {
  files: IndexedFile[];
  map: RevisionMap;
  sources: Map<string, string>;
  problems: Problem[];
}

export interface ProjectOptions {
  /** Issues a hand-built map should carry (ignored with the real graph, which finds its own). */
  issues?: GraphIssue[];
  /** Effective labels for a hand-built map (the real graph computes inheritance). */
  labels?: Record<string, string[]>;
}

export function project(testFiles: TestFile[], options: ProjectOptions = {}): TestProject {
  const sources = new Map<string, string>();
  const files = testFiles.map((t) => {
    const path = `${VERSIONS}/${t.name}`;
    const ref = { path, location: VERSIONS, relPath: t.name };
    if (t.readError !== undefined) return { ref, parsed: null, readError: t.readError, revisionId: null, input: null } as IndexedFile;
    sources.set(path, t.text);
    const parsed = realParse ? realParse(t.text) : miniParse(t.text);
    t.patch?.(parsed);
    const revisionId = revisionIdOf(t.name, parsed);
    const input = revisionId === null ? null : toInput(ref, parsed, revisionId);
    return { ref, parsed, readError: null, revisionId, input } as IndexedFile;
  });
  const inputs = files.map((f) => f.input).filter((i): i is RevisionInput => i !== null);
  const map = realGraph ? realGraph(inputs) : handBuilt(inputs, options);
  const problems = validateProject({ config: CONFIG, files, map });
  return { files, map, sources, problems };
}

/** The source text a span covers. */
export function textAt(p: TestProject, file: string, span: Span): string {
  const lines = (p.sources.get(file) ?? '').split('\n');
  if (span.start.line === span.end.line) return lines[span.start.line]?.slice(span.start.character, span.end.character) ?? '';
  const first = lines[span.start.line].slice(span.start.character);
  const middle = lines.slice(span.start.line + 1, span.end.line);
  const last = lines[span.end.line].slice(0, span.end.character);
  return [first, ...middle, last].join('\n');
}

/** A migration in the 1.8.1 template's shape. */
export function migration(id: string, down: string | null, extra = '', message = `rev ${id}`): string {
  const downRepr = down === null ? 'None' : down.startsWith('(') || down.startsWith('[') ? down : `'${down}'`;
  const revises = down === null ? '' : down.replace(/[()[\]']/g, '').replace(/,\s*$/, '');
  return `"""${message}\n\nRevision ID: ${id}\nRevises: ${revises}\nCreate Date: 2026-01-01 00:00:00.000000\n\n"""\nfrom alembic import op\n\nrevision = '${id}'\ndown_revision = ${downRepr}\n${extra}`;
}

const CONFIG: ProjectConfig = {
  id: `${ROOT}/alembic.ini#alembic`,
  kind: 'ini',
  iniFile: `${ROOT}/alembic.ini`,
  pyprojectFile: null,
  section: 'alembic',
  root: ROOT,
  scriptLocation: `${ROOT}/migrations`,
  versionLocations: [VERSIONS],
  recursiveVersionLocations: false,
  sourceless: false,
  fileTemplate: '%(rev)s_%(slug)s',
  truncateSlugLength: 40,
  timezone: null,
  outputEncoding: 'utf-8',
  sqlalchemyUrl: null,
  problems: [],
};

function revisionIdOf(name: string, parsed: ParsedMigration): string | null {
  const v = parsed.revision?.value;
  if (v === undefined) return /^([a-f0-9]+)\.py$/.exec(name)?.[1] ?? null;
  return v.kind === 'str' ? v.lit.value : null;
}

function toInput(ref: IndexedFile['ref'], parsed: ParsedMigration, id: string): RevisionInput {
  const strings = (v: VarValue | undefined) => (!v ? [] : v.kind === 'str' ? [v.lit.value] : v.kind === 'seq' ? v.items.map((i) => i.value) : []);
  const longdoc = (parsed.docstring?.value ?? '').trim();
  return {
    id,
    file: ref.path,
    location: ref.location,
    relPath: ref.relPath,
    down: strings(parsed.down_revision?.value),
    dependsOn: strings(parsed.depends_on?.value),
    branchLabels: strings(parsed.branch_labels?.value),
    doc: docOf(longdoc),
    longdoc,
  };
}

function handBuilt(inputs: RevisionInput[], options: ProjectOptions): RevisionMap {
  // Like Alembic's id map: a later duplicate replaces the earlier one.
  const last = new Map(inputs.map((i) => [i.id, i]));
  const kept = inputs.filter((i) => last.get(i.id) === i);
  return handMap(
    ROOT,
    kept.map((i) => ({ id: i.id, down: i.down, deps: i.dependsOn, declared: i.branchLabels, labels: options.labels?.[i.id], fileName: i.relPath, longdoc: i.longdoc })),
    undefined,
    options.issues ?? [],
  );
}

// ---------------------------------------------------------------------------------------------
// The stand-in reader: module-level single-line assignments and a leading triple-quoted docstring.

function miniParse(text: string): ParsedMigration {
  const lines = text.split('\n');
  const out: ParsedMigration = { docstring: null, header: {}, syntaxErrors: [], decodeErrors: [], hasUpgrade: false, hasDowngrade: false };
  const docEnd = readDocstring(lines, out);
  lines.forEach((line, n) => {
    if (n < docEnd) return;
    if (line.includes('SYNTAX ERROR')) out.syntaxErrors.push({ message: 'invalid syntax', span: lineSpan(n, 0, line.length) });
    const m = /^(revision|down_revision|branch_labels|depends_on)(\s*:\s*[^=]+?)?\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) return;
    const name = m[1] as 'revision';
    let valueStart = line.indexOf('=', m[1].length + (m[2]?.length ?? 0)) + 1;
    while (line[valueStart] === ' ') valueStart++;
    const a: Assignment = { name, nameSpan: lineSpan(n, 0, name.length), value: readValue(m[3], n, valueStart), annotated: m[2] !== undefined };
    out[name] = a;
  });
  return out;
}

function readDocstring(lines: string[], out: ParsedMigration): number {
  const start = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (start < 0 || !lines[start].startsWith('"""')) return 0;
  let end = start;
  let close = lines[start].indexOf('"""', 3);
  while (close < 0 && end + 1 < lines.length) close = lines[++end].indexOf('"""');
  const body = end === start ? lines[start].slice(3, close) : [lines[start].slice(3), ...lines.slice(start + 1, end), lines[end].slice(0, close)].join('\n');
  out.docstring = { value: body, span: { start: { line: start, character: 0 }, end: { line: end, character: close + 3 } } };
  for (let n = start; n <= end; n++) {
    const h = /^(Revision ID|Revises|Create Date):[ \t]*(.*?)\s*$/.exec(lines[n].replace(/^"""/, ''));
    if (!h) continue;
    const col = lines[n].indexOf(h[2], lines[n].indexOf(':') + 1);
    const fact: HeaderFact = { text: h[2], span: lineSpan(n, col, col + h[2].length), ids: [] };
    if (h[1] !== 'Create Date') {
      const re = /[^,\s]+/g;
      for (let m = re.exec(h[2]); m; m = re.exec(h[2])) fact.ids.push({ id: m[0], span: lineSpan(n, col + m.index, col + m.index + m[0].length) });
    }
    if (h[1] === 'Revision ID') out.header.revisionId = fact;
    else if (h[1] === 'Revises') out.header.revises = fact;
    else out.header.createDate = fact;
  }
  return end + 1;
}

function readValue(text: string, line: number, col: number): VarValue {
  const span = lineSpan(line, col, col + text.length);
  if (text === 'None') return { kind: 'none', span };
  const lit = readString(text, line, col);
  if (lit && lit.span.end.character === col + text.length) return { kind: 'str', lit, span };
  const open = text[0];
  const close = { '(': ')', '[': ']', '{': '}' }[open];
  if (close && text.endsWith(close)) {
    const items: StrLit[] = [];
    let i = 1;
    for (;;) {
      while (text[i] === ' ' || text[i] === ',') i++;
      if (i >= text.length - 1) break;
      const item = readString(text.slice(i), line, col + i);
      if (!item) return { kind: 'other', text, span };
      items.push(item);
      i = item.span.end.character - col;
    }
    return { kind: 'seq', container: open === '(' ? 'tuple' : open === '[' ? 'list' : 'set', items, span };
  }
  return { kind: 'other', text, span };
}

function readString(text: string, line: number, col: number): StrLit | null {
  const m = /^(['"])(.*?)\1/.exec(text);
  if (!m) return null;
  return { value: m[2], span: lineSpan(line, col, col + m[0].length), inner: lineSpan(line, col + 1, col + 1 + m[2].length) };
}

function lineSpan(line: number, from: number, to: number): Span {
  return { start: { line, character: from }, end: { line, character: to } };
}
