"""The real-Alembic oracle: what Debian's Alembic (1.8.1) answers for one fixture project.

    /usr/bin/python3 test/integration/oracle.py FIXTURE_DIR

Reads FIXTURE_DIR/expect.json (config, identifiers, history ranges, plans) and prints one JSON object:
the load outcome, the revisions, heads/bases/branch and merge points, history order, each identifier's
resolution, each history range and each plan (run for real, online, against a scratch SQLite file).

Determinism: 1.8.1 lists version directories with `os.listdir`, whose order is arbitrary; the newest
Alembic sorts file names. `os.listdir` is patched to return sorted names so 1.8.1 loads files in the
newest Alembic's order. Set iteration order (label lists, "Branches into") depends on the hash seed, so
the oracle re-executes itself with PYTHONHASHSEED=0. No bytecode is written (the fixtures stay clean).

Three things newer than 1.8.1 are emulated (and listed under "emulated" in the output): main's
downgrade row bookkeeping (the 1.13.1 fix for normalised down revisions that overlap through
depends_on, semantics doc 4.4), by replacing `RevisionStep._unmerge_to_revisions`;
`recursive_version_locations = true` (1.10: main walks each location top-down, files sorted, then
subdirectories in sorted order, skipping `*__pycache__`) by expanding the locations into that walk; and
pyproject.toml `[tool.alembic]` (1.16: ini keys win key by key, strings get `%(here)s`, lists are
lists) by copying the table into the Config. Those live in oracle_compat.py.
"""
import io
import json
import os
import sqlite3
import sys
import tempfile
import warnings

if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable, *sys.argv], dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1"))
sys.dont_write_bytecode = True

_real_listdir = os.listdir


def _sorted_listdir(path="."):
    return sorted(_real_listdir(path))


os.listdir = _sorted_listdir

import alembic  # noqa: E402
from alembic import command  # noqa: E402
from alembic.runtime.migration import HeadMaintainer, RevisionStep  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from alembic.script import revision as rv  # noqa: E402
from alembic import util  # noqa: E402
from alembic.util import CommandError  # noqa: E402
from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from oracle_compat import EMULATED, STEPS_DIFFER_IN_MAIN, TOP_LOCATIONS, make_config  # noqa: E402

FIXTURE = ""


# --------------------------------------------------------------------------------------------
# Recording what Alembic does


WALKED: list = []
STEPS: list = []

_orig_walk = ScriptDirectory.walk_revisions


def _walk(self, base="base", head="heads"):
    for sc in _orig_walk(self, base, head):
        WALKED.append(sc.revision)
        yield sc


ScriptDirectory.walk_revisions = _walk

_orig_update = HeadMaintainer.update_to_step




def _update_to_step(self, step):
    _orig_update(self, step)
    is_rev = isinstance(step, RevisionStep)
    STEPS.append({
        "kind": ("upgrade" if step.is_upgrade else "downgrade") if is_rev else "stamp",
        "revision": step.revision.revision if is_rev else None,
        "from": list(step.from_revisions_no_deps),
        "to": list(step.to_revisions_no_deps),
        "rowsAfter": sorted(self.heads),
        "log": "Running " + str(step),
    })


HeadMaintainer.update_to_step = _update_to_step


def error_of(exc: BaseException) -> dict:
    """The CLI's `FAILED: <text>` text for a CommandError; type and text for anything else (a traceback)."""
    text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
    return {"type": type(exc).__name__, "message": text.replace(FIXTURE, "<fixture>"), "cli": isinstance(exc, CommandError)}


# --------------------------------------------------------------------------------------------
# Loading


def classify_load(exc: BaseException, warned: list) -> str:
    msg = str(exc)
    if isinstance(exc, rv.DependencyLoopDetected):
        return "dependency-self-loop"
    if isinstance(exc, rv.LoopDetected):
        return "self-loop"
    if isinstance(exc, rv.DependencyCycleDetected):
        return "dependency-cycle"
    if isinstance(exc, rv.CycleDetected):
        return "cycle"
    if isinstance(exc, KeyError):
        return "broken-down-revision" if any(w["kind"] == "missing-reference" for w in warned) else "key-error"
    if isinstance(exc, rv.RevisionError) and msg.startswith("Branch name"):
        return "branch-label-conflict"
    if isinstance(exc, rv.RevisionError) and msg.startswith("Character(s)"):
        return "illegal-revision-id-character"
    if isinstance(exc, TypeError):
        return "revision-not-a-string"
    if isinstance(exc, CommandError) and "Could not determine revision id" in msg:
        return "missing-revision"
    if isinstance(exc, SyntaxError):
        return "syntax-error"
    if isinstance(exc, AttributeError) and "down_revision" in msg:
        return "missing-down-revision"
    if isinstance(exc, ValueError) and "version_path_separator" in msg:
        return "config-error"
    if isinstance(exc, CommandError) and ("script_location" in msg or "config file" in msg):
        return "config-error"
    return "other"


def classify_warning(text: str) -> str:
    if "is present more than once" in text:
        return "duplicate-revision-id"
    if "loaded twice" in text:
        return "file-loaded-twice"
    if "is not present" in text:
        return "missing-reference"
    return "other"


def load(spec: dict):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        error = None
        script = None
        try:
            script = ScriptDirectory.from_config(make_config(spec))
            script.revision_map.heads  # builds the map: every load-time error surfaces here
        except BaseException as exc:  # noqa: BLE001 - anything Alembic raises is an answer
            error = exc
    warned = [{"kind": classify_warning(str(w.message)), "message": str(w.message).replace(FIXTURE, "<fixture>")}
              for w in caught if issubclass(w.category, UserWarning)]
    if error is not None:
        return None, {"ok": False, "kind": classify_load(error, warned), "error": error_of(error), "warnings": warned}
    kinds = [w["kind"] for w in warned if w["kind"] != "other"]
    return script, {"ok": True, "kind": "ok", "warnings": warned, "warningKinds": kinds}


def relative_file(path: str) -> str:
    path = os.path.abspath(path)
    for top in sorted(TOP_LOCATIONS, key=len, reverse=True):
        if path.startswith(top.rstrip(os.sep) + os.sep):
            return os.path.relpath(path, top).replace(os.sep, "/")
    return path.replace(FIXTURE, "<fixture>")


def graph(script: ScriptDirectory) -> dict:
    rmap = script.revision_map
    revs = [v for k, v in rmap._revision_map.items() if isinstance(k, str) and v is not None and v.revision == k]
    out = {
        "revisions": [{
            "id": r.revision,
            "file": relative_file(r.path),
            "down_revisions": list(r._versioned_down_revisions),
            "depends_on": list(util.to_tuple(r.dependencies, default=())),
            "branch_labels": list(r._orig_branch_labels),
            "labels": sorted(r.branch_labels),
            "message": r.doc,
        } for r in revs],
        "heads": list(rmap.heads),
        "real_heads": list(rmap._real_heads),
        "bases": list(rmap.bases),
        "real_bases": list(rmap._real_bases),
        "branchpoints": [r.revision for r in revs if r.is_branch_point],
        "mergepoints": [r.revision for r in revs if r.is_merge_point],
    }
    try:
        out["history"] = [sc.revision for sc in script.walk_revisions()]
    except BaseException as exc:  # noqa: BLE001
        out["history"] = None
        out["historyError"] = error_of(exc)
    return out


# --------------------------------------------------------------------------------------------
# Queries


def resolve(spec: dict, script: ScriptDirectory, ident: str) -> dict:
    """What `alembic show IDENT` answers: the ids `get_revisions` gives, or how `show` fails (it also
    fails where `get_revisions` hands back None, e.g. `-N` walking past base: AttributeError)."""
    try:
        found = script.get_revisions(ident)
        command.show(make_config(spec), ident)
        return {"ok": True, "value": [s.revision for s in found]}
    except BaseException as exc:  # noqa: BLE001
        return {"ok": False, "error": error_of(exc)}


def history(spec: dict, rev_range: str) -> dict:
    buf = io.StringIO()
    WALKED.clear()
    try:
        command.history(make_config(spec, stdout=buf), rev_range)
        return {"ok": True, "value": list(WALKED), "text": buf.getvalue()}
    except BaseException as exc:  # noqa: BLE001
        return {"ok": False, "error": error_of(exc), "partial": list(WALKED)}


def texts(spec: dict) -> dict:
    """What `heads`, `heads --resolve-dependencies`, `history` and `branches` print (for render tests)."""
    out = {}
    for name, fn in (("heads", lambda c: command.heads(c)),
                     ("heads_resolved", lambda c: command.heads(c, resolve_dependencies=True)),
                     ("history", lambda c: command.history(c)),
                     ("branches", lambda c: command.branches(c))):
        buf = io.StringIO()
        try:
            fn(make_config(spec, stdout=buf))
            out[name] = buf.getvalue()
        except BaseException as exc:  # noqa: BLE001
            out[name] = {"error": error_of(exc)}
    return out


@event.listens_for(Engine, "connect")
def _no_fsync(dbapi_connection, _record):
    # The scratch databases are thrown away: skip fsync (SQLite commits once per migration step).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.execute("PRAGMA journal_mode=MEMORY")
    cursor.close()


SCRATCH_ROOT = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def run_plan(spec: dict, p: dict) -> dict:
    with tempfile.TemporaryDirectory(prefix="alembic-oracle-", dir=SCRATCH_ROOT) as tmp:
        db = os.path.join(tmp, "scratch.db")
        if p.get("from"):
            with sqlite3.connect(db) as conn:
                conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                             "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))")
                conn.executemany("INSERT INTO alembic_version (version_num) VALUES (?)", [(r,) for r in p["from"]])
            conn.close()
        cfg = make_config(spec, url=f"sqlite:///{db}")
        STEPS.clear()
        STEPS_DIFFER_IN_MAIN.clear()
        result: dict = {}
        try:
            target = p["target"]
            if p["command"] == "upgrade":
                command.upgrade(cfg, target)
            elif p["command"] == "downgrade":
                command.downgrade(cfg, target)
            elif p["command"] == "stamp":
                command.stamp(cfg, target, purge=bool(p.get("purge")))
            else:
                raise ValueError(f"unknown plan command {p['command']}")
            result["ok"] = True
        except BaseException as exc:  # noqa: BLE001
            result["ok"] = False
            result["error"] = error_of(exc)
        result["steps"] = list(STEPS)
        result["revisions"] = [s["revision"] for s in STEPS if s["kind"] != "stamp"]
        result["versionTableAfter"] = read_rows(db)
        if STEPS_DIFFER_IN_MAIN:
            EMULATED.add("downgrade-fix-1.13.1")
            result["differsFrom181"] = "rows follow main's 1.13.1 downgrade fix at " + ", ".join(sorted(set(STEPS_DIFFER_IN_MAIN)))
        return result


def read_rows(db: str):
    if not os.path.exists(db):
        return None
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT version_num FROM alembic_version"))
    except sqlite3.OperationalError:
        return None  # no version table
    finally:
        conn.close()


def plan_key(p: dict) -> str:
    """A readable key for a plan query, e.g. `upgrade heads from a1,b2` (used by the comparison layer too)."""
    target = p["target"] if isinstance(p["target"], str) else " ".join(p["target"])
    key = f"{p['command']} {target}"
    if p.get("purge"):
        key += " --purge"
    return key + (f" from {','.join(p['from'])}" if p.get("from") else "")


def main(fixture_dir: str) -> None:
    global FIXTURE
    FIXTURE = os.path.abspath(fixture_dir)
    with open(os.path.join(FIXTURE, "expect.json"), encoding="utf-8") as fh:
        expect = json.load(fh)
    os.chdir(FIXTURE)  # Alembic resolves relative paths against the working directory
    spec = expect.get("config") or {"kind": "ini", "file": "alembic.ini", "section": "alembic"}
    result: dict = {"alembic": alembic.__version__, "fixture": os.path.basename(FIXTURE)}
    script, result["load"] = load(spec)
    if script is not None:
        result.update(graph(script))
        result["texts"] = texts(spec)
        result["resolve"] = {ident: resolve(spec, script, ident) for ident in expect.get("resolve", [])}
        result["historyRanges"] = {r: history(spec, r) for r in expect.get("history", [])}
        result["plans"] = {plan_key(p): run_plan(spec, p) for p in expect.get("plans", [])}
    result["emulated"] = sorted(EMULATED)
    sys.stdout.write(json.dumps(result, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: oracle.py FIXTURE_DIR\n")
        sys.exit(2)
    main(sys.argv[1])
