"""A choice of an existing record by its label, found by typing part of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from viewer.ui.widgets.searching_combo_box import SearchingComboBox

REQUIRED = "is required"


class KeyPicker(SearchingComboBox):
    """An editable list of records (parties, people, sources, accords) by label.

    People know records by their labels, the store by their keys: items show
    the label and carry the key.  Two records with the same label are shown
    as "label (key)" so that each can still be chosen.  Typed text is matched
    against the labels without regard to case; text that matches none is
    kept and reported by :meth:`problem` rather than dropped.  Everything is
    shown as plain text.

    Signals:
        changed(): the text changed, by typing, choosing, :meth:`set_key` or
            :meth:`set_choices`.
    """

    changed = Signal()

    def __init__(
        self,
        what: str,
        accessible_name: str,
        optional: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            f"type part of a {what}'s name" if optional else f"choose a {what}", 24, parent
        )
        self._what = what
        self._optional = optional
        # Each way of writing a choice (its item text, and its label when that
        # is unique) folded to lower case, to its key.
        self._keys: dict[str, str] = {}
        self._ambiguous: set[str] = set()
        self._setup_widgets(accessible_name)
        self._connect_signals()
        self.set_choices(())

    def _setup_widgets(self, accessible_name: str) -> None:
        self.setAccessibleName(accessible_name)

    def _connect_signals(self) -> None:
        self.currentTextChanged.connect(self._on_text_changed)

    # -- public API ----------------------------------------------------------------

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """Offer the (key, label) pairs, keeping the current key if it is still offered.

        When the current key is gone the choice is cleared; text typed that
        named no record is kept, so its problem is still reported.
        """
        kept_key, kept_text = self.key(), self.currentText()
        counts = Counter(label.casefold() for _key, label in choices)
        self._keys = {}
        self._ambiguous = {label for label, count in counts.items() if count > 1}
        # Filling fires the text signals item by item; one `changed` at the end is enough.
        blocked = self.blockSignals(True)
        try:
            self.clear()
            self.addItem("", None)
            for key, label in choices:
                shown = f"{label} ({key})" if label.casefold() in self._ambiguous else label
                self.addItem(shown, key)
                self._keys[shown.casefold()] = key
                self._keys.setdefault(label.casefold(), key)
            for label in self._ambiguous:
                self._keys.pop(label, None)
        finally:
            self.blockSignals(blocked)
        if kept_key is not None:
            self.set_key(kept_key if kept_key in self._keys.values() else None)
        else:
            self.setEditText(kept_text)
        self.changed.emit()

    def key(self) -> str | None:
        """The key of the record chosen, or None if none or no valid one is."""
        return self._keys.get(self.currentText().strip().casefold())

    def set_key(self, key: str | None) -> None:
        """Choose the record with ``key``; None chooses none.

        A key that is not offered (a record deleted meanwhile, say) is shown
        as typed text, so that :meth:`problem` reports it instead of the
        reference vanishing unseen.
        """
        self.choose_data(key)

    def problem(self) -> str | None:
        """Why the text names no single record, or None when it is fine."""
        text = self.currentText().strip()
        if not text:
            return None if self._optional else REQUIRED
        if self.key() is not None:
            return None
        if text.casefold() in self._ambiguous:
            return f"more than one {self._what} is called '{text}'; choose one from the list"
        return f"no {self._what} is called '{text}'"

    def _on_text_changed(self, _text: str) -> None:
        self.changed.emit()
