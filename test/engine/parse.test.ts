// The parser against real Python: every case below was run with /usr/bin/python3 (3.11) by compiling and
// executing the file, and the values Python produced are written here as expected. Where we answer
// 'other' (the value is not statically known: Python would have to run code), the comment says what
// Python got. Cases that Python refuses to compile must produce a syntax error on the same line.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMigrationText, scriptDoc } from '../../server/src/engine/python/parse';
import type { ParsedMigration, VarValue } from '../../server/src/engine/types';

type Expected = Record<string, unknown>;

function facts(p: ParsedMigration): Expected {
  const enc = (v: VarValue): unknown =>
    v.kind === 'none' ? null : v.kind === 'str' ? v.lit.value : v.kind === 'seq' ? { [v.container]: v.items.map((i) => i.value) } : 'other';
  const out: Expected = {};
  for (const k of ['revision', 'down_revision', 'branch_labels', 'depends_on'] as const) {
    const a = p[k];
    if (a) out[k] = enc(a.value);
  }
  out.doc = p.docstring ? p.docstring.value : null;
  return out;
}

function sortSets(e: Expected): Expected {
  const out: Expected = {};
  for (const [k, v] of Object.entries(e)) {
    out[k] = v && typeof v === 'object' && 'set' in v ? { set: [...(v as { set: string[] }).set].sort() } : v;
  }
  return out;
}

const VALID: [string, string, Expected][] = [
  ["annot_multiline", "from typing import Union, Sequence\nrevision: str = 'x'\ndown_revision: Union[\n    str, Sequence[str], None\n] = None\n", {"revision": "x", "down_revision": null, "doc": null}],
  ["annot_only", "revision: str\nrevision = 'a'\ndown_revision: str\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["async_with_for", "async def f():\n    async with a as revision:\n        pass\n    async for down_revision in b:\n        pass\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["attr_assign", "import types\nns = types.SimpleNamespace()\nns.revision = 'q'\nd = {}\nd['revision'] = 1\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // revision: Python: 'ab'
  ["augassign", "revision = 'a'\nrevision += 'b'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["backslash_cont", "revision = \\\n    'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["bare_tuple", "revision = 'x'\ndown_revision = 'a', 'b'\n", {"revision": "x", "down_revision": {"tuple": ["a", "b"]}, "doc": null}],
  ["bare_tuple_trailing", "revision = 'x'\ndown_revision = 'a',\n", {"revision": "x", "down_revision": {"tuple": ["a"]}, "doc": null}],
  // revision: Python: b'abc'
  ["bytes_rev", "revision = b'abc'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  // revision: Python: 'a'
  ["call_value", "revision = str('a')\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["chain", "revision = down_revision = 'a'\n", {"revision": "a", "down_revision": "a", "doc": null}],
  ["class_attr", "revision = 'a'\nclass X:\n    revision = 'b'\n    down_revision = 'z'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["class_body_oneliner", "class A: revision = 'z'\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["comprehension", "xs = [revision for revision in 'ab']\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["concat", "revision = 'ab' 'cd'\ndown_revision = ('a'\n    'b')\n", {"revision": "abcd", "down_revision": "ab", "doc": null}],
  // revision: Python: 'abcd'
  ["concat_plus", "revision = 'ab' + 'cd'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["continuation_in_str", "revision = 'ab\\\ncd'\ndown_revision = None\n", {"revision": "abcd", "down_revision": null, "doc": null}],
  ["cr_only", "\"\"\"Doc line\r\rRevision ID: abc\r\"\"\"\rrevision = 'abc'\rdown_revision = None\r", {"revision": "abc", "down_revision": null, "doc": "Doc line\n\nRevision ID: abc\n"}],
  ["crlf", "\"\"\"Doc line\r\n\r\nRevision ID: abc\r\n\"\"\"\r\nrevision = 'abc'\r\ndown_revision = None\r\n", {"revision": "abc", "down_revision": null, "doc": "Doc line\n\nRevision ID: abc\n"}],
  ["decorators", "import functools\nrevision = 'a'\n@functools.lru_cache()\ndef upgrade():\n    pass\nasync def downgrade():\n    pass\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["dedent_comment", "if True:\n    x = 1\n  # odd comment\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["def_local", "revision = 'a'\ndef f():\n    revision = 'b'\n    if 1:\n        down_revision = 'q'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // revision: Python: <function revision>
  ["def_named", "revision = 'a'\ndef revision(): pass\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["del_var", "revision = 'a'\ndown_revision = 'b'\ndel down_revision\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // down_revision: Python: {'a': 1}
  ["dict_value", "revision = 'a'\ndown_revision = {'a': 1}\n", {"revision": "a", "down_revision": "other", "doc": null}],
  ["doc_after_comment", "#!/usr/bin/env python\n# comment\n\n\"\"\"The doc.\"\"\"\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": "The doc."}],
  ["doc_bytes", "b\"a\"\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": null}],
  ["doc_concat", "\"a\" \"b\"\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": "ab"}],
  ["doc_escape", "\"\"\"Title\\x41\n\nRevision ID: \\x61bc\nRevises: a, b\n\"\"\"\nrevision = \"abc\"\ndown_revision = None\n", {"revision": "abc", "down_revision": null, "doc": "TitleA\n\nRevision ID: abc\nRevises: a, b\n"}],
  ["doc_fstr", "f\"a\"\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": null}],
  ["doc_method", "\"\"\"doc\"\"\".strip()\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": null}],
  ["doc_not_first", "import os\n\"\"\"Not a doc.\"\"\"\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": null}],
  ["doc_paren", "(\"a\")\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": "a"}],
  ["doc_raw", "r\"\"\"Raw \\d doc\"\"\"\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": "Raw \\d doc"}],
  ["doc_u", "u\"\"\"U doc\"\"\"\nrevision = \"x\"\ndown_revision = None\n", {"revision": "x", "down_revision": null, "doc": "U doc"}],
  ["ellipsis", "x = ...\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // branch_labels: Python: {}
  ["empty_dict", "revision = 'x'\ndown_revision = None\nbranch_labels = {}\n", {"revision": "x", "down_revision": null, "branch_labels": "other", "doc": null}],
  ["empty_str_rev", "revision = ''\ndown_revision = ''\n", {"revision": "", "down_revision": "", "doc": null}],
  ["empty_tuple", "revision = 'x'\ndown_revision = ()\nbranch_labels = []\n", {"revision": "x", "down_revision": {"tuple": []}, "branch_labels": {"list": []}, "doc": null}],
  // revision: Python: 'a\tbAé😀A•'
  ["escapes", "revision = 'a\\tb\\x41\\u00e9\\U0001F600\\101\\N{BULLET}'\ndown_revision = 'line\\\ncont'\n", {"revision": "other", "down_revision": "linecont", "doc": null}],
  ["except_star", "try:\n    pass\nexcept* ValueError:\n    pass\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // revision: Python: 'b'
  ["for_target", "for revision in ['a', 'b']:\n    pass\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["formfeed", "revision = 'a'\n\f\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // revision: Python: '/'; down_revision: Python: <function join>
  ["from_import", "from os.path import join as down_revision, sep as revision\n", {"revision": "other", "down_revision": "other", "doc": null}],
  // revision: Python: 'abc'
  ["fstr_field", "X = 'a'\nrevision = f'{X}bc'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["fstr_plain", "revision = f'abc'\ndown_revision = None\n", {"revision": "abc", "down_revision": null, "doc": null}],
  ["global_stmt", "global revision\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // revision: Python: 'b'
  ["if_block", "revision = 'a'\nif True:\n    revision = 'b'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  // revision: Python: 'a'
  ["if_else_expr", "revision = 'a' if True else 'b'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  // revision: Python: 'b'
  ["if_oneliner", "revision = 'a'\nif True: revision = 'b'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  // revision: Python: <module 'os' (frozen)>
  ["import_as", "import os as revision\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  // revision: Python: 12345
  ["int_rev", "revision = 12345\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["lambda", "f = lambda x=1, y=2: x + y\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["last_wins", "revision = 'a'\nrevision = 'b'\ndown_revision = None\n", {"revision": "b", "down_revision": null, "doc": null}],
  ["line_cont_blank", "revision = 'a'\nx = [\n\n  1,\n\n]\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["list_deps", "revision = 'x'\ndown_revision = None\ndepends_on = ['c2000000', 'core']\nbranch_labels = ('core',)\n", {"revision": "x", "down_revision": null, "branch_labels": {"tuple": ["core"]}, "depends_on": {"list": ["c2000000", "core"]}, "doc": null}],
  ["match_softkw", "match = 1\ncase = 2\nmatch.bit_length() if False else None\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // down_revision: Python: None
  ["match_stmt", "revision = 'a'\nmatch revision:\n    case 'a':\n        down_revision = None\n    case other:\n        down_revision = 'x'\n", {"revision": "a", "down_revision": "other", "doc": null}],
  ["merge_tuple", "revision = \"m1\"\ndown_revision = (\"a1\", \"b2\")\nbranch_labels = None\ndepends_on = None\n", {"revision": "m1", "down_revision": {"tuple": ["a1", "b2"]}, "branch_labels": null, "depends_on": null, "doc": null}],
  // down_revision: Python: ('a', None)
  ["mixed_seq", "revision = 'x'\ndown_revision = ('a', None)\n", {"revision": "x", "down_revision": "other", "doc": null}],
  ["multiline_tuple", "revision = 'x'\ndown_revision = (\n    'a',  # first\n    'b',\n)\n", {"revision": "x", "down_revision": {"tuple": ["a", "b"]}, "doc": null}],
  // revision: Python: 'abc'
  ["name_rev", "X = 'abc'\nrevision = X\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["nested_fstr", "X = {'k': 'v'}\ny = f\"{X['k']!r:>10} {{literal}} {f'{1+1}'}\"\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // down_revision: Python: (('a', 'b'),)
  ["nested_seq", "revision = 'x'\ndown_revision = (('a', 'b'),)\n", {"revision": "x", "down_revision": "other", "doc": null}],
  // down_revision: Python: [None]
  ["none_in_list", "revision = 'a'\ndown_revision = [None]\n", {"revision": "a", "down_revision": "other", "doc": null}],
  ["none_paren", "revision = 'a'\ndown_revision = (None)\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["numbers", "x = 0x_ff + 1_000 + 1e-5 + 1.5j + 0o17 + 0b1 + .5 + 1.\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["one_tuple", "revision = 'x'\ndown_revision = ('a',)\n", {"revision": "x", "down_revision": {"tuple": ["a"]}, "doc": null}],
  ["paren_str", "revision = ('x')\ndown_revision = (('a'))\n", {"revision": "x", "down_revision": "a", "doc": null}],
  ["raw_str", "revision = r'a\\b'\ndown_revision = R'''x\\'y'''\n", {"revision": "a\\b", "down_revision": "x\\'y", "doc": null}],
  ["semicolons", "revision = 'a'; down_revision = None; branch_labels = 'lbl'\n", {"revision": "a", "down_revision": null, "branch_labels": "lbl", "doc": null}],
  ["set_labels", "revision = 'x'\ndown_revision = None\nbranch_labels = {'a', 'b'}\n", {"revision": "x", "down_revision": null, "branch_labels": {"set": ["a", "b"]}, "doc": null}],
  ["star_import", "from os.path import *\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // down_revision: Python: {'seq': 'tuple', 'items': ['a', 'b']}
  ["starred", "X = ['a']\nrevision = 'x'\ndown_revision = (*X, 'b')\n", {"revision": "x", "down_revision": "other", "doc": null}],
  ["string_with_hash", "revision = 'a#b'  # comment 'q'\ndown_revision = \"c'd\"\n", {"revision": "a#b", "down_revision": "c'd", "doc": null}],
  // revision: Python: 'k'
  ["subscript_target", "d = {}\nd[revision := 'k'] = 1\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  // revision: Python: 'b'
  ["tabs", "revision = 'a'\nif True:\n\trevision = 'b'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["tmpl_main", "\"\"\"add users\n\nRevision ID: a1b2c3d4e5f6\nRevises: 0000aaaa\nCreate Date: 2024-01-01 10:00:00.123456\n\n\"\"\"\nfrom typing import Sequence, Union\n\nfrom alembic import op\nimport sqlalchemy as sa\n\n\n# revision identifiers, used by Alembic.\nrevision: str = 'a1b2c3d4e5f6'\ndown_revision: Union[str, Sequence[str], None] = '0000aaaa'\nbranch_labels: Union[str, Sequence[str], None] = None\ndepends_on: Union[str, Sequence[str], None] = None\n\n\ndef upgrade() -> None:\n    \"\"\"Upgrade schema.\"\"\"\n    pass\n\n\ndef downgrade() -> None:\n    \"\"\"Downgrade schema.\"\"\"\n    pass\n", {"revision": "a1b2c3d4e5f6", "down_revision": "0000aaaa", "branch_labels": null, "depends_on": null, "doc": "add users\n\nRevision ID: a1b2c3d4e5f6\nRevises: 0000aaaa\nCreate Date: 2024-01-01 10:00:00.123456\n\n"}],
  ["triple_single", "revision = '''abc'''\ndown_revision = None\n", {"revision": "abc", "down_revision": null, "doc": null}],
  // revision: Python: 'a'
  ["try_block", "try:\n    revision = 'a'\nexcept Exception:\n    revision = 'b'\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["type_alias_name", "type = 3\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["typehints", "from typing import Optional\nrevision: Optional[str] = 'a'\ndown_revision: str | None = None\nx: int\ndef f(a: int = 1, *, b: 'str | None' = None) -> dict[str, int]:\n    return {}\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["u_str", "revision = u'abc'\ndown_revision = U\"x\"\n", {"revision": "abc", "down_revision": "x", "doc": null}],
  ["unicode_ident", "caf\u00e9 = 1\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["unicode_str", "revision = '\u00fc-\u00df'\ndown_revision = None\n", {"revision": "\u00fc-\u00df", "down_revision": null, "doc": null}],
  ["unknown_escape", "revision = 'a\\db'\ndown_revision = None\n", {"revision": "a\\db", "down_revision": null, "doc": null}],
  // revision: Python: 'a'; down_revision: Python: None
  ["unpack", "revision, down_revision = 'a', None\n", {"revision": "other", "down_revision": "other", "doc": null}],
  // revision: Python: 'b'
  ["walrus", "revision = 'a'\n(revision := 'b')\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["walrus_in_if", "if (n := 10) > 5:\n    pass\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  // down_revision: Python: None
  ["while_else", "revision = 'a'\nwhile False:\n    pass\nelse:\n    down_revision = None\n", {"revision": "a", "down_revision": "other", "doc": null}],
  // revision: Python: 'q'
  ["with_as", "import contextlib\nwith contextlib.nullcontext('q') as revision:\n    pass\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["with_parens", "import contextlib\nwith (contextlib.nullcontext() as a, contextlib.nullcontext() as b):\n    pass\nrevision = 'a'\ndown_revision = None\n", {"revision": "a", "down_revision": null, "doc": null}],
  ["annot_value_on_next_lines", "from typing import Union, Sequence\ndown_revision: Union[str, Sequence[str], None] = (\n    \"aaa\",\n    \"bbb\",\n)\nrevision: str = (\n    \"ccc\"\n)\n", {"revision": "ccc", "down_revision": {"tuple": ["aaa", "bbb"]}, "doc": null}],
  // revision: Python: no such variable (deleted)
  ["except_as_deletes", "revision = 'a'\ntry:\n    raise ValueError()\nexcept ValueError as revision:\n    pass\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  // revision: Python: 1
  ["match_rebinds_at_module", "match 1:\n    case revision:\n        pass\ndown_revision = None\n", {"revision": "other", "down_revision": null, "doc": null}],
  ["odd_valid_1", "import contextlib, functools\nfrom typing import Optional\n\n@functools.lru_cache(maxsize=None)\ndef helper(a, /, b=1, *args, c: 'str | None' = None, **kw) -> Optional[int]:\n    global G\n    x = [i for i in range(3) if i]\n    y = {k: v for k, v in kw.items()}\n    z = {*args}\n    w = a[1:2, ::3] if isinstance(a, dict) else None\n    assert x is not None, \"message\"\n    try:\n        pass\n    except (ValueError, TypeError) as exc:\n        raise RuntimeError(\"x\") from exc\n    else:\n        pass\n    finally:\n        pass\n    def inner():\n        nonlocal x\n        yield x\n    return None\n\nclass Meta(type):\n    pass\n\nclass A(object, metaclass=Meta):\n    '''class doc'''\n    attr: int = 3\n\n    @property\n    def p(self): return self.attr\n\nasync def co():\n    await co()\n    async with contextlib.AsyncExitStack() as s:\n        pass\n\nrevision = 'odd1'\ndown_revision = None\n", {"revision": "odd1", "down_revision": null, "doc": null}],
  ["odd_valid_2", "x = 1;\ny = (  # comment\n  1)\nz = f\"{x=} {x:{'>'}10} {x!s:^{y}}\" rf\"\\d{x}\"\nzb = br'\\x'\nif x:\n    pass\n# comment at column 0 inside a block\n    # indented comment\n    q = 1\n\f\nif y:\n\tpass\nn = 0b_1 + 1e10 + 1_0j + 0o7_7 + 0XFF\ns = '''multi\n   line''' 'and' \\\n    \"more\"\nt = \\\n    1\ndef f(): return ...\nrevision = 'odd2'; down_revision = None\n", {"revision": "odd2", "down_revision": null, "doc": null}],
];

const REFUSED: [string, string, string, number | null][] = [
  ["err_backslash_char", "revision = 'a' \\ x\n", "SyntaxError: unexpected character after line continuation character", 1],
  ["err_backtick", "revision = `a`\n", "SyntaxError: invalid syntax", 1],
  ["err_bang", "revision = 'a'\nx = !1\n", "SyntaxError: invalid syntax", 2],
  ["err_bytes_nonascii", "revision = 'a'\nx = b'caf\u00e9'\n", "SyntaxError: bytes can only contain ASCII literal characters", 2],
  ["err_dollar", "revision = $a\ndown_revision = None\n", "SyntaxError: invalid syntax", 1],
  ["err_eof_block", "revision = 'a'\ndef upgrade():\n", "IndentationError: expected an indented block after function definition on line 2", 2],
  ["err_expected_block", "if True:\nrevision = 'a'\ndown_revision = None\n", "IndentationError: expected an indented block after 'if' statement on line 1", 2],
  ["err_indent", "revision = 'a'\n    down_revision = None\n", "IndentationError: unexpected indent", 2],
  ["err_mismatch", "revision = ('a']\ndown_revision = None\n", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('", 1],
  ["err_nbsp", "revision = 'a'\nx =\u00a01\n", "SyntaxError: invalid non-printable character U+00A0", 2],
  ["err_nul", "revision = 'a'\u0000\n", "ValueError: source code string cannot contain null bytes", null],
  ["err_question", "revision = 'a'\ndown_revision = None ?\n", "SyntaxError: invalid syntax", 2],
  ["err_tab", "if True:\n        x = 1\n\tx = 2\nrevision = 'a'\n", "TabError: inconsistent use of tabs and spaces in indentation", 3],
  ["err_truncated_x", "revision = 'a\\x4'\n", "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 1-3: truncated \\xXX escape", 1],
  ["err_unclosed", "revision = ('a'\ndown_revision = None\n", "SyntaxError: '(' was never closed", 1],
  ["err_unindent", "if True:\n        x = 1\n    y = 2\nrevision = 'a'\n", "IndentationError: unindent does not match any outer indentation level", 3],
  ["err_unmatched", "revision = 'a')\ndown_revision = None\n", "SyntaxError: unmatched ')'", 1],
  ["err_unterminated", "revision = 'abc\ndown_revision = None\n", "SyntaxError: unterminated string literal (detected at line 1)", 1],
  ["err_unterminated_triple", "revision = \"x\"\n\"\"\"never closed\n", "SyntaxError: unterminated triple-quoted string literal (detected at line 2)", 2],
  ["nonprint_vt", "revision = 'a'\n\u000b\ndown_revision = None\n", "SyntaxError: invalid non-printable character U+000B", 2],
  ["nul_in_comment", "revision = 'a'  # x\u0000y\ndown_revision = None\n", "ValueError: source code string cannot contain null bytes", null],
  ["err_mix_bytes", "x = 1;\ny = (  # comment\n  1)\nz = f\"{x=} {x:{'>'}10} {x!s:^{y}}\" rf\"\\d{x}\" br'\\x'\nif x:\n    pass\n# comment at column 0 inside a block\n    # indented comment\n    q = 1\n\f\nif y:\n\tpass\nn = 0b_1 + 1e10 + 1_0j + 0o7_7 + 0XFF\ns = '''multi\n   line''' 'and' \\\n    \"more\"\nt = \\\n    1\ndef f(): return ...\nrevision = 'odd2'; down_revision = None\n", "SyntaxError: cannot mix bytes and nonbytes literals", 4],
];

describe('parse: agreement with Python 3.11 on tricky files', () => {
  for (const [name, src, expected] of VALID) {
    test(name, () => {
      const p = parseMigrationText(src);
      assert.deepEqual(p.syntaxErrors, [], 'Python compiles this file: no syntax error may be reported');
      assert.deepEqual(sortSets(facts(p)), sortSets(expected));
    });
  }
});

describe('parse: files Python refuses to compile', () => {
  for (const [name, src, pyError, line] of REFUSED) {
    test(`${name}: ${pyError}`, () => {
      const p = parseMigrationText(src);
      assert.equal(p.syntaxErrors.length, 1, 'exactly one error: Python stops at the first');
      const err = p.syntaxErrors[0];
      const pyClass = pyError.split(':')[0];
      // Python 3.11 raises ValueError for NUL bytes; 3.12+ raises SyntaxError, which we follow.
      if (pyClass !== 'ValueError') assert.ok(err.message.includes(pyClass + ':'), err.message);
      if (line !== null) assert.equal(err.span.start.line + 1, line, err.message);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Spans, header facts and the rest of ParsedMigration.

const TEMPLATE = [
  '"""add users',
  '',
  'Revision ID: a1b2c3d4e5f6',
  'Revises: 0000aaaa, 1111bbbb',
  'Create Date: 2024-01-01 10:00:00.123456',
  '',
  '"""',
  'from typing import Sequence, Union',
  '',
  'revision: str = \'a1b2c3d4e5f6\'',
  'down_revision: Union[str, Sequence[str], None] = (\'0000aaaa\', \'1111bbbb\')',
  'branch_labels: Union[str, Sequence[str], None] = None',
  'depends_on = "x" \'y\'',
  '',
  '',
  'def upgrade() -> None:',
  '    """Upgrade schema."""',
  '    revision = "inner"',
  '',
  '',
  'async def downgrade() -> None:',
  '    pass',
  '',
].join('\n');

function at(line: number, a: number, b: number) {
  return { start: { line, character: a }, end: { line, character: b } };
}

describe('parse: spans and facts', () => {
  const p = parseMigrationText(TEMPLATE);

  test('assignments carry name and value spans, annotated or not', () => {
    assert.equal(p.revision?.annotated, true);
    assert.deepEqual(p.revision?.nameSpan, at(9, 0, 8));
    const v = p.revision?.value;
    assert.equal(v?.kind, 'str');
    if (v?.kind !== 'str') return;
    assert.deepEqual(v.lit.span, at(9, 16, 30));
    assert.deepEqual(v.lit.inner, at(9, 17, 29));
    assert.equal(p.depends_on?.annotated, false);
  });

  test('tuple items each have their span; the value span covers the parentheses', () => {
    const v = p.down_revision?.value;
    assert.equal(v?.kind, 'seq');
    if (v?.kind !== 'seq') return;
    assert.deepEqual(v.span, at(10, 49, 73));
    assert.deepEqual(v.items.map((i) => i.inner), [at(10, 51, 59), at(10, 63, 71)]);
  });

  test('an implicitly concatenated literal has no inner span', () => {
    const v = p.depends_on?.value;
    assert.ok(v?.kind === 'str' && v.lit.value === 'xy' && v.lit.inner === null && v.lit.span.end.character === 20);
  });

  test('header facts map back to the docstring lines', () => {
    assert.equal(p.header.revisionId?.text, 'a1b2c3d4e5f6');
    assert.deepEqual(p.header.revisionId?.span, at(2, 13, 25));
    assert.deepEqual(p.header.revises?.ids.map((i) => [i.id, i.span]), [['0000aaaa', at(3, 9, 17)], ['1111bbbb', at(3, 19, 27)]]);
    assert.equal(p.header.createDate?.text, '2024-01-01 10:00:00.123456');
    assert.deepEqual(p.header.createDate?.ids, []);
    assert.deepEqual(p.docstring?.span, { start: { line: 0, character: 0 }, end: { line: 6, character: 3 } });
  });

  test('upgrade and downgrade (async too) are found; assignments inside them are ignored', () => {
    assert.equal(p.hasUpgrade, true);
    assert.equal(p.hasDowngrade, true);
    assert.ok(p.revision?.value.kind === 'str' && p.revision.value.lit.value === 'a1b2c3d4e5f6');
  });

  test('no upgrade when it is only a method or a nested function', () => {
    const q = parseMigrationText('class A:\n    def upgrade(self): pass\ndef f():\n    def downgrade(): pass\n');
    assert.equal(q.hasUpgrade, false);
    assert.equal(q.hasDowngrade, false);
  });

  test('a header after escapes is still mapped exactly through the source map', () => {
    const q = parseMigrationText('"""T\\tx\\n\nRevision ID: \\x61bc\n"""\n');
    assert.equal(q.docstring?.value, 'T\tx\n\nRevision ID: abc\n');
    assert.equal(q.header.revisionId?.text, 'abc');
    assert.deepEqual(q.header.revisionId?.span, at(1, 13, 19)); // `\x61bc` in the source
  });

  test('a Revises line of a base revision has no ids', () => {
    const q = parseMigrationText('"""m\n\nRevision ID: a\nRevises: \nCreate Date: x\n"""\n');
    assert.equal(q.header.revises?.text, '');
    assert.deepEqual(q.header.revises?.ids, []);
  });

  test('columns are UTF-16 units and CRLF/CR count as one line end', () => {
    const q = parseMigrationText('x = "😀"\r\nrevision = "é😀"\rdown_revision = None\n');
    assert.deepEqual(q.revision?.nameSpan, at(1, 0, 8));
    const v = q.revision?.value;
    assert.ok(v?.kind === 'str');
    if (v?.kind === 'str') assert.deepEqual(v.lit.span, at(1, 11, 16));
    assert.deepEqual(q.down_revision?.nameSpan, at(2, 0, 13));
  });

  test("'other' values keep their source text and span", () => {
    const q = parseMigrationText('revision = make_id(\n  "a")\nfrom x import depends_on\n');
    assert.deepEqual(q.revision?.value, { kind: 'other', text: 'make_id(\n  "a")', span: { start: { line: 0, character: 11 }, end: { line: 1, character: 6 } } });
    assert.equal(q.depends_on?.value.kind, 'other');
    assert.deepEqual(q.depends_on?.nameSpan, at(2, 14, 24));
  });

  test('an \\N{NAME} escape makes the value unknown rather than guessed', () => {
    const q = parseMigrationText('revision = "\\N{BULLET}"\n');
    assert.equal(q.revision?.value.kind, 'other');
  });

  test('a docstring in parentheses, after comments and a BOM-less shebang', () => {
    const q = parseMigrationText('#!/usr/bin/env python\n# c\n\n("doc"\n "ument")\n');
    assert.equal(q.docstring?.value, 'document');
  });

  test('a file that is only a truncated docstring still reports the error and a best-effort docstring', () => {
    const q = parseMigrationText('"""abc\nRevision ID: x\n');
    assert.equal(q.syntaxErrors.length, 1);
    assert.equal(q.docstring?.value, 'abc\nRevision ID: x\n');
  });

  test('a text that still starts with a BOM character is read as a UTF-8 file with a BOM', () => {
    const q = parseMigrationText('\ufeff"""doc"""\nrevision = "a"\n');
    assert.deepEqual(q.syntaxErrors, []);
    assert.equal(q.docstring?.value, 'doc');
    assert.deepEqual(q.docstring?.span.start, { line: 0, character: 1 });
  });

  test('an empty file', () => {
    const q = parseMigrationText('');
    assert.deepEqual(q, { docstring: null, header: {}, syntaxErrors: [], decodeErrors: [], hasUpgrade: false, hasDowngrade: false });
  });
});

describe('scriptDoc', () => {
  test('longdoc is Python str.strip(); doc stops at the first blank line (not the first line)', () => {
    assert.deepEqual(scriptDoc('\n  line one\nline two\nRevision ID: x\n\npara2\n\n'), {
      doc: 'line one\nline two\nRevision ID: x',
      longdoc: 'line one\nline two\nRevision ID: x\n\npara2',
    });
  });
  test('no docstring gives empty strings', () => {
    assert.deepEqual(scriptDoc(null), { doc: '', longdoc: '' });
    assert.deepEqual(scriptDoc(''), { doc: '', longdoc: '' });
  });
  test('strip follows Python: \\x1c-\\x1f and U+0085 are whitespace, U+FEFF and U+200B are not', () => {
    assert.equal(scriptDoc('\x1c\x85 a \u3000').longdoc, 'a');
    assert.equal(scriptDoc('\ufeffa\u200b').longdoc, '\ufeffa\u200b');
  });
  test('a line of spaces is not a blank line for the split', () => {
    assert.equal(scriptDoc('a\n   \nb').doc, 'a\n   \nb');
  });
});

describe('parse: certain parser-level errors', () => {
  test('an assignment with nothing after the = is invalid syntax, reported at the =', () => {
    const p = parseMigrationText('revision = "a"\ndown_revision =\n');
    assert.equal(p.syntaxErrors.length, 1);
    assert.deepEqual(p.syntaxErrors[0].span, at(1, 14, 15));
    assert.equal(p.down_revision?.value.kind, 'other');
  });
  test('the earliest error wins', () => {
    const p = parseMigrationText('revision =\nx = $\n');
    assert.equal(p.syntaxErrors[0].span.start.line, 0);
  });
});
