"""The window's layout kept between runs: its size, bars, panes, columns and
the record selected."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QTableView

from viewer.domain.enums import RecordKind
from viewer.ui.window.navigation_history import Location
from viewer.ui.window.pane_splitter import PaneSplitter


def restore_layout(
    settings: QSettings,
    window: QMainWindow,
    splitter: PaneSplitter,
    views: Mapping[RecordKind, QTableView],
) -> None:
    """Put back what :func:`save_layout` kept; a missing or foreign value is skipped."""
    for name, restore in (
        ("window/geometry", window.restoreGeometry),
        ("window/state", window.restoreState),
    ):
        value = settings.value(name)
        if isinstance(value, QByteArray):
            restore(value)
    splitter.restore(settings.value("window/splitter"))
    for kind, view in views.items():
        value = settings.value(f"columns/{kind.value}")
        if isinstance(value, QByteArray):
            view.horizontalHeader().restoreState(value)


def save_layout(
    settings: QSettings,
    window: QMainWindow,
    splitter: PaneSplitter,
    views: Mapping[RecordKind, QTableView],
) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", splitter.saveState())
    for kind, view in views.items():
        settings.setValue(f"columns/{kind.value}", view.horizontalHeader().saveState())


def saved_selection(settings: QSettings) -> Location | None:
    """The record selected when :func:`save_selection` last ran, if it was kept."""
    kind_value, key = settings.value("selection/kind"), settings.value("selection/key")
    if not (isinstance(kind_value, str) and isinstance(key, str)):
        return None
    try:
        return Location(RecordKind(kind_value), key)
    except ValueError:
        return None  # a setting from another version; start afresh


def save_selection(settings: QSettings, place: Location | None) -> None:
    if place is not None:
        settings.setValue("selection/kind", place.kind.value)
        settings.setValue("selection/key", place.key)
