"""``accords-viewer init-roles --db postgresql://owner@host/db [--apply]``: the
SQL that creates a database's viewer and editor roles (:mod:`viewer.store.roles`),
printed for its administrator, or applied as the connected role."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from viewer.cli.copy_command import location
from viewer.cli.output import EXIT_OK, fail, reader_gone, usage
from viewer.store import api


def run_init_roles(
    arguments: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    given = getattr(arguments, "db", None)
    if given is None:
        return usage("init-roles", "give the database as --db postgresql://owner@host/db", err)
    try:
        address = location(given)
    except api.AddressError as error:
        return usage("init-roles", str(error), err)
    if not isinstance(address, api.ServerAddress):
        return usage(
            "init-roles",
            f"{address} is a file; roles are for a PostgreSQL database "
            "(--db postgresql://owner@host/db)",
            err,
        )
    try:
        roles = api.team_roles(address.database)
        if not arguments.apply:
            out.write(api.role_script(roles))
            out.flush()
            return EXIT_OK
        api.apply_roles(address)
    except api.RoleNameError as error:
        return fail(str(error), err)
    except BrokenPipeError:
        return reader_gone(out)
    except (api.DatabaseFileError, api.StoreError) as error:
        return fail(str(error), err)
    print(f"Created the roles {roles.viewer} and {roles.editor} on {address}.", file=out)
    for line in api.grant_hints(roles):
        print(line.removeprefix("-- ").removeprefix("--"), file=out)
    return EXIT_OK


def add_roles_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roles = commands.add_parser(
        "init-roles",
        help="print (or apply) the SQL that creates a PostgreSQL database's viewer and "
        "editor roles",
        description="Print the SQL that creates the roles DB_viewer (may read) and "
        "DB_editor (may also edit, and add to the revision log without changing it) for "
        "the database, and grants them; with --apply, run it, connected as the URL says "
        "(the database's owner or a superuser). Then grant a role to each user's login: "
        "GRANT DB_viewer TO ana.",
    )
    roles.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="the database, as postgresql://owner@host/dbname",
    )
    roles.add_argument("--apply", action="store_true", help="run the SQL instead of printing it")
