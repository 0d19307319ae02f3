// Python's identifier rule for non-ASCII names (PEP 3131): the NFKC form must be XID_Start XID_Continue*.
// Only called on the rare names that contain non-ASCII characters.
const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

export function isIdentifierText(name: string): boolean {
  return IDENTIFIER.test(name.normalize('NFKC'));
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
