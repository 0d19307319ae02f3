// A stand-in for VS Code's Python grammar (source.python), so the interpreter can check how the
// Mako grammar behaves around and inside Python. It reproduces only what matters for that: the
// scope names VS Code's grammar gives strings, docstrings and comments (the Mako injection keys off
// `string` / `comment` scopes being on the stack), begin/end regions for strings, comments and
// braces (so a `}` inside them does not close `${...}`), and a `\` line continuation that competes
// with Mako's newline escape. Whether the real grammar agrees is the in-editor test's job.
import type { RawGrammar } from './grammarTypes';

// Inside strings VS Code's grammar matches `%` placeholders and a `\` line continuation, which
// start where Mako's `%%` and `\` newline escape start: the injection has to win those ties.
const STRING_GUTS = [
  { name: 'constant.character.format.placeholder.other.python', match: '%[%sdr]' },
  { name: 'punctuation.separator.continuation.line.python', match: '\\\\$' },
];

export const STUB_PYTHON: RawGrammar = {
  scopeName: 'source.python',
  patterns: [
    {
      name: 'comment.line.number-sign.python',
      begin: '(#)',
      beginCaptures: { '1': { name: 'punctuation.definition.comment.python' } },
      end: '$',
    },
    {
      name: 'string.quoted.docstring.multi.python',
      begin: '^[ \\t]*(""")',
      end: '(""")',
      patterns: STRING_GUTS,
    },
    { name: 'string.quoted.multi.python', begin: '(""")', end: '(""")', patterns: STRING_GUTS },
    { name: 'string.quoted.single.python', begin: '([rRfF]?")', end: '(")|$', patterns: STRING_GUTS },
    { name: 'string.quoted.single.python', begin: "([rRfF]?')", end: "(')|$" },
    {
      begin: '\\{',
      end: '\\}',
      beginCaptures: { '0': { name: 'punctuation.definition.dict.begin.python' } },
      endCaptures: { '0': { name: 'punctuation.definition.dict.end.python' } },
      patterns: [{ include: '$self' }],
    },
    { name: 'keyword.control.flow.python', match: '\\b(?:if|else|for|in|return|pass|from|import)\\b' },
    { name: 'storage.type.function.python', match: '\\bdef\\b' },
    { name: 'constant.language.python', match: '\\b(?:None|True|False)\\b' },
    { name: 'keyword.operator.bitwise.python', match: '\\|' },
    { name: 'punctuation.separator.continuation.line.python', match: '\\\\$' },
  ],
};
