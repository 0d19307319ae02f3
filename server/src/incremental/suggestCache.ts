// The did-you-mean index (SuggestIndex) kept across graph rebuilds. Building it sorts and indexes
// every id and file name (and, on first need, every id's bigrams): at 10k revisions that costs more
// than the rules that use it, and an edit to one down_revision leaves all of that unchanged.
//
// The index reads two kinds of things from the map: at construction (and once, lazily, for the
// near-miss lookups) the ids and file names in node order and the label names; at each lookup the
// live facts (heads, children, load order, label owners). It is therefore built on a view that always
// shows the current map, and built again only when the first kind changes.
import type { RevisionMap } from '../engine/index';
import { SuggestIndex } from '../engine/rules/suggest';

/** A RevisionMap that shows whichever map is current. */
class CurrentMap implements RevisionMap {
  constructor(public map: RevisionMap) {}
  get nodes() { return this.map.nodes; } // prettier-ignore
  get byId() { return this.map.byId; } // prettier-ignore
  get labelOwner() { return this.map.labelOwner; } // prettier-ignore
  get heads() { return this.map.heads; } // prettier-ignore
  get realHeads() { return this.map.realHeads; } // prettier-ignore
  get bases() { return this.map.bases; } // prettier-ignore
  get realBases() { return this.map.realBases; } // prettier-ignore
  get branchPoints() { return this.map.branchPoints; } // prettier-ignore
  get mergePoints() { return this.map.mergePoints; } // prettier-ignore
  get history() { return this.map.history; } // prettier-ignore
  get issues() { return this.map.issues; } // prettier-ignore
}

export class SuggestCache {
  private view: CurrentMap | null = null;
  private index: SuggestIndex | null = null;
  /** What the index was built from: the counts, ids and file names in node order, the label names. */
  private built: string[] = [];

  /** The suggestions for `map`, built on first use; the previous index is kept when it still fits. */
  forMap(map: RevisionMap): () => SuggestIndex {
    if (this.view === null) this.view = new CurrentMap(map);
    this.view.map = map;
    if (this.index !== null && !this.fits(map)) this.index = null;
    return () => {
      if (this.index === null) {
        this.built = staticFacts(this.view!.map);
        this.index = new SuggestIndex(this.view!);
      }
      return this.index;
    };
  }

  private fits(map: RevisionMap): boolean {
    const built = this.built;
    if (built[0] !== String(map.nodes.length) || built[1] !== String(map.labelOwner.size)) return false;
    let i = 2;
    for (const node of map.nodes) {
      if (built[i++] !== node.id || built[i++] !== node.relPath) return false;
    }
    for (const label of map.labelOwner.keys()) if (built[i++] !== label) return false;
    return i === built.length;
  }
}

function staticFacts(map: RevisionMap): string[] {
  const out: string[] = [String(map.nodes.length), String(map.labelOwner.size)];
  for (const node of map.nodes) out.push(node.id, node.relPath);
  for (const label of map.labelOwner.keys()) out.push(label);
  return out;
}
