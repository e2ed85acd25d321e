"""The window's editing commands: menu, toolbar, context menu and keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from viewer.domain.enums import RecordKind
from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.widgets.shortcuts import shortcuts

if TYPE_CHECKING:
    from viewer.ui.window.main_window import MainWindow


class EditActions(QObject):
    """Undo, Redo, New, Edit, Delete and New status action, wired to the
    window's lists and its record editor."""

    def __init__(self, window: MainWindow, editor: RecordEditor) -> None:
        super().__init__(window)
        self._window = window
        self._editor = editor
        self._setup_actions()
        self._place_actions()
        self._connect_signals()
        self.update()

    def _setup_actions(self) -> None:
        window, stack = self._window, self._editor.undo_stack
        self.undo = stack.createUndoAction(window, "Undo")
        self.undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo = stack.createRedoAction(window, "Redo")
        self.redo.setShortcuts(shortcuts("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo))
        self.new = QAction("&New…", window)
        self.new.setShortcut(QKeySequence.StandardKey.New)
        self.new.setToolTip("Add a record to the current list (Ctrl+N)")
        self.edit = QAction("&Edit…", window)
        self.edit.setShortcut(QKeySequence("Ctrl+E"))
        self.edit.setToolTip("Edit the selected record (Ctrl+E, Enter)")
        self.delete = QAction("&Delete…", window)
        self.delete.setShortcut(QKeySequence.StandardKey.Delete)
        # Delete acts on the list, never on text being typed in a field.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.stack.addAction(self.delete)
        self.new_status = QAction("New &status action…", window)
        self.new_status.setToolTip("Add a dated status step for the selected participant")

    def _place_actions(self) -> None:
        window = self._window
        menu = window.menuBar().addMenu("&Edit")
        for action in (
            self.undo,
            self.redo,
            None,
            self.new,
            self.edit,
            self.delete,
            self.new_status,
        ):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
                window.addAction(action)
        toolbar = window.toolbar
        before_search = toolbar.actions()[2]
        for action in (self.new, self.edit, self.delete):
            toolbar.insertAction(before_search, action)
            button = toolbar.widgetForAction(action)
            name = action.text().strip("&…")
            button.setObjectName(f"{name.lower()}Button")
            button.setAccessibleName(name)
        toolbar.insertSeparator(self.new)
        for view in window.views.values():
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            for action in (self.new, self.edit, self.delete):
                view.addAction(action)

    def _connect_signals(self) -> None:
        self.new.triggered.connect(self.new_record)
        self.edit.triggered.connect(self.edit_current)
        self.delete.triggered.connect(self.delete_current)
        self.new_status.triggered.connect(self.new_status_for_current)
        for view in self._window.views.values():
            # Enter, and a double click, on a row.
            view.activated.connect(lambda _index: self.edit_current())

    def update(self) -> None:
        place = self._window.shown_location()
        on_list = place is not None and place.kind is self._window.current_kind()
        self.edit.setEnabled(on_list)
        self.delete.setEnabled(on_list)
        self.new_status.setEnabled(place is not None and place.kind is RecordKind.PARTY)

    def new_record(self) -> None:
        saved = self._editor.new(self._window.current_kind())
        if saved is not None:
            self._window.select_record(saved.kind, saved.key)

    def new_status_for_current(self) -> None:
        place = self._window.shown_location()
        party = place.key if place and place.kind is RecordKind.PARTY else None
        self._editor.new(RecordKind.STATUS_ACTION, party=party)

    def edit_current(self) -> None:
        place = self._window.shown_location()
        if place is not None and place.kind is self._window.current_kind():
            self._editor.edit(place.kind, place.key)

    def delete_current(self) -> None:
        place = self._window.shown_location()
        if place is not None and place.kind is self._window.current_kind():
            self._editor.delete(place.kind, place.key)
