"""Keeps database passwords out of everything the bootstrap writes.

The password reaches Python through the environment only; from there it lives in the URL that
env.py reads. SQLAlchemy 1.4 renders that URL *with* the password in ``str(url)`` (only ``repr``
hides it), and some errors quote the URL string they failed on, so every line written to stdout or
stderr is scrubbed here, and the extension scrubs it once more on its side.
"""
import io
import re
from urllib.parse import quote, quote_plus

MASK = "***"

# The password of a URL rendered by SQLAlchemy: between "scheme://user:" and the last "@".
_RENDERED_PASSWORD = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://[^:/@]*:(.*)@[^@]*$", re.S)

# scheme://user:password@  ->  scheme://user:***@   (any URL, not only ours)
_URL_USERINFO = re.compile(r"(\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@'\"]*):([^\s@'\"]+)@")


def _rfc1738(text):
    # The quoting SQLAlchemy 1.4 applies to a password when rendering a URL.
    return re.sub(r"[:@/]", lambda m: "%%%X" % ord(m.group(0)), text)


class Redactor:
    """Replaces every known secret (and its URL-quoted spellings) with ``***``."""

    def __init__(self):
        self._secrets = []

    def add(self, secret):
        if not secret:
            return
        forms = (secret, quote(secret, safe=""), quote_plus(secret), _rfc1738(secret), _rfc1738(secret.replace("%", "%25")))
        for form in forms:
            for variant in (form, form.replace("%", "%%")):
                if variant and variant not in self._secrets:
                    self._secrets.append(variant)
        # Longest first, so a secret that contains another is replaced whole.
        self._secrets.sort(key=len, reverse=True)

    def add_from_url(self, rendered):
        """Adds the password part of a rendered URL exactly as it is spelled there."""
        match = _RENDERED_PASSWORD.match(rendered or "")
        if match:
            self.add(match.group(1))

    def __call__(self, text):
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return _URL_USERINFO.sub(lambda m: m.group(1) + ":" + MASK + "@", text)

    def deep(self, value):
        """The same, applied to every string inside a JSON-like value."""
        if isinstance(value, str):
            return self(value)
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.deep(v) for v in value]
        return value


class RedactingStream(io.TextIOBase):
    """A text stream that scrubs whole lines before passing them on.

    Lines are held until their newline so that a secret written in several pieces (``print`` writes
    its arguments one by one) is still seen whole.
    """

    def __init__(self, inner, redact):
        super().__init__()
        self._inner = inner
        self._redact = redact
        self._pending = ""

    def writable(self):
        return True

    def write(self, text):
        self._pending += text
        if "\n" in self._pending:
            complete, _, self._pending = self._pending.rpartition("\n")
            self._inner.write(self._redact(complete + "\n"))
            self._inner.flush()
        return len(text)

    def flush(self):
        pending, self._pending = self._pending, ""
        if pending:
            self._inner.write(self._redact(pending))
        self._inner.flush()

    def isatty(self):
        return False

    def fileno(self):
        return self._inner.fileno()

    @property
    def encoding(self):
        return getattr(self._inner, "encoding", "utf-8")

    @property
    def errors(self):
        return getattr(self._inner, "errors", "strict")
