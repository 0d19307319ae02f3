// How each step changes the alembic_version rows (HeadMaintainer.update_to_step with RevisionStep /
// StampStep; semantics doc §4.4). Follows the newest Alembic: since 1.13.1 a downgrade from a single row
// drops a parent that is an ancestor of another parent (1.8.1 keeps it: see test/engine/plan.test.ts).
// Python failures inside (set.remove, asserts) surface as pythonError outcomes.
import { isRevision, type RevOps } from '../graph/ops';
import { assertionError, keyError, pythonError } from '../graph/reverr';

export type Step =
  | { kind: 'upgrade' | 'downgrade'; rev: number }
  | { kind: 'stamp'; from: string[]; to: string[]; isUpgrade: boolean; branchMove: boolean };

const last = <T>(xs: readonly T[]): T => {
  if (xs.length === 0) throw pythonError('IndexError: list index out of range');
  return xs[xs.length - 1];
};

export class HeadMaintainer {
  readonly heads: Set<string>;

  constructor(
    private readonly ops: RevOps,
    rows: readonly string[],
  ) {
    this.heads = new Set(rows);
  }

  private insert(v: string): void {
    if (this.heads.has(v)) throw assertionError();
    this.heads.add(v);
  }

  private remove(v: string): void {
    if (!this.heads.delete(v)) throw keyError(v);
  }

  private update(from: string, to: string): void {
    if (this.heads.has(to)) throw assertionError();
    this.remove(from);
    this.heads.add(to);
  }

  /** Node numbers of some rows (ids written by earlier steps, or rows already validated). */
  private nums(rows: readonly string[]): number[] {
    return rows.map((row) => this.ops.ix.pos.get(row) ?? isRevision(this.ops.getRevisions(row)[0] ?? null));
  }

  /** `down` minus every member that is an ancestor (with dependencies) of one of `rows`. */
  private notBelow(down: readonly string[], rows: readonly string[]): string[] {
    const downNums = this.nums(down);
    const below = this.ops.ancestorsAmong(downNums, this.nums(rows));
    return down.filter((_, i) => !below.has(downNums[i]));
  }

  /** RevisionStep._unmerge_to_revisions (newest Alembic). */
  private unmergeTargets(rev: string, down: readonly string[]): string[] {
    const others = [...this.heads].filter((h) => h !== rev);
    if (others.length) return this.notBelow(down, others);
    // main: drop a parent that is a strict ancestor of another parent (1.8.1 keeps them all)
    if (down.length < 2) return [...down];
    return down.filter((d) => this.notBelow([d], down.filter((t) => t !== d)).length === 1);
  }

  /** update_version_num's choice of the single down revision. */
  private singleDown(down: readonly string[]): string {
    if (down.length === 1) return down[0];
    const present = down.filter((d) => this.heads.has(d));
    if (present.length !== 1) throw pythonError("AssertionError: Can't do an UPDATE because downrevision is ambiguous");
    return present[0];
  }

  apply(step: Step): void {
    if (step.kind === 'stamp') return this.applyStamp(step);
    const rev = this.ops.id(step.rev);
    const down = this.ops.ix.ndown[step.rev].map((d) => this.ops.id(d));
    if (step.kind === 'upgrade') {
      const present = down.filter((d) => this.heads.has(d));
      if (down.length === 0 || present.length === 0) {
        this.insert(rev);
      } else if (down.length > 1 && present.length > 1) {
        const others = [...this.heads].filter((h) => !down.includes(h));
        const from = others.length ? this.notBelow(down, others) : down;
        for (const d of from.slice(0, -1)) this.remove(d);
        this.update(last(from), rev);
      } else {
        this.update(this.singleDown(down), rev);
      }
      return;
    }
    const isRow = this.heads.has(rev);
    if (isRow && (down.length === 0 || this.unmergeTargets(rev, down).length === 0)) {
      this.remove(rev);
    } else if (isRow && down.length > 1) {
      const to = this.unmergeTargets(rev, down);
      for (const t of to.slice(0, -1)) this.insert(t);
      this.update(rev, last(to));
    } else {
      this.update(rev, this.singleDown(down));
    }
  }

  private applyStamp(s: Extract<Step, { kind: 'stamp' }>): void {
    if (!s.isUpgrade && s.branchMove) {
      if (s.from.length !== 1) throw assertionError();
      this.remove(s.from[0]);
    } else if (
      s.isUpgrade &&
      (s.branchMove || s.from.some((f) => !this.heads.has(f))) &&
      s.to.some((t) => !this.heads.has(t))
    ) {
      if (s.to.length !== 1) throw assertionError();
      this.insert(s.to[0]);
    } else if (s.from.length > 1) {
      for (const f of s.from.slice(0, -1)) this.remove(f);
      if (s.to.length === 0) throw pythonError('IndexError: tuple index out of range');
      this.update(last(s.from), s.to[0]);
    } else if (s.to.length > 1) {
      for (const t of s.to.slice(0, -1)) this.insert(t);
      if (s.from.length === 0) throw pythonError('IndexError: tuple index out of range');
      this.update(s.from[0], last(s.to));
    } else {
      if (s.from.length !== 1 || s.to.length !== 1) throw assertionError();
      this.update(s.from[0], s.to[0]);
    }
  }
}
