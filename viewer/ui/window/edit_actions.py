"""The window's editing commands as actions, for the window to put in its menus."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from viewer.domain.enums import RecordKind
from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.widgets.shortcuts import shortcuts
from viewer.ui.window.navigation_history import Location


class EditHost(Protocol):
    """What the editing actions need to know of the window they serve."""

    def current_kind(self) -> RecordKind:
        """The kind of the list shown."""
        ...

    def shown_location(self) -> Location | None:
        """The record the detail pane shows, if any."""
        ...

    def select_record(self, kind: RecordKind, key: str) -> bool:
        """Show ``key`` selected in its list."""
        ...


class EditActions(QObject):
    """Undo, Redo, New, Edit, Delete and Change status, acting through a
    :class:`RecordEditor` on the record the host shows.

    Change status adds a dated status step for the participant shown; it sits
    in the Edit menu, on the toolbar, in the participants list's context menu
    and under Ctrl+Shift+E (the detail page has its own link to it).

    The actions object knows its window only as an :class:`EditHost`; the
    window places the actions (:meth:`menu_actions`, :meth:`toolbar_actions`,
    :meth:`list_actions`) in its menus, toolbar and lists, and calls
    :meth:`update` when what it shows changes.

    Signals: none; each action's ``triggered`` does the work.
    """

    def __init__(self, host: EditHost, editor: RecordEditor, parent: QObject) -> None:
        super().__init__(parent)
        self._host = host
        self._editor = editor
        self._setup_actions(parent)
        self._connect_signals()
        self.update()

    def _setup_actions(self, parent: QObject) -> None:
        stack = self._editor.undo_stack
        self.undo = stack.createUndoAction(parent, "Undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo = stack.createRedoAction(parent, "Redo")
        self.redo.setShortcuts(shortcuts("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo))
        # Their text names the step ("Undo Edit Kazakhstan"): the tooltip says
        # it, a toolbar button keeps a short name.
        self.undo.setIconText("Undo")
        self.redo.setIconText("Redo")
        self.new = QAction("&New…", parent)
        self.new.setShortcut(QKeySequence.StandardKey.New)
        self.new.setToolTip("Add a record to the current list (Ctrl+N)")
        self.edit = QAction("&Edit…", parent)
        self.edit.setShortcut(QKeySequence("Ctrl+E"))
        self.edit.setToolTip("Edit the selected record (Ctrl+E, Enter)")
        self.delete = QAction("&Delete…", parent)
        self.delete.setShortcut(QKeySequence.StandardKey.Delete)
        # Delete acts on the list it is added to, never on text being typed in a field.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        # Kept as ``new_status``: it adds a status step, it never rewrites one.
        self.new_status = QAction("Change &status…", parent)
        self.new_status.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.new_status.setToolTip(
            "Record a new status step for the selected participant (Ctrl+Shift+E)"
        )
        self.new_status.setStatusTip(self.new_status.toolTip())

    def _connect_signals(self) -> None:
        self.new.triggered.connect(self.new_record)
        self.edit.triggered.connect(self.edit_current)
        self.delete.triggered.connect(self.delete_current)
        self.new_status.triggered.connect(self.new_status_for_current)

    # -- where the window puts them ------------------------------------------------

    def menu_actions(self) -> list[QAction | None]:
        """The Edit menu, top to bottom; None is a separator."""
        return [self.undo, self.redo, None, self.new, self.edit, self.delete, self.new_status]

    def writing_actions(self) -> list[QAction]:
        """Every action that writes to the database (disabled while it cannot be written)."""
        return [self.undo, self.redo, self.new, self.edit, self.delete, self.new_status]

    def toolbar_actions(self) -> list[QAction]:
        return [self.new, self.edit, self.delete, self.new_status]

    def place(
        self, menu: QMenu, window: QWidget, lists: QWidget, views: Mapping[RecordKind, QWidget]
    ) -> None:
        """Fill the Edit ``menu``, give ``window`` the actions' keys, and give
        each list view its context menu.

        Delete's key (WidgetWithChildrenShortcut) works in ``lists`` only:
        pressed in the navigator, a pane or a field it must not delete the
        record on show. Its menu entry works from anywhere.
        """
        for action in self.menu_actions():
            if action is None:
                menu.addSeparator()
                continue
            menu.addAction(action)
            (lists if action is self.delete else window).addAction(action)
        for kind, view in views.items():
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for action in self.list_actions(kind):
                view.addAction(action)

    def list_actions(self, kind: RecordKind | None = None) -> list[QAction]:
        """What the context menu of the list of ``kind`` offers; Delete's key
        works only in the lists."""
        common = [self.new, self.edit, self.delete]
        return [*common, self.new_status] if kind is RecordKind.PARTY else common

    # -- what they do ------------------------------------------------------------

    def update(self) -> None:
        """Enable what applies to the record the host shows now."""
        place = self._host.shown_location()
        on_list = place is not None and place.kind is self._host.current_kind()
        self.edit.setEnabled(on_list)
        self.delete.setEnabled(on_list)
        self.new_status.setEnabled(place is not None and place.kind is RecordKind.PARTY)

    def new_record(self) -> None:
        if not self.new.isEnabled():
            return  # the database cannot be written (read-only, gone)
        saved = self._editor.new(self._host.current_kind())
        if saved is not None:
            self._host.select_record(saved.kind, saved.key)

    def new_status_for_current(self) -> None:
        if not self.new_status.isEnabled():
            return
        place = self._host.shown_location()
        party = place.key if place and place.kind is RecordKind.PARTY else None
        self._editor.new(RecordKind.STATUS_ACTION, party=party)

    def change_status_of(self, party: str) -> None:
        """Open the status form for the participant ``party``."""
        self._editor.new(RecordKind.STATUS_ACTION, party=party)

    def edit_current(self) -> None:
        if not self.edit.isEnabled():
            return  # Enter on a row, too, edits only where editing is possible
        place = self._host.shown_location()
        if place is not None and place.kind is self._host.current_kind():
            self._editor.edit(place.kind, place.key)

    def delete_current(self) -> None:
        if not self.delete.isEnabled():
            return
        place = self._host.shown_location()
        if place is not None and place.kind is self._host.current_kind():
            self._editor.delete(place.kind, place.key)
