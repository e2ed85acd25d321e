"""The command line: arguments, and the subcommands that work on a store.

Each command prints what it did, or one line saying why it failed, and
returns the process exit code: 0 for success, 1 when it failed or found
problems, 2 for a mistake in the arguments.

:mod:`~viewer.cli.arguments` reads the arguments, :mod:`~viewer.cli.commands`
runs the commands on an open store, :mod:`~viewer.cli.files` those that open
none first (``backup``, ``restore``, ``synth``), and :mod:`~viewer.cli.output`
prints what they all print alike.
"""

from viewer.cli.arguments import build_parser, parse_arguments
from viewer.cli.commands import (
    OPERATIONS,
    OWN_DATABASE_COMMANDS,
    run_command,
    run_own_database_command,
    run_store_command,
)
from viewer.cli.files import FILE_COMMANDS, run_file_command, run_synth
from viewer.cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, PROGRAM, counted, fail

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FILE_COMMANDS",
    "OPERATIONS",
    "OWN_DATABASE_COMMANDS",
    "PROGRAM",
    "build_parser",
    "counted",
    "fail",
    "parse_arguments",
    "run_command",
    "run_file_command",
    "run_own_database_command",
    "run_store_command",
    "run_synth",
]
