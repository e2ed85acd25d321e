"""The commands that open no store first: ``backup`` and ``restore`` work on
the database file as a whole, ``synth`` writes a new one.

They are a SQLite file's: a server database is refused with what to use
instead (its administrator's ``pg_dump``; ``accords-viewer copy`` for a
copy in a file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from viewer.cli.output import EXIT_OK, EXIT_USAGE, PROGRAM, fail, many, reader_gone, say, usage
from viewer.domain.sizes import readable_size
from viewer.store import api

FILE_COMMANDS = ("backup", "restore")
# Why each of them refuses a server database, and what to use instead.
SERVER_REFUSALS = {
    "backup": "backup copies a SQLite file; {database} is a server database: its "
    "administrator backs it up with pg_dump, or save a copy in a file with "
    "`accords-viewer copy {database} FILE`",
    "restore": "restore puts a backup file in place of a SQLite file; {database} is a "
    "server database: its administrator restores it from a pg_dump backup (pg_restore "
    "or psql)",
}


def run_file_command(
    arguments: argparse.Namespace,
    database: api.Location,
    user: str,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """``backup`` and ``restore``: they work on the database file as a whole."""
    out, err = out or sys.stdout, err or sys.stderr
    if not isinstance(database, Path):
        return fail(SERVER_REFUSALS[arguments.command].format(database=database), err)
    try:
        if arguments.command == "backup" and arguments.list:
            code = _list_backups(database, out)
        elif arguments.command == "backup":
            if arguments.path is None:
                return usage("backup", "give a PATH for the copy, or --list", err)
            code = _backup(arguments.path, database, user, out)
        else:
            code = _restore(arguments.backup, database, out, err)
        out.flush()
        return code
    except BrokenPipeError:
        return reader_gone(out)
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
    damaged_before = _damaged_copies(database)
    existed = database.exists()
    kept = api.restore_backup(backup, database)
    print(f"Restored {database} from {backup}.", file=out)
    if kept is not None:
        print(f"The file it replaced was backed up first, to {kept.path}", file=out)
    else:
        set_aside = sorted(_damaged_copies(database) - damaged_before)
        if set_aside:
            kept_as = database.parent / set_aside[-1]
            print(f"The file it replaced was damaged; it was kept as {kept_as}", file=out)
        elif not existed:
            print("There was no database there before.", file=out)
    return EXIT_OK


def _damaged_copies(database: Path) -> set[str]:
    """The names of the damaged files set aside beside ``database``."""
    return {p.name for p in database.parent.glob(f"{database.name}.damaged-*")}


def run_synth(
    arguments: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """The ``synth`` command: it writes a new file, so it opens no store first."""
    out, err = out or sys.stdout, err or sys.stderr
    size = api.SynthSize(arguments.events, arguments.parties, arguments.sources)
    problems = size.problems()
    if problems:
        for problem in problems:
            usage("synth", problem, err)
        return EXIT_USAGE
    try:
        written = api.synthesise(
            arguments.path,
            size,
            arguments.seed,
            progress=lambda message: say(message, err),
        )
        if arguments.accord_parties or arguments.accord_events:
            _synth_accord(arguments, err)
    except api.SynthError as error:
        return fail(str(error), err)
    except (api.DatabaseFileError, api.StoreError) as error:
        return fail(f"{arguments.path} was written, but not its synthetic accord: {error}", err)
    summary = ", ".join(many(count, table) for table, count in written.items())
    try:
        print(f"Wrote {arguments.path}: {summary}", file=out)
        out.flush()
    except BrokenPipeError:
        return reader_gone(out)
    return EXIT_OK


SYNTH_ACCORD = ("synthetic-accord", "Synthetic Accord")


def _synth_accord(arguments: argparse.Namespace, err: TextIO) -> None:
    """Add the synthetic accord of ``--accord-parties`` and ``--accord-events``
    to the database ``synth`` just wrote."""
    store, opened = api.open_or_create(arguments.path, "synth", seed=False)
    try:
        api.synthesise_accord(
            store,
            *SYNTH_ACCORD,
            parties=arguments.accord_parties or 200,
            events=arguments.accord_events,
            seed=arguments.seed,
            progress=lambda message: say(message, err),
        )
    finally:
        opened.close()
