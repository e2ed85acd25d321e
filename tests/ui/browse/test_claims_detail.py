"""A participant's competing claims on its detail page: the claim in force,
"1 other claim" that expands in place (by keyboard or click), every text escaped."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt

from tests.samples import SOURCE, STATE
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import ClaimRank, StatusKind
from viewer.domain.records import Citation, StatusAction
from viewer.domain.views import Detail
from viewer.ui.browse.claims_html import claims_href, parse_claims_href
from viewer.ui.browse.detail_html import detail_page
from viewer.ui.browse.detail_pane import DetailPane
from viewer.ui.widgets.text_anchors import select_anchor

EXPECTED = StatusAction(
    key="kz-expected",
    accord="sample-accord",
    party=STATE.key,
    action=StatusKind.EXPECTED_TO_JOIN,
    date=FuzzyDate.parse("2025-11-06"),
    citations=(Citation(SOURCE.key, "para. 5", "expected to join"),),
)
# A later claim that it withdrew: kept, deprecated, its reason full of markup.
WITHDRAWN = StatusAction(
    key="kz-withdrawn",
    accord="sample-accord",
    party=STATE.key,
    action=StatusKind.WITHDRAWN,
    date=FuzzyDate.parse("2025-11-20"),
    rank=ClaimRank.DEPRECATED,
    rank_reason="<b>denied</b> by the foreign ministry",
    alternative_of="kz-expected",
    citations=(Citation(SOURCE.key, "para. <9>", "pulled <out>"),),
)
DETAIL = Detail(STATE, actions=(EXPECTED, WITHDRAWN), sources={SOURCE.key: SOURCE})


def test_the_page_shows_the_claim_in_force_and_folds_the_others() -> None:
    html = detail_page(DETAIL).html
    assert "<b>expected to join</b>" in html
    assert f"<a href='{claims_href('kz-expected')}'>1 other claim</a>" in html
    assert "withdrawn" not in html.lower().replace("claims:kz-expected", "")
    # A deprecated alternative with a later date changes no status.
    assert "<td>expected to join</td>" in html


def test_expanded_each_other_claim_shows_its_rank_reason_and_citations_escaped() -> None:
    html = detail_page(DETAIL, expanded={"kz-expected"}).html
    assert "<s><b>withdrawn</b>" in html
    assert "deprecated: &lt;b&gt;denied&lt;/b&gt; by the foreign ministry" in html
    assert "para. &lt;9&gt;" in html and "“pulled &lt;out&gt;”" in html
    assert SOURCE.title in html
    assert "<b>denied</b>" not in html and "<out>" not in html
    assert "<td>expected to join</td>" in html
    two = dataclasses.replace(WITHDRAWN, key="kz-joined", action=StatusKind.JOINED)
    html = detail_page(dataclasses.replace(DETAIL, actions=(EXPECTED, WITHDRAWN, two))).html
    assert ">2 other claims</a>" in html


def test_a_preferred_alternative_is_the_claim_shown() -> None:
    preferred = dataclasses.replace(WITHDRAWN, rank=ClaimRank.PREFERRED, rank_reason="")
    html = detail_page(dataclasses.replace(DETAIL, actions=(EXPECTED, preferred))).html
    assert "<td>withdrawn</td>" in html
    shown, _, _ = html.partition("1 other claim")
    assert "withdrawn</b>" in shown and "preferred" in shown
    assert "expected to join" not in html  # folded under it
    assert parse_claims_href(claims_href("kz-expected")) == "kz-expected"
    assert parse_claims_href("record:party/x") is None


def test_the_other_claims_expand_and_fold_by_keyboard(qtbot: QtBot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.activateWindow()
    qtbot.waitExposed(pane)
    pane.show_detail(DETAIL)
    text = pane.text
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    for _ in range(10):  # Tab from link to link, as a keyboard user does
        qtbot.keyClick(text, Qt.Key.Key_Tab)
        if text.textCursor().selectedText() == "1 other claim":
            break
    assert text.textCursor().selectedText() == "1 other claim"
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert pane.expanded_claims() == {"kz-expected"}
    assert "deprecated: <b>denied</b> by the foreign ministry" in text.toPlainText()
    # The link keeps the keyboard: Return again folds them.
    assert text.textCursor().selectedText() == "1 other claim"
    qtbot.keyClick(text, Qt.Key.Key_Return)
    assert pane.expanded_claims() == frozenset()
    assert "deprecated:" not in text.toPlainText()


def test_the_other_claims_expand_with_a_click_and_fold_for_another_record(qtbot: QtBot) -> None:
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.resize(600, 500)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_detail(DETAIL)
    text = pane.text
    assert select_anchor(text, claims_href("kz-expected"))
    spot = text.cursorRect(text.textCursor()).center() - QPoint(4, 0)
    qtbot.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert pane.expanded_claims() == {"kz-expected"}
    assert "withdrawn" in text.toPlainText()
    pane.show_detail(dataclasses.replace(DETAIL, record=dataclasses.replace(STATE, key="other")))
    assert pane.expanded_claims() == frozenset()
