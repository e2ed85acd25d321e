"""The status action form's competing claim fields, driven by the keyboard."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from tests.ui.edit.forms_driver import Forms, field_of, focused, press
from viewer.domain.enums import ClaimRank, RecordKind
from viewer.domain.records import StatusAction
from viewer.store.store import Store
from viewer.ui.edit.forms.status_action_dialog import StatusActionDialog

REASON_REQUIRED = "Reason: is required for a deprecated claim: say why it is not believed"


@pytest.fixture
def forms(qtbot: QtBot, seeded_store: Store) -> Iterator[Forms]:
    yield Forms(qtbot, seeded_store)


def _open(forms: Forms, key: str | None = None) -> StatusActionDialog:
    dialog = forms.open(RecordKind.STATUS_ACTION, key)
    assert isinstance(dialog, StatusActionDialog)
    return dialog


def test_tab_goes_down_the_form_and_skips_reason_until_deprecated(
    qtbot: QtBot, forms: Forms
) -> None:
    dialog = _open(forms)
    assert field_of(dialog, focused()) == "party"  # the first field, as before
    qtbot.keyClicks(focused(), "Sudan")
    visited = ["party"]
    for _ in range(40):
        press(qtbot, Qt.Key.Key_Tab)
        field = field_of(dialog, focused())
        if field is None or field == "citations":
            break
        if field != visited[-1]:
            visited.append(field)
    assert visited == [
        "party",
        "accord",
        "action",
        "date",
        "certainty",
        "rank",
        "alternative_of",
        "note",
    ]
    assert not dialog.reason_edit.isEnabled()


def test_a_deprecated_claim_is_made_by_keyboard_and_needs_its_reason(
    qtbot: QtBot, forms: Forms
) -> None:
    dialog = _open(forms)
    qtbot.keyClicks(focused(), "Sudan")
    qtbot.keyClick(dialog, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Ran&k
    assert focused() is dialog.rank_combo
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert dialog.rank_combo.currentData() == ClaimRank.DEPRECATED.value
    assert dialog.reason_edit.isEnabled()
    assert REASON_REQUIRED in dialog.problem_texts()
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Competes &with
    assert field_of(dialog, focused()) == "alternative_of"
    qtbot.keyClicks(focused(), "declaration signed, Jan 2021")
    assert dialog.rival_picker.key() == "sudan-declaration-signed-2021"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is dialog.reason_edit  # back up the form: the field above
    press(qtbot, Qt.Key.Key_Return)
    assert forms.saved == []  # refused: the reason is missing, and says so
    assert any("Reason" in text for text in dialog.problem_texts())
    qtbot.keyClicks(focused(), "the government denied it")
    assert REASON_REQUIRED not in dialog.problem_texts()
    press(qtbot, Qt.Key.Key_Return)
    [saved] = forms.saved
    assert isinstance(saved, StatusAction)
    assert (saved.party, saved.rank, saved.rank_reason, saved.alternative_of) == (
        "sudan",
        ClaimRank.DEPRECATED,
        "the government denied it",
        "sudan-declaration-signed-2021",
    )


def test_the_form_says_a_claim_competes_only_with_the_same_participants(
    qtbot: QtBot, forms: Forms
) -> None:
    dialog = _open(forms)
    dialog.party_picker.set_key("sudan")
    dialog.rival_picker.setFocus()
    qtbot.keyClicks(focused(), "declaration signed, Jan 2021")
    assert dialog.rival_picker.key() == "sudan-declaration-signed-2021"
    assert dialog.problem_texts() == []
    # The picker offers Sudan's first claims only; another participant's claim
    # kept from before the participant changed is refused, and the form says why.
    dialog.party_picker.set_key("morocco")
    texts = dialog.problem_texts()
    assert any(
        text.startswith(
            "Competes with: 'sudan-declaration-signed-2021' is a step of another "
            "participant ('sudan')"
        )
        for text in texts
    ), texts
    offered = dialog.services.claims
    assert offered is not None
    labels = [label for _, label in offered("morocco", "abraham-accords").find("")]
    assert labels == ["normalisation formalised, date not given"]


def test_editing_a_claim_does_not_offer_it_as_its_own_rival(qtbot: QtBot, forms: Forms) -> None:
    dialog = _open(forms, "sudan-declaration-signed-2021")
    dialog.rival_picker.setFocus()
    qtbot.keyClicks(focused(), "declaration signed, Jan 2021")  # its own label
    assert dialog.rival_picker.key() is None
    assert "Competes with: no claim is called 'declaration signed, Jan 2021'" in (
        dialog.problem_texts()
    )
    # Another of its participant's claims is offered (a dash in its label:
    # set as a paste would, since QTest types Latin-1 only).
    dialog.rival_picker.search_line.setText("stalled, Jan 2021 \u2013 6 Nov 2025")
    assert dialog.rival_picker.key() == "sudan-stalled"
