// Bounded edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours)
// and a bigram index that finds the few strings worth measuring, so a did-you-mean over 50k revision
// ids costs a handful of comparisons instead of 50k.

/** The OSA distance between a and b, or `max + 1` as soon as it is known to exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** How many edits still count as a typo for a string of this length (more would suggest unrelated ids). */
export function typoBudget(length: number): number {
  return length <= 4 ? 1 : 2;
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

/**
 * Strings within a small edit distance of a query. A string within distance k of the query shares
 * at least (bigrams(query) - 2k) of its bigrams (a swap breaks at most 3, counted as 1 edit, so
 * the bound uses 3k to stay safe); only those are measured.
 */
export class NearMissIndex {
  private readonly postings = new Map<string, number[]>();

  constructor(private readonly words: readonly string[]) {
    words.forEach((w, i) => {
      for (const g of new Set(bigrams(w))) {
        const list = this.postings.get(g);
        if (list) list.push(i);
        else this.postings.set(g, [i]);
      }
    });
  }

  /** Words within the typo budget of `query`, closest first, ties in index order. */
  find(query: string, limit = 5): string[] {
    const max = typoBudget(query.length);
    const grams = [...new Set(bigrams(query))];
    const needed = grams.length - 3 * max;
    const scored: { word: string; d: number; i: number }[] = [];
    const consider = (i: number) => {
      const word = this.words[i];
      if (word === query) return;
      const d = boundedDistance(query, word, max);
      if (d <= max) scored.push({ word, d, i });
    };
    if (needed <= 0) {
      // Too short for the filter to prune anything: the length check inside boundedDistance is the filter.
      for (let i = 0; i < this.words.length; i++) consider(i);
    } else {
      const shared = new Map<number, number>();
      for (const g of grams) for (const i of this.postings.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      for (const [i, n] of shared) if (n >= needed) consider(i);
    }
    scored.sort((x, y) => x.d - y.d || x.i - y.i);
    return scored.slice(0, limit).map((s) => s.word);
  }
}
