// The docstring header facts (`Revision ID:`...) are ~20 small objects per file, read only by the
// header rule and by hovers. Kept for every file they were a fifth of a large index's memory, so for
// the usual docstring (one plain literal, no escapes, no CR) `header` is an accessor that computes
// them from the kept docstring on first read and then becomes a plain property holding them. The
// header rule reads them through peekHeader, which computes without keeping.
import type { ParsedMigration, Position } from '../types';
import { headerFacts, type SpanSource } from './docstring';
import { LineIndex, sharedPosition, sharedSpan } from './lineindex';

/**
 * Makes `parsed.header` lazy. Only valid when the docstring is one literal in bare triple quotes whose
 * value is its body verbatim (no escapes) and holds no CR: then value index i sits 3 + i characters
 * after the literal's start, and the value's lines are the file's lines.
 */
export function setLazyHeader(parsed: ParsedMigration): void {
  // One shared getter/setter pair: V8 then gives every lazy object the same hidden class.
  Object.defineProperty(parsed, 'header', { get: readHeader, set: writeHeader, enumerable: true, configurable: true });
}

/** `parsed.header`, without keeping it when it is still to be computed. */
export function peekHeader(parsed: ParsedMigration): ParsedMigration['header'] {
  return Object.getOwnPropertyDescriptor(parsed, 'header')?.get === readHeader ? computeHeader(parsed) : parsed.header;
}

/** Every span of a header read only for its text. */
const NO_SPAN = Object.freeze({ start: sharedPosition(0, 0), end: sharedPosition(0, 0) });
const NO_SPANS: SpanSource = { span: () => NO_SPAN };

/**
 * `parsed.header` with the right texts and ids but placeholder spans when it is still to be computed:
 * enough to tell whether it agrees with the variables, at a fraction of the cost (no line index, no
 * spans). Use peekHeader for the spans of a fact that is reported.
 */
export function peekHeaderTexts(parsed: ParsedMigration): ParsedMigration['header'] {
  if (Object.getOwnPropertyDescriptor(parsed, 'header')?.get !== readHeader) return parsed.header;
  const doc = parsed.docstring;
  return doc ? headerFacts(doc.value, (i) => i, NO_SPANS) : {};
}

function readHeader(this: ParsedMigration): ParsedMigration['header'] {
  const header = computeHeader(this);
  writeHeader.call(this, header);
  return header;
}

function writeHeader(this: ParsedMigration, header: ParsedMigration['header']): void {
  Object.defineProperty(this, 'header', { value: header, enumerable: true, writable: true, configurable: true });
}

function computeHeader(parsed: ParsedMigration): ParsedMigration['header'] {
  const doc = parsed.docstring;
  if (!doc) return {};
  const base = sharedPosition(doc.span.start.line, doc.span.start.character + 3);
  return headerFacts(doc.value, (i, isEnd) => i + (isEnd ? 1 : 0), shiftedLines(doc.value, base));
}

/** Spans of value offsets, placed in the file: the value's first line starts at `base`. */
function shiftedLines(value: string, base: Position): SpanSource {
  const rel = new LineIndex(value);
  const at = (offset: number): Position => {
    const p = rel.position(offset);
    return p.line === 0 ? sharedPosition(base.line, base.character + p.character) : sharedPosition(base.line + p.line, p.character);
  };
  return { span: (start, end) => sharedSpan(at(start), at(end)) };
}
