"""Keyboard shortcuts: the app's own keys plus the platform's for the same command,
and the list of every command's keys that the Help menu shows."""

from __future__ import annotations

import re
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget


def shortcuts(main: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """``main`` plus the platform's own keys for the same thing, each once."""
    keys = [QKeySequence(main)]
    keys += [key for key in QKeySequence.keyBindings(standard) if key not in keys]
    return keys


class ShortcutEntry(NamedTuple):
    """One line of the keyboard shortcuts list: where, what, and which keys."""

    group: str
    command: str
    keys: str


def command_name(action: QAction) -> str:
    """An action's name as a list shows it: no mnemonic marks, no trailing dots."""
    text = action.iconText() or action.text()
    return re.sub(r"&(.)", r"\1", text).rstrip(".…").strip()


def keys_text(action: QAction) -> str:
    """Every key of ``action`` as the platform writes keys, e.g. "Ctrl+Z, Ctrl+Shift+Z".

    Keys past F12 (the Undo and Redo keys of old Sun keyboards, which Qt adds
    to the platform's list) are left out: no keyboard a user has shows them.
    """
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(
        key.toString(native)
        for key in action.shortcuts()
        if not key.isEmpty() and not _BEYOND_F12.fullmatch(key.toString())
    )


_BEYOND_F12 = re.compile(r"F(1[3-9]|[2-9]\d)")

# Keys that belong to no action (Qt's own, or a widget's): listed after the rest.
KEYS_WITHOUT_ACTIONS = (
    ShortcutEntry("Moving around", "Next pane, previous pane", "Tab, Shift+Tab"),
    ShortcutEntry("Moving around", "Edit the selected record", "Enter, double click"),
    ShortcutEntry("Moving around", "Follow the link under the keyboard", "Enter"),
    ShortcutEntry("In Search", "Clear the search", "Esc"),
    ShortcutEntry("In Search", "Go to what it found", "Down, Enter"),
    ShortcutEntry("In Details", "Details tab, History tab", "Alt+D, Alt+Y"),
    ShortcutEntry("In Details", "As of date", "Alt+A"),
    ShortcutEntry("In a form", "Go to a field", "Alt+its underlined letter"),
    ShortcutEntry("In a form", "Save", "Enter in a one-line field"),
    ShortcutEntry("In a form", "Cancel", "Esc"),
    ShortcutEntry("In Find Duplicates", "Keep the first, keep the second", "Alt+F, Alt+S"),
    ShortcutEntry("In Find Duplicates", "Merge the pair", "Ctrl+M"),
    ShortcutEntry("In Find Duplicates", "Open the record to keep", "Enter"),
)


def listed_shortcuts(window: QMainWindow) -> list[ShortcutEntry]:
    """Every action of ``window`` that has keys, found where a user finds it.

    Menus first, in menu-bar order (submenus named "Menu ▸ Submenu"), then
    toolbars, then actions with keys that are in neither (the window's own, or
    a pane's, named after the pane). Each action is listed once, where it is
    met first. Built afresh each time, so an action added later is listed.
    """
    entries: list[ShortcutEntry] = []
    seen: set[QAction] = set()
    # Each submenu found from its menu's own action, never through
    # QAction.menu(): on PySide6 6.7 the wrapper that call hands back may
    # delete the menu when Python lets it go, and the app crashes later.
    menus = {menu.menuAction(): menu for menu in window.findChildren(QMenu)}

    def visit(group: str, actions: list[QAction]) -> None:
        for action in actions:
            if action.isSeparator() or action in seen:
                continue
            seen.add(action)
            menu = menus.get(action)
            if menu is not None:
                visit(f"{group} ▸ {command_name(action)}", menu.actions())
            elif keys := keys_text(action):
                entries.append(ShortcutEntry(group, command_name(action), keys))

    for top in window.menuBar().actions():
        menu = menus.get(top)
        if menu is not None:
            seen.add(top)
            visit(command_name(top), menu.actions())
    for toolbar in window.findChildren(QToolBar):
        visit(toolbar.windowTitle() or "Toolbar", toolbar.actions())
    visit("Window", window.actions())
    for action in window.findChildren(QAction):
        if action not in seen:
            owner = action.parent()
            pane = owner.accessibleName() if isinstance(owner, QWidget) else ""
            visit(f"In {pane}" if pane and owner is not window else "Window", [action])
    return entries + list(KEYS_WITHOUT_ACTIONS)
