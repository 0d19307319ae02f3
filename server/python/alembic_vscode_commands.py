"""The commands the bootstrap runs: Alembic's CLI options for each, and the call into alembic.command.

Only options that were given are passed on, and each is checked against the signature of the
installed Alembic's function, so an option this Alembic lacks is a clear "too old" message rather
than a TypeError.
"""
import argparse
import inspect

from alembic_vscode_failure import Unsupported


def build_parser():
    parser = argparse.ArgumentParser(prog="alembic_bootstrap.py")
    parser.add_argument("-x", action="append", default=[], help="argument for env.py")
    sub = parser.add_subparsers(dest="cmd")
    sub.required = True
    for name in ("upgrade", "downgrade"):
        p = sub.add_parser(name)
        p.add_argument("revision")
        p.add_argument("--sql", action="store_true")
        p.add_argument("--tag")
    p = sub.add_parser("stamp")
    p.add_argument("revision", nargs="+")
    p.add_argument("--sql", action="store_true")
    p.add_argument("--tag")
    p.add_argument("--purge", action="store_true")
    for name in ("current", "branches"):
        sub.add_parser(name).add_argument("-v", "--verbose", action="store_true")
    p = sub.add_parser("history")
    p.add_argument("-r", "--rev-range", dest="rev_range")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("-i", "--indicate-current", dest="indicate_current", action="store_true")
    p = sub.add_parser("heads")
    p.add_argument("-v", "--verbose", action="store_true")
    p.add_argument("--resolve-dependencies", dest="resolve_dependencies", action="store_true")
    sub.add_parser("show").add_argument("rev")
    sub.add_parser("check")
    sub.add_parser("list_templates")
    p = sub.add_parser("revision")
    p.add_argument("-m", "--message")
    p.add_argument("--autogenerate", action="store_true")
    p.add_argument("--sql", action="store_true")
    p.add_argument("--head")
    p.add_argument("--splice", action="store_true")
    p.add_argument("--branch-label", dest="branch_label")
    p.add_argument("--depends-on", dest="depends_on", action="append")
    p.add_argument("--version-path", dest="version_path")
    p.add_argument("--rev-id", dest="rev_id")
    p = sub.add_parser("merge")
    p.add_argument("revisions", nargs="+")
    p.add_argument("-m", "--message")
    p.add_argument("--branch-label", dest="branch_label")
    p.add_argument("--rev-id", dest="rev_id")
    p = sub.add_parser("init")
    p.add_argument("directory")
    p.add_argument("-t", "--template", default="generic")
    p.add_argument("--package", action="store_true")
    return parser


def alembic_version():
    import alembic

    return getattr(alembic, "__version__", "unknown")


# Commands added after Alembic 1.8 (the oldest we expect to meet), for a clearer "too old" message.
SINCE = {"check": "1.9"}

OPTIONS = {
    "upgrade": (["revision"], ["sql", "tag"]),
    "downgrade": (["revision"], ["sql", "tag"]),
    "stamp": (["revision"], ["sql", "tag", "purge"]),
    "current": ([], ["verbose"]),
    "branches": ([], ["verbose"]),
    "history": ([], ["rev_range", "verbose", "indicate_current"]),
    "heads": ([], ["verbose", "resolve_dependencies"]),
    "show": (["rev"], []),
    "check": ([], []),
    "list_templates": ([], []),
    "revision": ([], ["message", "autogenerate", "sql", "head", "splice", "branch_label", "depends_on",
                      "version_path", "rev_id"]),
    "merge": (["revisions"], ["message", "branch_label", "rev_id"]),
    "init": (["directory"], ["template", "package"]),
}


def run_command(config, args):
    from alembic import command

    fn = getattr(command, args.cmd, None)
    if fn is None:
        raise Unsupported(
            "alembic %s needs Alembic %s or newer; this environment has Alembic %s. Upgrade Alembic there "
            "(pip install -U alembic)." % (args.cmd, SINCE.get(args.cmd, "(a newer version)"), alembic_version())
        )
    positional, optional = OPTIONS[args.cmd]
    params = inspect.signature(fn).parameters
    kwargs = {}
    for name in optional:
        value = getattr(args, name)
        if value in (None, False, []):
            continue
        if name not in params:
            raise Unsupported("alembic %s has no %s option in Alembic %s" % (args.cmd, name, alembic_version()))
        kwargs[name] = value
    if args.cmd == "stamp" and len(args.revision) == 1:
        args.revision = args.revision[0]
    return fn(config, *[getattr(args, name) for name in positional], **kwargs)


def created_scripts(returned):
    scripts = returned if isinstance(returned, (list, tuple)) else [returned]
    return [{"revision": s.revision, "path": s.path} for s in scripts if hasattr(s, "path")]
