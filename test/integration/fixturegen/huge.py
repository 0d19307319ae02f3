"""A large generated history (~300 revisions): a trunk with side branches that merge back, one
labelled branch, a few depends_on links, and one side branch left open (two heads).

Ids are a hash of the step number, so file-name order differs from graph order.
The files are written directly in the 1.8.1 template's shape (running `alembic revision` 300 times
would take minutes); `alembic init` still provides the environment.
"""
import hashlib

from common import Fixture, plan

COUNT = 300


def rid(i: int) -> str:
    return hashlib.sha1(f"step {i}".encode()).hexdigest()[:12]


def render(rev: str, down, message: str, labels=None, depends=None) -> str:
    revises = ", ".join(down) if isinstance(down, tuple) else (down or "")
    return f'''"""{message}

Revision ID: {rev}
Revises: {revises}
Create Date: 2024-01-01 00:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = {rev!r}
down_revision = {down!r}
branch_labels = {labels!r}
depends_on = {depends!r}


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
'''


def huge_history():
    f = Fixture("huge-history")
    f.init()
    trunk = None
    side = None
    side_count = 0
    i = 0
    while i < COUNT:
        rev = rid(i)
        labels = depends = None
        if side is not None and i % 25 == 20 and i < COUNT - 30:
            down = (trunk, side)
            message = f"step {i}: merge side branch"
            side = None
            trunk = rev
        elif side is not None and i % 3 == 0:
            down = side
            message = f"step {i}: side work"
            side = rev
        else:
            down = trunk
            message = f"step {i}: trunk"
            if i % 25 == 10:
                # open a side branch from the current trunk head
                side_count += 1
                message = f"step {i}: side branch {side_count} starts"
                if side_count == 3:
                    labels = ("side3",)
                if side_count == 5:
                    depends = rid(i - 40)
                side = rev
            else:
                trunk = rev
        f.write(f"migrations/versions/{rev}_step_{i:03d}.py", render(rev, down, message, labels, depends))
        i += 1
    heads = sorted(x for x in (trunk, side) if x)
    f.expect(
        description=f"{COUNT} generated revisions: trunk plus side branches merged back, a labelled branch "
        "(side3), a depends_on, and one side branch still open.",
        resolve=["heads", "head", "-1", "-5", "side3@head", "side3", rid(0)[:4], rid(150)],
        history=[":", f"{rid(100)}:", f":{rid(50)}", "side3@base:"],
        plans=[plan("upgrade", "heads"), plan("downgrade", "base", heads), plan("downgrade", rid(200), heads),
               plan("upgrade", "side3@head"), plan("stamp", "heads")],
    )
    f.finish()


ALL = [huge_history]
