"""A choice of ISO 3166-1 country, found by typing part of its name or its code."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from viewer.domain.countries import countries
from viewer.ui.widgets.searching_combo_box import SearchingComboBox

PLACEHOLDER = "no code; type a country's name or code"


class CountryPicker(SearchingComboBox):
    """An editable list of every ISO 3166-1 country, shown as "Kazakhstan (KZ)".

    The list comes from the maintained ``pycountry`` data, never a hand-typed
    one.  Typing filters it by any part of the name or code ("kaz", "KZ").
    The first item is empty: a state need not have a code.  Text that names
    no country is kept as typed and reported by :meth:`problem`, so a record
    is never saved with a code silently dropped.

    Signals:
        changed(): the text changed, by typing, choosing or :meth:`set_code`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PLACEHOLDER, 24, parent)
        self._codes: dict[str, str] = {}
        self._setup_widgets()
        self._fill()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        # Callers may name it more precisely with setAccessibleName().
        self.setAccessibleName("Country")

    def _fill(self) -> None:
        self.addItem("", None)
        for code, name in countries():
            self.addItem(f"{name} ({code})", code)
            # "Kazakhstan (KZ)", "kazakhstan" and "kz" all name the same choice.
            for spelling in (f"{name} ({code})", name, code):
                self._codes[spelling.casefold()] = code

    def _connect_signals(self) -> None:
        self.currentTextChanged.connect(self._on_text_changed)

    # -- public API ----------------------------------------------------------------

    def code(self) -> str | None:
        """The alpha-2 code of the country chosen, or None if none or no valid one is."""
        return self._codes.get(self.currentText().strip().casefold())

    def set_code(self, code: str | None) -> None:
        """Choose the country with alpha-2 ``code``; None or "" chooses none.

        A code that is not in ISO 3166-1 (a withdrawn one, say) is shown as
        typed text, so that :meth:`problem` reports it.
        """
        self.choose_data(code.upper() if code else None, typed=code or "")

    def problem(self) -> str | None:
        """Why the text is not a country, or None when it is one or is empty."""
        text = self.currentText().strip()
        if not text or self.code() is not None:
            return None
        return f"'{text}' is not an ISO 3166 country"

    def _on_text_changed(self, _text: str) -> None:
        self.changed.emit()
