"""The window's commands: its toolbar and its menus, with their icons."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QMainWindow, QWidget

from viewer.domain.enums import RecordKind
from viewer.store.api import Location
from viewer.ui.action_icons import ActionIcons
from viewer.ui.edit.record_editor import RecordEditor
from viewer.ui.window.back_forward import BackForward
from viewer.ui.window.database_file import DatabaseFile, DatabaseHost
from viewer.ui.window.duplicates_actions import DuplicatesActions, DuplicatesHost
from viewer.ui.window.edit_actions import EditActions
from viewer.ui.window.help_actions import HelpActions
from viewer.ui.window.pane_splitter import PaneSplitter
from viewer.ui.window.preferences_controller import PreferencesController
from viewer.ui.window.record_lists import RecordLists
from viewer.ui.window.search_controller import SearchController
from viewer.ui.window.view_actions import ViewActions
from viewer.ui.window.window_tool_bar import WindowToolBar


class CommandsHost(DatabaseHost, DuplicatesHost, Protocol):
    """What the toolbar and the menus need of the window."""

    edit_actions: EditActions
    editor: RecordEditor
    search: SearchController
    lists: RecordLists
    splitter: PaneSplitter

    location: Location

    def select_record(self, kind: RecordKind, key: str, *, clear_search: bool = True) -> bool: ...
    def show_list(self, kind: RecordKind) -> None: ...
    def show_overview(self) -> None: ...


class WindowCommands(QObject):
    """The toolbar (Back, Forward, the editing actions, Undo, Redo and the
    search field) and the menus File, Edit, View, Search, Tools and Help, made in
    the order they stand in the menu bar, each action with its icon. Tools
    holds Find Duplicates… (:attr:`duplicates`).

    Back/Forward (:attr:`back_forward`) walk the records selected; the File
    menu's work is :attr:`file`'s; the preferences, the view and the help
    actions are :attr:`preferences`, :attr:`view_actions` and :attr:`help`.
    """

    def __init__(
        self, host: CommandsHost, window: QMainWindow, settings: QSettings, system_author: str
    ) -> None:
        super().__init__(window)
        self._splitter = host.splitter
        self.toolbar = WindowToolBar(window)
        window.addToolBar(self.toolbar)
        self.back_forward = BackForward(
            lambda place: host.select_record(place.kind, place.key), window
        )
        back, forward = self.back_forward.back, self.back_forward.forward
        edits, search = host.edit_actions, host.search
        self.toolbar.fill(
            ((back, forward), edits.toolbar_actions(), (edits.undo, edits.redo)),
            search.field,
        )
        self.icons = ActionIcons(window)
        self.icons.set_icons(
            {
                "back": back,
                "forward": forward,
                "new": edits.new,
                "edit": edits.edit,
                "delete": edits.delete,
                "change_status": edits.new_status,
                "undo": edits.undo,
                "redo": edits.redo,
                "find": search.find_action,
            }
        )
        # File is the first menu: made before Edit, View, Search and Help.
        self.file = DatabaseFile(host, window, settings, edits, host.editor)
        self.file_menu = window.menuBar().addMenu("&File")
        self.file.add_menu(self.file_menu)
        self.edit_menu = edit_menu = window.menuBar().addMenu("&Edit")
        edits.place(edit_menu, window, host.lists.stack, host.lists.views)
        self.preferences = PreferencesController(settings, system_author, window)
        self.icons.set_icons({"preferences": self.preferences.action})
        self.preferences.place(edit_menu)
        frames = host.splitter.frames
        panes: dict[str, QWidget] = {
            "Navigator": frames[0],
            "Details": frames[2],
            "Citations": frames[3],
            "Toolbar": self.toolbar,
        }
        self.view_actions = ViewActions(
            window, host.show_list, panes, self.reset_layout, host.show_overview
        )
        self.view_actions.add_menu(window.menuBar().addMenu("&View"))
        search.add_menu(window.menuBar().addMenu("&Search"))
        self.duplicates = DuplicatesActions(host, window, lambda: self.file.lock.reason)
        self.tools_menu = window.menuBar().addMenu("&Tools")
        self.duplicates.add_menu(self.tools_menu)
        # Help is the last menu, as on every desktop.
        self.help = HelpActions(window, lambda: host.location)
        self.icons.set_icons(
            {
                "shortcuts": self.help.shortcuts,
                "date_notation": self.help.date_notation,
                "about": self.help.about,
            }
        )
        self.help.add_menu(window.menuBar().addMenu("&Help"))

    def reset_layout(self) -> None:
        """Every pane and the toolbar shown, at their first widths."""
        self.toolbar.show()
        self._splitter.reset()
