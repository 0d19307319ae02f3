// VS Code runs grammar regexes with Oniguruma; our tests run them as JavaScript RegExps. The two
// agree on the plain subset, so each regex must (1) compile in JavaScript and (2) avoid the
// constructs where they part ways: Oniguruma-only syntax (\h, \G, \A, \z, \Z, \K, \R, \X, \x{..},
// inline flags like (?i) or (?x), atomic groups, comments, possessive quantifiers), POSIX
// brackets and nested or intersected sets (JavaScript reads `[[:alpha:]]` as a different class
// without complaint), \p{..} (needs JavaScript's u flag), and lookbehinds of variable length
// (JavaScript accepts them, Oniguruma rejects the grammar). A construct a grammar really needs
// goes in ALLOWED_ONIG_ONLY with the reason, and the tests then skip only that regex.

export interface AllowedConstruct {
  file: string;
  regex: string;
  why: string;
}

/** Oniguruma-only regexes the grammars are allowed to use. None so far. */
export const ALLOWED_ONIG_ONLY: AllowedConstruct[] = [];

/** Problems with one regex source, empty when it is safe for both engines. */
export function auditRegex(source: string): string[] {
  const problems: string[] = [];
  try {
    new RegExp(source, 'd');
  } catch (e) {
    problems.push(`does not compile as a JavaScript RegExp: ${(e as Error).message}`);
  }
  let inClass = false;
  const lookbehinds: number[] = [];
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[hHGAzZKRXpP]/.test(next)) problems.push(`\\${next} at ${i} is Oniguruma-only or means something else in JavaScript`);
      if (next === 'x' && source[i + 2] === '{') problems.push(`\\x{..} at ${i} is Oniguruma-only`);
      i++;
      continue;
    }
    if (inClass) {
      if (c === '[') problems.push(`unescaped "[" inside a character class at ${i} (a nested set or POSIX bracket in Oniguruma)`);
      if (c === '&' && source[i + 1] === '&') problems.push(`"&&" inside a character class at ${i} (set intersection in Oniguruma)`);
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (source[i + 1] === '^') i++;
      if (source[i + 1] === ']') problems.push(`"]" first in a character class at ${i}: a literal in Oniguruma, an empty class in JavaScript`);
      continue;
    }
    if (c === '(') {
      depth++;
      const head = source.slice(i, i + 4);
      if (head.startsWith('(?<=') || head.startsWith('(?<!')) {
        lookbehinds.push(depth);
        i += 3;
      } else if (/^\(\?[:=!]/.test(head)) i += 2;
      else if (head.startsWith('(?>')) problems.push(`atomic group at ${i} is Oniguruma-only`);
      else if (head.startsWith('(?#')) problems.push(`comment group at ${i} is Oniguruma-only`);
      else if (/^\(\?[imxsWDSPya-]+[):]/.test(source.slice(i, i + 12))) problems.push(`inline flags at ${i} are Oniguruma-only`);
      continue;
    }
    if (c === ')') {
      if (lookbehinds[lookbehinds.length - 1] === depth) lookbehinds.pop();
      depth--;
      continue;
    }
    if (/[*+?}]/.test(c) && source[i + 1] === '+') problems.push(`possessive quantifier at ${i} is Oniguruma-only`);
    if (lookbehinds.length > 0 && (/[*+?]/.test(c) || (c === '{' && /^\{\d*,/.test(source.slice(i))))) {
      problems.push(`variable-length lookbehind at ${i}: Oniguruma rejects it`);
    }
  }
  return problems;
}
