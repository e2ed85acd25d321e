"""Where the database and the bundled data live."""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from viewer.store.locations import Location

APP_NAME = "accords-viewer"
DB_FILENAME = "accords.sqlite3"
DB_ENVIRONMENT_VARIABLE = "ACCORDS_VIEWER_DB"
BUNDLED_DATASET = "abraham-accords.json"


def default_location() -> Location:
    """``$ACCORDS_VIEWER_DB`` (a file's path or a ``postgresql://`` URL), else
    the file in the platform's user data folder.

    Raises :class:`~viewer.store.locations.AddressError` when the variable
    holds a server URL that cannot be used (the message says what is wrong).
    """
    from_environment = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if from_environment:
        # Loaded here: reading a URL needs SQLAlchemy, which `--version` never loads.
        from viewer.store.locations import parse_location

        return parse_location(from_environment)
    return user_data_database()


def default_database_path() -> Path:
    """The default database *file*: ``$ACCORDS_VIEWER_DB`` when it names one,
    else the file in the user data folder (also when the variable names a
    server: see :func:`default_location`)."""
    from viewer.store.locations import AddressError

    try:
        location = default_location()
    except AddressError:
        return user_data_database()
    return location if isinstance(location, Path) else user_data_database()


def user_data_database() -> Path:
    """accords.sqlite3 in the platform's user data folder."""
    return platformdirs.user_data_path(APP_NAME) / DB_FILENAME


def resources_root() -> Traversable:
    """The shipped ``resources/`` folder, installed as ``viewer.resources``."""
    try:
        return resources.files("viewer.resources")
    except ModuleNotFoundError:
        # Running from a source checkout that was not installed.
        return Path(__file__).resolve().parents[2] / "resources"


def bundled_dataset() -> Traversable:
    return resources_root() / "data" / BUNDLED_DATASET
