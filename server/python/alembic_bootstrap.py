"""Runs one Alembic command for the alembic-vscode extension.

    <python> alembic_bootstrap.py [-x key=value ...] <command> [arguments]

The command and its options mirror Alembic's own CLI (upgrade, downgrade, stamp, current, history,
heads, branches, show, check, revision, merge, init, list_templates). The project comes from the
environment, so nothing secret is ever on a command line:

    ALEMBIC_VSCODE_CONFIG           the .ini file (may be absent for a pyproject-only project)
    ALEMBIC_VSCODE_TOML             pyproject.toml with [tool.alembic] (needs Alembic >= 1.16)
    ALEMBIC_VSCODE_SECTION          the ini section (Alembic's -n), default "alembic"
    ALEMBIC_VSCODE_SCRIPT_LOCATION  script_location for a project configured in code (Flask-Migrate)
    ALEMBIC_VSCODE_URL              the database URL, set as sqlalchemy.url on the Config
    ALEMBIC_VSCODE_PASSWORD         the password, put into that URL here (never written anywhere)
    ALEMBIC_VSCODE_ROOT             the project root (for naming files in errors), default the CWD

Progress and the final result are JSON lines on stderr that start with the MARKER of
alembic_vscode_events. Exit status: 0 success, 1 failure, 2 bad arguments, 130 cancelled.
"""
import inspect
import io
import os
import signal
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
# Our helpers are imported without writing __pycache__ into the extension's folder (it may be
# read-only, and must stay clean); the project's own files are compiled as Alembic's CLI would.
_WRITE_BYTECODE, sys.dont_write_bytecode = sys.dont_write_bytecode, True
from alembic_vscode_commands import alembic_version, build_parser, created_scripts, run_command  # noqa: E402
from alembic_vscode_events import Events, StepTracker  # noqa: E402
from alembic_vscode_failure import Unsupported, describe  # noqa: E402
from alembic_vscode_redact import Redactor, RedactingStream  # noqa: E402

sys.dont_write_bytecode = _WRITE_BYTECODE

# Our own directory must not shadow the project's modules (env.py imports the user's code).
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != HERE]

ENV = "ALEMBIC_VSCODE_"


def url_with_password(url, password):
    """The URL text with the password inserted through SQLAlchemy's URL API."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not password:
        return _render(parsed)
    rendered = _render(_set_password(parsed, password))
    if make_url(rendered).password != password:
        # SQLAlchemy 1.4 does not quote "%" when rendering, so "a%41" would come back as "aA".
        rendered = _render(_set_password(parsed, password.replace("%", "%25")))
        if make_url(rendered).password != password:
            raise ValueError("the password cannot be written into a URL by this SQLAlchemy version")
    return rendered


def _set_password(url, password):
    if hasattr(url, "set"):
        return url.set(password=password)
    url.password = password  # SQLAlchemy < 1.4: URL is mutable
    return url


def _render(url):
    if hasattr(url, "render_as_string"):
        return url.render_as_string(hide_password=False)
    return str(url)  # before 1.4, str() kept the password


def build_config(args, stdout, output_buffer):
    from alembic.config import Config

    ini = os.environ.get(ENV + "CONFIG") or None
    toml = os.environ.get(ENV + "TOML") or None
    section = os.environ.get(ENV + "SECTION") or "alembic"
    script_location = os.environ.get(ENV + "SCRIPT_LOCATION") or None
    kwargs = {"ini_section": section, "stdout": stdout, "output_buffer": output_buffer, "cmd_opts": args}
    for path in (ini, toml):
        # Alembic's CLI checks this; its Config() does not, and would fail later with a vaguer message.
        if path and args.cmd not in ("init", "list_templates") and not os.path.isfile(path):
            from alembic.util import CommandError

            raise CommandError("No config file %r found" % path)
    if toml:
        if "toml_file" in inspect.signature(Config.__init__).parameters:
            kwargs["toml_file"] = toml
        elif ini:
            sys.stderr.write(
                "WARNING: Alembic %s does not read pyproject.toml (1.16 does); only %s is used.\n" % (alembic_version(), ini)
            )
        else:
            raise Unsupported(
                "This project is configured in pyproject.toml ([tool.alembic]), which needs Alembic 1.16 "
                "or newer; this environment has Alembic %s. Upgrade Alembic there "
                "(pip install -U \"alembic>=1.16\") or add an alembic.ini." % alembic_version()
            )
    config = Config(ini, **kwargs)
    if script_location:
        config.set_main_option("script_location", script_location)
    return config


class Tee(io.TextIOBase):
    """Offline SQL goes to stdout (as with Alembic's CLI) and is also kept for the result."""

    def __init__(self, out):
        super().__init__()
        self.out = out
        self.kept = io.StringIO()

    def writable(self):
        return True

    def write(self, text):
        self.kept.write(text)
        return self.out.write(text)

    def flush(self):
        self.out.flush()


def _interrupt(signum, frame):
    raise KeyboardInterrupt()


def main(argv):
    redact = Redactor()
    sys.stdout = RedactingStream(sys.stdout, redact)
    sys.stderr = RedactingStream(sys.stderr, redact)
    events = Events(sys.stderr, redact)
    # Read the secrets, then drop them from the environment: hooks and subprocesses don't need them.
    url = os.environ.pop(ENV + "URL", None)
    password = os.environ.pop(ENV + "PASSWORD", None)
    redact.add(password)
    redact.add_from_url(url)  # a password written into the URL itself, even one SQLAlchemy cannot parse
    args = build_parser().parse_args(argv)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _interrupt)  # roll back like Ctrl+C, not die mid-transaction
    root = os.environ.get(ENV + "ROOT") or os.getcwd()
    tracker = StepTracker(events)
    try:
        try:
            import alembic  # noqa: F401
        except ImportError as exc:
            events.emit("result", ok=False, kind="alembic-missing", errorType=type(exc).__name__, message=str(exc))
            return 1
        tracker.install()
        sql_out = Tee(sys.stdout)
        config = build_config(args, sys.stdout, sql_out)
        if url and args.cmd not in ("init", "list_templates"):
            from sqlalchemy.engine import make_url

            redact.add(make_url(url).password)
            # configparser interpolates "%", so a literal one (from quoting) is written "%%".
            rendered = url_with_password(url, password)
            redact.add_from_url(rendered)
            config.set_main_option("sqlalchemy.url", rendered.replace("%", "%%"))
        returned = run_command(config, args)
        sys.stdout.flush()
        events.emit(
            "result", ok=True, command=args.cmd, alembicVersion=alembic_version(),
            sql=sql_out.kept.getvalue() if getattr(args, "sql", False) else None,
            created=created_scripts(returned) if args.cmd in ("revision", "merge") else [],
            startHeads=tracker.start_heads, heads=tracker.heads, stepsFinished=tracker.finished,
        )
        return 0
    except BaseException as exc:  # noqa: B902 - every failure, Ctrl+C included, gets a result line
        if isinstance(exc, SystemExit) and exc.code in (0, None):
            raise
        sys.stdout.flush()
        if type(exc).__name__ in ("CommandError", "Unsupported", "AutogenerateDiffsDetected"):
            sys.stderr.write("FAILED: %s\n" % exc)  # an expected refusal: Alembic's CLI prints no traceback
        else:
            traceback.print_exc()
        facts = describe(exc, tracker, root)
        events.emit(
            "result", ok=False, command=args.cmd, alembicVersion=_safe_version(), startHeads=tracker.start_heads,
            heads=tracker.heads, stepsFinished=tracker.finished, transactionalDdl=tracker.transactional_ddl,
            transactionPerMigration=tracker.per_migration, offline=tracker.as_sql or bool(getattr(args, "sql", False)),
            **facts
        )
        return 130 if isinstance(exc, KeyboardInterrupt) else 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:
                pass  # the reader went away (e.g. piped into `head`)


def _safe_version():
    try:
        return alembic_version()
    except Exception:
        return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
