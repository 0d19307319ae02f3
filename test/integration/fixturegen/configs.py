"""Fixtures about configuration and where migration files are found (semantics doc sections 1.1-1.3, 8)."""
import re
import shutil

from common import ENV_PY, Fixture, GOTCHA_SEPARATOR, plan

A1, B2, C3 = (x * 6 for x in ("a1", "b2", "c3"))
STD_PLANS = [plan("upgrade", "heads"), plan("downgrade", "base")]


def version_locations():
    f = Fixture("version-locations")
    f.init(fix_separator=True)
    (f.dir / "extra_versions").mkdir()
    f.ini_set("version_locations", "%(here)s/migrations/versions:%(here)s/extra_versions")
    f.rev(A1, "app base", version_path="migrations/versions")
    f.rev("e1e1e1e1e1e1", "extra base", head="base", label="extra", version_path="extra_versions")
    f.rev(B2, "app two", head=A1)
    f.rev("e2e2e2e2e2e2", "extra two", head="extra@head")
    f.expect(
        description="Two version locations (os separator): revisions are found in both, in configured order.",
        resolve=["heads", "head", "extra@head", "e1e1"],
        history=[":", "extra@base:"],
        plans=STD_PLANS + [plan("upgrade", "extra@head")],
    )
    f.finish()


def overlapping_version_locations():
    f = Fixture("overlapping-version-locations")
    f.init(fix_separator=True)
    f.rev(A1, "create users")
    f.rev(B2, "add email")
    # The same directory twice: once absolute, once relative to the working directory.
    f.ini_set("version_locations", "%(here)s/migrations/versions:migrations/versions")
    f.expect(
        description="The same directory listed twice: Alembic warns 'File ... loaded twice! ignoring.' and skips the copies.",
        alembic={"kind": "ok", "warnings": ["file-loaded-twice"]},
        engineCodes=["file-loaded-twice"],
        resolve=["heads", "head"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def recursive_version_locations():
    f = Fixture("recursive-version-locations")
    f.init()
    f.ini_set("recursive_version_locations", "true")
    versions = "migrations/versions"
    f.rev(A1, "root")
    y1 = f.rev("y1y1y1y1y1y1", "late root file", head=A1, splice=True)
    b2 = f.rev(B2, "alpha", head=A1, splice=True)
    c3 = f.rev(C3, "alpha deep", head=B2)
    z1 = f.rev("z1z1z1z1z1z1", "zeta", head=A1, splice=True)
    h1 = f.rev("h1h1h1h1h1h1", "hidden dir", head=A1, splice=True)
    moves = {y1: "zz_late.py", b2: "alpha/b2_alpha.py", c3: "alpha/deep/c3_alpha_deep.py", z1: "zeta/z1_zeta.py",
             h1: ".hidden/h1_hidden.py"}
    for src, dest in moves.items():
        target = f.path(f"{versions}/{dest}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(src, target)
    f.expect(
        description="recursive_version_locations = true (Alembic >= 1.10; 1.8.1 has no such option, so the oracle "
        "emulates main's walk: files sorted, then subdirectories top-down in sorted order, hidden ones included).",
        since="1.10",
        resolve=["heads", "head", "-1"],
        history=[":", "b2b2:"],
        plans=STD_PLANS,
    )
    f.finish()


PYPROJECT = """[tool.alembic]
script_location = "%(here)s/migrations"
file_template = "%%(rev)s_%%(slug)s"
prepend_sys_path = ["."]
"""


def pyproject_only():
    f = Fixture("pyproject-only")
    f.init()
    (f.dir / "alembic.ini").unlink()
    f.write("pyproject.toml", '[project]\nname = "pyproject-only"\nversion = "0.1.0"\n\n' + PYPROJECT)
    # 1.8.1 cannot read pyproject.toml: write the revisions as its template would, by hand.
    for rev, down, msg in ((A1, None, "create users"), (B2, A1, "add email")):
        f.write(f"migrations/versions/{rev}_{msg.replace(' ', '_')}.py", _script(rev, down, msg))
    f.expect(
        description="Only pyproject.toml [tool.alembic] (Alembic >= 1.16; the oracle emulates it by copying the "
        "table into a Config, the URL comes from -x url).",
        since="1.16",
        config={"kind": "pyproject", "file": "pyproject.toml"},
        resolve=["heads", "head", "base"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def ini_pyproject_merge():
    f = Fixture("ini-pyproject-merge")
    f.init()
    f.sub("alembic.ini", GOTCHA_SEPARATOR, "path_separator = os")
    (f.dir / "more_versions").mkdir()
    f.write("pyproject.toml", '[tool.alembic]\n# The ini wins key by key: this script_location is ignored.\n'
            'script_location = "%(here)s/not_here"\n'
            'version_locations = ["%(here)s/migrations/versions", "%(here)s/more_versions"]\n')
    f.write(f"migrations/versions/{A1}_create_users.py", _script(A1, None, "create users"))
    f.write(f"more_versions/{B2}_more.py", _script(B2, A1, "more"))
    f.expect(
        description="alembic.ini and pyproject.toml together (Alembic >= 1.16): script_location from the ini (it "
        "wins), version_locations (a TOML list) from pyproject. The oracle emulates the merge.",
        since="1.16",
        config={"kind": "ini+pyproject", "file": "alembic.ini", "pyproject": "pyproject.toml"},
        resolve=["heads", "head"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def named_section():
    f = Fixture("named-section")
    f.init()
    f.rev(A1, "main db base")
    f.alembic("init", "reporting")  # alembic.ini exists already: init leaves it alone
    (f.dir / "reporting" / "env.py").write_text(ENV_PY)
    ini = f.read("alembic.ini")
    section = "\n[reporting]\nscript_location = reporting\nsqlalchemy.url = driver://user:pass@localhost/reporting\n"
    f.write("alembic.ini", ini.replace("\n[post_write_hooks]", section + "\n[post_write_hooks]", 1))
    f.alembic("-n", "reporting", "revision", "-m", "reporting base", "--rev-id", "r1r1r1r1r1r1")
    f.alembic("-n", "reporting", "revision", "-m", "reporting two", "--rev-id", "r2r2r2r2r2r2")
    f.expect(
        description="One alembic.ini with two environments; this fixture asks about the one in [reporting] (-n reporting).",
        config={"kind": "ini", "file": "alembic.ini", "section": "reporting"},
        resolve=["heads", "head", "a1a1", "r1r1"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def package_resource():
    f = Fixture("package-resource-location")
    f.write("myapp/__init__.py", "")
    f.init("myapp/migrations")
    f.sub("alembic.ini", re.compile(r"^script_location = .*$", re.M), "script_location = myapp:migrations")
    f.rev(A1, "create users")
    f.rev(B2, "add email")
    f.expect(
        description="script_location = myapp:migrations (package:path, found through prepend_sys_path = .).",
        resolve=["heads", "head"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


FLASK_INI = """# Flask-Migrate keeps this file inside the migrations folder and sets script_location itself.

[alembic]
# template used to generate migration files
# file_template = %%(rev)s_%%(slug)s

# set to 'true' to run the environment during the 'revision' command
# revision_environment = false

[loggers]
keys = root,sqlalchemy,alembic,flask_migrate

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = INFO
handlers =
qualname = alembic

[logger_flask_migrate]
level = INFO
handlers =
qualname = flask_migrate

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
datefmt = %H:%M:%S
"""

FLASK_ENV = '''"""Flask-Migrate style environment: the URL comes from the Flask app when there is one.

Outside a Flask app (the tests), -x url=... gives it instead.
"""
from logging.config import fileConfig

from sqlalchemy import create_engine, pool

from alembic import context

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)


def get_url():
    x_url = context.get_x_argument(as_dictionary=True).get("url")
    if x_url:
        return x_url
    from flask import current_app  # only inside `flask db ...`

    return current_app.extensions["migrate"].db.engine.url.render_as_string(hide_password=False)


def run_migrations_offline():
    context.configure(url=get_url(), target_metadata=None, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connectable = create_engine(get_url(), poolclass=pool.NullPool)
    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=None)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''


def flask_migrate():
    f = Fixture("flask-migrate")
    f.init()
    shutil.move(f.dir / "alembic.ini", f.dir / "scratch.ini")
    f.alembic("-c", "scratch.ini", "revision", "-m", "initial migration", "--rev-id", A1)
    f.alembic("-c", "scratch.ini", "revision", "-m", "add posts", "--rev-id", B2)
    (f.dir / "scratch.ini").unlink()
    (f.dir / "migrations" / "README").write_text("Single-database configuration for Flask.\n")
    f.write("migrations/alembic.ini", FLASK_INI)
    f.write("migrations/env.py", FLASK_ENV)
    f.expect(
        description="Flask-Migrate layout: no alembic.ini at the root; migrations/ holds alembic.ini (no "
        "script_location), env.py, script.py.mako and versions/.",
        config={"kind": "configless", "scriptLocation": "migrations"},
        resolve=["heads", "head"],
        history=[":"],
        plans=STD_PLANS,
    )
    f.finish()


def path_separator_gotcha():
    f = Fixture("path-separator-gotcha")
    f.init()
    f.rev(A1, "create users")
    f.ini_set("version_locations", "%(here)s/migrations/versions")
    f.expect(
        description="The 1.8.1 template's `version_path_separator = os  # Use os.pathsep. ...` line: inline "
        "comments are not stripped, so once version_locations is set Alembic fails with ValueError.",
        alembic={"kind": "config-error"},
        engineCodes=["invalid-path-separator"],
        resolve=["heads"],
        history=[":"],
        plans=[plan("upgrade", "heads")],
    )
    f.finish()


def _script(rev: str, down: str | None, message: str) -> str:
    """A migration as the 1.8.1 generic template renders it (for projects 1.8.1 cannot drive itself)."""
    return f'''"""{message}

Revision ID: {rev}
Revises: {down or ''}
Create Date: 2024-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = {rev!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
'''


ALL = [version_locations, overlapping_version_locations, recursive_version_locations, pyproject_only,
       ini_pyproject_merge, named_section, package_resource, flask_migrate, path_separator_gotcha]
