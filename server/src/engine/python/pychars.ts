// Python's identifier rule for non-ASCII names (PEP 3131): the NFKC form must be XID_Start XID_Continue*.
// Only called on the rare names that contain non-ASCII characters.
const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

export function isIdentifierText(name: string): boolean {
  return IDENTIFIER.test(name.normalize('NFKC'));
}
