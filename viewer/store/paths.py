"""Where the database and the bundled data live."""

from __future__ import annotations

import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP_NAME = "accords-viewer"
DB_FILENAME = "accords.sqlite3"
DB_ENVIRONMENT_VARIABLE = "ACCORDS_VIEWER_DB"
BUNDLED_DATASET = "abraham-accords.json"


def default_database_path() -> Path:
    """``$ACCORDS_VIEWER_DB``, else the platform's user data folder."""
    from_environment = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
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
