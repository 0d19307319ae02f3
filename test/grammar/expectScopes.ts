// Assertions on tokenized text: "this piece of this line carries this scope".
import assert from 'node:assert/strict';
import { scopeMatches } from './scopeSelector';
import type { TokenizedLine } from './textmate';

/** The scopes of each character of `piece` (the n-th occurrence, or the one at column `at`). */
export function scopesOf(line: TokenizedLine, piece: string, occurrence = 0, at = -1): string[][] {
  if (at < 0) {
    for (let n = 0; n <= occurrence; n++) {
      at = line.line.indexOf(piece, at + 1);
      assert.ok(at >= 0, `"${piece}" (occurrence ${occurrence}) is not in the line: ${line.line}`);
    }
  } else {
    assert.equal(line.line.slice(at, at + piece.length), piece, `"${piece}" is not at column ${at}`);
  }
  const out: string[][] = [];
  for (let i = at; i < at + piece.length; i++) {
    const token = line.tokens.find((t) => t.start <= i && i < t.end);
    out.push(token ? token.scopes : []);
  }
  return out;
}

const has = (scopes: string[], scope: string): boolean => scopes.some((s) => scopeMatches(s, scope));

/** Every character of `piece` carries `scope` (or a more specific scope under it). */
export function expectScope(line: TokenizedLine, piece: string, scope: string, occurrence = 0): void {
  const chars = scopesOf(line, piece, occurrence);
  const bad = chars.findIndex((s) => !has(s, scope));
  assert.ok(bad < 0, `"${piece}" in ${JSON.stringify(line.line)}: character ${bad} lacks ${scope}; it has ${JSON.stringify(chars[bad])}`);
}

/** Like expectScope, for the occurrence of `piece` at column `at`. */
export function expectScopeAt(line: TokenizedLine, at: number, piece: string, scope: string): void {
  const chars = scopesOf(line, piece, 0, at);
  const bad = chars.findIndex((s) => !has(s, scope));
  assert.ok(bad < 0, `"${piece}" at ${at} in ${JSON.stringify(line.line)}: character ${bad} lacks ${scope}; it has ${JSON.stringify(chars[bad])}`);
}

/** No character of `piece` carries `scope`. */
export function expectNoScope(line: TokenizedLine, piece: string, scope: string, occurrence = 0): void {
  const chars = scopesOf(line, piece, occurrence);
  const bad = chars.findIndex((s) => has(s, scope));
  assert.ok(bad < 0, `"${piece}" in ${JSON.stringify(line.line)}: character ${bad} should not have ${scope}; it has ${JSON.stringify(chars[bad])}`);
}

/** The one line equal to `text` (or the first starting with it when `prefix` is set). */
export function lineOf(lines: TokenizedLine[], text: string, prefix = false): TokenizedLine {
  const found = lines.find((l) => (prefix ? l.line.startsWith(text) : l.line === text));
  assert.ok(found, `no line ${prefix ? 'starting with' : 'equal to'} ${JSON.stringify(text)} in:\n${lines.map((l) => l.line).join('\n')}`);
  return found;
}

/** Whether any token of the line carries `scope`. */
export function lineHas(line: TokenizedLine, scope: string): boolean {
  return line.tokens.some((t) => has(t.scopes, scope));
}
