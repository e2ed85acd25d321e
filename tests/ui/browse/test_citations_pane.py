"""CitationsPane and LinkOpener: claims with their evidence, copied and opened safely."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QLabel, QToolButton, QTreeWidget, QTreeWidgetItem, QWidget

from viewer.domain.citation_text import VERDICT_MARKS
from viewer.domain.enums import RecordKind
from viewer.domain.evidence import CitedAt
from viewer.domain.quote_check import Verdict
from viewer.domain.records import Author, Citation, Party, Source
from viewer.domain.views import Claim, Detail, Link
from viewer.store.details import load_detail
from viewer.store.store import Store
from viewer.ui.browse.citations_pane import (
    CITATION_NEEDED,
    FORMATTED_AT_ONCE,
    PLACEHOLDER,
    SOURCE_NOTE,
    CitationsPane,
)
from viewer.ui.browse.link_opener import LinkOpener

FOX_TITLE = "Kazakhstan joining Abraham Accords, US official confirms"
HOSTILE = "<b>x</b><img src=x>"


@dataclass
class World:
    """The browser and dialogs, recorded instead of shown."""

    answer: bool = True
    opened: list[QUrl] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    warned: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)

    def open_url(self, url: QUrl) -> bool:
        self.opened.append(url)
        return True

    def ask(self, parent: QWidget | None, text: str) -> bool:
        self.asked.append(text)
        return self.answer

    def warn(self, parent: QWidget | None, text: str, address: str = "") -> None:
        self.warned.append(text)
        self.addresses.append(address)


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def opener(world: World) -> LinkOpener:
    return LinkOpener(open_url=world.open_url, ask=world.ask, warn=world.warn)


@pytest.fixture
def pane(qtbot: QtBot, opener: LinkOpener) -> CitationsPane:
    widget = CitationsPane(opener)
    qtbot.addWidget(widget)
    widget.resize(380, 500)
    return widget


def _detail(*claims: Claim, sources: tuple[Source, ...] = ()) -> Detail:
    party = Party("somewhere", "Somewhere")
    return Detail(party, claims=claims, sources={s.key: s for s in sources})


def _claim(label: str, *citations: Citation) -> Claim:
    return Claim(label, citations, Link(RecordKind.PARTY, "somewhere", "Somewhere"))


def _cited(source: Source) -> Detail:
    return _detail(_claim("a claim", Citation(source.key, "p. 3", "q")), sources=(source,))


def _tree(pane: CitationsPane) -> QTreeWidget:
    tree = pane.findChild(QTreeWidget, "citationsTree")
    assert tree is not None
    return tree


def _button(pane: CitationsPane, name: str) -> QToolButton:
    button = pane.findChild(QToolButton, name)
    assert button is not None
    return button


def _top(pane: CitationsPane, index: int) -> QTreeWidgetItem:
    item = _tree(pane).topLevelItem(index)
    assert item is not None
    return item


def _child(pane: CitationsPane, claim: int, citation: int) -> QTreeWidgetItem:
    item = _top(pane, claim).child(citation)
    assert item is not None
    return item


def _message(pane: CitationsPane) -> str:
    label = pane.findChild(QLabel, "citationsMessage")
    assert label is not None
    return label.text()


def test_pane_names_itself_for_assistive_technology(pane: CitationsPane) -> None:
    assert pane.objectName() == "citationsPane"
    assert pane.accessibleName() == "Citations"
    assert _tree(pane).accessibleName() == "Claims and their citations"
    names = ("openLinkButton", "copyReferenceButton", "goToSourceButton", "editCitationButton")
    texts = ("Open link", "Copy reference", "Go to source", "Edit citation…")
    assert [_button(pane, name).accessibleName() for name in names] == list(texts)
    # The context menu has more: the whole citation, for one too long for its
    # row, and the record's references.
    menu = [action.text() for action in _tree(pane).actions()]
    assert menu == [*texts, "Show full text", "Copy bibliography"]


def test_kazakhstan_shows_its_expected_accession_with_the_fox_citation(
    pane: CitationsPane, seeded_store: Store
) -> None:
    pane.show_detail(load_detail(seeded_store, RecordKind.PARTY, "kazakhstan"))

    labels = [_top(pane, i).text(0) for i in range(_tree(pane).topLevelItemCount())]
    claim = labels.index("expected to join · 6 Nov 2025 · expected")
    first = _child(pane, claim, 0).text(0)
    assert FOX_TITLE in first
    assert "para. 1" in first
    assert "“Kazakhstan is expected to join the Abraham Accords”" in first


def test_a_claim_without_citations_reads_citation_needed(pane: CitationsPane) -> None:
    pane.show_detail(_detail(_claim("uncited")))

    assert _child(pane, 0, 0).text(0) == CITATION_NEEDED
    assert not _top(pane, 0).icon(0).isNull()  # the claim itself is flagged
    assert "1 without a citation" in _message(pane)


def test_a_hostile_title_shows_literally_and_never_as_html(pane: CitationsPane) -> None:
    pane.show_detail(_cited(Source("h", HOSTILE, publisher="Pub")))

    item = _child(pane, 0, 0)
    assert item.text(0).startswith(HOSTILE)
    tooltip = QTextDocument()
    tooltip.setHtml(item.toolTip(0))
    assert HOSTILE in tooltip.toPlainText()


def test_copy_reference_puts_the_formatted_reference_on_the_clipboard(
    pane: CitationsPane, seeded_store: Store
) -> None:
    pane.show_detail(load_detail(seeded_store, RecordKind.PARTY, "kazakhstan"))
    pane.select_citation(1, 0)

    _button(pane, "copyReferenceButton").click()

    assert QGuiApplication.clipboard().text() == (
        f"Carnahan, A., & Tomlinson, L. Y. (2025, November 6). {FOX_TITLE}. Fox News.\n"
        "(Carnahan & Tomlinson, 2025, para. 1)"
    )
    copied = QGuiApplication.clipboard().mimeData()
    assert copied.hasText() and copied.hasHtml()
    assert copied.html() == (
        f"<p>Carnahan, A., &amp; Tomlinson, L. Y. (2025, November 6). {FOX_TITLE}. "
        "<i>Fox News</i>.</p>\n<p>(Carnahan &amp; Tomlinson, 2025, para. 1)</p>"
    )


def test_copied_html_keeps_markup_in_a_title_as_text(pane: CitationsPane) -> None:
    pane.show_detail(
        _cited(Source("s", HOSTILE, publisher="A & B", authors=(Author("Doe", "Jane"),)))
    )
    pane.select_citation(0, 0)

    _button(pane, "copyReferenceButton").click()

    copied = QGuiApplication.clipboard().mimeData()
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=x&gt;" in copied.html()
    assert "<img" not in copied.html() and "<b>" not in copied.html()
    document = QTextDocument()
    document.setHtml(copied.html())
    assert HOSTILE in document.toPlainText()
    assert QGuiApplication.clipboard().text().startswith(f"Doe, J. (n.d.). {HOSTILE}.")


def test_the_chosen_style_formats_the_rows_and_the_copy(
    pane: CitationsPane, seeded_store: Store
) -> None:
    pane.show_detail(load_detail(seeded_store, RecordKind.PARTY, "kazakhstan"))
    pane.set_citation_style("modern-language-association")
    pane.select_citation(1, 0)

    row = _tree(pane).currentItem().text(0)
    assert row.startswith("Carnahan, Ashley, and Lucas Y. Tomlinson. “Kazakhstan Joining Abraham")
    _button(pane, "copyReferenceButton").click()
    assert (
        QGuiApplication.clipboard().text().startswith("Carnahan, Ashley, and Lucas Y. Tomlinson.")
    )


def test_go_to_source_emits_the_source_key(qtbot: QtBot, pane: CitationsPane) -> None:
    pane.show_detail(_cited(Source("the-source", "Title")))
    pane.select_citation(0, 0)

    with qtbot.waitSignal(pane.sourceRequested, timeout=1000) as signal:
        _button(pane, "goToSourceButton").click()

    assert signal.args == ["the-source"]


def test_current_citation_is_the_selected_source_and_citation(pane: CitationsPane) -> None:
    source = Source("s", "Title")
    pane.show_detail(_cited(source))
    assert pane.current_citation() is None

    pane.select_citation(0, 0)

    assert pane.current_citation() == (source, Citation("s", "p. 3", "q"))
    with pytest.raises(IndexError):
        pane.select_citation(0, 1)


def test_open_link_asks_with_the_full_url_then_opens_it(
    pane: CitationsPane, opener: LinkOpener, world: World
) -> None:
    pane.show_detail(_cited(Source("s", "Title", url="https://example.org/a")))
    pane.select_citation(0, 0)

    opened: list[str] = []
    opener.opened.connect(opened.append)

    _button(pane, "openLinkButton").click()

    assert "https://example.org/a" in world.asked[0]
    assert world.opened == [QUrl("https://example.org/a")]
    assert opened == ["https://example.org/a"]


def test_open_link_opens_nothing_when_the_person_says_no(pane: CitationsPane, world: World) -> None:
    world.answer = False
    pane.show_detail(_cited(Source("s", "Title", url="https://example.org/a")))
    pane.select_citation(0, 0)

    _button(pane, "openLinkButton").click()

    assert len(world.asked) == 1
    assert world.opened == []


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", "ftp://x", "https://a b"],
)
def test_open_link_refuses_what_is_not_a_web_address(
    qtbot: QtBot, pane: CitationsPane, opener: LinkOpener, world: World, url: str
) -> None:
    pane.show_detail(_cited(Source("s", "Title", url=url)))
    pane.select_citation(0, 0)

    with qtbot.waitSignal(opener.refused, timeout=1000) as signal:
        _button(pane, "openLinkButton").click()

    assert world.opened == []
    assert world.asked == []
    assert world.warned == [signal.args[0]]
    assert world.warned[0]


@pytest.mark.parametrize("url", ["", "   ", "/relative/path", "https://example.org/\x00"])
def test_link_opener_refuses_empty_relative_and_control_characters(
    opener: LinkOpener, world: World, url: str
) -> None:
    assert opener.request(url, None) is False
    assert world.opened == []
    assert len(world.warned) == 1


def test_open_link_is_disabled_for_a_source_without_url(pane: CitationsPane) -> None:
    pane.show_detail(_cited(Source("s", "Title", url="")))
    pane.select_citation(0, 0)

    assert not _button(pane, "openLinkButton").isEnabled()
    assert _button(pane, "copyReferenceButton").isEnabled()


def test_no_detail_and_a_source_detail_show_a_note_instead_of_claims(
    pane: CitationsPane,
) -> None:
    assert _message(pane) == PLACEHOLDER
    pane.show_detail(Detail(Source("s", "Title")))
    assert _message(pane) == SOURCE_NOTE
    assert _tree(pane).topLevelItemCount() == 0
    assert not _button(pane, "goToSourceButton").isEnabled()


def test_showing_the_same_record_again_keeps_the_selected_citation(
    pane: CitationsPane,
) -> None:
    detail = _cited(Source("s", "Title"))
    pane.show_detail(detail)
    pane.select_citation(0, 0)

    pane.show_detail(detail)

    assert pane.current_citation() is not None


def test_link_question_names_the_site_the_link_really_goes_to(
    opener: LinkOpener, world: World
) -> None:
    # "apple.com" with a Cyrillic first letter: the browser reaches xn--pple-43d.com.
    assert opener.request("https://\u0430pple.com/login", None) is True

    assert "https://\u0430pple.com/login" in world.asked[0]
    assert "Site: xn--pple-43d.com" in world.asked[0]


def test_a_link_no_program_could_open_is_reported(qtbot: QtBot, world: World) -> None:
    opener = LinkOpener(open_url=lambda url: False, ask=world.ask, warn=world.warn)

    with qtbot.waitSignal(opener.refused, timeout=1000):
        assert opener.request("https://example.org/a", None) is False

    assert "could open" in world.warned[0]


def test_many_new_sources_show_their_titles_first_then_their_references(
    qtbot: QtBot, pane: CitationsPane
) -> None:
    sources = tuple(
        Source(f"many-{n}", f"Many sources title {n}", authors=(Author(f"Doe{n}", "Jane"),))
        for n in range(FORMATTED_AT_ONCE * 3)
    )
    claim = _claim("a claim", *(Citation(source.key, "p. 3") for source in sources))
    pane.show_detail(_detail(claim, sources=sources))

    claim_item = _tree(pane).topLevelItem(0)
    assert claim_item is not None
    rows = [claim_item.child(n).text(0) for n in range(len(sources))]
    assert rows[0] == "Doe0, J. (n.d.). Many sources title 0.\np. 3"
    assert rows[-1] == f"Many sources title {len(sources) - 1}\np. 3"
    assert not pane.formatting_done()

    qtbot.waitUntil(pane.formatting_done)
    last = claim_item.child(len(sources) - 1).text(0)
    assert last == f"Doe{len(sources) - 1}, J. (n.d.). Many sources title {len(sources) - 1}.\np. 3"


def test_each_quote_says_whether_its_source_text_holds_it(
    pane: CitationsPane, store: Store
) -> None:
    text = "They said: \u201cWe\u2019ve turned\nthe page.\u201d"
    store.add(Source("kept", "A kept story", archived_text=text))
    store.add(Source("bare", "A story without its text"))
    store.add(
        Party(
            "somewhere",
            "Somewhere",
            citations=(
                Citation("kept", "para. 1", "we've turned the page"),
                Citation("kept", "para. 2", "we have turned the page"),
                Citation("bare", "para. 3", "turned the page"),
                Citation("bare", "para. 4"),
            ),
        )
    )
    pane.show_detail(load_detail(store, RecordKind.PARTY, "somewhere"))
    rows = [_child(pane, 0, n) for n in range(4)]
    marks = [row.text(0).splitlines()[-1] for row in rows]
    assert marks[:3] == [
        VERDICT_MARKS[Verdict.VERIFIED],
        VERDICT_MARKS[Verdict.NOT_FOUND],
        VERDICT_MARKS[Verdict.NO_TEXT],
    ]
    assert marks[0].endswith("verified") and "not found" in marks[1]
    assert "no archived text" in marks[2]
    assert "quote" not in rows[3].text(0)  # nothing quoted, nothing to check
    # An icon beside the words, and a tooltip saying what the mark means.
    assert all(not row.icon(0).isNull() for row in rows[:3])
    assert rows[3].icon(0).isNull()
    assert "quote not found in the archived text: The quote does not appear" in rows[1].toolTip(0)
    assert pane.verdict_at(0, 1) is Verdict.NOT_FOUND


def test_a_citation_asked_for_stays_in_sight_as_the_references_are_formatted(
    qtbot: QtBot, pane: CitationsPane
) -> None:
    sources = tuple(
        # A short title, and a reference of three authors and a publisher that wraps.
        Source(
            f"far-{n}",
            f"Source {n}",
            publisher="Example Press International",
            authors=tuple(Author(f"Roe{n}{m}", "Alexandra") for m in range(3)),
        )
        for n in range(FORMATTED_AT_ONCE * 5)
    )
    citations = tuple(Citation(source.key, "p. 3") for source in sources)
    pane.resize(380, 300)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_detail(_detail(_claim("a claim", *citations), sources=sources))
    assert not pane.formatting_done()
    last = len(citations) - 1
    assert pane.select_cited((RecordKind.PARTY, "somewhere"), CitedAt(last, citations[last]))
    tree = _tree(pane)
    qtbot.waitUntil(pane.formatting_done)
    assert tree.currentItem() is _child(pane, 0, last)
    shown = tree.visualItemRect(_child(pane, 0, last))
    assert tree.viewport().rect().contains(shown), (shown, tree.viewport().rect())
    # Another claim's record, or a citation the claim no longer has: not found.
    assert not pane.select_cited((RecordKind.PARTY, "elsewhere"), CitedAt(0, citations[0]))
    assert not pane.select_cited(
        (RecordKind.PARTY, "somewhere"), CitedAt(0, Citation("gone", "p. 3"))
    )
    assert tree.currentItem() is _child(pane, 0, last)
