"""First use: a new database is created and filled with the bundled dataset.

The new file is built under a temporary name beside the target and moved into
place only once the import has succeeded, so no half-filled database is left
(not even when the disk fills up on the way).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import overload

from sqlalchemy.exc import DBAPIError

from viewer.store import database
from viewer.store.database import OpenedDatabase, open_database
from viewer.store.engine import check_file, checkpoint
from viewer.store.errors import StoreError
from viewer.store.exchange import apply_import, plan_import
from viewer.store.file_errors import DatabaseFileError, DiskFull
from viewer.store.locations import Location, ServerAddress
from viewer.store.paths import bundled_dataset
from viewer.store.server_database import OpenedServer
from viewer.store.store import Store

Opened = OpenedDatabase | OpenedServer


@overload
def open_or_create(
    path: Path, user: str, *, seed: bool = True, read_only: bool = False
) -> tuple[Store, OpenedDatabase]: ...
@overload
def open_or_create(
    path: ServerAddress, user: str, *, seed: bool = True, read_only: bool = False
) -> tuple[Store, OpenedServer]: ...
@overload
def open_or_create(
    path: Location, user: str, *, seed: bool = True, read_only: bool = False
) -> tuple[Store, Opened]: ...
def open_or_create(
    path: Location, user: str, *, seed: bool = True, read_only: bool = False
) -> tuple[Store, Opened]:
    """A store on ``path`` (a file, or a server's database); a new one is
    seeded with the bundled dataset unless not ``seed``.

    A file this process may not write (or any, with ``read_only``), or a
    server database the role may only read, is opened read-only:
    ``Store.read_only`` and the opened database's ``read_only`` say so.
    """
    if isinstance(path, ServerAddress):
        return _open_server(path, user, seed=seed, read_only=read_only)
    path = path.expanduser()
    may_write = check_file(path, may_create=not read_only)
    if seed and may_write and not read_only and (not path.exists() or path.stat().st_size == 0):
        _create_seeded(path, user)
        opened = open_database(path)
        opened = OpenedDatabase(opened.path, opened.engine, created=True)
    else:
        opened = open_database(path, read_only=read_only)
    return Store(opened.engine, user, read_only=opened.read_only), opened


def _open_server(
    address: ServerAddress, user: str, *, seed: bool, read_only: bool
) -> tuple[Store, OpenedServer]:
    from viewer.store.server_database import open_server
    from viewer.store.server_engine import database_user

    opened = open_server(address, read_only=read_only)
    try:
        with opened.engine.connect() as connection:
            role = database_user(connection)
    except DBAPIError as error:  # the connection lost since it opened
        opened.close()
        words = str(error.orig).strip().splitlines()
        raise DatabaseFileError(
            f"cannot open {address}: {words[0] if words else 'the server stopped answering'}"
        ) from None
    store = Store(opened.engine, user, read_only=opened.read_only)
    store.role = role
    store.set_author(user)
    if opened.created and seed:
        try:
            plan = plan_import(json.loads(bundled_dataset().read_text(encoding="utf-8")), store)
            apply_import(plan, store)
        except StoreError as error:
            opened.close()
            raise DatabaseFileError(
                f"cannot fill {address} with the bundled dataset: {error}"
            ) from None
    return store, opened


def open_damaged(path: Path, user: str) -> tuple[Store, OpenedDatabase]:
    """A read-only store on a damaged file, with no checks, to export what can be read.

    Nothing is ever written to it; reads may fail where its pages are damaged.
    """
    opened = database.open_damaged(path)
    return Store(opened.engine, user, read_only=True), opened


def _create_seeded(path: Path, user: str) -> None:
    # A name of its own, so that two first runs at once do not share a file.
    try:
        handle, name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".creating"
        )
    except OSError as error:
        raise DatabaseFileError(
            f"cannot create {path}: {error.strerror or error}; nothing was created"
        ) from None
    os.close(handle)
    partial = Path(name)
    try:
        opened = open_database(partial)
        try:
            store = Store(opened.engine, user)
            plan = plan_import(json.loads(bundled_dataset().read_text(encoding="utf-8")), store)
            if plan.problems:
                raise DatabaseFileError(
                    "the bundled dataset has problems: " + "; ".join(map(str, plan.problems[:3]))
                )
            apply_import(plan, store)
            checkpoint(opened.engine)
        finally:
            opened.engine.dispose()
        _move_into_place(partial, path)
    except DiskFull:
        raise DatabaseFileError(
            f"cannot create {path} with the bundled dataset: {DiskFull(path.parent)}"
        ) from None
    except StoreError as error:
        raise DatabaseFileError(f"cannot create {path}: {error}; nothing was created") from None
    except OSError as error:
        raise DatabaseFileError(
            f"cannot create {path}: {error.strerror or error}; nothing was created"
        ) from None
    finally:
        _remove_with_journal(partial)


def _move_into_place(partial: Path, path: Path) -> None:
    """Give ``partial`` the name ``path`` unless another process got there first."""
    if path.exists() and path.stat().st_size == 0:
        path.unlink()
    try:
        os.link(partial, path)  # fails if the name is taken: never replaces a database
    except FileExistsError:
        pass  # another first run finished before us; its database stands
    except OSError:  # a file system without hard links
        if not path.exists():
            partial.replace(path)


def _remove_with_journal(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
