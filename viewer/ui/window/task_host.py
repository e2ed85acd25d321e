"""What a File menu action that runs a long task needs of the menu: the
store, where files are chosen, a task to run and words for its outcome."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QDialog

from viewer.store.api import Store
from viewer.ui.window.file_chooser import PathChooser
from viewer.ui.window.long_task import LongTask, Work


class TaskHost(Protocol):
    """The File menu, as its import and export actions use it."""

    @property
    def store(self) -> Store: ...
    @property
    def chooser(self) -> PathChooser: ...
    def busy(self) -> bool: ...
    def run_task(self, title: str, work: Work) -> LongTask: ...
    def task_failed(self, doing: str, path: Path, error: object) -> None: ...
    def tell(self, title: str, text: str, problems: Sequence[str] = ()) -> QDialog: ...
    def say(self, text: str) -> None: ...
    def folder(self) -> Path: ...
