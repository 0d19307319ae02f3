// Python string semantics that differ from JavaScript's: code-point length, whitespace, int().
// (Code-point ordering is in py-order.ts.)

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

/** Python's int(s) for a str, or null when int() would raise ValueError. ASCII digits only. */
export function pyInt(s: string): number | null {
  const m = /^[\s]*([+-]?)([0-9]+(?:_[0-9]+)*)[\s]*$/.exec(s);
  if (!m) return null;
  const v = Number(m[2].replace(/_/g, ''));
  return m[1] === '-' ? -v : v;
}

/** Python's `str.isspace()` (Unicode White_Space plus the ASCII separators \x1c-\x1f). */
export function isPythonSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Python's `str.strip()` with no argument. */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isPythonSpace(s.charCodeAt(a))) a++;
  while (b > a && isPythonSpace(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}
