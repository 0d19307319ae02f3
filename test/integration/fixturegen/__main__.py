"""Rebuild the fixture projects under test/fixtures/projects/ with Debian's Alembic 1.8.1.

    /usr/bin/python3 test/integration/fixturegen [name ...]

Each fixture is deleted and rebuilt from scratch; the result is deterministic (fixed ids and dates).
"""
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ next to the builder
sys.path.insert(0, str(Path(__file__).resolve().parent))

import broken  # noqa: E402
import configs  # noqa: E402
import files  # noqa: E402
import graphs  # noqa: E402
import huge  # noqa: E402
import labels  # noqa: E402

BUILDERS = graphs.ALL + labels.ALL + broken.ALL + configs.ALL + files.ALL + huge.ALL


def main(names: list[str]) -> None:
    for build in BUILDERS:
        name = build.__name__.replace("_", "-")
        if names and not any(n in name for n in names):
            continue
        build()
        print("built", name)


if __name__ == "__main__":
    main(sys.argv[1:])
