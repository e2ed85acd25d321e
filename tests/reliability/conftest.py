"""Fixtures of the reliability suite."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.store.bootstrap import open_or_create
from viewer.store.engine import checkpoint

# Puts a new, empty database at the path it is given, and returns that path.
EmptyCopy = Callable[[Path], Path]


@pytest.fixture(scope="session")
def empty_copy(tmp_path_factory: pytest.TempPathFactory) -> EmptyCopy:
    """Copies of one empty database, made once per session: a property test
    that needs a new database for each of its examples copies a file in
    milliseconds instead of creating and migrating one."""
    template = tmp_path_factory.mktemp("empty-template") / "empty.sqlite3"
    _, opened = open_or_create(template, "tester", seed=False)
    checkpoint(opened.engine)
    opened.close()
    leftovers = [path.name for path in template.parent.iterdir() if path != template]
    assert leftovers == [], f"the template is not one file: {leftovers}"
    template.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)

    def copy(path: Path) -> Path:
        assert not path.exists(), f"{path} exists: a copy never overwrites a file"
        shutil.copyfile(template, path)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
        return path

    return copy
