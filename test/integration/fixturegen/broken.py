"""Fixtures Alembic refuses to load (or loads with a warning): each shows one kind of breakage.

`alembic` in expect.json says what real Alembic does (the oracle test checks it): the oracle's kind
("key-error" is a KeyError without the "is not present" warning, raised while resolving depends_on or a
label used as a parent); `engineCodes` lists
the problem codes (server/src/engine/rules/codes.ts) of which the engine must report at least one.
"""
import re

from common import Fixture, plan

A1, B2, C3, D4 = (x * 6 for x in ("a1", "b2", "c3", "d4"))


def _two(name: str) -> tuple[Fixture, object, object]:
    f = Fixture(name)
    f.init()
    return f, f.rev(A1, "create users"), f.rev(B2, "add email")


def _broken(f: Fixture, description: str, kind: str, codes: list[str], **extra) -> None:
    f.expect(description=description, alembic={"kind": kind}, engineCodes=codes,
             resolve=["heads"], history=[":"], plans=[plan("upgrade", "heads")], **extra)
    f.finish()


def missing_parent():
    f, _, b2 = _two("missing-parent")
    f.set_var(b2, "down_revision", "'doesnotexist'")
    _broken(f, "b2's down_revision names a revision that does not exist.", "broken-down-revision",
            ["broken-down-revision"])


def parent_is_filename():
    f, _, b2 = _two("parent-is-filename")
    f.set_var(b2, "down_revision", "'a1a1a1a1a1a1_create_users'")
    _broken(f, "down_revision is the parent's file name (without .py) instead of its id.", "broken-down-revision",
            ["broken-down-revision"])


def partial_id_parent():
    f, _, b2 = _two("partial-id-parent")
    f.set_var(b2, "down_revision", "'a1a1'")
    _broken(f, "down_revision is a prefix of the parent's id; Alembic needs the full id there.", "broken-down-revision",
            ["partial-id-in-down-revision", "broken-down-revision"])


def label_as_parent():
    f = Fixture("label-as-parent")
    f.init()
    f.rev(A1, "create users", label="core")
    b2 = f.rev(B2, "add email")
    f.set_var(b2, "down_revision", "'core'")
    _broken(f, "down_revision names a branch label; only full ids are accepted there (KeyError without the "
            "'is not present' warning).", "key-error",
            ["label-in-down-revision", "broken-down-revision"])


def missing_dependency():
    f, _, b2 = _two("missing-dependency")
    f.set_var(b2, "depends_on", "'nosuch'")
    _broken(f, "depends_on names neither a revision nor a branch label.", "key-error", ["broken-depends-on"])


def partial_dependency():
    f, _, b2 = _two("partial-dependency")
    f.rev(C3, "other root", head="base")
    f.set_var(f.file_of(C3), "depends_on", "'b2b2'")
    _broken(f, "depends_on is a prefix of an id; depends_on needs a full id or an exact label.", "key-error",
            ["broken-depends-on"])


def duplicate_id():
    f, _, _ = _two("duplicate-id")
    c3 = f.rev(C3, "branch one")
    f.rev(D4, "after c3")
    dup = f.path("migrations/versions/zz_duplicate.py")
    dup.write_text(c3.read_text().replace("branch one", "duplicate of c3"))
    f.expect(
        description="Two files declare c3. Alembic only warns (the later file wins) but its graph is inconsistent.",
        alembic={"kind": "ok", "warnings": ["duplicate-revision-id"]},
        engineCodes=["duplicate-revision-id"],
        engineCompare="codes-only",
        resolve=["heads", "head", "c3c3"],
        history=[":"],
        plans=[plan("upgrade", "heads")],
    )
    f.finish()


def self_loop():
    f, _, b2 = _two("self-loop")
    f.set_var(b2, "down_revision", f"'{B2}'")
    _broken(f, "b2 lists itself as its down_revision.", "self-loop", ["self-loop"])


def dependency_self_loop():
    f, _, b2 = _two("dependency-self-loop")
    f.set_var(b2, "depends_on", f"'{B2}'")
    _broken(f, "b2 lists itself in depends_on.", "dependency-self-loop", ["dependency-self-loop"])


def cycle():
    f, _, b2 = _two("cycle")
    f.rev(C3, "three")
    f.rev(D4, "four")
    f.set_var(b2, "down_revision", f"'{C3}'")
    _broken(f, "a1 -> b2 -> c3 -> d4 rewired so that b2 and c3 are each other's parent.", "cycle", ["cycle"])


def dependency_cycle():
    f = Fixture("dependency-cycle")
    f.init()
    f.rev(A1, "app one")
    a2 = f.rev("a2a2a2a2a2a2", "app two")
    f.rev("e1e1e1e1e1e1", "other one", head="base")
    f.rev("e2e2e2e2e2e2", "other two", head="e1e1e1e1e1e1", depends=("a2a2a2a2a2a2",))
    f.set_var(a2, "depends_on", "'e2e2e2e2e2e2'")
    _broken(f, "a2 depends on e2 and e2 depends on a2 (versioned edges alone are acyclic).", "dependency-cycle",
            ["dependency-cycle"])


def label_conflict():
    f = Fixture("label-conflict")
    f.init()
    f.rev(A1, "app", label="lab")
    e1 = f.rev("e1e1e1e1e1e1", "other", head="base", label="other")
    f.set_var(e1, "branch_labels", "('lab',)")
    _broken(f, "Two revisions declare the branch label 'lab'.", "branch-label-conflict", ["branch-label-conflict"])


def label_is_revision_id():
    f, _, b2 = _two("label-is-revision-id")
    f.set_var(b2, "branch_labels", f"('{A1}',)")
    _broken(f, "b2 declares a branch label equal to the id of a1.", "branch-label-conflict",
            ["branch-label-is-revision-id", "branch-label-conflict"])


def illegal_character():
    f, _, b2 = _two("illegal-character-id")
    f.set_var(b2, "revision", "'b2b2-b2b2'")
    _broken(f, "revision = 'b2b2-b2b2': '-' is not allowed in an id.", "illegal-revision-id-character",
            ["illegal-revision-id-character"])


def long_id():
    f = Fixture("long-id")
    f.init()
    f.rev(A1, "create users")
    long = "b" * 20 + "0123456789abcdef0123"
    f.rev(long, "id longer than 32 characters")
    f.expect(
        description="A 40-character id: Alembic loads it; a length-enforcing database would reject the INSERT (SQLite does not).",
        alembic={"kind": "ok"},
        engineCodes=["revision-id-too-long"],
        resolve=["head", "heads", "bbbb", long],
        history=[":"],
        plans=[plan("upgrade", "heads"), plan("downgrade", "base", [long])],
    )
    f.finish()


def legacy_hex_filename():
    f = Fixture("legacy-hex-filename")
    f.init()
    legacy = f.rev("a1b2c3d4e5f6", "legacy id from the file name")
    f.sub(legacy, re.compile(r"^revision = .*\n", re.M), "")
    legacy.rename(legacy.with_name("a1b2c3d4e5f6.py"))
    f.rev(B2, "child of the legacy file")
    f.expect(
        description="a1b2c3d4e5f6.py has no `revision` variable: Alembic takes the id from the hex file name.",
        alembic={"kind": "ok"},
        engineCodes=[],
        resolve=["head", "heads", "base", "a1b2"],
        history=[":"],
        plans=[plan("upgrade", "heads"), plan("downgrade", "base", [B2])],
    )
    f.finish()


def missing_revision():
    f, a1, _ = _two("missing-revision")
    f.sub(a1, re.compile(r"^revision = .*\n", re.M), "")
    a1.rename(a1.with_name("notes.py"))
    _broken(f, "notes.py has no `revision` and its name is not hex: Alembic cannot determine the id.",
            "missing-revision", ["missing-revision"])


def non_string_revision():
    f, _, b2 = _two("non-string-revision")
    f.set_var(b2, "revision", "12345")
    _broken(f, "revision = 12345 (an int): Alembic fails with a TypeError.", "revision-not-a-string",
            ["revision-not-a-string"])


def missing_down_revision():
    f, _, b2 = _two("missing-down-revision")
    f.sub(b2, re.compile(r"^down_revision = .*\n", re.M), "")
    _broken(f, "b2 has no down_revision variable at all: AttributeError.", "missing-down-revision",
            ["missing-down-revision"])


def empty_down_revision():
    f, _, b2 = _two("empty-down-revision")
    f.set_var(b2, "down_revision", "''")
    f.expect(
        description="down_revision = '': 1.8.1 reads it as a base; main fails with KeyError ''.",
        alembic={"kind": "ok"},
        mainDiffers={"load": {"reason": "main fails with KeyError: '' (semantics doc 9)", "kind": "key-error"}},
        engineCodes=["empty-down-revision"],
        engineCompare="codes-only",
        resolve=["heads"],
        history=[":"],
        plans=[],
    )
    f.finish()


def syntax_error():
    f, _, b2 = _two("syntax-error")
    f.edit(b2, "def upgrade() -> None:\n    pass", "def upgrade( -> None:\n    pass")
    _broken(f, "b2 is not valid Python.", "syntax-error", ["syntax-error"])


def merge_conflict():
    f, _, _ = _two("merge-conflict")
    c3 = f.rev(C3, "add index")
    f.edit(c3, "down_revision = 'b2b2b2b2b2b2'\n",
           "<<<<<<< HEAD\ndown_revision = 'b2b2b2b2b2b2'\n=======\ndown_revision = 'a1a1a1a1a1a1'\n>>>>>>> feature\n")
    _broken(f, "c3 holds an unresolved git merge conflict around its down_revision: Python refuses the markers.",
            "syntax-error", ["syntax-error"])


def computed_values():
    f, _, b2 = _two("computed-values")
    f.set_var(b2, "down_revision", "'a1a1a1' + 'a1a1a1'")
    f.expect(
        description="down_revision is an expression Alembic evaluates ('a1a1a1' + 'a1a1a1'); a static reader cannot know it.",
        alembic={"kind": "ok"},
        engineCodes=["value-not-static"],
        engineCompare="codes-only",
        resolve=["heads"],
        history=[":"],
        plans=[plan("upgrade", "heads")],
    )
    f.finish()


ALL = [missing_parent, parent_is_filename, partial_id_parent, label_as_parent, missing_dependency, partial_dependency,
       duplicate_id, self_loop, dependency_self_loop, cycle, dependency_cycle, label_conflict, label_is_revision_id,
       illegal_character, long_id, legacy_hex_filename, missing_revision, non_string_revision, missing_down_revision,
       empty_down_revision, syntax_error, merge_conflict, computed_values]
