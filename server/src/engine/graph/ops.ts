// Alembic's RevisionMap lookup methods over a MapIndex, kept in the same shape as the Python
// (_resolve_revision_number, get_revisions, get_revision, _revision_for_ident, _resolve_branch,
// filter_for_lineage, _shares_lineage, get_current_head, _walk, _get_all_current) so that errors come out
// in the same order with the same text. Revisions are node numbers; BASE is Alembic's pseudo-revision
// "base" and null is Python's None. Errors are thrown as RevError and caught by the public entry points.
import { indexOf, reach, type MapIndex } from './mapindex';
import type { RevisionMap } from '../types';
import { assertionError, multipleHeads, resolutionError, revisionError, RevError } from './reverr';
import { cpLength, pyInt } from '../pystr';
import { generations } from './normalize';

export const BASE = -1;
/** A node number, BASE, or null (None). */
export type RevRef = number | null;

export function isRevision(r: RevRef): number {
  if (r === null || r === BASE) throw assertionError();
  return r;
}

const MEMO_LIMIT = 256;

export class RevOps {
  readonly ix: MapIndex;
  /** Python warnings emitted on the way. */
  readonly warnings: string[] = [];

  constructor(map: RevisionMap) {
    this.ix = indexOf(map);
  }

  id(r: number): string {
    return this.ix.ids[r];
  }

  private memoReach(key: string, compute: () => Uint8Array): Uint8Array {
    const memo = this.ix.memo;
    let v = memo.get(key);
    if (!v) {
      if (memo.size > MEMO_LIMIT) memo.clear();
      v = compute();
      memo.set(key, v);
    }
    return v;
  }

  /** Ancestors including r: versioned, or with dependencies (N edges; the same set as all edges). */
  ancestors(r: number, deps: boolean): Uint8Array {
    return this.memoReach(`a${deps ? 'd' : 'v'}${r}`, () => reach(this.ix, [r], deps ? this.ix.ndown : this.ix.parents));
  }

  private generation: Float64Array | null = null;

  /**
   * Which of `targets` are ancestors (with dependencies, or equal) of one of `from`. Row bookkeeping asks
   * this at every step about nearby revisions, so first try a walk down from `from` that stops below the
   * lowest target's generation; only a long walk falls back to the memoised full ancestor set.
   */
  ancestorsAmong(targets: readonly number[], from: readonly number[]): Set<number> {
    const found = new Set<number>();
    if (targets.length === 0 || from.length === 0) return found;
    this.generation ??= generations(this.ix.ndown, this.ix.nchildren);
    const gen = this.generation;
    const wanted = new Set(targets);
    let floor = Infinity;
    for (const t of targets) floor = Math.min(floor, gen[t]);
    const seen = new Set<number>();
    const stack = [...from];
    while (stack.length) {
      const x = stack.pop()!;
      if (seen.has(x)) continue;
      if (seen.size > 4096) {
        const all = this.ancestorsOfSet(from);
        for (const t of targets) if (all[t]) found.add(t);
        return found;
      }
      seen.add(x);
      if (wanted.has(x)) found.add(x);
      if (gen[x] < floor) continue;
      for (const p of this.ix.ndown[x]) if (!seen.has(p)) stack.push(p);
    }
    return found;
  }

  /** Ancestors with dependencies of a set of revisions (including them), memoised per set. */
  ancestorsOfSet(rs: readonly number[]): Uint8Array {
    if (rs.length === 1) return this.ancestors(rs[0], true);
    const key = [...new Set(rs)].sort((a, b) => a - b).join(',');
    return this.memoReach(`s${key}`, () => reach(this.ix, rs, this.ix.ndown));
  }

  descendants(r: number, deps: boolean): Uint8Array {
    return this.memoReach(`d${deps ? 'd' : 'v'}${r}`, () =>
      reach(this.ix, [r], deps ? this.ix.allChildren : this.ix.children),
    );
  }

  /** _resolve_revision_number: symbols and `label@` splitting. */
  resolveRevisionNumber(id: string | null): { ids: string[]; label: string | null } {
    let label: string | null = null;
    if (id !== null && id.includes('@')) {
      const at = id.indexOf('@');
      label = id.slice(0, at);
      id = id.slice(at + 1);
    }
    if (id === 'heads') {
      if (label) return { ids: this.filterForLineage(this.ix.map.heads, label), label };
      return { ids: [...this.ix.map.realHeads], label };
    }
    if (id === 'head') {
      const head = this.getCurrentHead(label);
      return { ids: head === null ? [] : [head], label };
    }
    if (id === 'base' || id === null) return { ids: [], label };
    return { ids: [id], label };
  }

  getCurrentHead(label: string | null): string | null {
    let heads: string[] = [...this.ix.map.heads];
    if (label) heads = this.filterForLineage(heads, label);
    if (heads.length > 1) throw multipleHeads(heads, label ? `${label}@head` : 'head');
    return heads.length ? heads[0] : null;
  }

  /** get_revisions: one identifier (or a tuple of them) to revisions; handles `-N` from each real head. */
  getRevisions(id: string | null | readonly (string | null)[]): RevRef[] {
    if (Array.isArray(id)) return id.flatMap((x: string | null) => this.getRevisions(x));
    const { ids, label } = this.resolveRevisionNumber(id as string | null);
    if (ids.length === 1) {
      const rint = pyInt(ids[0]);
      if (rint !== null && rint < 0) {
        let heads = this.getRevisions('heads').map(isRevision);
        if (label !== null) heads = heads.filter((h) => this.ix.labels[h].has(label));
        return heads.map((h) => this.walk(h, rint));
      }
    }
    return ids.map((x) => this.revisionForIdent(x, label));
  }

  /** get_revision: a single revision; several raise MultipleHeads. No `-N` handling. */
  getRevision(id: string | null): RevRef {
    const { ids, label } = this.resolveRevisionNumber(id);
    if (ids.length > 1) throw multipleHeads(ids, id);
    return this.revisionForIdent(ids.length ? ids[0] : null, label);
  }

  /** _resolve_branch: a branch part is any key, else a (partial) revision id. */
  resolveBranch(label: string): number {
    const hit = this.ix.keyTarget.get(label);
    if (hit !== undefined) return hit;
    try {
      return isRevision(this.revisionForIdent(label));
    } catch (e) {
      if (e instanceof RevError && e.kind === 'resolution') {
        throw resolutionError(`No such branch: '${label}'`, label);
      }
      throw e;
    }
  }

  /** _revision_for_ident: exact key, else unique prefix (>3-character keys), then the branch check. */
  revisionForIdent(resolvedId: string | null, checkBranch: string | null = null): RevRef {
    const branchRev = checkBranch ? this.resolveBranch(checkBranch) : null;
    if (resolvedId === null) return null;
    let rev = this.ix.keyTarget.get(resolvedId);
    if (rev === undefined) {
      if (resolvedId === '') throw assertionError();
      let revs = this.ix.keys.filter((k) => k.length > 3 && k.startsWith(resolvedId) && cpLength(k) > 3);
      if (branchRev !== null) revs = this.filterForLineage(revs, checkBranch);
      if (revs.length === 0) {
        const hint =
          cpLength(resolvedId) < 4
            ? '; please ensure at least four characters are present for partial revision identifier matches'
            : '';
        throw resolutionError(`No such revision or branch '${resolvedId}'${hint}`, resolvedId);
      }
      if (revs.length > 1) {
        const shown = revs.slice(0, 3).map((r) => `'${r}'`).join(', ');
        throw resolutionError(`Multiple revisions start with '${resolvedId}': ${shown}...`, resolvedId);
      }
      rev = this.ix.keyTarget.get(revs[0])!;
    }
    if (checkBranch && branchRev !== null && !this.sharesLineage(rev, [branchRev], false)) {
      throw resolutionError(`Revision ${this.id(rev)} is not a member of branch '${checkBranch}'`, resolvedId);
    }
    return rev;
  }

  /** filter_for_lineage: keep the targets sharing lineage with `checkAgainst` (an identifier). */
  filterForLineage<T extends number | string>(targets: readonly T[], checkAgainst: string | null, deps = false): T[] {
    const { ids, label } = this.resolveRevisionNumber(checkAgainst);
    const shares: (number | string)[] = [];
    if (label) shares.push(label);
    shares.push(...ids);
    return targets.filter((t) => this.sharesLineage(t, shares, deps));
  }

  /** _shares_lineage: is one of `against` an ancestor or descendant of (or equal to) `target`? */
  sharesLineage(target: number | string, against: readonly (number | string)[], deps: boolean): boolean {
    if (against.length === 0) return true;
    const t = typeof target === 'number' ? target : this.revisionForIdent(target);
    if (t === null) throw assertionError(); // not_none()
    // Python resolves every one first, so an unknown one fails even when an earlier one matches.
    const resolved = against.map((a) => (typeof a === 'number' ? a : this.revisionForIdent(a)));
    for (const r of resolved) {
      if (r === null || r === BASE) continue;
      if (this.ix.asymmetric) {
        if (this.ancestors(t, deps)[r] || this.descendants(t, deps)[r]) return true;
      } else if (this.ancestors(r, deps)[t] || this.descendants(r, deps)[t]) {
        // Lineage is symmetric here, so look t up in r's (memoised) sets: one walk serves every target.
        return true;
      }
    }
    return false;
  }

  /** _walk: N steps up (children; from None: all bases) or down (parents; past a base: BASE). */
  walk(start: string | RevRef, steps: number, label: string | null = null, noOverwalk = true): RevRef {
    let initial: RevRef = typeof start === 'string' ? this.getRevision(start) : start;
    const count = Math.abs(steps);
    for (let i = 0; i < count; i++) {
      let next: RevRef[];
      if (steps > 0) {
        if (initial === BASE) throw assertionError();
        const up = initial === null ? this.ix.bases : this.ix.children[initial];
        next = label ? this.filterForLineage(up, label) : up;
      } else if (initial === BASE) {
        next = [];
      } else {
        next = initial === null ? this.ix.heads : this.ix.parents[initial];
        if (next.length === 0) next = [BASE];
      }
      if (next.length === 0) return noOverwalk ? null : initial;
      if (next.length > 1) throw revisionError('Ambiguous walk');
      initial = next[0];
    }
    return initial;
  }

  /** _get_all_current: rows plus their ancestors, reduced to those with no versioned descendant in the set. */
  getAllCurrent(rows: readonly string[]): number[] {
    const top = new Set(this.getRevisions(rows).map(isRevision));
    const all = reach(this.ix, top, this.ix.ndown);
    // The set is closed under ancestry, so "a versioned descendant in the set" means "a child in the set".
    const out: number[] = [];
    for (let i = 0; i < this.ix.n; i++) {
      if (all[i] && !this.ix.children[i].some((c) => all[c])) out.push(i);
    }
    return out;
  }
}

export function opsFor(map: RevisionMap): RevOps {
  return new RevOps(map);
}
