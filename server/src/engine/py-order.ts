// Python orders strings by code point; JS's default sort and `<` compare UTF-16 units, which differ
// once characters outside the BMP meet ones in U+E000..U+FFFF. Alembic sorts (file names, cycle
// members, illegal characters) with Python's rule, so we do too.

/** Python's `a < b` as a comparator. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (the halves of characters above U+FFFF) rank above every other UTF-16 unit. */
function codePointRank(unit: number): number {
  return unit >= 0xd800 && unit < 0xe000 ? unit + 0x10000 : unit;
}

/** A sorted copy, Python order. */
export function sortedPython(items: Iterable<string>): string[] {
  return [...items].sort(compareCodePoints);
}
