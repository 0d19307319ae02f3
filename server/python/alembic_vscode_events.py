"""Machine-readable progress for the extension: one JSON line per event on stderr.

Each marker line starts with MARKER so the runner can tell it from Alembic's own log lines. Steps are
followed through the MigrationContext options every env.py passes through ``context.configure``:
the ``fn`` that yields the steps (a step is "started" when it is handed to ``run_migrations``) and
``on_version_apply`` (called once the step's function ran and the version table was updated). This
works whatever logging the project configures (the "Running upgrade a -> b" log line is only
printed when the ``alembic`` logger is at INFO).
"""
import json

MARKER = "@@alembic-vscode@@ "


class Events:
    def __init__(self, stream, redact):
        self._stream = stream
        self._redact = redact

    def emit(self, event, **data):
        record = self._redact.deep(dict(data, event=event))
        self._stream.write(MARKER + json.dumps(record, ensure_ascii=True, default=str) + "\n")
        self._stream.flush()


def _describe(step):
    script = getattr(step, "revision", None)
    revision = getattr(script, "revision", None)
    if revision is None:
        kind = "stamp"
    else:
        kind = "upgrade" if step.is_upgrade else "downgrade"
    return {
        "kind": kind,
        "revision": revision,
        "from": list(getattr(step, "from_revisions_no_deps", ()) or ()),
        "to": list(getattr(step, "to_revisions_no_deps", ()) or ()),
        "message": getattr(step, "doc", None),
    }


class StepTracker:
    """Follows the steps of the run and remembers what the runner needs after a failure."""

    def __init__(self, events):
        self.events = events
        self.start_heads = None  # the version table as the run found it
        self.heads = None  # the version table after the last finished step
        self.current = None  # the step started and not finished
        self.finished = 0
        self.transactional_ddl = None
        self.per_migration = None
        self.as_sql = False

    def install(self):
        from alembic.runtime import migration

        original = migration.MigrationContext.__init__
        tracker = self

        def patched_init(ctx, *args, **kwargs):
            args = list(args)
            if len(args) >= 3:
                args[2] = tracker._wrap_opts(args[2])
            elif "opts" in kwargs:
                kwargs["opts"] = tracker._wrap_opts(kwargs["opts"])
            original(ctx, *args, **kwargs)
            if ctx.opts.get("fn") is not None:
                tracker._note_context(ctx)

        migration.MigrationContext.__init__ = patched_init

    def _wrap_opts(self, opts):
        opts = dict(opts or {})
        fn = opts.get("fn")
        if fn is not None:
            opts["fn"] = self._wrap_fn(fn)
        opts["on_version_apply"] = tuple(opts.get("on_version_apply") or ()) + (self._applied,)
        return opts

    def _note_context(self, ctx):
        impl = getattr(ctx, "impl", None)
        self.transactional_ddl = getattr(impl, "transactional_ddl", None)
        self.per_migration = bool(getattr(ctx, "_transaction_per_migration", False))
        self.as_sql = bool(getattr(ctx, "as_sql", False))

    def _wrap_fn(self, fn):
        tracker = self

        def steps(heads, ctx):
            tracker.start_heads = list(heads or ())
            tracker.heads = list(tracker.start_heads)
            for step in fn(heads, ctx) or ():
                tracker.current = _describe(step)
                tracker.events.emit("step-started", **tracker.current)
                yield step

        return steps

    def _applied(self, ctx=None, step=None, heads=None, run_args=None, **_):
        self.heads = sorted(heads or ())
        done = dict(self.current or {}, heads=self.heads)
        self.current = None
        self.finished += 1
        self.events.emit("step-finished", **done)
