"""The tool bar's accord selector: "Accord:" and a list that completes as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from viewer.domain.enums import RecordKind
from viewer.store.api import COMPLETION_LIMIT, Store, complete
from viewer.ui.widgets.searching_combo_box import SearchingComboBox
from viewer.ui.window.accord_choice import AccordChoice

# The accords the list offers before anything is typed: the first by name.
LISTED = 200
CHOOSE_KEYS = "Ctrl+Shift+A"


class AccordSelector(QWidget):
    """Chooses the window's accord (an :class:`AccordChoice`).

    The list holds the first :data:`LISTED` accords by name; typed text asks
    the store for the accords whose names start with, then contain, it (a
    bounded look-up), so a database of any number of accords opens as fast.
    :attr:`choose_action` (View ▸ Choose Accord…, Ctrl+Shift+A) puts the
    keyboard in the list.

    Signals: none of its own; the choice it drives says what was chosen.
    """

    def __init__(self, store: Store, choice: AccordChoice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accordSelector")
        self._store = store
        self._choice = choice
        self._setup_widgets()
        self.choose_action = QAction("C&hoose Accord…", self)
        self.choose_action.setShortcut(QKeySequence(CHOOSE_KEYS))
        self.choose_action.setToolTip(
            f"Choose the accord whose statuses the window shows ({CHOOSE_KEYS})"
        )
        self._connect_signals()
        self.refresh()

    def _setup_widgets(self) -> None:
        self.label = QLabel("Acc&ord:", self)
        self.combo = SearchingComboBox("Choose an accord", 18, self)
        self.combo.setObjectName("accordCombo")
        self.combo.setAccessibleName("Accord")
        self.combo.search_line.setAccessibleName("Accord")
        self.combo.setToolTip("The accord whose statuses the window shows")
        self.combo.set_item_source(self._items)
        self.label.setBuddy(self.combo)
        self.setFocusProxy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)

    def _connect_signals(self) -> None:
        self.choose_action.triggered.connect(self.focus_list)
        self.combo.activated.connect(self._chosen)
        completer = self.combo.completer()
        if completer is not None:
            completer.activated.connect(lambda text: self._chosen_text(str(text)))
        self.combo.search_line.editingFinished.connect(self._finished)
        self._choice.changed.connect(lambda _key: self.refresh())

    def set_store(self, store: Store) -> None:
        """List another database's accords from the next :meth:`refresh` on (the
        choice changing refreshes the list; so does the caller once the choice
        follows the database)."""
        self._store = store

    def focus_list(self) -> None:
        """Put the keyboard in the list, its text selected to type over."""
        self.combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.combo.search_line.selectAll()

    def _items(self, text: str) -> list[tuple[str, object]]:
        limit = LISTED if not text.strip() else COMPLETION_LIMIT
        return [(name, key) for key, name in complete(self._store, RecordKind.ACCORD, text, limit)]

    def refresh(self) -> None:
        """List the accords afresh (some may be new, renamed or gone) and show
        the chosen one."""
        key = self._choice.key()
        self.combo.replace_items(self._items(""))
        if key is not None and self.combo.findData(key) < 0:
            self.combo.addItem(self._choice.name(), key)  # beyond the first LISTED
        blocked = self.combo.blockSignals(True)
        try:
            index = self.combo.findData(key) if key is not None else -1
            self.combo.show_item(index, "" if index < 0 else self._choice.name())
        finally:
            self.combo.blockSignals(blocked)
        self.combo.setEnabled(self.combo.count() > 0)

    def _chosen(self, index: int) -> None:
        key = self.combo.itemData(index)
        if isinstance(key, str) and key != self._choice.key():
            self._choice.set_key(key)

    def _chosen_text(self, text: str) -> None:
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self._chosen(index)

    def _finished(self) -> None:
        """Enter, or leaving the list: the accord named by the text, else the
        chosen one shown again (typed text never names a new accord)."""
        text = self.combo.currentText().strip()
        found = complete(self._store, RecordKind.ACCORD, text, 2) if text else []
        exact = [key for key, name in found if name.casefold() == text.casefold()]
        if exact and exact[0] != self._choice.key():
            self._choice.set_key(exact[0])
        else:
            self.refresh()
