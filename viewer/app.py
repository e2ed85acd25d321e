"""The composition root: builds the store from the arguments and runs a command.

``main.py``, ``python -m viewer`` and the ``accords-viewer`` entry point all
call :func:`main`.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Sequence

from viewer.cli import EXIT_OK, fail, parse_arguments, run_command
from viewer.domain.enums import RecordKind
from viewer.store.bootstrap import open_or_create
from viewer.store.engine import DatabaseFileError
from viewer.store.errors import StoreError
from viewer.store.paths import default_database_path


def current_user() -> str:
    """Who the revision log names as the author of a change: the OS user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(sys.argv[1:] if argv is None else argv)
    path = arguments.db or default_database_path()
    try:
        store, opened = open_or_create(path, current_user(), seed=not arguments.empty)
    except DatabaseFileError as error:
        return fail(str(error))
    try:
        if opened.backup_path is not None:
            print(
                f"Upgraded {path}; the previous version is kept at {opened.backup_path}",
                file=sys.stderr,
            )
        if arguments.command is None:
            counts = ", ".join(
                f"{store.count(kind)} {kind.section.replace('_', ' ')}" for kind in RecordKind
            )
            print(
                f"Database ready at {path} ({counts}).\n"
                "The window is not built yet: it comes in the next version. Until then, "
                "use a command: export, import, check or search (see --help)."
            )
            return EXIT_OK
        return run_command(arguments, store)
    except StoreError as error:
        return fail(str(error))
    finally:
        opened.engine.dispose()
