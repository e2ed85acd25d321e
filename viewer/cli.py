"""The command line: arguments, and the subcommands that work on a store.

Each command prints what it did, or one line saying why it failed, and
returns the process exit code: 0 for success, 1 when it failed or found
problems, 2 for a mistake in the arguments.

Everything printed that holds stored or given text goes through
:func:`~viewer.domain.quoting.printable`: a name holding ``ESC ]0;…`` or
``ESC [2J`` shows as ``\x1b]0;…`` and never retitles or clears the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from viewer import __version__
from viewer.domain.quoting import printable, quoted
from viewer.domain.search_limits import MAX_HITS, MAX_QUERY_CHARS
from viewer.domain.sizes import readable_size
from viewer.store import api

if TYPE_CHECKING:
    from viewer.store.api import Store

PROGRAM = "accords-viewer"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# The most records of one kind `synth` writes (a million events is the
# benchmark's size; ten times that is hours and tens of gigabytes).
MAX_SYNTH_COUNT = 10_000_000
_WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"database file (default: ${api.DB_ENVIRONMENT_VARIABLE}, else "
        "accords.sqlite3 in your user data folder)",
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

    export = commands.add_parser("export", parents=[common], help="export the whole database")
    export.add_argument("path", type=Path, metavar="PATH", help="a .json file, or a folder for CSV")
    export.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json (lossless, the import format) or csv (one file per kind)",
    )

    importer = commands.add_parser(
        "import", parents=[common], help="import an exchange file (all of it or nothing)"
    )
    importer.add_argument("path", type=Path, metavar="PATH")
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

    synth = commands.add_parser(
        "synth",
        help="write a new database of generated records, to try the app at scale",
        description="Write a new database of generated, realistic records: several accords, "
        "states and organisations named in several scripts, people, sources, status actions "
        "and events of every kind, cited, with their revision log. The same seed gives the "
        "same database; `check` passes on it.",
    )
    synth.add_argument("path", type=Path, metavar="PATH", help="the new file (must not exist)")
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
        "--seed",
        type=int,
        default=0,
        metavar="K",
        help="the same seed gives the same database (default: %(default)s)",
    )
    return parser


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


def run_command(
    arguments: argparse.Namespace,
    store: Store,
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    new_database: bool = False,
) -> int:
    """Run the command on ``store``; ``new_database`` says this run created its file.

    An import into a database this run created, that fails or only checks
    the file (``--dry-run``), takes the new file away again: a mistyped
    ``--db`` leaves no database behind that nobody asked for.
    """
    handlers = {"export": _export, "import": _import, "check": _check, "search": _search}
    code = EXIT_FAILED
    out = out or sys.stdout
    try:
        # Damage found while reading (a page SQLite calls malformed, text that
        # does not decode) or a lock held too long ends the command with a
        # message, here, for every command at once.
        with store.failures_explained(OPERATIONS[arguments.command]):
            code = handlers[arguments.command](arguments, store, out, err or sys.stderr)
            out.flush()
    except BrokenPipeError:
        code = _reader_gone(out)
    except (api.DatabaseFileError, api.StoreError) as error:
        code = fail(str(error), err)
    finally:
        unwanted = arguments.command == "import" and (code != EXIT_OK or arguments.dry_run)
        if new_database and unwanted:
            _discard(store)
    return code


OPERATIONS = {
    "export": "exporting",
    "import": "importing",
    "check": "checking",
    "search": "searching",
}
FILE_COMMANDS = ("backup", "restore")


def run_file_command(
    arguments: argparse.Namespace,
    database: Path,
    user: str,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """``backup`` and ``restore``: they work on the database file as a whole."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        if arguments.command == "backup" and arguments.list:
            code = _list_backups(database, out)
            out.flush()
            return code
        if arguments.command == "backup":
            if arguments.path is None:
                print(f"{PROGRAM} backup: give a PATH for the copy, or --list", file=err)
                return EXIT_USAGE
            code = _backup(arguments.path, database, user, out)
        else:
            code = _restore(arguments.backup, database, out, err)
        out.flush()
        return code
    except BrokenPipeError:
        return _reader_gone(out)
    except (api.DatabaseFileError, api.StoreError) as error:
        return fail(str(error), err)
    except OSError as error:
        return fail(f"{error.strerror or error}; nothing was changed", err)


def _backup(target: Path, database: Path, user: str, out: TextIO) -> int:
    store, opened = api.open_or_create(database, user, seed=False, read_only=True)
    try:
        store.save_copy(target)
    finally:
        opened.close()
    size = target.stat().st_size
    print(f"Saved a checked copy of {database} to {target} ({readable_size(size)})", file=out)
    return EXIT_OK


def _list_backups(database: Path, out: TextIO) -> int:
    found = api.list_backups(database)
    folder = api.backup_folder(database)
    if not found:
        print(f"No backups of {database} yet (they are kept in {folder}).", file=out)
        return EXIT_OK
    print(f"Backups of {database}, newest first, in {folder}:", file=out)
    for info in found:
        taken = info.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        print(f"{info.path.name}\t{taken}\t{readable_size(info.size)}\t{info.reason}", file=out)
    return EXIT_OK


def _restore(backup: Path, database: Path, out: TextIO, err: TextIO) -> int:
    in_folder = api.backup_folder(database) / backup
    if not backup.exists() and backup.name == str(backup) and in_folder.is_file():
        backup = in_folder  # named as the list of backups names it
    openness = api.database_openness(database.expanduser().resolve())
    if not openness.known and database.exists():
        print(
            f"{PROGRAM}: note: cannot tell whether {database} is open in another program; "
            "if a window has it open, that window will stop saving",
            file=err,
        )
    damaged_before = {p.name for p in database.parent.glob(f"{database.name}.damaged-*")}
    existed = database.exists()
    kept = api.restore_backup(backup, database)
    print(f"Restored {database} from {backup}.", file=out)
    if kept is not None:
        print(f"The file it replaced was backed up first, to {kept.path}", file=out)
    else:
        set_aside = sorted(
            {p.name for p in database.parent.glob(f"{database.name}.damaged-*")} - damaged_before
        )
        if set_aside:
            kept_as = database.parent / set_aside[-1]
            print(f"The file it replaced was damaged; it was kept as {kept_as}", file=out)
        elif not existed:
            print("There was no database there before.", file=out)
    return EXIT_OK


def _discard(store: Store) -> None:
    """Close ``store`` and delete its database file and journals."""
    files = store.files()
    store.engine.dispose()
    for path in files:
        path.unlink(missing_ok=True)


def run_synth(
    arguments: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """The ``synth`` command: it writes a new file, so it opens no store first."""
    out, err = out or sys.stdout, err or sys.stderr
    size = api.SynthSize(arguments.events, arguments.parties, arguments.sources)
    problems = size.problems()
    if problems:
        for problem in problems:
            print(f"{PROGRAM} synth: {problem}", file=err)
        return EXIT_USAGE
    try:
        written = api.synthesise(
            arguments.path,
            size,
            arguments.seed,
            progress=lambda message: _say(message, err),
        )
    except api.SynthError as error:
        return fail(str(error), err)
    summary = ", ".join(_many(count, table.replace("_", " ")) for table, count in written.items())
    try:
        print(f"Wrote {arguments.path}: {summary}", file=out)
        out.flush()
    except BrokenPipeError:
        return _reader_gone(out)
    return EXIT_OK


def _say(message: str, err: TextIO) -> None:
    """A progress line; none once nobody reads them (the work goes on)."""
    with contextlib.suppress(BrokenPipeError):
        print(message, file=err, flush=True)


def _reader_gone(out: TextIO) -> int:
    """What was printed is no longer read (``| head`` has all it wanted): end
    quietly, exit 1, and point standard output at the null device, so that
    Python's own last flush at exit finds no closed pipe to complain of."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return EXIT_FAILED
    try:
        os.dup2(null, out.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a file (a test's StringIO): nothing will flush it at exit
    finally:
        os.close(null)
    return EXIT_FAILED


def fail(message: str, err: TextIO | None = None) -> int:
    # A message may quote a file or the database: its control characters are
    # escaped, its own line breaks kept.
    shown = "\n".join(printable(line) for line in message.split("\n"))
    print(f"{PROGRAM}: {shown}", file=err or sys.stderr)
    return EXIT_FAILED


def _export(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    path: Path = arguments.path
    if path.resolve() in store.files():
        return fail(f"{path} is the database itself; export to another file", err)
    try:
        if arguments.format == "csv":
            files = api.export_csv(store, path)
            print(f"Wrote {counted(len(files), 'CSV file')} to {printable(str(path))}", file=out)
        else:
            api.export_json(store, path, progress=_progress_line(err, "Exporting"))
            print(f"Wrote {printable(str(path))}", file=out)
    except OSError as error:
        return fail(f"cannot write {path}: {error.strerror or error}", err)
    return EXIT_OK


def _import(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    data, problems = api.read_file(arguments.path)
    if problems:
        return fail(str(problems[0]), err)
    plan = api.plan_import(data, store, progress=_progress_line(err, "Checking"))
    if plan.problems:
        for problem in plan.problems:
            print(printable(str(problem)), file=err)
        return fail(
            f"{counted(len(plan.problems), 'problem')} in {arguments.path}; nothing was imported",
            err,
        )
    summary = (
        ", ".join(
            _many(count, kind.section.replace("_", " ")) for kind, count in api.records_in(plan)
        )
        or "nothing"
    )
    if arguments.dry_run:
        print(f"{printable(str(arguments.path))} is fine: an import would add {summary}", file=out)
        return EXIT_OK
    try:
        api.apply_import(plan, store, progress=_progress_line(err, "Importing"))
    except api.InvalidRecord as refused:  # the database changed since the file was checked
        for problem in refused.problems:
            print(printable(str(problem)), file=err)
        return fail(f"{arguments.path} no longer fits the database; nothing was imported", err)
    except api.StoreError as error:
        return fail(f"{error}; nothing was imported", err)
    print(f"Imported {summary} from {printable(str(arguments.path))}", file=out)
    return EXIT_OK


def _progress_line(err: TextIO, doing: str) -> Callable[[int, int], None] | None:
    """A line on ``err`` that counts the records done, for someone watching a
    terminal; None when ``err`` is not one (a log or a pipe gets the outcome only)."""
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        finished = "\n" if done >= total else ""
        err.write(f"\r{doing}: {done:,} of {total:,} records ({percent}%){finished}")
        err.flush()

    return show


def _check(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    head_wanted: str | None = getattr(arguments, "chain_head", None)
    noted: tuple[int, str] | None = None
    if head_wanted:
        noted = _noted_head(head_wanted)
        if noted is None:
            print(
                f"{PROGRAM} check: --chain-head wants ID:HASH as check --chain-head printed "
                f"it (an entry's number, a colon and 64 hexadecimal digits), not "
                f"{quoted(head_wanted)}",
                file=err,
            )
            return EXIT_USAGE
    if getattr(arguments, "repair", False):
        api.repair_search_index(store)
        print("Rebuilt the search index.", file=out)
    findings = api.run_checks(store, noted)
    for finding in findings:
        print(printable(str(finding)), file=out)
    if head_wanted is not None:
        _print_head(store, findings, noted, out)
    if findings:
        return fail(counted(len(findings), "finding"), err)
    print("No problems found.", file=out)
    return EXIT_OK


def _noted_head(text: str) -> tuple[int, str] | None:
    """A chain head as ``check --chain-head`` prints it: ``ID:HASH``."""
    entry, _, digest = text.strip().partition(":")
    digest = digest.strip().split(" ")[0].lower()
    if not entry.isdigit() or len(digest) != 64 or set(digest) - set("0123456789abcdef"):
        return None
    return int(entry), digest


def _print_head(
    store: Store, findings: Sequence[api.Finding], noted: tuple[int, str] | None, out: TextIO
) -> None:
    """What is known of the chain and of the noted head, then the head to note."""
    broken = any(finding.topic == api.CHAIN_TOPIC for finding in findings)
    if noted is not None and not any(f.topic == api.NOTED_HEAD_TOPIC for f in findings):
        unchanged = f"The noted head {noted[0]}:{noted[1]} is in the log unchanged"
        if broken:
            print(f"{unchanged}, but the chain is broken (see above).", file=out)
        else:
            print(f"{unchanged}: the history up to it was not rewritten.", file=out)
    if broken:
        print("Chain head: none to note, the revision log's chain is broken (see above).", file=out)
        return
    print(
        "The revision log's chain verifies: each entry holds the hash of the one before.", file=out
    )
    print(f"Chain head: {api.chain_head(store)}", file=out)


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``1 problem``, ``2 problems``, ``1,000 entries``: a count and its noun,
    singular for one (``plural`` when the noun does not just take an s)."""
    return f"{count:,} {singular if count == 1 else plural or singular + 's'}"


_SINGULAR = {"parties": "party", "people": "person", "entries": "entry"}


def _many(count: int, plural: str) -> str:
    """:func:`counted` from the plural (a table's or a file section's name)."""
    *words, last = plural.split(" ")
    one = _SINGULAR.get(last, last.removesuffix("s"))
    return counted(count, " ".join([*words, one]), plural)


def _search(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from viewer.domain.query import QueryError, explain, parse  # only `search` needs it

    try:
        query = parse(arguments.query)
    except QueryError as error:
        print(f"{PROGRAM} search: {error}; nothing was searched", file=err)
        return EXIT_USAGE
    for note in explain(query):  # how the query was read, on stderr: stdout stays data
        print(f"{PROGRAM}: note: {printable(note)}", file=err)
    hits = api.search(store, query, limit=arguments.limit, snippets=False)
    if not hits:  # said on stderr: stdout stays what a script reads ("[]" with --json)
        print(f"No records match {quoted(arguments.query)}.", file=err)
    if arguments.json:
        found = [{"kind": hit.kind.value, "key": hit.key, "label": hit.label} for hit in hits]
        print(_printable_json(json.dumps(found, ensure_ascii=False, indent=2)), file=out)
    else:
        for hit in hits:
            print(f"{hit.kind.label}\t{printable(hit.key)}\t{printable(hit.label)}", file=out)
    return EXIT_OK


def _printable_json(text: str) -> str:
    """JSON as ``json.dumps`` writes it, with the control characters it leaves
    as they are (DEL, C1 such as the one-byte CSI ``\\x9b``, invisible ones)
    written as ``\\u`` escapes: the same JSON, safe on a terminal."""
    return "".join(ch if ch.isprintable() or ch == "\n" else json.dumps(ch)[1:-1] for ch in text)
