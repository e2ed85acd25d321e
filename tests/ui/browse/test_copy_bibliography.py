"""Copy bibliography: every reference behind the shown record, each once, in the style's order."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from viewer.domain.csl import bibliography_entry
from viewer.domain.enums import RecordKind
from viewer.domain.records import Author, Citation, Party, Source
from viewer.domain.views import Claim, Detail, Link
from viewer.store.details import load_detail
from viewer.store.store import Store
from viewer.ui.browse.citations_pane import CitationsPane
from viewer.ui.browse.link_opener import LinkOpener

ZED = Source("zed", "Zed <i>talks</i> & more", authors=(Author("Zed", "Zoe"),))
ABE = Source("abe", "Abe reports", authors=(Author("Abe", "Al"),))
MID = Source("mid", "Middle", authors=(Author("van der Mid", "Jan"),))


def _warn(_parent: QWidget | None, _text: str, _address: str = "") -> None:
    pass


@pytest.fixture
def pane(qtbot: QtBot) -> CitationsPane:
    opener = LinkOpener(open_url=lambda _url: True, ask=lambda _parent, _text: False, warn=_warn)
    widget = CitationsPane(opener)
    qtbot.addWidget(widget)
    return widget


def action(pane: CitationsPane) -> QAction:
    found = pane.findChild(QAction, "copyBibliographyAction")
    assert isinstance(found, QAction)
    return found


def cited_party() -> Detail:
    here = Link(RecordKind.PARTY, "p", "P")
    claims = (
        Claim("first", (Citation(ZED.key, "para. 1"), Citation(ABE.key)), here),
        Claim("second", (Citation(ZED.key, "para. 2"), Citation(MID.key)), here),
        Claim("uncited", (), here),
    )
    return Detail(Party("p", "P"), claims=claims, sources={s.key: s for s in (ZED, ABE, MID)})


def test_each_source_once_in_order_as_text_and_escaped_html(
    qtbot: QtBot, pane: CitationsPane
) -> None:
    pane.show_detail(cited_party())
    assert action(pane).isEnabled()
    tree = pane.findChild(QWidget, "citationsTree")
    assert tree is not None and action(pane) in tree.actions()  # in the context menu
    with qtbot.waitSignal(pane.bibliographyCopied) as copied:
        action(pane).trigger()
    assert copied.args == [3]
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasText() and mime.hasHtml()
    assert mime.text() == "\n".join(bibliography_entry(s).text for s in (ABE, MID, ZED))
    assert mime.text().split("\n") == [
        "Abe, A. (n.d.). Abe reports.",
        "van der Mid, J. (n.d.). Middle.",
        "Zed, Z. (n.d.). Zed <i>talks</i> & more.",
    ]
    html = mime.html()
    assert [html.count(name) for name in ("Abe, A.", "van der Mid", "Zed, Z.")] == [1, 1, 1]
    assert html.index("Abe, A.") < html.index("van der Mid") < html.index("Zed, Z.")
    assert "Zed &lt;i&gt;talks&lt;/i&gt; &amp; more" in html and "<i>talks" not in html


def test_in_the_chosen_style(pane: CitationsPane) -> None:
    pane.show_detail(cited_party())
    pane.set_citation_style("modern-language-association")
    action(pane).trigger()
    assert QGuiApplication.clipboard().text().split("\n")[0] == "Abe, Al. Abe Reports."


def test_a_source_record_copies_itself_and_a_record_without_sources_nothing(
    pane: CitationsPane, seeded_store: Store
) -> None:
    pane.show_detail(Detail(ABE))
    action(pane).trigger()
    assert QGuiApplication.clipboard().text() == "Abe, A. (n.d.). Abe reports."
    pane.show_detail(Detail(Party("q", "Q")))
    assert not action(pane).isEnabled()
    pane.show_detail(load_detail(seeded_store, RecordKind.PARTY, "kazakhstan"))
    action(pane).trigger()
    assert "Carnahan, A., & Tomlinson, L. Y. (2025, November 6)" in (
        QGuiApplication.clipboard().text()
    )


def test_its_keys_are_ctrl_shift_b(qtbot: QtBot, pane: CitationsPane) -> None:
    assert action(pane).shortcut() == QKeySequence("Ctrl+Shift+B")
    pane.show_detail(cited_party())
    pane.show()
    qtbot.waitExposed(pane)
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    with qtbot.waitSignal(pane.bibliographyCopied):
        qtbot.keyClick(
            pane,
            Qt.Key.Key_B,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
