"""The command line's arguments: the parser, and the types that read numbers."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from viewer import __version__
from viewer.cli.copy_command import add_copy_parser
from viewer.cli.output import PROGRAM
from viewer.cli.roles_command import add_roles_parser
from viewer.domain.csl import DEFAULT_STYLE, STYLES
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.quoting import quoted
from viewer.domain.search_limits import MAX_HITS, MAX_QUERY_CHARS
from viewer.domain.status import as_of_day
from viewer.store import api

# The most records of one kind `synth` writes (a million events is the
# benchmark's size; ten times that is hours and tens of gigabytes).
MAX_SYNTH_COUNT = 10_000_000
# The store's reference formats (api.REFERENCE_FORMATS), named here so that
# building the parser (for --version, --help) loads no store module.
REFERENCE_FORMATS = ("csl-json", "bibtex", "ris")
# The URL schemes of a server database (api.parse_location's), named here for
# the same reason: `synth` refuses them without loading SQLAlchemy.
SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=location_argument,
        metavar="PATH|URL",
        default=argparse.SUPPRESS,
        help="database file, or a PostgreSQL database as postgresql://USER@HOST:PORT/NAME"
        "?sslmode=... (its password from ~/.pgpass, PGPASSWORD or the system keyring) "
        f"(default: ${api.DB_ENVIRONMENT_VARIABLE}, else accords.sqlite3 in your user data "
        "folder)",
    )
    common.add_argument(
        "--empty",
        action="store_true",
        default=argparse.SUPPRESS,
        help="create a new database empty instead of with the bundled Abraham Accords dataset",
    )
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        parents=[common],
        description="A cited reference of who takes part in international accords. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PATH",
        help="draw the window (offscreen if there is no display), save it as a PNG and exit",
    )
    parser.add_argument(
        "--select",
        metavar="KIND:NAME",
        help="with the window: select this record, e.g. participant:Kazakhstan "
        "(kinds: participant, event, person, source)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    export = commands.add_parser(
        "export",
        parents=[common],
        help="export the whole database, or its sources for a reference manager",
    )
    export.add_argument("path", type=Path, metavar="PATH", help="a file, or a folder for CSV")
    export.add_argument(
        "--format",
        choices=("json", "csv", "timelinejs", *REFERENCE_FORMATS),
        default="json",
        help="json (lossless, the import format), csv (one file per kind), timelinejs "
        "(one accord's events as a TimelineJS spreadsheet, a CSV file), or the sources "
        "alone as csl-json, bibtex or ris",
    )
    export.add_argument(
        "--accord",
        metavar="KEY",
        help="with --format timelinejs: the accord whose events to export (default: the "
        "accord with the most status actions)",
    )
    export.add_argument(
        "--sources-of",
        type=record_reference,
        action="append",
        default=[],
        metavar="KIND:KEY",
        help="with csl-json, bibtex or ris: only the sources this record cites (a source: "
        "itself), e.g. event:abraham-accords-signing; may be given more than once "
        f"(kinds: {', '.join(RECORD_KIND_WORDS)})",
    )

    importer = commands.add_parser(
        "import",
        parents=[common],
        help="import an exchange file, or sources as CSL-JSON, BibTeX or RIS (all of it or "
        "nothing), merging the records the database already has",
    )
    importer.add_argument("path", type=Path, metavar="PATH")
    importer.add_argument(
        "--format",
        choices=("json", "csl-json", "bibtex", "ris"),
        default=None,
        help="json (the app's exchange file), csl-json, bibtex or ris; by default the file's "
        "extension says (.bib, .ris; a .json file holding a list is CSL-JSON)",
    )
    importer.add_argument(
        "--on-conflict",
        choices=("fail", "skip", "update"),
        default="fail",
        help="what to do with a record the database has with other values: fail (the "
        "default: name each and import nothing), skip (keep the database's), update (take "
        "the file's); identical records are left as they are",
    )
    importer.add_argument(
        "--dry-run",
        action="store_true",
        help="check the file and report, without changing anything",
    )

    checker = commands.add_parser(
        "check",
        parents=[common],
        help="check integrity, citations, dates, history and the search index; "
        "exit 1 if anything is found",
    )
    checker.add_argument(
        "--repair",
        action="store_true",
        help="first rebuild the search index and the columns derived from other rows "
        "(they hold nothing else)",
    )
    checker.add_argument(
        "--chain-head",
        nargs="?",
        const="",
        metavar="ID:HASH",
        help="print the head of the revision log's hash chain (its last entry's id and "
        "hash), to note down; given a head noted earlier, also check that the log still "
        "holds it unchanged (history up to it was not rewritten)",
    )

    finder = commands.add_parser(
        "search",
        parents=[common],
        help='find records matching QUERY (words, "phrases", -word, OR, filters '
        "such as kind:event year:2025; see the README)",
    )
    finder.add_argument("query", metavar="QUERY", help=f"at most {MAX_QUERY_CHARS:,} characters")
    finder.add_argument("--json", action="store_true", help="print the hits as JSON")
    finder.add_argument(
        "--limit",
        type=_bounded(1, MAX_HITS),
        default=200,
        metavar="N",
        help=f"at most this many hits, 1 to {MAX_HITS:,} (default: %(default)s)",
    )

    backup = commands.add_parser(
        "backup",
        parents=[common],
        help="save a consistent, checked copy of the database to PATH",
        description="Save a consistent copy of the database (made with SQLite's backup "
        "API, so it may be taken while the window is open) to PATH, a new file, and check "
        "it with SQLite's integrity check. Backups are also taken on their own: before "
        "each upgrade of the database and once a day by the window, in the backups "
        "folder of your user data folder; --list shows them.",
    )
    backup.add_argument(
        "path", type=Path, nargs="?", metavar="PATH", help="the new file (must not exist)"
    )
    backup.add_argument(
        "--list",
        action="store_true",
        help="list the backups kept for the database, newest first, instead",
    )

    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="put a backup in place of the database (the current file is backed up first)",
        description="Replace the database with BACKUP, after checking that BACKUP is a sound "
        "Accords Viewer database. The current file is first backed up to the backups folder "
        "(or, if it is damaged, renamed beside itself as NAME.damaged-TIME), so nothing is "
        "lost. Close the window before restoring: a database open in another program "
        "is refused, when that can be told (a database in write-ahead-log mode, on Linux "
        "or macOS).",
    )
    restore.add_argument(
        "backup",
        type=Path,
        metavar="BACKUP",
        help="a backup file, or the name of one in the database's backups folder",
    )

    report = commands.add_parser(
        "report",
        parents=[common],
        help="write an accord's report, a PDF, to PATH",
        description="Write the report of an accord as a PDF: its description, the "
        "participants table as of a date, the map and the timeline, every claim with its "
        "citations, and the list of sources they cite. The file is written whole or not at "
        "all; a report already at PATH is replaced.",
    )
    report.add_argument("path", type=Path, metavar="PATH", help="the PDF to write")
    report.add_argument(
        "--accord",
        metavar="KEY",
        help="the accord's key, e.g. abraham-accords (default: the accord with the most "
        "status actions)",
    )
    report.add_argument(
        "--as-of",
        type=as_of_argument,
        metavar="DATE",
        help="the date the table and the pictures show, in any form the app reads "
        "(2021-06-01, 2021-06, June 2021); a partial date means its last day (default: today)",
    )
    report.add_argument(
        "--style",
        choices=list(STYLES),
        default=DEFAULT_STYLE,
        metavar="NAME",
        help="the citation style of the list of sources: "
        + ", ".join(f"{name} ({title})" for name, title in STYLES.items())
        + f" (default: {DEFAULT_STYLE})",
    )

    synth = commands.add_parser(
        "synth",
        help="write a new database of generated records, to try the app at scale",
        description="Write a new database of generated, realistic records: several accords, "
        "states and organisations named in several scripts, people, sources, status actions "
        "and events of every kind, cited, with their revision log. The same seed gives the "
        "same database; `check` passes on it.",
    )
    synth.add_argument(
        "path", type=new_file_argument, metavar="PATH", help="the new file (must not exist)"
    )
    synth.add_argument(
        "--events",
        type=_count,
        default=10_000,
        metavar="N",
        help="how many events (default: %(default)s)",
    )
    synth.add_argument(
        "--parties",
        type=_count,
        default=200,
        metavar="P",
        help="participants (default: %(default)s)",
    )
    synth.add_argument(
        "--sources", type=_count, default=1_000, metavar="S", help="sources (default: %(default)s)"
    )
    synth.add_argument(
        "--accord-parties",
        type=_bounded(0, 249),
        default=0,
        metavar="N",
        help="also add a synthetic accord (key synthetic-accord) with N states, for the "
        "overview at scale (default: %(default)s, no such accord)",
    )
    synth.add_argument(
        "--accord-events",
        type=_count,
        default=0,
        metavar="M",
        help="the synthetic accord's events (default: %(default)s)",
    )
    synth.add_argument(
        "--seed",
        type=int,
        default=0,
        metavar="K",
        help="the same seed gives the same database (default: %(default)s)",
    )
    add_copy_parser(commands)
    add_roles_parser(commands)
    return parser


# The kinds --sources-of reads: the exchange file's names, and "participant" as --select says.
RECORD_KIND_WORDS: dict[str, RecordKind] = {
    **{kind.value: kind for kind in RecordKind},
    "participant": RecordKind.PARTY,
}


def record_reference(text: str) -> tuple[RecordKind, str]:
    """``KIND:KEY`` on the command line: a record's kind and key."""
    kind_name, colon, key = text.partition(":")
    kind = RECORD_KIND_WORDS.get(kind_name.strip().lower())
    if not colon or kind is None or not key.strip():
        raise argparse.ArgumentTypeError(
            f"{quoted(text)} is not KIND:KEY (kinds: {', '.join(RECORD_KIND_WORDS)})"
        )
    return kind, key.strip()


def location_argument(text: str) -> api.Location:
    """``--db``: a database file's path, or a ``postgresql://`` URL (checked)."""
    # The store's reader is loaded only once a --db is given (it needs SQLAlchemy).
    try:
        return api.parse_location(text)
    except api.AddressError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def new_file_argument(text: str) -> Path:
    """``synth``'s PATH: a new SQLite file, never a server's database."""
    if text.split("://", 1)[0].lower() in SERVER_SCHEMES and "://" in text:
        raise argparse.ArgumentTypeError(
            "synth writes a new SQLite file, not a server database: synth into a file, "
            "then copy it to the server with `accords-viewer copy FILE URL`"
        )
    return Path(text)


def as_of_argument(text: str) -> date:
    """The day ``--as-of`` means: the last day of the date given."""
    try:
        return as_of_day(FuzzyDate.from_text(text))
    except DateError as error:
        # The message quotes the text given and says what the app reads.
        raise argparse.ArgumentTypeError(str(error)) from None


def _count(text: str) -> int:
    """A number of records on the command line: a whole number, 0 or more."""
    return _bounded(0, MAX_SYNTH_COUNT)(text)


def _bounded(low: int, high: int) -> Callable[[str], int]:
    """An argument type: a whole number from ``low`` to ``high`` (``_`` or ``,``
    may group its digits), refused with a usage message that says the range."""

    def read(text: str) -> int:
        digits = text.strip().replace("_", "").replace(",", "")
        if not _WHOLE_NUMBER.fullmatch(digits):
            raise argparse.ArgumentTypeError(f"{quoted(text)} is not a whole number")
        # A number longer than the bounds is outside them (and int() refuses
        # one of thousands of digits): it is quoted, cut, in the message.
        if len(digits.lstrip("+-0")) > len(str(max(abs(low), abs(high)))):
            shown, value = quoted(text), low - 1 if digits.startswith("-") else high + 1
        else:
            value = int(digits)
            shown = f"{value:,}"
        if value < low:
            raise argparse.ArgumentTypeError(f"must be {low:,} or more, not {shown}")
        if value > high:
            raise argparse.ArgumentTypeError(f"must be at most {high:,}, not {shown}")
        return value

    return read


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    arguments = build_parser().parse_args(argv)
    for name, default in (("db", None), ("empty", False)):
        if not hasattr(arguments, name):
            setattr(arguments, name, default)
    return arguments
