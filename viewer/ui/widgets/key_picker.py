"""A choice of an existing record by its label, found by typing part of it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from viewer.ui.widgets.choice_lookup import ChoiceLookup
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

    The choices are either a list given whole (:meth:`set_choices`) or, for
    tables that grow, a :class:`ChoiceLookup` (:meth:`set_lookup`) asked for
    the few matches of the typed text and for the label of the current key.

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
        a = article(what)
        super().__init__(
            f"type part of {a} {what}'s name" if optional else f"choose {a} {what}", 24, parent
        )
        self._what = what
        self._optional = optional
        # Each way of writing a choice (its item text, and its label when that
        # is unique) folded to lower case, to its key.
        self._keys: dict[str, str] = {}
        self._ambiguous: set[str] = set()
        # Every (key, label) this picker was offered; with a lookup, only those
        # found for what was typed (and the texts already looked up).
        self._known: dict[str, str] = {}
        self._lookup: ChoiceLookup | None = None
        self._looked_up: set[str] = set()
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
        self._lookup = None
        self.set_item_source(None)
        self._known = {}
        self._learn(choices)
        # Filling fires the text signals item by item; one `changed` at the end is enough.
        blocked = self.blockSignals(True)
        try:
            self.clear()
            for shown, key in self._items(choices):
                self.addItem(shown, key)
        finally:
            self.blockSignals(blocked)
        if kept_key is not None:
            self.set_key(kept_key if kept_key in self._keys.values() else None)
        else:
            self.setEditText(kept_text)
        self.changed.emit()

    def set_lookup(self, lookup: ChoiceLookup) -> None:
        """Find the choices with ``lookup`` as the user types, a few at a time."""
        kept_key = self.key()
        self._lookup = lookup
        self._known, self._looked_up = {}, set()
        self._learn(())
        self.set_item_source(self._items_for)
        self.set_key(kept_key)

    def key(self) -> str | None:
        """The key of the record chosen, or None if none or no valid one is."""
        text = self.currentText().strip()
        folded = text.casefold()
        unknown = folded and folded not in self._keys and folded not in self._looked_up
        if self._lookup is not None and unknown:
            # Text set without typing (or typed past the last look-up): look it up once.
            self._looked_up.add(folded)
            self._learn(self._lookup.find(text))
        return self._keys.get(folded)

    def set_key(self, key: str | None) -> None:
        """Choose the record with ``key``; None chooses none.

        A key that is not offered (a record deleted meanwhile, say) is shown
        as typed text, so that :meth:`problem` reports it instead of the
        reference vanishing unseen.
        """
        if self._lookup is not None:
            if key is not None and key not in self._known:
                self._learn(self._lookup.labels([key]).items())
            label = self._known.get(key) if key is not None else None
            self.replace_items(self._items([(key, label)] if key and label is not None else []))
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

    # -- choices -------------------------------------------------------------------

    def _items_for(self, text: str) -> list[tuple[str, object]]:
        assert self._lookup is not None  # the item source only while there is a lookup
        found = self._lookup.find(text)
        self._looked_up.add(text.strip().casefold())
        self._learn(found)
        return self._items(found)

    def _items(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[str, object]]:
        """The list's items for ``pairs``: an empty one first, then each by its shown text."""
        items: list[tuple[str, object]] = [("", None)]
        items += [(self._shown(key, label), key) for key, label in pairs]
        return items

    def _shown(self, key: str, label: str) -> str:
        return f"{label} ({key})" if label.casefold() in self._ambiguous else label

    def _learn(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Add ``pairs`` to the known choices and index every way of writing them."""
        self._known.update(pairs)
        counts = Counter(label.casefold() for label in self._known.values())
        self._ambiguous = {label for label, count in counts.items() if count > 1}
        self._keys = {}
        for key, label in self._known.items():
            self._keys[self._shown(key, label).casefold()] = key
            self._keys.setdefault(label.casefold(), key)
        for label in self._ambiguous:
            self._keys.pop(label, None)


def article(noun: str) -> str:
    """ "a" or "an" before ``noun``, as it is said: "an accord", "a participant"."""
    return "an" if noun[:1].lower() in "aeio" else "a"
