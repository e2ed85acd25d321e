"""The commands that work on an open store: ``export``, ``import``, ``check``
and ``search``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from viewer.cli.copy_command import run_copy
from viewer.cli.import_command import run_import
from viewer.cli.output import (
    EXIT_FAILED,
    EXIT_OK,
    PROGRAM,
    counted,
    fail,
    printable_json,
    progress_line,
    reader_gone,
    usage,
)
from viewer.cli.roles_command import run_init_roles
from viewer.domain.enums import RecordKind
from viewer.domain.quoting import printable, quoted
from viewer.store import api

if TYPE_CHECKING:
    from viewer.store.api import Store


def run_store_command(arguments: argparse.Namespace, location: api.Location, user: str) -> int:
    """Open the database at ``location`` (a file, created at first use, or a
    server's database) and run the command on it.

    A server that cannot be reached, a password it refuses, a database it
    does not have: one line saying so (never the password), exit 1.
    """
    try:
        store, opened = api.open_or_create(location, user, seed=not arguments.empty)
    except api.DatabaseFileError as error:
        return fail(str(error))
    try:
        if opened.backup_path is not None:
            print(
                f"Upgraded {location}; the previous version is kept at {opened.backup_path}",
                file=sys.stderr,
            )
        return run_command(arguments, store, new_database=opened.created)
    except api.StoreError as error:
        return fail(str(error))
    finally:
        opened.close()


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
    handlers = {"export": _export, "import": run_import, "check": _check, "search": _search}
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
        code = reader_gone(out)
    except (api.DatabaseFileError, api.StoreError) as error:
        code = fail(str(error), err)
    finally:
        unwanted = arguments.command == "import" and (code != EXIT_OK or arguments.dry_run)
        if new_database and unwanted:
            _discard(store)
    return code


# The commands that open their own databases: two for `copy`, a server's for `init-roles`.
OWN_DATABASE_COMMANDS = ("copy", "init-roles")


def run_own_database_command(
    arguments: argparse.Namespace, user: str, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    if arguments.command == "copy":
        return run_copy(arguments, user, out, err)
    return run_init_roles(arguments, out, err)


OPERATIONS = {
    "export": "exporting",
    "import": "importing",
    "check": "checking",
    "search": "searching",
}


def _discard(store: Store) -> None:
    """Close ``store`` and delete its database file and journals.

    A server's database is the administrator's: it is left (its tables made,
    empty), never dropped.
    """
    files = [] if store.on_server else store.files()
    store.engine.dispose()
    for path in files:
        path.unlink(missing_ok=True)


def _export(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    path: Path = arguments.path
    if not store.on_server and path.resolve() in store.files():
        return fail(f"{path} is the database itself; export to another file", err)
    if arguments.accord is not None and arguments.format != "timelinejs":
        return usage("export", "--accord goes with --format timelinejs", err)
    sources_of: list[tuple[RecordKind, str]] = arguments.sources_of
    if sources_of and arguments.format not in api.REFERENCE_FORMATS:
        return usage(
            "export", f"--sources-of goes with --format {'|'.join(api.REFERENCE_FORMATS)}", err
        )
    try:
        if arguments.format == "timelinejs":
            _export_timeline(store, path, arguments.accord, out)
        elif arguments.format in api.REFERENCE_FORMATS:
            count = api.export_references(
                store,
                path,
                arguments.format,
                sources_of,
                progress=progress_line(err, "Exporting"),
            )
            print(f"Wrote {counted(count, 'source')} to {printable(str(path))}", file=out)
        elif arguments.format == "csv":
            files = api.export_csv(store, path)
            print(f"Wrote {counted(len(files), 'CSV file')} to {printable(str(path))}", file=out)
        else:
            api.export_json(store, path, progress=progress_line(err, "Exporting"))
            print(f"Wrote {printable(str(path))}", file=out)
    except OSError as error:
        return fail(f"cannot write {path}: {error.strerror or error}", err)
    return EXIT_OK


def _export_timeline(store: Store, path: Path, accord: str | None, out: TextIO) -> None:
    done = api.export_timelinejs(store, path, accord)
    left_out = (
        f"; left out {counted(done.left_out, 'event')} without a known start date"
        if done.left_out
        else ""
    )
    print(
        f"Wrote {counted(done.written, 'event')} of accord {printable(done.accord)} "
        f"to {printable(str(path))}{left_out}",
        file=out,
    )


def _check(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    head_wanted: str | None = getattr(arguments, "chain_head", None)
    noted: tuple[int, str] | None = None
    if head_wanted:
        noted = _noted_head(head_wanted)
        if noted is None:
            return usage(
                "check",
                "--chain-head wants ID:HASH as check --chain-head printed it (an entry's "
                f"number, a colon and 64 hexadecimal digits), not {quoted(head_wanted)}",
                err,
            )
    if getattr(arguments, "repair", False):
        api.repair_search_index(store)
        print("Rebuilt the search index.", file=out)
    findings = api.run_checks(store, noted)
    for finding in findings:
        print(printable(str(finding)), file=out)
    if not any(finding.topic == "integrity" for finding in findings):
        # The evidence that needs attention: warnings, which do not fail the
        # check (claims without a citation fail it, as "citation needed" above).
        for line in api.evidence_report(api.evidence_counts(store)):
            print(line, file=out)
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


def _search(arguments: argparse.Namespace, store: Store, out: TextIO, err: TextIO) -> int:
    from viewer.domain.query import QueryError, explain, parse  # only `search` needs it

    try:
        query = parse(arguments.query)
    except QueryError as error:
        return usage("search", f"{error}; nothing was searched", err)
    for note in explain(query):  # how the query was read, on stderr: stdout stays data
        print(f"{PROGRAM}: note: {printable(note)}", file=err)
    hits = api.search(store, query, limit=arguments.limit, snippets=False)
    if not hits:  # said on stderr: stdout stays what a script reads ("[]" with --json)
        print(f"No records match {quoted(arguments.query)}.", file=err)
    if arguments.json:
        found = [{"kind": hit.kind.value, "key": hit.key, "label": hit.label} for hit in hits]
        print(printable_json(json.dumps(found, ensure_ascii=False, indent=2)), file=out)
    else:
        for hit in hits:
            print(f"{hit.kind.label}\t{printable(hit.key)}\t{printable(hit.label)}", file=out)
    return EXIT_OK
