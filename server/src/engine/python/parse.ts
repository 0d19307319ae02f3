// One migration file -> its module variables (revision, down_revision, branch_labels, depends_on),
// docstring, header facts, upgrade/downgrade presence and the errors that stop Python importing it.
// Static and exact: a value is given only when Python's evaluation of the file is certain. Never throws.
import type { Assignment, ParsedMigration, Span, VarValue } from '../types';
import { decodeSource } from './decode';
import { LineIndex } from './lineindex';
import { LEX_RAISES, S_BYTES, S_FIELDS, S_FORMAT, S_RAW, S_SIMPLE, TK_OP, TK_STRING, Tokenizer } from './pytokens';
import { evalString, stringBody, type SourceMap } from './pystrings';
import { ValueReader } from './pyvalues';
import { BLOCK_CONTROL, BLOCK_NONE, BLOCK_SCOPE, StatementAnalyzer, TARGETS, type BindingSink } from './pystatements';
import { headerFacts } from './docstring';
import { setLazyHeader } from './lazyheader';
import { detach } from './detach';
import { MentionFinder } from './pymentions';
import { fastPaths, lineEnd } from './pyruns';
import { annotationAt, annotationFrom, annotationTo } from './pyannotation';
import { found, LINE_ASSIGNMENT, LINE_DEF, templateLine } from './pytemplate';
import { conflictMarkerCandidates, conflictMarkerIn } from './pyconflict';
import { missingCommaIn, UNSURE } from './pycomma';

export { scriptDoc } from './docstring';

export function parseMigration(bytes: Uint8Array): ParsedMigration {
  const decoded = decodeSource(bytes);
  const parsed = parseMigrationText(decoded.text);
  parsed.decodeErrors = decoded.errors;
  return parsed;
}

export function parseMigrationText(text: string): ParsedMigration {
  try {
    return parseUnsafe(text);
  } catch (err) {
    // A bug here must not take the whole index down: report it on the file instead.
    const where = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return {
      docstring: null, header: {}, hasUpgrade: false, hasDowngrade: false, decodeErrors: [],
      syntaxErrors: [{ message: `internal error while reading this file: ${String(err)}`, span: where }],
    };
  }
}

interface Err {
  message: string;
  start: number;
  end: number;
  /** An error of CPython's parser that a later tokenizer error may replace (TokenError.generic, pythonReports). */
  generic?: boolean;
  /** Where a missing comma belongs (the error is mended by inserting one there). */
  commaAt?: number;
}

function parseUnsafe(text: string): ParsedMigration {
  const lines = new LineIndex(text);
  const tk = new Tokenizer(text);
  const values = new ValueReader(tk, lines);
  // `header` is added last (see readDocstring), so that it can be an accessor without a hidden-class change.
  const result = { docstring: null, syntaxErrors: NO_ERRORS, decodeErrors: [], hasUpgrade: false, hasDowngrade: false } as unknown as ParsedMigration;
  let header: ParsedMigration['header'] = EMPTY_HEADER;
  const sink: BindingSink = {
    plain(t, nameTok, vs, ve, annotated) {
      if (vs >= ve && !emptyValue) {
        // `revision =` with nothing after it: certain invalid syntax, reported at the '='.
        emptyValue = { message: 'SyntaxError: invalid syntax (nothing after the =)', start: tk.start[vs - 1], end: tk.end[vs - 1], generic: true };
      }
      record(t, tk.start[nameTok], tk.end[nameTok], values.read(vs, ve), annotated);
    },
    opaque(t, nameTok, s, e) {
      const from = tk.start[s];
      const to = tk.end[e - 1];
      record(t, tk.start[nameTok], tk.end[nameTok], { kind: 'other', text: detach(text.slice(from, to)), span: lines.span(from, to) }, false);
    },
    defined(name) {
      if (name === 'upgrade') result.hasUpgrade = true;
      else result.hasDowngrade = true;
    },
  };
  let emptyValue: Err | null = null;
  const record = (t: number, nameStart: number, nameEnd: number, value: VarValue, annotated: boolean) => {
    const nameSpan = lines.span(nameStart, nameEnd);
    result[TARGETS[t]] = value.kind === 'none' ? noneAssignment(t, nameSpan, value.span, annotated) : { name: TARGETS[t], nameSpan, value, annotated };
  };
  const analyzer = new StatementAnalyzer(tk, sink);
  const mentions = new MentionFinder(text);

  /**
   * The module-level line begun, without the analyzer when that changes nothing: returns what the
   * line opens (BLOCK_*), or READ_IN_FULL once it is read into tokens for the analyzer.
   */
  const passModuleLine = (): number => {
    const from = tk.lineStart;
    if (!mentions.mentionedIn(from, lineEnd(text, from)) && tk.skimLine()) {
      // Imports and other statements that cannot bind the variables nor define upgrade/downgrade,
      // and open no block, are nothing to the analyzer.
      if (!tk.endsWithColon && !mentions.mentionedIn(from, tk.pos)) return BLOCK_NONE;
      tk.readLineAgain();
      return READ_IN_FULL;
    }
    if (tk.level > 0) {
      tk.readLine();
      return READ_IN_FULL;
    }
    // Lines as the templates write them need no tokens; other annotated assignments lose theirs.
    const kind = templateLine(text, from);
    if (kind === LINE_ASSIGNMENT) {
      record(found.target, found.nameStart, found.nameEnd, values.plainLiteral(found.valueStart, found.valueEnd), found.annotated);
      tk.passLine(found.next, -1);
      return BLOCK_NONE;
    }
    if (kind === LINE_DEF) {
      sink.defined(found.defined);
      tk.passLine(found.next, found.colon);
      return BLOCK_SCOPE;
    }
    if (annotationAt(text, from)) tk.readLineWithout(annotationFrom, annotationTo);
    else tk.readLine();
    return READ_IN_FULL;
  };

  const blocks: number[] = []; // what each indentation level is the body of
  let scopes = 0; // how many of those are function/class bodies
  let pending = BLOCK_NONE;
  let first = true;
  let stringError: Err | null = null;
  // The first missing comma (pycomma.ts), looked for until one is found or one cannot be told.
  let commaError: Err | null = null;
  let lookForCommas = true;
  // A file with a line that may be a merge conflict marker is read without fast paths, every line
  // into tokens, so that each candidate is checked against them (pyconflict.ts). Such files are rare.
  const markers = conflictMarkerCandidates(text);
  const fast = fastPaths.enabled && markers.length === 0;
  let markerError: Err | null = null;
  while (tk.beginLine()) {
    while (blocks.length > tk.level) if (blocks.pop() === BLOCK_SCOPE) scopes--;
    while (blocks.length < tk.level) {
      const kind = pending === BLOCK_SCOPE ? BLOCK_SCOPE : BLOCK_CONTROL;
      blocks.push(kind);
      if (kind === BLOCK_SCOPE) scopes++;
    }
    if (scopes > 0) {
      // Function and class bodies: only their errors and their shape matter (the first line of a
      // file is never in one, so the docstring is always read in full).
      if (fast) tk.skipLine();
      else tk.readLine();
      if (!stringError) stringError = checkStrings(tk);
      if (lookForCommas && tk.count > 1) [commaError, lookForCommas] = commaCheck(tk);
      if (markers.length > 0 && !markerError) markerError = conflictMarkerIn(tk, markers);
      pending = tk.endsWithColon ? BLOCK_SCOPE : BLOCK_NONE;
      continue;
    }
    if (first) {
      first = false;
      tk.readLine();
      if (tk.level === 0) header = readDocstring(tk, lines, result);
    } else if (!fast) {
      tk.readLine();
    } else {
      const passed = passModuleLine();
      if (passed !== READ_IN_FULL) {
        pending = passed;
        continue;
      }
    }
    if (!stringError) stringError = checkStrings(tk);
    if (lookForCommas && tk.count > 1) [commaError, lookForCommas] = commaCheck(tk);
    if (markers.length > 0 && !markerError) markerError = conflictMarkerIn(tk, markers);
    const opens = analyzer.line(tk.level === 0);
    pending = tk.endsWithColon ? opens : BLOCK_NONE;
  }

  const nul = text.indexOf('\0');
  let err: Err | null = nul >= 0 ? { message: 'SyntaxError: source code cannot contain null bytes', start: nul, end: nul + 1 } : tk.error;
  if (nul < 0) err = earlier(earlier(earlier(earlier(err, stringError), emptyValue), markerError), commaError);
  if (err?.generic) err = pythonReports(err, tk, lines);
  if (err) {
    const reported: ParsedMigration['syntaxErrors'][number] = { message: describe(err.message), span: lines.span(err.start, err.end) };
    if (err.commaAt !== undefined) reported.insert = { at: lines.position(err.commaAt), text: ',' };
    result.syntaxErrors = [reported];
  }
  const parsed = compact(result);
  if (header === EMPTY_HEADER) parsed.header = {};
  else if (header === LAZY_HEADER) setLazyHeader(parsed);
  else parsed.header = header;
  return parsed;
}

/**
 * What Python reports for a file whose first error is a bare "invalid syntax" of its parser, or one
 * its second pass raises ("expected an indented block"): CPython (3.11, _PyPegen_set_syntax_error and
 * _PyPegen_tokenize_full_source_to_check_for_errors) then tokenizes the rest of the file and
 * stops at the first tokenizer error. That error is reported instead when the tokenizer raises it
 * itself (an unterminated string, an unmatched bracket, an invalid character); an error it only flags
 * (indentation, a bad line continuation, the end of the file) is reported as the bracket left open
 * when one was opened on a line before the generic error's; otherwise the generic error stands.
 */
function pythonReports(err: Err, tk: Tokenizer, lines: LineIndex): Err {
  const next = tk.lexErrors?.find((e) => e.at >= err.start);
  if (!next) return err;
  if (next.kind === LEX_RAISES) return next;
  const open = next.openBracket;
  if (open >= 0 && lines.position(open).line < lines.position(err.start).line) {
    return { message: `SyntaxError: '${tk.text[open]}' was never closed`, start: open, end: open + 1 };
  }
  return err;
}

/** The line's missing comma, and whether to look further (not after one found or one unsure). */
function commaCheck(tk: Tokenizer): [Err | null, boolean] {
  const at = missingCommaIn(tk);
  if (at === null) return [null, true];
  if (at === UNSURE) return [null, false];
  return [{ message: at.message, start: at.start, end: at.end, generic: true, commaAt: at.commaAt }, false];
}

/** Returned by passModuleLine for a line it read into tokens. */
const READ_IN_FULL = -1;

/** Of two errors (either may be null), the one that starts first; the first given on a tie. */
function earlier(a: Err | null, b: Err | null): Err | null {
  return a && (!b || a.start <= b.start) ? a : b;
}

/**
 * `branch_labels = None` written at the same place (spans are shared, see lineindex.ts) is the same
 * assignment in every file made from one template: the last one made per variable is reused, frozen.
 */
const lastNone: (Assignment | undefined)[] = [];

function noneAssignment(t: number, nameSpan: Span, valueSpan: Span, annotated: boolean): Assignment {
  const last = lastNone[t];
  if (last && last.nameSpan === nameSpan && last.value.span === valueSpan && last.annotated === annotated) return last;
  const made: Assignment = Object.freeze({ name: TARGETS[t], nameSpan, value: Object.freeze({ kind: 'none' as const, span: valueSpan }), annotated });
  lastNone[t] = made;
  return made;
}

function describe(message: string): string {
  return `Python cannot import this file: ${message}${/[.?!]$/.test(message) ? '' : '.'}`;
}

/** Most files have no syntax errors: they share one empty list (frozen, read-only). */
const NO_ERRORS = Object.freeze([]) as unknown as ParsedMigration['syntaxErrors'];
const EMPTY_HEADER: ParsedMigration['header'] = Object.freeze({});

/** Marks a header to be computed on first read (see lazyheader.ts). */
const LAZY_HEADER: ParsedMigration['header'] = Object.freeze({});

const USUAL_KEYS = ['docstring', 'syntaxErrors', 'decodeErrors', 'hasUpgrade', 'hasDowngrade', 'revision', 'down_revision', 'branch_labels', 'depends_on'];

function hasUsualKeys(r: ParsedMigration): boolean {
  const keys = Object.keys(r);
  if (keys.length !== USUAL_KEYS.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== USUAL_KEYS[i]) return false;
  return true;
}

/**
 * V8 stores properties added after an object literal outside the object, in a separate array: rebuilt
 * as one literal with the same keys in the same order, a file's result holds its variables inline.
 */
function compact(r: ParsedMigration): ParsedMigration {
  if (!r.revision || !r.down_revision || !r.branch_labels || !r.depends_on || !hasUsualKeys(r)) return r;
  const { docstring, syntaxErrors, decodeErrors, hasUpgrade, hasDowngrade, revision, down_revision, branch_labels, depends_on } = r;
  return { docstring, syntaxErrors, decodeErrors, hasUpgrade, hasDowngrade, revision, down_revision, branch_labels, depends_on } as ParsedMigration;
}

/**
 * The docstring: the first statement, when it is made of plain (not f-, not bytes) string literals.
 * Returns its header facts, or LAZY_HEADER when they can be computed later from the value and span alone.
 */
function readDocstring(tk: Tokenizer, lines: LineIndex, result: ParsedMigration): ParsedMigration['header'] {
  let e = 0;
  while (e < tk.count && !(tk.kind[e] === TK_OP && tk.aux[e] === 59)) e = (tk.kind[e] === TK_OP && tk.pair[e] > e ? tk.pair[e] : e) + 1;
  let s = 0;
  while (e - s >= 2 && tk.kind[s] === TK_OP && tk.aux[s] === 40 && tk.pair[s] === e - 1) { s++; e--; }
  if (s >= e) return EMPTY_HEADER;
  for (let i = s; i < e; i++) if (tk.kind[i] !== TK_STRING || tk.aux[i] & (S_BYTES | S_FORMAT)) return EMPTY_HEADER;
  let value: string;
  let toSource: (index: number, isEnd: boolean) => number;
  let lazy = false;
  if (e - s === 1 && tk.aux[s] & S_SIMPLE) {
    // The usual case: one plain token, so value index i is source offset bodyStart + i.
    const { bodyStart } = stringBody(tk.aux[s], tk.start[s], tk.end[s]);
    value = evalString(tk.text, tk.start[s], tk.end[s], tk.aux[s]).value;
    toSource = (i, isEnd) => bodyStart + i + (isEnd ? 1 : 0);
    // Bare triple quotes: the body starts 3 characters after the literal, so the span gives it back later.
    lazy = bodyStart - tk.start[s] === 3;
  } else {
    const map: SourceMap = { srcStart: [], srcEnd: [] };
    value = '';
    for (let i = s; i < e; i++) value += evalString(tk.text, tk.start[i], tk.end[i], tk.aux[i], map).value;
    toSource = (i, isEnd) => (isEnd ? map.srcEnd[i] : map.srcStart[i]) ?? tk.end[e - 1];
  }
  value = detach(value);
  result.docstring = { value, span: lines.span(tk.start[s], tk.end[e - 1]) };
  // Without a CR the value's lines are the file's lines: the facts can wait until someone reads them.
  if (lazy && value.indexOf('\r') < 0) return LAZY_HEADER;
  return headerFacts(value, toSource, lines);
}

/** Escapes Python rejects in string literals, non-ASCII bytes literals, bytes next to str: the first one. */
function checkStrings(tk: Tokenizer): Err | null {
  for (let i = 0; i < tk.count; i++) {
    if (tk.kind[i] !== TK_STRING) continue;
    const flags = tk.aux[i];
    if (i > 0 && tk.kind[i - 1] === TK_STRING && ((tk.aux[i - 1] ^ flags) & S_BYTES)) {
      return { message: 'SyntaxError: cannot mix bytes and nonbytes literals', start: tk.start[i - 1], end: tk.end[i] };
    }
    if (flags & S_BYTES) {
      const { bodyStart, bodyEnd } = stringBody(flags, tk.start[i], tk.end[i]);
      for (let p = bodyStart; p < bodyEnd; p++) {
        if (tk.text.charCodeAt(p) >= 0x80) return { message: 'SyntaxError: bytes can only contain ASCII literal characters', start: tk.start[i], end: tk.end[i] };
      }
    }
    if (flags & (S_SIMPLE | S_RAW | S_FIELDS)) continue;
    const v = evalString(tk.text, tk.start[i], tk.end[i], flags);
    if (v.error) return { message: `SyntaxError: (unicode error) ${v.error.message}`, start: v.error.start, end: v.error.end };
  }
  return null;
}
