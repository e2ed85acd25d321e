"""``accords-viewer copy SOURCE DEST [--merge]``: every record of one database
copied into another, each a SQLite file or a ``postgresql://`` URL
(:mod:`viewer.store.copy`).

Progress goes to standard error, a line per kind read and a line each tenth
of the way; what was copied, on standard output.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from viewer.cli.output import EXIT_OK, fail, reader_gone, say, usage
from viewer.domain.quoting import printable
from viewer.store import api

if TYPE_CHECKING:
    from viewer.store.api import CopyOutcome, Location


def run_copy(
    arguments: argparse.Namespace,
    user: str,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        source = location(arguments.source)
        destination = location(arguments.destination)
    except api.AddressError as error:
        return usage("copy", str(error), err)
    try:
        outcome = api.copy_database(
            source,
            destination,
            user,
            merge=arguments.merge,
            report=lambda message: say(message, err),
        )
    except (api.DatabaseFileError, api.StoreError) as error:
        return fail(str(error), err)
    try:
        print(printable(summary(outcome, source, destination)), file=out)
        out.flush()
    except BrokenPipeError:
        return reader_gone(out)
    return EXIT_OK


def location(value: object) -> Location:
    """A database named on the command line: a path, or a ``postgresql://`` URL
    (as text; a path argparse already made is taken as it is)."""
    if isinstance(value, api.ServerAddress):
        return value
    return api.parse_location(str(value))


def summary(outcome: CopyOutcome, source: Location, destination: Location) -> str:
    merge = outcome.merge
    if not merge.updated and not merge.unchanged and not merge.skipped:
        return f"Copied {outcome.total:,} records from {source} to {destination}"
    return f"Merged {outcome.total:,} records from {source} into {destination}: {merge.summary()}"


def add_copy_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    copier = commands.add_parser(
        "copy",
        help="copy every record of one database into another (a file or a postgresql:// URL "
        "each), in one transaction",
        description="Copy every record of SOURCE (with its citations and roles) into DEST, "
        "in one transaction on DEST: all of it or nothing. Each is a SQLite file or a "
        "postgresql://user@host/dbname URL. A new DEST file is created empty; a DEST "
        "database on a server must exist. DEST's revision log records the copy as an "
        "import; SOURCE's stays with it. A DEST that holds any record is refused unless "
        "--merge.",
    )
    copier.add_argument("source", metavar="SOURCE", help="the database to copy from")
    copier.add_argument("destination", metavar="DEST", help="the database to copy into")
    copier.add_argument(
        "--merge",
        action="store_true",
        help="merge into a DEST that holds records, as import --on-conflict update does: "
        "add the new, update those that differ (logged), leave identical ones as they are",
    )
