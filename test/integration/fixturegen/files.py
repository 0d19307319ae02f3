"""Fixtures about the migration files themselves: names, templates, literals, encodings, docstrings."""
import re
import subprocess

from common import PYTHON, Fixture, pin_date, plan

A1, B2, C3, D4, E5, F6 = (x * 6 for x in ("a1", "b2", "c3", "d4", "e5", "f6"))
STD_PLANS = [plan("upgrade", "heads"), plan("downgrade", "base")]


def odd_file_names():
    f = Fixture("odd-file-names")
    f.init()
    f.rev(A1, "base")
    f.rev(B2, "leading underscore").rename(f.path("migrations/versions/_private.py"))
    f.rev(C3, "leading dot").rename(f.path("migrations/versions/.hidden.py"))
    trap = '"""{doc}"""\nrevision = {rev!r}\ndown_revision = "not-loaded-parent"\nbranch_labels = None\ndepends_on = None\n'
    v = "migrations/versions/"
    f.write(v + ".#lock.py", trap.format(doc="an Emacs lock file: never loaded", rev=C3))
    f.write(v + "__init__.py", "")
    f.write(v + "__init__x.py", trap.format(doc="starts with __init__: never loaded", rev="i9i9i9i9i9i9"))
    f.write(v + "x.py.txt", trap.format(doc="not .py", rev="t9t9t9t9t9t9"))
    f.write(v + "x.pyi", trap.format(doc="a stub", rev="s9s9s9s9s9s9"))
    f.write(v + "x.py~", trap.format(doc="a backup", rev="k9k9k9k9k9k9"))
    f.write(v + "x.pyc", b"\x00not bytecode: ignored without sourceless = true\n")
    f.write(v + "README.md", "Not a migration.\n")
    f.expect(
        description="Which names count: `_private.py` and `.hidden.py` load; `.#lock.py`, `__init__*.py`, "
        "`x.py.txt`, `x.pyi`, `x.py~`, `x.pyc` (without sourceless) do not (each of those would break the graph if loaded).",
        resolve=["heads", "head", "base"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


MAIN_TEMPLATE = '''"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

# revision identifiers, used by Alembic.
revision: str = ${repr(up_revision)}
down_revision: Union[str, Sequence[str], None] = ${repr(down_revision)}
branch_labels: Union[str, Sequence[str], None] = ${repr(branch_labels)}
depends_on: Union[str, Sequence[str], None] = ${repr(depends_on)}


def upgrade() -> None:
    """Upgrade schema."""
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    """Downgrade schema."""
    ${downgrades if downgrades else "pass"}
'''


def annotated_template():
    f = Fixture("annotated-template")
    f.init()
    f.write("migrations/script.py.mako", MAIN_TEMPLATE)
    f.rev(A1, "create users")
    f.rev(B2, "feature start", label="feature")
    f.rev(C3, "other side", head=A1, splice=True, depends=(B2,))
    f.merge([B2, C3], D4, "merge feature")
    f.expect(
        description="Revisions rendered from the newest template: annotated `revision: str = ...` and "
        "`down_revision: Union[str, Sequence[str], None] = ...`.",
        resolve=["heads", "head", "feature", "feature@head", "-1"],
        history=[":", "feature@base:"],
        plans=STD_PLANS + [plan("downgrade", "feature@base", [D4]), plan("upgrade", "c3c3")],
    )
    f.finish()


def multiline_literals():
    f = Fixture("multiline-literals")
    f.init()
    f.rev(A1, "base")
    b2 = f.rev(B2, "implicit concatenation")
    f.set_var(b2, "revision", '"b2b2b2" "b2b2b2"')
    f.set_var(b2, "down_revision", "r'a1a1a1a1a1a1'")
    c3 = f.rev(C3, "triple quoted", head=A1, splice=True)
    f.set_var(c3, "revision", "'''c3c3c3c3c3c3'''")
    f.set_var(c3, "down_revision", '(\n    "a1a1a1a1a1a1",\n)')
    d4 = f.merge([B2, C3], D4, "multi-line merge tuple")
    f.set_var(d4, "down_revision", "(\n    'b2b2b2b2b2b2',  # left\n    'c3c3c3c3c3c3',  # right\n)")
    f.set_var(d4, "branch_labels", "[\n    'merged',\n]")
    e5 = f.rev(E5, "last assignment wins")
    f.edit(e5, "revision = 'e5e5e5e5e5e5'", "revision = 'zzzzzzzzzzzz'  # overwritten below\nrevision = 'e5e5e5e5e5e5'")
    f.set_var(e5, "down_revision", "u'd4d4d4d4d4d4'")
    f.set_var(e5, "depends_on", "['b2b2b2b2b2b2']")
    f6 = f.rev(F6, "parenthesised and set")
    f.set_var(f6, "down_revision", '("e5e5e5e5e5e5")')
    f.set_var(f6, "branch_labels", "{'setlabel'}")
    f.expect(
        description="Literal forms Alembic accepts: implicit concatenation, r/u prefixes, triple quotes, multi-line "
        "tuples with comments, lists, sets, a parenthesised string, and a later assignment overriding an earlier one.",
        resolve=["heads", "head", "merged", "setlabel@head", "merged@base", "-1"],
        history=[":", "c3c3:"],
        plans=STD_PLANS + [plan("downgrade", "c3c3", [F6])],
    )
    f.finish()


def encodings():
    f = Fixture("encodings")
    f.init()
    a1 = f.rev(A1, "crlf line endings")
    a1.write_bytes(a1.read_bytes().replace(b"\n", b"\r\n"))
    b2 = f.rev(B2, "bom file with ünïcode")
    b2.write_bytes(b"\xef\xbb\xbf" + b2.read_bytes())
    c3 = f.rev(C3, "latin1 cookie")
    text = "# -*- coding: latin-1 -*-\n" + c3.read_text(encoding="utf-8").replace("latin1 cookie", "café in latin-1", 1)
    c3.write_bytes(text.encode("latin-1"))
    d4 = f.rev(D4, "all at once")
    text = "# vim: set fileencoding=utf-8 :\n" + d4.read_text(encoding="utf-8").replace("all at once", "BOM + CRLF + cookie: ✓", 1)
    d4.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    f.expect(
        description="CRLF line endings, a UTF-8 BOM, a latin-1 coding cookie (é as one byte), and all of them together.",
        resolve=["heads", "head", "-1"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def no_docstring():
    f = Fixture("no-docstring")
    f.init()
    f.rev(A1, "base")
    b2 = f.rev(B2, "gone")
    f.sub(b2, re.compile(r'\A""".*?"""\n', re.S), "")
    c3 = f.rev(C3, "after comments")
    c3.write_text("# A comment and a blank line before the docstring do not stop it being the docstring.\n\n" + c3.read_text())
    d4 = f.rev(D4, "not a docstring")
    f.sub(d4, re.compile(r'\A""".*?"""\n', re.S), 'x = 1\n"""A string after a statement is not a docstring."""\n')
    f.expect(
        description="b2 has no docstring (message ''), c3's docstring follows comments, d4's string comes after a "
        "statement so it is not a docstring.",
        resolve=["heads"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def multi_paragraph_docstring():
    f = Fixture("multi-paragraph-docstring")
    f.init()
    f.rev(A1, "base")
    b2 = f.rev(B2, "x")
    f.sub(b2, re.compile(r'\A""".*?"""\n', re.S), '"""line one\nline two\nRevision ID: b2b2b2b2b2b2\n\npara2\n\npara3\n"""\n')
    c3 = f.rev(C3, "x")
    f.sub(c3, re.compile(r'\A""".*?"""\n', re.S), '"""\n\n   padded message   \n\nbody\n   """\n')
    d4 = f.rev(D4, "x")
    f.sub(d4, re.compile(r'\A""".*?"""\n', re.S), "'single quoted\\tdoc with an escaped tab'\n")
    e5 = f.rev(E5, "x")
    f.sub(e5, re.compile(r'\A""".*?"""\n', re.S), 'f"""an f-string is never a docstring"""\n')
    g6 = f.rev("a6a6a6a6a6a6", "x")
    f.sub(g6, re.compile(r'\A""".*?"""\n', re.S), 'r"""raw \\n stays two characters\n\nsecond"""\n')
    f.expect(
        description="Script.doc is the stripped docstring up to the first blank line: multi-line first paragraphs, "
        "padding, escapes, an f-string (no docstring) and a raw string.",
        resolve=["heads"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def header_mismatch():
    f = Fixture("header-mismatch")
    f.init()
    f.rev(A1, "base")
    b2 = f.rev(B2, "header disagrees")
    f.edit(b2, "Revision ID: b2b2b2b2b2b2", "Revision ID: 999999999999")
    f.edit(b2, "Revises: a1a1a1a1a1a1", "Revises: 888888888888")
    f.expect(
        description="The docstring header names other ids than the variables; Alembic reads only the variables.",
        alembic={"kind": "ok"},
        engineCodes=["header-mismatch"],
        resolve=["heads", "head", "9999"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def id_named_heads():
    f = Fixture("id-named-heads")
    f.init()
    f.rev(A1, "base")
    f.rev("heads", "a revision called heads")
    f.rev(C3, "on top")
    f.expect(
        description="A revision whose id is 'heads': the symbol always wins, so only a prefix reaches it. "
        "Alembic's own answers here contradict themselves (history lists c3 twice, `upgrade heads` dies with an "
        "AssertionError), so the engine flags the id instead of imitating them: only problems are compared.",
        alembic={"kind": "ok"},
        engineCodes=["reserved-revision-id"],
        engineCompare="codes-only",
        resolve=["heads", "head", "hea", "c3c3", "heads@head", "-1", "-2"],
        history=[":", "hea:", ":hea"],
        plans=STD_PLANS + [plan("upgrade", "hea"), plan("downgrade", "hea", [C3]), plan("stamp", "hea")],
    )
    f.finish()


def unicode_messages():
    f = Fixture("unicode-messages")
    f.init()
    f.rev("u1u1u1u1u1u1", "Ünïcode café 日本語 message")
    u2 = f.rev("u2u2u2u2u2u2", "fullwidth Ａ branch")
    u3 = f.rev("u3u3u3u3u3u3", "emoji 🎉 branch", head="u1u1u1u1u1u1", splice=True)
    # Python sorts file names by code point: U+FF21 comes before U+1F600. JavaScript's default sort
    # compares UTF-16 units, where the emoji's surrogate (U+D83D) comes first and flips the order.
    u2.rename(u2.with_name("\uff21_fullwidth.py"))
    u3.rename(u3.with_name("\U0001F600_emoji.py"))
    f.expect(
        description="Non-ASCII messages and file names; two heads whose load order is code-point order of their "
        "file names (not UTF-16 order).",
        resolve=["heads", "head", "-1"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def sourceless():
    f = Fixture("sourceless")
    f.init()
    f.ini_set("sourceless", "true")
    f.rev(A1, "source file")
    b2 = f.rev(B2, "compiled only")
    pyc = b2.with_suffix(".pyc")
    pin_date(b2)  # before compiling: the .pyc embeds a hash of the source
    # Hash-based (not mtime) header and a relative source name inside: rebuilding gives the same bytes.
    compile_src = ("import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[3], "
                   "doraise=True, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)")
    subprocess.run([PYTHON, "-c", compile_src, str(b2), str(pyc), b2.name], check=True)
    b2.unlink()
    f.rev(C3, "source on top", head=B2)
    f.expect(
        description="sourceless = true with b2 present only as a .pyc (compiled by CPython 3.11, Debian's "
        "/usr/bin/python3). Alembic loads it; a static reader cannot.",
        alembic={"kind": "ok"},
        engineCodes=["sourceless-not-indexed"],
        engineCompare="codes-only",
        resolve=["heads", "head"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


ALL = [odd_file_names, annotated_template, multiline_literals, encodings, no_docstring, multi_paragraph_docstring,
       header_mismatch, id_named_heads, unicode_messages, sourceless]
