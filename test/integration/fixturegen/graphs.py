"""Fixtures whose graphs Alembic loads: shapes, branches, merges, labels and dependencies."""
from common import Fixture, body, plan

A1, B2, C3, D4, E5, F6 = (x * 6 for x in ("a1", "b2", "c3", "d4", "e5", "f6"))


def linear():
    f = Fixture("linear")
    f.init()
    body(f, f.rev(A1, "create users"), "users")
    body(f, f.rev(B2, "add email"), "emails")
    body(f, f.rev(C3, "add index"), "indexes")
    f.expect(
        description="a1 -> b2 -> c3; migration bodies create tables (IF NOT EXISTS, so pre-stamped databases work).",
        resolve=["head", "heads", "base", "a1a1", "b2b2b2b2b2b2", "c", "zz", "zzzzzz", "-1", "-2", "-3", "-4",
                 "head-1", "b2b2@head", "c3c3@head", "a1a1@b2b2", "nosuch@head", "head@head", "heads@head"],
        history=[":", "a1a1:", ":b2b2", "b2b2:c3c3", "c3c3:a1a1", "base:head", "a1a1:+1", "b2b2", ":-1",
                 "head-1:", "base:base", "-1:"],
        plans=[
            plan("upgrade", "head"),
            plan("upgrade", "heads", [C3]),
            plan("upgrade", "+1", [A1]),
            plan("upgrade", "+2"),
            plan("upgrade", "+5"),
            plan("upgrade", "b2b2"),
            plan("upgrade", "head-1"),
            plan("upgrade", "a1a1", [C3]),
            plan("upgrade", "b2b2+1"),
            plan("upgrade", "zzzz"),
            plan("upgrade", "-1", [C3]),
            plan("downgrade", "-1", [C3]),
            plan("downgrade", "-2", [C3]),
            plan("downgrade", "-1"),
            plan("downgrade", "+1", [A1]),
            plan("downgrade", "base", [C3]),
            plan("downgrade", "base"),
            plan("downgrade", "a1a1", [A1]),
            plan("downgrade", "c3c3", [A1]),
            plan("downgrade", "a1a1-1", [B2]),
            plan("downgrade", "a1a1+1", [C3]),
            plan("downgrade", "base-1", [C3]),
            plan("stamp", "b2b2", [C3]),
            plan("stamp", "base", [B2]),
            plan("stamp", "head"),
            plan("stamp", "heads", [A1]),
            plan("stamp", "a1a1", [C3], purge=True),
        ],
    )
    f.finish()


def empty_versions():
    f = Fixture("empty-versions")
    f.init()
    f.write("migrations/versions/.gitkeep", "")
    f.expect(
        description="A fresh `alembic init`: no revisions (the .gitkeep keeps the empty directory in git).",
        resolve=["head", "heads", "base", "a1a1", "-1"],
        history=[":", "base:heads"],
        plans=[plan("upgrade", "head"), plan("upgrade", "heads"), plan("downgrade", "base"), plan("stamp", "head"),
               plan("upgrade", "+1")],
    )
    f.finish()


def single_base():
    f = Fixture("single-base")
    f.init()
    f.rev(A1, "only revision")
    f.expect(
        description="One revision that is both the base and the head.",
        resolve=["head", "heads", "base", "a1a1", "-1", "-2", "a1a1@head"],
        history=[":", "a1a1:", ":a1a1", "base:a1a1"],
        plans=[plan("upgrade", "head"), plan("upgrade", "+1"), plan("upgrade", "+2"), plan("downgrade", "-1", [A1]),
               plan("downgrade", "base", [A1]), plan("downgrade", "-2", [A1]), plan("stamp", "a1a1"),
               plan("stamp", "base", [A1])],
    )
    f.finish()


def branchpoint():
    f = Fixture("branchpoint")
    f.init()
    f.rev(A1, "create users")
    f.rev(B2, "add email")
    f.rev(C3, "branch one")
    f.rev(D4, "branch two", head=B2, splice=True)
    f.expect(
        description="a1 -> b2 -> {c3, d4}: a branch point and two unmerged heads.",
        resolve=["head", "heads", "base", "b2b2", "c3c3@head", "d4d4@head", "b2b2@head", "a1a1@heads", "-1", "-2",
                 "c3c3@-1"],
        history=[":", "c3c3:", "b2b2:", "c3c3:d4d4", ":c3c3", "a1a1:d4d4", "b2b2:heads", "b2b2:head"],
        plans=[
            plan("upgrade", "heads"),
            plan("upgrade", "head"),
            plan("upgrade", "c3c3"),
            plan("upgrade", "d4d4", [C3]),
            plan("upgrade", "+1", [B2]),
            plan("upgrade", "c3c3@+1", [B2]),
            plan("upgrade", "heads", [C3]),
            plan("downgrade", "b2b2", [C3, D4]),
            plan("downgrade", "base", [C3, D4]),
            plan("downgrade", "c3c3@-1", [C3, D4]),
            plan("downgrade", "d4d4@base", [C3, D4]),
            plan("downgrade", "c3c3", [C3, D4]),
            plan("stamp", "d4d4", [C3]),
            plan("stamp", "heads", [C3]),
            plan("stamp", "b2b2", [C3, D4]),
            plan("stamp", [C3, D4]),
        ],
    )
    f.finish()


def merge():
    f = Fixture("merge")
    f.init()
    f.rev(A1, "create users")
    f.rev(B2, "add email")
    f.rev(C3, "branch one")
    f.rev(D4, "branch two", head=B2, splice=True)
    f.merge([D4, C3], E5, "merge c3 and d4")
    f.rev(F6, "after merge")
    f.expect(
        description="p1 of the semantics doc: a1 -> b2 -> {c3, d4} -> e5 = merge(d4, c3) -> f6.",
        resolve=["head", "heads", "base", "e5e5", "-1", "-2", "-3", "c3c3@head", "d4d4@head", "e5", "b2b2@head"],
        history=[":", "b2b2:e5e5", "c3c3:", "c3c3:+1", ":b2b2", ":-2", "c3c3:d4d4", "d4d4:", "e5e5:f6f6", "head:",
                 "a1a1:+3"],
        plans=[
            plan("upgrade", "heads"),
            plan("upgrade", "head"),
            plan("upgrade", "c3c3"),
            plan("upgrade", "d4d4", [C3]),
            plan("upgrade", "+1", [D4]),
            plan("upgrade", "heads", [C3, D4]),
            plan("upgrade", "b2b2", [F6]),
            plan("upgrade", "f6f6+1"),
            plan("upgrade", "e5e5-1", [B2]),
            plan("downgrade", "b2b2", [F6]),
            plan("downgrade", "c3c3", [E5]),
            plan("downgrade", "d4d4", [E5]),
            plan("downgrade", "-1", [E5]),
            plan("downgrade", "-1", [F6]),
            plan("downgrade", "b2b2", [C3, D4]),
            plan("downgrade", "base", [F6]),
            plan("downgrade", "a1a1", [F6]),
            plan("downgrade", "base", [C3, D4]),
            plan("stamp", "c3c3"),
            plan("stamp", "d4d4", [C3]),
            plan("stamp", "heads", [C3, D4]),
            plan("stamp", "b2b2", [F6]),
            plan("stamp", [C3, D4], [B2]),
            plan("stamp", "a1a1", [C3, D4]),
            plan("stamp", [F6, C3], [A1]),
            plan("stamp", "base", [C3, F6]),
        ],
    )
    f.finish()


def merge_three_heads():
    f = Fixture("merge-three-heads")
    f.init()
    f.rev(A1, "root")
    f.rev("b1b1b1b1b1b1", "left")
    f.rev("b2b2b2b2b2b2", "middle", head=A1, splice=True)
    f.rev("b3b3b3b3b3b3", "right", head=A1, splice=True)
    f.merge(["b2b2b2b2b2b2", "b3b3b3b3b3b3", "b1b1b1b1b1b1"], "c4c4c4c4c4c4", "merge three heads")
    f.expect(
        description="a1 -> {b1, b2, b3} -> c4 = merge(b2, b3, b1): one merge of three heads (tuple order differs from file order).",
        resolve=["head", "heads", "base", "-1", "c4c4", "b1b1@head"],
        history=[":", "b1b1:", "a1a1:c4c4", "b2b2:b3b3"],
        plans=[
            plan("upgrade", "heads"),
            plan("upgrade", "heads", ["b1b1b1b1b1b1"]),
            plan("upgrade", "heads", ["b1b1b1b1b1b1", "b3b3b3b3b3b3"]),
            plan("upgrade", "b2b2", ["b1b1b1b1b1b1"]),
            plan("downgrade", "a1a1", ["c4c4c4c4c4c4"]),
            plan("downgrade", "b2b2", ["c4c4c4c4c4c4"]),
            plan("downgrade", "-1", ["c4c4c4c4c4c4"]),
            plan("downgrade", "base", ["c4c4c4c4c4c4"]),
            plan("stamp", "a1a1", ["b1b1b1b1b1b1", "b2b2b2b2b2b2", "b3b3b3b3b3b3"]),
            plan("stamp", "heads", ["b1b1b1b1b1b1", "b2b2b2b2b2b2"]),
        ],
    )
    f.finish()


def multiple_heads():
    f = Fixture("multiple-heads")
    f.init()
    f.rev(A1, "app one")
    f.rev("a2a2a2a2a2a2", "app two")
    f.rev("e1e1e1e1e1e1", "other root", head="base")
    f.rev("e2e2e2e2e2e2", "other two", head="e1e1e1e1e1e1")
    f.expect(
        description="Two independent roots a1 -> a2 and e1 -> e2: two bases, two heads, no branch point.",
        resolve=["head", "heads", "base", "-1", "e1e1@head", "a2a2@head", "a1a1@e2e2", "-2", "-3"],
        history=[":", "e1e1:", "a1a1:e2e2", ":a2a2", "base:e2e2"],
        plans=[
            plan("upgrade", "heads"),
            plan("upgrade", "head"),
            plan("upgrade", "e2e2", ["a2a2a2a2a2a2"]),
            plan("upgrade", "e1e1@head"),
            plan("upgrade", "+1"),
            plan("upgrade", "e1e1@+1"),
            plan("downgrade", "base", ["a2a2a2a2a2a2", "e2e2e2e2e2e2"]),
            plan("downgrade", "e1e1", ["a2a2a2a2a2a2", "e2e2e2e2e2e2"]),
            plan("downgrade", "e1e1@base", ["a2a2a2a2a2a2", "e2e2e2e2e2e2"]),
            plan("downgrade", "a1a1@-1", ["a2a2a2a2a2a2", "e2e2e2e2e2e2"]),
            plan("stamp", "base", ["a2a2a2a2a2a2", "e2e2e2e2e2e2"]),
            plan("stamp", "e1e1", ["a2a2a2a2a2a2", "e2e2e2e2e2e2"]),
        ],
    )
    f.finish()


ALL = [linear, empty_versions, single_base, branchpoint, merge, merge_three_heads, multiple_heads]
