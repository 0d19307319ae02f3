"""Shared helpers for building the fixture projects with Debian's real Alembic (1.8.1).

Every fixture starts as what `alembic init` / `revision` / `merge` write (fixed --rev-id values), then
gets hand edits for the behaviour it shows. Dates are pinned afterwards so a rebuild is byte-identical.
"""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

PYTHON = "/usr/bin/python3"
HERE = Path(__file__).resolve().parent
PROJECTS = HERE.parent.parent / "fixtures" / "projects"
FIXED_DATE = "2024-01-01 00:00:00.000000"
ENV_PY = (HERE / "env_template.py").read_text()

# Alembic's own processes must not leave __pycache__ behind in the fixtures (a sourceless project
# would then load the cached bytecode).
ENV = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")

# The 1.8.1 template's line: harmless until version_locations is set (semantics doc, section 8.1).
GOTCHA_SEPARATOR = re.compile(r"^version_path_separator = os  #.*$", re.M)


class Fixture:
    def __init__(self, name: str):
        self.name = name
        self.dir = PROJECTS / name
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)

    # -- running Alembic -------------------------------------------------------------------
    def alembic(self, *args: str, cwd: Path | None = None) -> str:
        result = subprocess.run(
            [PYTHON, "-m", "alembic", *args],
            cwd=cwd or self.dir,
            env=ENV,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{self.name}: alembic {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
        return result.stdout

    def init(self, location: str = "migrations", *, fix_separator: bool = False, cwd: Path | None = None) -> None:
        """`alembic init`, then the fixture env.py; the generated README stays (it is part of a real project)."""
        self.alembic("init", location, cwd=cwd)
        base = (cwd or self.dir) / location
        (base / "env.py").write_text(ENV_PY)
        if fix_separator:
            self.fix_separator(((cwd or self.dir) / "alembic.ini").relative_to(self.dir).as_posix())

    def fix_separator(self, ini: str = "alembic.ini") -> None:
        self.sub(ini, GOTCHA_SEPARATOR, "version_path_separator = os")

    def rev(
        self,
        rev_id: str,
        message: str,
        *,
        head: str | None = None,
        splice: bool = False,
        label: str | None = None,
        depends: tuple[str, ...] = (),
        version_path: str | None = None,
        extra: tuple[str, ...] = (),
    ) -> Path:
        args = ["revision", "-m", message, "--rev-id", rev_id]
        if head:
            args += ["--head", head]
        if splice:
            args.append("--splice")
        if label:
            args += ["--branch-label", label]
        for d in depends:
            args += ["--depends-on", d]
        if version_path:
            args += ["--version-path", version_path]
        self.alembic(*args, *extra)
        return self.file_of(rev_id)

    def merge(self, revs: list[str], rev_id: str, message: str, extra: tuple[str, ...] = ()) -> Path:
        # Always explicit revisions: `merge heads` would take 1.8.1's listdir order and make the
        # tuple order of the build depend on the file system.
        self.alembic("merge", "-m", message, "--rev-id", rev_id, *extra, *revs)
        return self.file_of(rev_id)

    # -- files ------------------------------------------------------------------------------
    def path(self, rel: str) -> Path:
        return self.dir / rel

    def write(self, rel: str, content: str | bytes) -> Path:
        p = self.path(rel)
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return p

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def file_of(self, rev_id: str, versions: str | None = None) -> Path:
        roots = [self.dir / versions] if versions else [p for p in self.dir.rglob("*") if p.is_dir()] + [self.dir]
        for root in roots:
            for p in sorted(root.glob(f"{rev_id}_*.py")):
                return p
        raise FileNotFoundError(f"{self.name}: no file for {rev_id}")

    def rel(self, p: Path) -> str:
        return p.relative_to(self.dir).as_posix()

    def edit(self, target: str | Path, old: str, new: str, count: int = 1) -> None:
        p = target if isinstance(target, Path) else self.path(target)
        text = p.read_text(encoding="utf-8")
        if text.count(old) != count:
            raise RuntimeError(f"{self.name}: {p.name}: expected {count} x {old!r}, found {text.count(old)}")
        p.write_text(text.replace(old, new), encoding="utf-8")

    def sub(self, target: str | Path, pattern: re.Pattern, new: str) -> None:
        p = target if isinstance(target, Path) else self.path(target)
        text, n = pattern.subn(new, p.read_text(encoding="utf-8"))
        if n != 1:
            raise RuntimeError(f"{self.name}: {p.name}: pattern {pattern.pattern!r} matched {n} times")
        p.write_text(text, encoding="utf-8")

    def set_var(self, target: Path, name: str, value_src: str) -> None:
        """Replace the module-level `name = ...` line written by the template."""
        self.sub(target, re.compile(rf"^{name} = .*$", re.M), f"{name} = {value_src}")

    def ini_set(self, key: str, value: str, ini: str = "alembic.ini", section: str = "alembic") -> None:
        """Add or replace `key = value` in an ini section (textually, keeping the template's comments)."""
        p = self.path(ini)
        lines = p.read_text(encoding="utf-8").split("\n")
        start = lines.index(f"[{section}]")
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
        for i in range(start + 1, end):
            if re.match(rf"{re.escape(key)}\s*=", lines[i]):
                lines[i] = f"{key} = {value}"
                break
        else:
            lines.insert(start + 1, f"{key} = {value}")
        p.write_text("\n".join(lines), encoding="utf-8")

    # -- finishing --------------------------------------------------------------------------
    def expect(self, **data) -> None:
        (self.dir / "expect.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def finish(self) -> None:
        for p in self.dir.rglob("__pycache__"):
            shutil.rmtree(p)
        for p in self.dir.rglob("*.py"):
            pin_date(p)


STAMP = re.compile(rb"Create Date: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?")


def pin_date(p: Path) -> None:
    """Replace the template's creation time with FIXED_DATE (on bytes: some fixtures are latin-1)."""
    raw = p.read_bytes()
    pinned = STAMP.sub(b"Create Date: " + FIXED_DATE.encode(), raw)
    if pinned != raw:
        p.write_bytes(pinned)


def plan(command: str, target, rows: list[str] | None = None, **extra) -> dict:
    """One plan query: run `command target` online from a database holding `rows`."""
    q = {"command": command, "target": target, "from": rows or []}
    q.update(extra)
    return q


def body(fixture: Fixture, path: Path, table: str) -> None:
    """A tiny migration body that runs on SQLite whatever the pre-stamped state (IF [NOT] EXISTS)."""
    fixture.edit(path, "def upgrade() -> None:\n    pass", f'def upgrade() -> None:\n    op.execute("CREATE TABLE IF NOT EXISTS {table} (id INTEGER PRIMARY KEY)")')
    fixture.edit(path, "def downgrade() -> None:\n    pass", f'def downgrade() -> None:\n    op.execute("DROP TABLE IF EXISTS {table}")')
