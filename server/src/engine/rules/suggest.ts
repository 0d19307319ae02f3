// Did-you-mean for a down_revision or depends_on entry that names nothing. The usual causes, in the
// order they are tried: a wrong-case id, a shortened id, a file name or slug pasted instead of the
// id, a branch label where an id is needed, a typo; failing all that, the current heads (the usual
// parent of a new revision). Build the index once per project: every lookup is cheap at 50k revisions.
import type { RevisionMap } from '../types';
import { NearMissIndex } from './suggest-distance';
import { compareCodePoints } from '../py-order';

export type SuggestionKind =
  | 'case' // the id with different letter case
  | 'partial-id' // a unique prefix of an id
  | 'ambiguous-prefix' // a prefix of several ids
  | 'file-name' // the stem of a migration file
  | 'slug' // the message part of a file name
  | 'label' // a branch label (down_revision needs an id)
  | 'near-miss' // a few characters off
  | 'heads' // nothing close: the current heads
  | 'none';

export interface Suggestion {
  kind: SuggestionKind;
  /** Full revision ids (or labels, for depends_on), best first. */
  candidates: string[];
}

export interface SuggestOptions {
  /** The revision whose link is broken: never suggested, nor its descendants (that would loop). */
  from?: string;
  /** depends_on accepts exact branch labels, so they are candidates too. */
  allowLabels?: boolean;
}

const MAX_CANDIDATES = 5;

export class SuggestIndex {
  private readonly sortedIds: string[];
  private readonly byLowerId = new Map<string, string[]>();
  private readonly byStem = new Map<string, string[]>();
  private readonly bySlug = new Map<string, string[]>();
  private nearIds: NearMissIndex | null = null;
  private nearLabels: NearMissIndex | null = null;

  constructor(private readonly map: RevisionMap) {
    this.sortedIds = map.nodes.map((n) => n.id).sort(compareCodePoints);
    for (const node of map.nodes) {
      push(this.byLowerId, node.id.toLowerCase(), node.id);
      const base = node.relPath.slice(node.relPath.lastIndexOf('/') + 1);
      const stem = base.replace(/\.py$/, '').toLowerCase();
      push(this.byStem, stem, node.id);
      const slug = slugOf(stem, node.id.toLowerCase());
      if (slug) push(this.bySlug, slug, node.id);
    }
  }

  suggest(broken: string, options: SuggestOptions = {}): Suggestion {
    const keep = (ids: string[]) => ids.filter((id) => id !== options.from);
    const lower = broken.toLowerCase();

    const labels = options.allowLabels ? [...this.map.labelOwner.keys()] : [];
    const sameCase = keep([...(this.byLowerId.get(lower) ?? []), ...labels.filter((l) => l.toLowerCase() === lower)]);
    if (sameCase.length > 0) return { kind: 'case', candidates: sameCase.slice(0, MAX_CANDIDATES) };

    // A label is an exact name, so it beats reading the same text as a shortened id.
    if (!options.allowLabels && this.map.labelOwner.has(broken)) {
      return { kind: 'label', candidates: keep(this.labelTargets(broken)).slice(0, MAX_CANDIDATES) };
    }

    const prefixed = keep([...this.idsStartingWith(broken), ...labels.filter((l) => l !== broken && broken !== '' && l.startsWith(broken))]);
    if (prefixed.length === 1) return { kind: 'partial-id', candidates: prefixed };
    if (prefixed.length > 1) return { kind: 'ambiguous-prefix', candidates: prefixed.slice(0, MAX_CANDIDATES) };

    const fileKey = lower.slice(lower.lastIndexOf('/') + 1).replace(/\.py$/, '');
    const byFile = keep(this.byStem.get(fileKey) ?? []);
    if (byFile.length > 0) return { kind: 'file-name', candidates: byFile.slice(0, MAX_CANDIDATES) };
    const bySlug = keep(this.bySlug.get(fileKey) ?? []);
    if (bySlug.length > 0) return { kind: 'slug', candidates: bySlug.slice(0, MAX_CANDIDATES) };

    this.nearIds ??= new NearMissIndex(this.map.nodes.map((n) => n.id));
    const near = keep(this.nearIds.find(broken, MAX_CANDIDATES + 1));
    if (options.allowLabels) {
      this.nearLabels ??= new NearMissIndex(labels);
      near.push(...this.nearLabels.find(broken, MAX_CANDIDATES));
    }
    if (near.length > 0) return { kind: 'near-miss', candidates: near.slice(0, MAX_CANDIDATES) };

    const heads = this.headsNotAbove(options.from);
    return heads.length > 0 ? { kind: 'heads', candidates: heads.slice(0, MAX_CANDIDATES) } : { kind: 'none', candidates: [] };
  }

  /** Ids starting with `prefix` (binary search over the sorted ids), in load order. */
  private idsStartingWith(prefix: string): string[] {
    if (prefix === '') return [];
    let lo = 0;
    let hi = this.sortedIds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareCodePoints(this.sortedIds[mid], prefix) < 0) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sortedIds.length && this.sortedIds[i].startsWith(prefix); i++) {
      if (this.sortedIds[i] !== prefix) out.push(this.sortedIds[i]);
    }
    return out.sort((a, b) => (this.map.byId.get(a)?.loadIndex ?? 0) - (this.map.byId.get(b)?.loadIndex ?? 0));
  }

  /** For a label used as a parent: the heads of that branch first, then the revision declaring it. */
  private labelTargets(label: string): string[] {
    const heads = this.map.heads.filter((h) => this.map.byId.get(h)?.labels.includes(label));
    const owner = this.map.labelOwner.get(label);
    return unique([...heads, ...(owner ? [owner] : [])]);
  }

  private headsNotAbove(from: string | undefined): string[] {
    if (from === undefined || !this.map.byId.has(from)) return [...this.map.heads];
    const above = new Set<string>([from]);
    const todo = [from];
    while (todo.length > 0) {
      for (const child of this.map.byId.get(todo.pop()!)?.allChildren ?? []) {
        if (!above.has(child)) {
          above.add(child);
          todo.push(child);
        }
      }
    }
    return this.map.heads.filter((h) => !above.has(h));
  }
}

/** The slug part of a file stem: what follows the id (`<rev>_<slug>`, or a template with a date first). */
function slugOf(stem: string, id: string): string | null {
  const at = stem.indexOf(id);
  if (at < 0 || id === '') return null;
  const rest = stem.slice(at + id.length).replace(/^_+/, '');
  return rest === '' ? null : rest;
}

function push(m: Map<string, string[]>, key: string, value: string): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
