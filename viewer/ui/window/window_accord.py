"""The accord the window shows, wired to what follows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings

from viewer.store.api import Store
from viewer.ui.window.accord_choice import AccordChoice
from viewer.ui.window.accord_selector import AccordSelector


class WindowAccord(QObject):
    """The chosen accord (:attr:`choice`) and its box in the tool bar
    (:attr:`selector`); ``follow`` is called with the window's parts to move
    whenever the choice changes (the participants list, the detail pane, the
    overview).
    """

    def __init__(
        self, store: Store, settings: QSettings, follow: Callable[[], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.choice = AccordChoice(store, settings, self)
        self.selector = AccordSelector(store, self.choice)
        self.choice.changed.connect(lambda _key: follow())

    def key(self) -> str | None:
        return self.choice.key()

    def refresh(self) -> None:
        """An accord was added, renamed or deleted: the choice and its list follow."""
        self.choice.refresh()
        self.selector.refresh()

    def set_store(self, store: Store) -> None:
        """Another database: its accords are listed, then one of them is chosen
        (the choice's change lists the new database's accords, never the old)."""
        self.selector.set_store(store)
        self.choice.set_store(store)
        self.selector.refresh()
