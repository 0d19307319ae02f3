// Scope selectors as TextMate (and vscode-textmate) read them for grammar `injections` keys:
// `L:source.x -meta.a -meta.b, R:(string | comment)`. Enough of the syntax for our grammars:
// L:/R: priority prefixes, space = "all of" (names in order down the scope stack), `-` = not,
// parentheses with `|` or `,` = "any of", top-level `,` = separate selectors.

export type ScopeMatcher = (scopes: readonly string[]) => boolean;

export interface PrioritizedMatcher {
  /** -1 for `L:` (wins ties against the rule's own patterns), 1 for `R:`, else 0. */
  priority: -1 | 0 | 1;
  matches: ScopeMatcher;
}

/** `meta.embedded` matches `meta.embedded` and `meta.embedded.block.x`, not `meta.embeddedx`. */
export function scopeMatches(scope: string, selector: string): boolean {
  return scope === selector || scope.startsWith(`${selector}.`);
}

/** Names in order: each must match a scope deeper than the previous one's. */
function pathMatcher(names: string[]): ScopeMatcher {
  return (scopes) => {
    let from = 0;
    for (const name of names) {
      let found = -1;
      for (let i = from; i < scopes.length; i++) {
        if (scopeMatches(scopes[i], name)) {
          found = i;
          break;
        }
      }
      if (found < 0) return false;
      from = found + 1;
    }
    return true;
  };
}

const isName = (t: string | undefined): t is string => t !== undefined && /^[\w.:]/.test(t) && !/^[LR]:$/.test(t);

export function parseSelector(source: string): PrioritizedMatcher[] {
  const tokens = source.match(/[LR]:|[\w.:][\w.:-]*|[,|\-()]/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i];

  function operand(): ScopeMatcher | undefined {
    const t = peek();
    if (t === '-') {
      i++;
      const inner = operand();
      if (!inner) throw new Error(`selector "${source}": nothing after "-"`);
      return (scopes) => !inner(scopes);
    }
    if (t === '(') {
      i++;
      const inner = alternatives();
      if (peek() !== ')') throw new Error(`selector "${source}": missing ")"`);
      i++;
      return inner;
    }
    if (isName(t)) {
      const names: string[] = [];
      while (isName(peek())) names.push(tokens[i++]);
      return pathMatcher(names);
    }
    return undefined;
  }

  function conjunction(): ScopeMatcher {
    const parts: ScopeMatcher[] = [];
    for (let m = operand(); m; m = operand()) parts.push(m);
    if (parts.length === 0) throw new Error(`selector "${source}": empty term at token ${i}`);
    return (scopes) => parts.every((p) => p(scopes));
  }

  function alternatives(): ScopeMatcher {
    const parts = [conjunction()];
    while (peek() === '|' || peek() === ',') {
      i++;
      parts.push(conjunction());
    }
    return (scopes) => parts.some((p) => p(scopes));
  }

  const result: PrioritizedMatcher[] = [];
  while (i < tokens.length) {
    let priority: -1 | 0 | 1 = 0;
    if (peek() === 'L:') priority = -1;
    if (peek() === 'R:') priority = 1;
    if (priority !== 0) i++;
    result.push({ priority, matches: conjunction() });
    if (peek() !== ',') break;
    i++;
  }
  if (i < tokens.length) throw new Error(`selector "${source}": unexpected "${tokens[i]}"`);
  return result;
}
