"""Fixtures with branch labels and depends_on (semantics doc sections 2.3 and 2.4)."""
from common import Fixture, plan

C1, C2, C3 = "c1000000", "c2000000", "c3000000"
P1, P2, P3 = "p1000000", "p2000000", "p3000000"
M1, M2 = "m1000000", "m2000000"
R1, R2, R3, R4 = (x * 6 for x in ("r1", "r2", "r3", "r4"))


def branch_labels():
    f = Fixture("branch-labels")
    f.init()
    f.rev(C1, "core one", head="base", label="core")
    f.rev(C2, "core two", head="core@head")
    f.rev(C3, "core three", head="core@head")
    f.rev(P1, "plugin one", head="base", label="plugin")
    f.rev(P2, "plugin two", head="plugin@head", depends=(C3,))
    f.rev(P3, "plugin three", head="plugin@head", depends=("core",))
    f.rev(M1, "more one", head="plugin@head", label="more", depends=(C2, "core"))
    f.rev(M2, "more two", head="more@head")
    f.expect(
        description="p2 of the semantics doc: labels core/plugin/more, depends_on on an id, on a label and on both; "
        "c3 is an effective head.",
        resolve=["head", "heads", "base", "core", "plugin", "more", "core@head", "plugin@head", "more@head", "cor@head",
                 "core@c3000000", "core@c3", "plugin@c2000000", "foo@head", "core@base", "c1", "c", "p3000000@head",
                 "-1", "core@-1", "plugin@heads", "core@heads", "mo"],
        history=[":", "core@base:", "plugin@base:", "c1000000:", "p1000000:", ":p3000000", "c2000000:c3000000",
                 "p2000000:m2000000", "more@base:"],
        plans=[
            plan("upgrade", "heads"),
            plan("upgrade", "head"),
            plan("upgrade", "core@head"),
            plan("upgrade", "plugin@head"),
            plan("upgrade", "p2000000"),
            plan("upgrade", "core@+1"),
            plan("upgrade", "core@+1", [C1]),
            plan("upgrade", "plugin@+2", [C3]),
            plan("upgrade", "heads", [C3]),
            plan("upgrade", "m1000000", [P2]),
            plan("downgrade", "core@base", [P3]),
            plan("downgrade", "plugin@base", [M2]),
            # 1.8.1 leaves rows {c1, c2, p1} here, main {c2, p1} (1.13.1 fix; the oracle follows main).
            plan("downgrade", "c2000000", [P3]),
            plan("downgrade", "base", [M2]),
            plan("downgrade", "p1000000", [M2]),
            plan("downgrade", "-1", [M2]),
            plan("downgrade", "more@-1", [M2]),
            plan("stamp", "heads"),
            plan("stamp", "p3000000", [C3]),
            plan("stamp", "core@head", [P1]),
            plan("stamp", "base", [M2]),
        ],
    )
    f.finish()


def label_inheritance():
    f = Fixture("label-inheritance")
    f.init()
    f.rev(R1, "root")
    f.rev(R2, "mid start", label="mid")
    f.rev(R3, "mid end")
    f.rev(R4, "sibling", head=R1, splice=True)
    f.expect(
        description="p4 of the semantics doc: r1 -> r2(mid) -> r3 plus r1 -> r4; r1 is a branch point, so it does "
        "not inherit 'mid'.",
        resolve=["mid", "mid@head", "mid@heads", "mid@base", "mid@r3r3", "mid@r4r4", "heads", "head", "r1r1@head",
                 "-1", "mid@-1"],
        history=[":", "mid@base:", "r1r1:", "r2r2:", "mid@r2r2:", "r4r4:"],
        plans=[
            plan("upgrade", "mid@head"),
            plan("upgrade", "heads"),
            plan("upgrade", "r4r4", [R3]),
            plan("upgrade", "mid@+1", [R1]),
            plan("downgrade", "mid@base", [R3, R4]),
            plan("downgrade", "mid@-1", [R3, R4]),
            plan("downgrade", "r1r1", [R3, R4]),
            plan("stamp", "mid@head", [R4]),
        ],
    )
    f.finish()


def label_inheritance_linear():
    f = Fixture("label-inheritance-linear")
    f.init()
    f.rev(R1, "root")
    f.rev(R2, "mid start", label="mid")
    f.rev(R3, "mid end")
    f.expect(
        description="r1 -> r2(mid) -> r3: the label spreads down to r1 and up to r3.",
        resolve=["mid", "mid@head", "mid@base", "mid@r1r1", "r1r1@head", "head"],
        history=[":", "mid@base:", "mid@r1r1:"],
        plans=[plan("upgrade", "mid@head"), plan("downgrade", "mid@base", [R3]), plan("upgrade", "mid@+1"),
               plan("downgrade", "mid@-1", [R3])],
    )
    f.finish()


def depends_on_id():
    f = Fixture("depends-on-id")
    f.init()
    f.rev("a1a1a1a1a1a1", "app one")
    f.rev("a2a2a2a2a2a2", "app two")
    f.rev("d1d1d1d1d1d1", "data root", head="base", depends=("a1a1a1a1a1a1",))
    f.rev("d2d2d2d2d2d2", "data two", head="d1d1d1d1d1d1")
    f.expect(
        description="d1 is a base that depends_on a1 (an interior revision): two real heads, dependencies pull a1 in.",
        resolve=["head", "heads", "base", "d1d1@head", "-1"],
        history=[":", "d1d1:", "a1a1:", "a1a1:d2d2"],
        plans=[
            plan("upgrade", "heads"),
            plan("upgrade", "d1d1"),
            plan("upgrade", "d2d2", ["a2a2a2a2a2a2"]),
            plan("upgrade", "d1d1@head"),
            plan("downgrade", "base", ["a2a2a2a2a2a2", "d2d2d2d2d2d2"]),
            plan("downgrade", "a1a1", ["a2a2a2a2a2a2", "d2d2d2d2d2d2"]),
            plan("downgrade", "d1d1@base", ["a2a2a2a2a2a2", "d2d2d2d2d2d2"]),
            plan("downgrade", "base", ["a1a1a1a1a1a1", "d1d1d1d1d1d1"]),
            plan("stamp", "d2d2", ["a1a1a1a1a1a1"]),
        ],
    )
    f.finish()


def depends_on_label():
    f = Fixture("depends-on-label")
    f.init()
    f.rev("c1c1c1c1c1c1", "core base", head="base", label="core")
    f.rev("c2c2c2c2c2c2", "core two", head="core@head")
    f.rev("x1x1x1x1x1x1", "extension", head="base", label="ext", depends=("core",))
    f.expect(
        description="x1 depends_on the label 'core', which resolves to c1 (the revision declaring it), not to core's head.",
        resolve=["heads", "head", "core", "ext", "core@head", "ext@head", "ext@base"],
        history=[":", "ext@base:", "core@base:"],
        plans=[
            plan("upgrade", "ext@head"),
            plan("upgrade", "heads"),
            plan("downgrade", "core@base", ["c2c2c2c2c2c2", "x1x1x1x1x1x1"]),
            plan("downgrade", "ext@base", ["c2c2c2c2c2c2", "x1x1x1x1x1x1"]),
            plan("stamp", "ext@head"),
        ],
    )
    f.finish()


def effective_head():
    f = Fixture("effective-head")
    f.init()
    f.rev("c1c1c1c1c1c1", "core one")
    f.rev("c2c2c2c2c2c2", "core two")
    f.rev("p1p1p1p1p1p1", "plugin one", head="base", depends=("c2c2c2c2c2c2",))
    f.expect(
        description="c2 is a versioned head but p1 depends on it: an effective head. `heads` gives only p1, `head` fails.",
        resolve=["head", "heads", "base", "-1", "c2c2@head", "p1p1@head"],
        history=[":", "c1c1:", "p1p1:"],
        plans=[
            plan("upgrade", "heads"),
            plan("upgrade", "head"),
            plan("upgrade", "c2c2"),
            plan("upgrade", "heads", ["c2c2c2c2c2c2"]),
            plan("downgrade", "c1c1", ["p1p1p1p1p1p1"]),
            plan("downgrade", "base", ["p1p1p1p1p1p1"]),
            plan("stamp", "heads"),
            plan("stamp", "c2c2", ["p1p1p1p1p1p1"]),
        ],
    )
    f.finish()


ALL = [branch_labels, label_inheritance, label_inheritance_linear, depends_on_id, depends_on_label, effective_head]
