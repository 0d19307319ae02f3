"""How the oracle makes Debian's Alembic 1.8.1 answer like the newest Alembic (see oracle.py).

Imported by oracle.py after `os.listdir` is patched. Everything emulated is recorded in EMULATED,
which the oracle prints, so a reader of its output knows which answers are 1.8.1's own.
"""
import io
import os
from argparse import Namespace

from alembic.config import Config
from alembic.runtime.migration import RevisionStep
from alembic.script import ScriptDirectory

EMULATED: set = set()
# The configured version locations (before the recursive expansion): files are named relative to these.
TOP_LOCATIONS: list = []
# Downgrade steps whose rows follow main's rule rather than 1.8.1's (reset per plan by the oracle).
STEPS_DIFFER_IN_MAIN: list = []


def make_config(spec: dict, url: str | None = None, stdout=None) -> Config:
    opts = Namespace(x=[f"url={url}"] if url else None)
    out = stdout or io.StringIO()
    kind = spec.get("kind", "ini")
    if kind == "ini":
        cfg = Config(spec.get("file", "alembic.ini"), ini_section=spec.get("section", "alembic"), cmd_opts=opts, stdout=out)
    elif kind == "pyproject":
        cfg = Config(None, cmd_opts=opts, stdout=out)
        merge_pyproject(cfg, spec["file"])
    elif kind == "ini+pyproject":
        cfg = Config(spec["file"], ini_section=spec.get("section", "alembic"), cmd_opts=opts, stdout=out)
        merge_pyproject(cfg, spec["pyproject"])
    elif kind == "configless":
        # What Flask-Migrate does: the ini inside the script directory, script_location set in code.
        loc = spec["scriptLocation"]
        ini = os.path.join(loc, "alembic.ini")
        cfg = Config(ini if os.path.exists(ini) else None, cmd_opts=opts, stdout=out)
        cfg.set_main_option("script_location", loc)
    else:
        raise ValueError(f"unknown config kind {kind}")
    return cfg


def merge_pyproject(cfg: Config, path: str) -> None:
    import tomllib

    EMULATED.add("pyproject")
    with open(path, "rb") as fh:
        table = tomllib.load(fh).get("tool", {}).get("alembic", {})
    here = os.path.dirname(os.path.abspath(path))
    section = cfg.config_ini_section
    for key, value in table.items():
        if key == "post_write_hooks" or cfg.file_config.has_option(section, key):
            continue  # the ini wins, key by key
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, list):
            text = os.pathsep.join(str(v) % {"here": here} for v in value)
            if key == "version_locations":
                cfg.set_main_option("version_path_separator", "os")
        else:
            text = str(value) % {"here": here}
        cfg.set_main_option(key, text.replace("%", "%%"))


_orig_from_config = ScriptDirectory.from_config.__func__


def _from_config(cls, config):
    script = _orig_from_config(cls, config)
    tops = list(script._version_locations)
    TOP_LOCATIONS[:] = tops
    if config.get_main_option("recursive_version_locations") == "true":
        EMULATED.add("recursive_version_locations")
        script.version_locations = [d for top in tops for d in _walk_dirs(top)]
        script.__dict__.pop("_version_locations", None)
    return script


def _walk_dirs(top: str) -> list:
    if not os.path.isdir(top):
        return [top]
    found = []
    for root, dirs, _files in os.walk(top, topdown=True):
        if root.endswith("__pycache__"):
            continue
        found.append(root)
        dirs.sort()
    return found


ScriptDirectory.from_config = classmethod(_from_config)


def _unmerge_to_revisions_main(self, heads):
    """Main's rule (1.13.1, "Fix downgrade when normalized down revisions have overlap via depends_on";
    semantics doc 4.4). When R is the only row, 1.8.1 writes every normalised down revision of R back,
    even one that is an ancestor (with dependencies) of another; main drops those. With other rows left,
    both versions subtract the other rows' ancestors."""
    others = set(heads).difference([self.revision.revision])
    rmap = self.revision_map
    if others:
        covered = {r.revision for r in rmap._get_ancestor_nodes(rmap.get_revisions(others), check=False)}
        return tuple(set(self.to_revisions).difference(covered))
    implied = {
        r.revision
        for target in self.to_revisions
        for r in rmap._get_ancestor_nodes(rmap.get_revisions(target), check=False)
        if r.revision != target
    }
    kept = tuple(set(self.to_revisions).difference(implied))
    if set(kept) != set(self.to_revisions):
        STEPS_DIFFER_IN_MAIN.append(self.revision.revision)
    return kept


RevisionStep._unmerge_to_revisions = _unmerge_to_revisions_main
