// V8 keeps a slice of 13 or more characters as a view into the string it was cut from, so a revision
// id or a docstring kept from a parsed file would keep that file's whole text alive (for an index of
// 50k files, most of its memory). Strings the parser hands out are copied loose from the text here.

/** The same string, not sharing storage with a larger one (flattening the concatenation copies it). */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
