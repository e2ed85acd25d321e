"""The list model: Qt's model rules, paging, SQL sorting and filtering."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from viewer.domain.enums import RecordKind
from viewer.store.listing import PAGE_SIZE
from viewer.store.store import Store
from viewer.ui.browse.background_reader import BackgroundReader
from viewer.ui.browse.record_table_model import CACHED_PAGES, KEY_ROLE, RecordTableModel


@pytest.mark.parametrize(
    "kind", [RecordKind.PARTY, RecordKind.EVENT, RecordKind.PERSON, RecordKind.SOURCE]
)
def test_every_list_model_passes_the_model_tester(
    qtmodeltester: ModelTester, seeded_store: Store, kind: RecordKind
) -> None:
    model = RecordTableModel(seeded_store, kind)
    qtmodeltester.check(model)
    model.set_filter("a")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_participants_show_their_current_status(seeded_store: Store) -> None:
    model = RecordTableModel(seeded_store, RecordKind.PARTY)
    rows = {
        model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(4)]
        for r in range(model.rowCount())
    }
    assert rows["Kazakhstan"] == ["Kazakhstan", "KZ", "expected to join", "6 Nov 2025"]
    assert rows["Sudan"][2] == "stalled"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Current status"
    assert model.data(model.index(0, 0), KEY_ROLE) == "bahrain"


def test_event_dates_show_as_precisely_as_known(seeded_store: Store) -> None:
    model = RecordTableModel(seeded_store, RecordKind.EVENT)
    dates = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert dates[:2] == ["15 Sep 2020", "Jan 2021"]
    assert "~ week of 10 Nov 2025" in dates


def test_sorting_and_filtering_happen_in_the_database(seeded_store: Store) -> None:
    model = RecordTableModel(seeded_store, RecordKind.PARTY)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "United States"
    model.set_filter("ARAB party:ARAB")  # words of the name, in any case
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "United Arab Emirates",
        "Saudi Arabia",
    ]
    assert model.total() == 2
    model.set_filter("<b>nothing</b>%")
    assert model.rowCount() == 0


def test_a_list_of_100000_events_opens_with_one_page(big_store: Store) -> None:
    model = RecordTableModel(big_store, RecordKind.EVENT)
    assert model.total() == model.rowCount() == 100_000
    assert model.cached_pages() == 1
    last = model.key_at(99_999)  # the last row reads its own page, not those above it
    assert last is not None
    assert model.cached_pages() == 2
    assert model.row_of(last) == 99_999


def test_finding_a_far_row_reads_only_its_page(big_store: Store) -> None:
    model = RecordTableModel(big_store, RecordKind.EVENT)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    row = model.row_of("event-000950")
    assert row == 950
    assert model.cached_pages() == 1  # found by a count, before any page is read
    assert model.key_at(950) == "event-000950"
    assert model.cached_pages() == 2
    model.set_filter("Generated event 00001")
    assert model.total() == 10
    assert model.row_of("event-000950") is None


def test_the_model_holds_a_bounded_number_of_pages(big_store: Store) -> None:
    model = RecordTableModel(big_store, RecordKind.EVENT)
    for page in range(CACHED_PAGES + 10):
        assert model.key_at(page * PAGE_SIZE * 3) is not None
    assert model.cached_pages() == CACHED_PAGES
    # The earliest pages went first; reading one again reads it again, once.
    assert model.key_at(0) is not None
    assert model.cached_pages() == CACHED_PAGES


def test_paging_in_small_pages_keeps_the_model_consistent(
    qtmodeltester: ModelTester, seeded_store: Store
) -> None:
    model = RecordTableModel(seeded_store, RecordKind.PARTY, page_size=2)
    qtmodeltester.check(model)
    assert model.rowCount() == 9
    assert len({model.key_at(r) for r in range(9)}) == 9
    assert model.cached_pages() == 5
    assert model.key_at(9) is None and model.data(model.index(9, 0)) is None


def test_tooltips_show_stored_text_escaped(store: Store) -> None:
    from viewer.domain.records import Party

    store.add(Party(key="evil", name="<b>x</b><img src=x>"))
    model = RecordTableModel(store, RecordKind.PARTY)
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<qt>")  # explicitly rich text, so Qt does not guess
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=x&gt;" in tip
    assert "<b>" not in tip and "<img" not in tip


def test_a_future_step_does_not_show_as_the_current_status(store: Store) -> None:
    from viewer.domain.dates import FuzzyDate
    from viewer.domain.enums import Certainty, StatusKind
    from viewer.domain.records import Accord, Party, StatusAction

    store.add(Accord(key="aa", name="An accord"))
    store.add(Party(key="p", name="P"))
    for key, kind, when in (("a", StatusKind.JOINED, "2020"), ("b", StatusKind.WITHDRAWN, "2999")):
        store.add(
            StatusAction(
                key=key,
                accord="aa",
                party="p",
                action=kind,
                date=FuzzyDate.parse(when),
                certainty=Certainty.PLANNED,
            )
        )
    model = RecordTableModel(store, RecordKind.PARTY)
    assert [model.data(model.index(0, c)) for c in (2, 3)] == ["joined", "2020"]


def test_a_filter_read_in_the_background_keeps_the_rows_until_it_is_read(
    qtbot: QtBot, seeded_store: Store
) -> None:
    model = RecordTableModel(seeded_store, RecordKind.PARTY)
    reader = BackgroundReader()
    model.read_in_background(reader)
    reloads: list[int] = []
    model.reloaded.connect(reloads.append)
    model.request_filter("israel")
    model.request_filter("kazakh")  # typed past "israel" before it was read
    assert model.rowCount() == 9 and model.filter_text == ""  # the old rows, still shown
    assert reader.finish()
    assert model.filter_text == "kazakh"
    assert [model.key_at(row) for row in range(model.rowCount())] == ["kazakhstan"]
    assert reloads == [1]  # the reply for "israel" was dropped
    model.sort(0, Qt.SortOrder.DescendingOrder)  # a sort is read there too
    assert reader.finish()
    assert model.filter_text == "kazakh" and reloads == [1, 1]
    reader.stop()


def test_a_filter_set_now_drops_a_read_in_flight(qtbot: QtBot, seeded_store: Store) -> None:
    model = RecordTableModel(seeded_store, RecordKind.PARTY)
    reader = BackgroundReader()
    model.read_in_background(reader)
    model.request_filter("kazakh")
    model.set_filter("morocco")
    assert reader.finish()
    assert model.filter_text == "morocco"
    assert "morocco" in [model.key_at(row) for row in range(model.rowCount())]
    reader.stop()


def test_the_kept_record_is_found_with_its_page_where_the_rows_are_read(
    qtbot: QtBot, big_store: Store
) -> None:
    model = RecordTableModel(big_store, RecordKind.EVENT)
    reader = BackgroundReader()
    model.read_in_background(reader)
    far = 7 * PAGE_SIZE + 3
    key = model.key_at(far)
    assert key is not None
    model.keep(key)
    model.sort(0, Qt.SortOrder.DescendingOrder)  # read on the reader's thread
    assert reader.finish()
    row = model.kept_row()
    assert row is not None and model.key_at(row) == key
    # Its page came with the reading: showing it reads nothing more here.
    assert model.cached_pages() == 2
    model.keep(None)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert reader.finish()
    assert model.kept_row() is None and model.cached_pages() == 1
    reader.stop()
