"""Which accord the window shows statuses of: one choice, remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from viewer.domain.enums import RecordKind
from viewer.store.api import Store, busiest_accord, labels_for

SETTING = "overview/accord"


class AccordChoice(QObject):
    """The accord chosen for the window: the participants' statuses, their
    timelines and the overview are of this accord.

    At first (and with another database, or once the accord is deleted) it
    is the accord remembered in the settings if it still exists, else the
    accord with the most status actions, else none (the user may still
    choose an accord that has no step yet). Each read is one indexed look-up.

    Signals:
        changed(str): another accord was chosen; carries its key ("" when
            there is none to choose).
    """

    changed = Signal(str)

    def __init__(self, store: Store, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._settings = settings
        self._key: str | None = None
        self._name = ""
        self._settle(self._default())

    def key(self) -> str | None:
        """The chosen accord's key, or None when the database has no accord."""
        return self._key

    def name(self) -> str:
        """The chosen accord's name ("" when there is none)."""
        return self._name

    def set_key(self, key: str) -> None:
        """Choose the accord ``key`` and remember it; a key no accord has is
        ignored (the choice stays)."""
        name = labels_for(self._store, RecordKind.ACCORD, [key]).get(key)
        if name is None:
            return
        self._settings.setValue(SETTING, key)
        self._settle(key, name)

    def set_store(self, store: Store) -> None:
        """Choose in another database: its remembered or busiest accord."""
        self._store = store
        self._settle(self._default())

    def refresh(self) -> None:
        """The data changed: keep the accord if it still exists (its name may
        be new), else choose again."""
        key = self._key
        name = labels_for(self._store, RecordKind.ACCORD, [key]).get(key) if key else None
        if key is not None and name is not None:
            self._settle(key, name)
        else:
            self._settle(self._default())

    def _default(self) -> str | None:
        remembered = self._settings.value(SETTING)
        if isinstance(remembered, str) and remembered in labels_for(
            self._store, RecordKind.ACCORD, [remembered] if remembered else []
        ):
            return remembered
        return busiest_accord(self._store)

    def _settle(self, key: str | None, name: str | None = None) -> None:
        if name is None and key is not None:
            name = labels_for(self._store, RecordKind.ACCORD, [key]).get(key)
            if name is None:
                key = None
        was = self._key
        self._key, self._name = key, name or ""
        if key != was:
            self.changed.emit(key or "")
