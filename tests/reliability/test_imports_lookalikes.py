"""Issue 10, invisible and look-alike names: cleaned on input (NFC, no
zero-width or bidirectional controls, trimmed), and a participant that looks
like an existing one is refused, naming it, by the import, the store and the
form alike."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from viewer.domain.enums import PartyKind, RecordKind, StatusKind
from viewer.domain.names import clean_key, clean_text, skeleton
from viewer.domain.records import Accord, Party, StatusAction
from viewer.store.errors import InvalidRecord
from viewer.store.exchange import apply_import, plan_import
from viewer.store.lookups import new_key
from viewer.store.store import Store
from viewer.ui.edit.forms.dialog_services import DialogServices
from viewer.ui.edit.forms.party_dialog import PartyDialog
from viewer.ui.widgets.choice_lookup import ChoiceLookup

CYRILLIC_A = "\u0430"
INVISIBLES = [
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202e",
    "\u2060", "\u2064", "\u2066", "\u2069", "\ufeff",
]  # fmt: skip


def _file(*parties: dict[str, object]) -> dict[str, object]:
    return {"format": "accords-viewer", "format_version": 1, "parties": list(parties)}


@pytest.mark.parametrize("invisible", INVISIBLES, ids=[f"U+{ord(c):04X}" for c in INVISIBLES])
def test_invisible_characters_are_dropped_from_names_and_keys(invisible: str) -> None:
    assert clean_text(f" Bah{invisible}rain{invisible} ") == "Bahrain"
    assert clean_key(f"bah{invisible}rain{invisible}") == "bahrain"
    assert skeleton(f"Bah{invisible}rain") == skeleton("Bahrain")


def test_a_joiner_that_spells_a_persian_word_is_kept() -> None:
    word = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "mi-khaham", with its ZWNJ
    assert clean_text(word) == word
    assert skeleton(word) == skeleton(word.replace("\u200c", ""))


def test_names_are_kept_in_nfc() -> None:
    assert clean_text("Zoe\u0308") == "Zo\u00eb"


def test_an_imported_name_with_a_zero_width_space_is_cleaned(store: Store) -> None:
    plan = plan_import(_file({"key": "bahrain\u200b", "name": "\ufeffBahrain\u200b "}), store)
    assert plan.problems == []
    apply_import(plan, store)
    party = store.get(RecordKind.PARTY, "bahrain")
    assert party is not None and party.label == "Bahrain"


def test_an_import_refuses_a_look_alike_of_a_participant_in_the_database(store: Store) -> None:
    store.add(Party(key="bahrain", name="Bahrain"))
    spoof = f"B{CYRILLIC_A}hrain"
    plan = plan_import(
        _file(
            {"key": "bahrain-2", "name": spoof},
            {"key": "bahrain-3", "name": "Bahrain\u200b"},
            {"key": "bahrain-4", "name": "BAHRAIN"},
        ),
        store,
    )
    assert {p.path: p.message for p in plan.problems} == {
        "parties[0].name": (
            f"'B{CYRILLIC_A}hrain' looks the same as the participant 'Bahrain' (key "
            "'bahrain') in the database (the 1st participant in the file, key 'bahrain-2')"
        ),
        "parties[1].name": (
            "'Bahrain' is also the name of the participant with key 'bahrain' in the "
            "database (the 2nd participant in the file, key 'bahrain-3')"
        ),
        "parties[2].name": (
            "'BAHRAIN' is also the name of the participant with key 'bahrain' in the "
            "database (the 3rd participant in the file, key 'bahrain-4')"
        ),
    }
    assert store.count(RecordKind.PARTY) == 1


def test_an_import_refuses_look_alikes_within_the_file(store: Store) -> None:
    plan = plan_import(
        _file({"key": "oman", "name": "Oman"}, {"key": "oman-2", "name": "\u041ew\u0430n"}), store
    )
    # Cyrillic capital O and small a, and a Latin w for the m: not alike.
    assert plan.problems == []
    plan = plan_import(
        _file({"key": "oman", "name": "Oman"}, {"key": "oman-2", "name": "\u041em\u0430n"}), store
    )
    assert [(p.path, p.message) for p in plan.problems] == [
        (
            "parties[1].name",
            "'\u041em\u0430n' looks the same as the participant 'Oman' (key 'oman') at "
            "parties[0] (the 2nd participant in the file, key 'oman-2')",
        )
    ]


def test_the_store_refuses_a_look_alike_naming_the_existing_participant(store: Store) -> None:
    store.add(Party(key="bahrain", name="Bahrain"))
    with pytest.raises(InvalidRecord) as refused:
        store.add(Party(key="bahrain-2", name=f"B{CYRILLIC_A}hrain"))
    assert refused.value.problems[0].message == (
        "looks the same as the existing participant 'Bahrain' (key bahrain)"
    )
    other = store.add(Party(key="qatar", name="Qatar"))
    with pytest.raises(InvalidRecord) as renamed:
        store.update(Party(key="qatar", name="\u0392ahrain", version=other.version))  # Greek B
    assert "looks the same as the existing participant 'Bahrain'" in str(renamed.value)
    assert [p.label for p in store.all(RecordKind.PARTY)] == ["Bahrain", "Qatar"]


def test_the_store_refuses_a_name_holding_invisible_characters(store: Store) -> None:
    with pytest.raises(InvalidRecord) as refused:
        store.add(Party(key="x", name="Bahrain\u200b"))
    assert "holds invisible characters (U+200B)" in str(refused.value)
    assert store.count(RecordKind.PARTY) == 0


def test_a_name_pasted_with_a_zero_width_space_saves_clean_in_the_form(
    qtbot: QtBot, store: Store
) -> None:
    services = DialogServices(
        lookup=lambda kind: ChoiceLookup.over([]),
        new_key=lambda kind, label: new_key(store, kind, label),
        check=store.problems,
        create_source=lambda: None,
        confirm_discard=lambda _parent: True,
    )
    dialog = PartyDialog(None, services, store.add)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("\u200bBahrain\u200b")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(PartyKind.ORGANISATION.value))
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    dialog.accept()
    assert dialog.saved is not None
    assert dialog.saved.label == "Bahrain"
    assert [p.label for p in store.all(RecordKind.PARTY)] == ["Bahrain"]


def test_the_form_names_the_participant_a_look_alike_imitates(qtbot: QtBot, store: Store) -> None:
    store.add(Party(key="bahrain", name="Bahrain"))
    services = DialogServices(
        lookup=lambda kind: ChoiceLookup.over([]),
        new_key=lambda kind, label: new_key(store, kind, label),
        check=store.problems,
        create_source=lambda: None,
        confirm_discard=lambda _parent: True,
    )
    dialog = PartyDialog(None, services, store.add)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText(f"B{CYRILLIC_A}hrain")
    assert not dialog.save_button.isEnabled()
    assert dialog.problem_texts() == [
        "Name: looks the same as the existing participant 'Bahrain' (key bahrain)"
    ]


def test_references_to_a_key_with_an_invisible_character_resolve(store: Store) -> None:
    data = _file({"key": "bahrain", "name": "Bahrain"})
    data["accords"] = [{"key": "aa", "name": "Abraham Accords"}]
    data["status_actions"] = [
        {"key": "sa\u200b", "accord": "aa\u2060", "party": "\ufeffbahrain", "action": "announced"}
    ]
    plan = plan_import(data, store)
    assert plan.problems == []
    apply_import(plan, store)
    action = store.get(RecordKind.STATUS_ACTION, "sa")
    assert isinstance(action, StatusAction)
    assert (action.accord, action.party, action.action) == ("aa", "bahrain", StatusKind.ANNOUNCED)
    assert store.get(RecordKind.ACCORD, "aa") == Accord(key="aa", name="Abraham Accords", version=1)
