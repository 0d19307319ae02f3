// The test interpreter itself: if it got TextMate's rules wrong, the grammar tests would prove
// nothing. Each case pins one rule of vscode-textmate's behaviour on a toy grammar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tokenizer } from './textmate';
import type { RawGrammar } from './grammarTypes';
import { expectNoScope, expectScope } from './expectScopes';

const toy: RawGrammar = {
  scopeName: 'source.toy',
  patterns: [
    { include: '#block' },
    { include: 'source.missing' },
    { name: 'keyword.a.toy', match: 'ab' },
    { name: 'keyword.b.toy', match: 'abc' },
    {
      name: 'meta.pair.toy',
      match: '(k)=(v+)',
      captures: {
        '0': { name: 'meta.whole.toy' },
        '2': { name: 'string.value.toy', patterns: [{ name: 'constant.vv.toy', match: 'vv' }] },
      },
    },
    { name: 'string.quoted.toy', begin: '"', end: '"', patterns: [{ name: 'constant.escape.toy', match: '\\\\.' }] },
  ],
  repository: {
    block: {
      name: 'meta.block.toy',
      contentName: 'meta.inside.toy',
      begin: '(\\{)',
      end: '(\\})',
      beginCaptures: { '1': { name: 'punctuation.open.toy' } },
      endCaptures: { '1': { name: 'punctuation.close.toy' } },
      patterns: [{ include: '$self' }, { name: 'invalid.brace.toy', match: '\\}' }],
    },
  },
  injections: {
    'L:string.quoted.toy': { patterns: [{ name: 'variable.injected.toy', match: '\\$\\w+' }] },
    'R:string.quoted.toy': { patterns: [{ name: 'invalid.loses-tie.toy', match: '\\\\n' }] },
  },
};

test('leftmost match wins, ties go to the earlier pattern', () => {
  const [line] = new Tokenizer(toy).tokenize('xabc');
  expectScope(line, 'ab', 'keyword.a.toy');
  expectNoScope(line, 'c', 'keyword.b.toy');
});

test('captures nest, and capture patterns tokenize the captured text', () => {
  const [line] = new Tokenizer(toy).tokenize('k=vvv');
  expectScope(line, 'k=vvv', 'meta.pair.toy');
  expectScope(line, 'k=vvv', 'meta.whole.toy');
  expectScope(line, 'vvv', 'string.value.toy');
  expectScope(line, 'vv', 'constant.vv.toy');
  expectNoScope(line, 'k', 'string.value.toy');
  const scopes = line.tokens.find((t) => t.text === 'vv')?.scopes;
  assert.deepEqual(scopes, ['source.toy', 'meta.pair.toy', 'meta.whole.toy', 'string.value.toy', 'constant.vv.toy']);
});

test('begin/end regions run across lines; contentName stays off the delimiters; end wins ties', () => {
  const lines = new Tokenizer(toy).tokenize('a { ab\n"x}" } ab');
  expectScope(lines[0], '{', 'punctuation.open.toy');
  expectNoScope(lines[0], '{', 'meta.inside.toy');
  expectScope(lines[0], 'ab', 'meta.inside.toy');
  expectScope(lines[1], '"x}"', 'string.quoted.toy');
  expectScope(lines[1], '}', 'punctuation.close.toy', 1);
  expectNoScope(lines[1], '}', 'invalid.brace.toy', 1);
  expectNoScope(lines[1], 'ab', 'meta.block.toy');
});

test('injections apply under their selector; L: wins a tie, R: loses it', () => {
  const [line] = new Tokenizer(toy).tokenize('"$x \\n" $y');
  expectScope(line, '$x', 'variable.injected.toy');
  expectScope(line, '\\n', 'constant.escape.toy');
  expectNoScope(line, '$y', 'variable.injected.toy');
});

test('an unknown grammar is skipped, a recursive include is followed once, a zero-width match rule is an error', () => {
  assert.doesNotThrow(() => new Tokenizer(toy).tokenize('plain'));
  const loop: RawGrammar = {
    scopeName: 'source.loop',
    patterns: [{ include: '#loop' }],
    repository: { loop: { patterns: [{ include: '#loop' }, { name: 'x.loop', match: 'x' }] } },
  };
  expectScope(new Tokenizer(loop).tokenize('axa')[0], 'x', 'x.loop');
  const bad: RawGrammar = { scopeName: 'source.bad', patterns: [{ name: 'x.bad', match: '(?=a)' }] };
  assert.throws(() => new Tokenizer(bad).tokenize('a'), /matched nothing/);
});
