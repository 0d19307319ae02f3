// When an edit keeps a file's graph facts, the project-level problems stay the same problems; only
// the places they point to in that file may have moved (a line added above `revision = ...`). Those
// places are always one of a few anchors: the revision value, the value of down_revision /
// depends_on / branch_labels, one of their string literals, or the top of the file (rules/spans.ts).
// Pairing the anchors of the old and the new parse moves each problem without running any rule.
import type { Assignment, ParsedMigration, Problem, Span } from '../engine/index';

const VARIABLES = ['revision', 'down_revision', 'depends_on', 'branch_labels'] as const;

export type SpanMove = (span: Span) => Span | null;

/**
 * old span -> new span for every anchor, or null when the two parses do not line up anchor for
 * anchor (a variable appeared, changed kind, or two anchors shared a place): then re-run the rules.
 */
export function anchorMoves(old: ParsedMigration, neu: ParsedMigration): SpanMove | null {
  const from = anchors(old);
  const to = anchors(neu);
  if (from.shape !== to.shape || from.spans.length !== to.spans.length) return null;
  const moves = new Map<string, Span>();
  for (let i = 0; i < from.spans.length; i++) {
    const key = keyOf(from.spans[i]);
    const known = moves.get(key);
    if (known && keyOf(known) !== keyOf(to.spans[i])) return null;
    moves.set(key, to.spans[i]);
  }
  return (span) => (isFileStart(span) ? span : (moves.get(keyOf(span)) ?? null));
}

/** The problem with its places in `path` moved, or null when one of them is not an anchor. */
export function moveProblem(problem: Problem, path: string, move: SpanMove): Problem | null {
  let span = problem.span;
  if (problem.file === path) {
    const moved = move(span);
    if (moved === null) return null;
    span = moved;
  }
  let related = problem.related;
  if (related?.some((r) => r.file === path)) {
    const out = [];
    for (const r of related) {
      const moved = r.file === path ? move(r.span) : r.span;
      if (moved === null) return null;
      out.push(moved === r.span ? r : { ...r, span: moved });
    }
    related = out;
  }
  if (span === problem.span && related === problem.related) return problem;
  return related ? { ...problem, span, related } : { ...problem, span };
}

/** Every anchor in a fixed order, and a shape that tells whether two parses have the same anchors. */
function anchors(parsed: ParsedMigration): { shape: string; spans: Span[] } {
  let shape = '';
  const spans: Span[] = [];
  for (const name of VARIABLES) {
    const a: Assignment | undefined = parsed[name];
    if (!a) {
      shape += '-';
      continue;
    }
    const items = a.value.kind === 'str' ? [a.value.lit] : a.value.kind === 'seq' ? a.value.items : [];
    shape += `${a.value.kind}${items.length};`;
    spans.push(a.value.span);
    for (const lit of items) spans.push(lit.span);
  }
  return { shape, spans };
}

function keyOf(s: Span): string {
  return `${s.start.line}:${s.start.character}-${s.end.line}:${s.end.character}`;
}

function isFileStart(s: Span): boolean {
  return s.start.line === 0 && s.start.character === 0 && s.end.line === 0 && s.end.character === 0;
}
