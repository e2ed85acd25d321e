"""The History tab reads as people write: names, the forms' labels, the app's dates."""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import PartyKind, RecordKind, RevisionAction
from viewer.domain.records import Citation, Party, Revision, StatusAction
from viewer.store.store import Store
from viewer.ui.browse.detail_reader import DetailReader, RecordReading
from viewer.ui.browse.history_view import SHOWN_LIMIT, HistoryView

AUTHOR = "Ada Lovelace"
KZ_ACTION = "kazakhstan-expected-to-join-2025"
AXIOS = "axios-kazakhstan-abraham-accords-report"
AXIOS_TITLE = "[Report that Kazakhstan will join the Abraham Accords]"
# What the log holds and a person should never have to read.
INTERNAL = (
    "party_kind",
    "iso_code",
    "citations",
    "expected_to_join",
    "kazakhstan",  # a key (the name is "Kazakhstan")
    KZ_ACTION,
    AXIOS,
    "fox-news-",
    "abraham-accords",
    '{"',
    "'source'",
)


@pytest.fixture
def reading(qtbot: QtBot, seeded_store: Store) -> RecordReading:
    """Kazakhstan after an author edits its kind, code and citations, and then
    the date of its status change, read as the window reads it."""
    seeded_store.set_author(AUTHOR)
    party = seeded_store.get(RecordKind.PARTY, "kazakhstan")
    assert isinstance(party, Party)
    seeded_store.update(
        dataclasses.replace(
            party,
            party_kind=PartyKind.ORGANISATION,
            iso_code=None,
            citations=(*party.citations, Citation(AXIOS, "para. 3")),
        )
    )
    action = seeded_store.get(RecordKind.STATUS_ACTION, KZ_ACTION)
    assert isinstance(action, StatusAction)
    seeded_store.update(dataclasses.replace(action, date=FuzzyDate.parse("2025-11")))
    return DetailReader(seeded_store).read(RecordKind.PARTY, "kazakhstan")


@pytest.fixture
def view(qtbot: QtBot, reading: RecordReading) -> Iterator[HistoryView]:
    shown = HistoryView()
    qtbot.addWidget(shown)
    shown.resize(360, 600)  # a narrow pane: long lines must wrap
    shown.show()
    shown.show_revisions(reading.revisions, reading.names)
    yield shown


def top_items(view: HistoryView) -> list[QTreeWidgetItem]:
    tree = view.tree
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i))]


def children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [child for i in range(item.childCount()) if (child := item.child(i))]


def all_texts(view: HistoryView) -> list[str]:
    texts = []
    for item in top_items(view):
        texts.append(item.text(0))
        texts += [child.text(0) for child in children(item)]
    return texts


def change_texts(view: HistoryView, index: int) -> list[str]:
    return [child.text(0) for child in children(top_items(view)[index])]


def test_no_internal_field_names_or_keys_are_shown(view: HistoryView) -> None:
    for text in all_texts(view):
        for internal in INTERNAL:
            assert internal not in text, f"{internal!r} shown in {text!r}"


def test_an_edit_names_the_record_and_its_fields_as_the_form_does(view: HistoryView) -> None:
    party_edit = top_items(view)[1]  # newest first: the status change's date came after
    assert party_edit.text(0).startswith(
        "Edited participant Kazakhstan — Kind, Country (ISO 3166), Citations\n"
    )
    changes = change_texts(view, 1)
    assert "Kind: state → organisation" in changes
    assert "Country (ISO 3166): KZ → (empty)" in changes


def test_an_added_citation_reads_as_its_source_and_locator(view: HistoryView) -> None:
    citations = next(t for t in change_texts(view, 1) if t.startswith("Citations:"))
    assert citations == f"Citations:\n+ {AXIOS_TITLE}, para. 3"
    child = next(c for c in children(top_items(view)[1]) if c.text(0).startswith("Citations"))
    # The tooltip keeps every citation before and after, quotes included.
    assert "Kazakhstan is expected to join the Abraham Accords" in child.toolTip(0)
    assert child.toolTip(0).count(AXIOS_TITLE) == 1  # only after


def test_a_status_change_is_named_by_participant_and_status(view: HistoryView) -> None:
    newest = top_items(view)[0]
    assert newest.text(0).startswith("Edited status change Kazakhstan: expected to join — Date\n")
    headlines = [item.text(0).split("\n")[0] for item in top_items(view)]
    assert "Created status change Kazakhstan: expected to join" in headlines
    assert "Created participant Kazakhstan" in headlines


def test_dates_read_as_the_app_shows_them(view: HistoryView, reading: RecordReading) -> None:
    assert change_texts(view, 0) == ["Date: 6 Nov 2025 → Nov 2025"]
    newest = reading.revisions[-1].at.astimezone()
    month = calendar.month_abbr[newest.month]
    byline = top_items(view)[0].text(0).split("\n")[1]
    assert byline.startswith(f"{newest.day} {month} {newest.year}, {newest:%H:%M}")
    for text in all_texts(view):
        assert not re.search(r"\d{4}-\d{2}", text), f"an ISO date in {text!r}"


def test_each_change_names_its_author(view: HistoryView) -> None:
    bylines = [item.text(0).split("\n")[1] for item in top_items(view)]
    assert bylines[0].endswith(f" · {AUTHOR}")
    assert bylines[1].endswith(f" · {AUTHOR}")
    assert bylines[-1].endswith(" · tester")  # the seeding keeps its own author


def test_the_newest_change_comes_first_and_shows_its_fields(
    view: HistoryView, reading: RecordReading
) -> None:
    newest_first = sorted((r.id for r in reading.revisions), reverse=True)
    assert view.revision_ids() == newest_first
    assert top_items(view)[0].isExpanded()
    assert not top_items(view)[1].isExpanded()


def test_long_lines_wrap_instead_of_being_cut(qtbot: QtBot, view: HistoryView) -> None:
    for text in all_texts(view):
        assert "…" not in text
    citations = next(c for c in children(top_items(view)[1]) if c.text(0).startswith("Citations"))
    top_items(view)[1].setExpanded(True)
    tree = view.tree
    line = tree.fontMetrics().lineSpacing()
    width = tree.fontMetrics().horizontalAdvance(f"+ {AXIOS_TITLE}, para. 3")
    assert width > tree.viewport().width() - tree.indentation()  # too long for one line
    qtbot.waitUntil(lambda: tree.visualItemRect(citations).height() >= 3 * line)
    # A wider pane lays the rows out again: fewer lines, a lower row.
    narrow = tree.visualItemRect(citations).height()
    view.resize(1400, 600)
    qtbot.waitUntil(lambda: tree.visualItemRect(citations).height() < narrow)


def test_reverting_still_offers_every_revision_but_the_latest(
    qtbot: QtBot, view: HistoryView, reading: RecordReading
) -> None:
    oldest = reading.revisions[0].id
    view.select_revision(oldest)
    assert view.revert_button.isEnabled()
    with qtbot.waitSignal(view.revertRequested) as emitted:
        view.revert_button.click()
    assert emitted.args == [oldest]
    view.select_revision(reading.revisions[-1].id)
    assert not view.revert_button.isEnabled()


def test_a_long_history_shows_the_newest_and_counts_the_rest(qtbot: QtBot) -> None:
    view = HistoryView()
    qtbot.addWidget(view)
    at = datetime(2025, 11, 6, 9, 30, tzinfo=UTC)
    many = [
        Revision(n, at, AUTHOR, RevisionAction.UPDATE, RecordKind.PARTY, "kazakhstan", {})
        for n in range(1, SHOWN_LIMIT + 26)
    ]
    view.show_revisions(many, {(RecordKind.PARTY, "kazakhstan"): "Kazakhstan"})
    assert view.revision_ids() == list(range(SHOWN_LIMIT + 25, 25, -1))
    last = top_items(view)[-1]
    assert last.text(0) == "25 older changes are not shown."
    assert not last.flags() & Qt.ItemFlag.ItemIsSelectable
