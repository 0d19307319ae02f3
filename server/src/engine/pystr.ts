// Python string semantics that differ from JavaScript's: code-point length and code-point ordering.

/** Python's len(): code points, not UTF-16 units. */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Python's `a < b` for str (code-point order; JS compares UTF-16 units, which differs above U+FFFF). */
export function comparePy(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** Python's sorted() over str. */
export function sortedPy(xs: Iterable<string>): string[] {
  return [...xs].sort(comparePy);
}

/** Python's int(s) for a str, or null when int() would raise ValueError. ASCII digits only. */
export function pyInt(s: string): number | null {
  const m = /^[\s]*([+-]?)([0-9]+(?:_[0-9]+)*)[\s]*$/.exec(s);
  if (!m) return null;
  const v = Number(m[2].replace(/_/g, ''));
  return m[1] === '-' ? -v : v;
}
