"""The accord report as a PDF: its pages, and the words on them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from tests.overview.report_pdf_reading import PdfText
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import PartyKind, StatusKind
from viewer.domain.overview import AccordOverview
from viewer.domain.records import Accord, Author, Citation, Party, Source, StatusAction
from viewer.domain.report import ReportData, source_numbers
from viewer.domain.status import AS_OF_RULE, RULE
from viewer.store.api import Store, accord_overview, report_data
from viewer.ui.report.accord_report import ReportNotWritten, write_report
from viewer.ui.report.report_html import claims_html, front_html

JUNE_2021 = date(2021, 6, 1)


def picture(colour: str, width: int = 1200, height: int = 600) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.fillRect(width // 8, height // 8, width // 2, height // 2, QColor(colour))
    painter.end()
    return image


def partials(folder: Path) -> list[str]:
    """Files a report left half-written in ``folder``."""
    return [path.name for path in folder.iterdir() if path.name.endswith(".part")]


def read(store: Store, key: str = "abraham-accords") -> tuple[ReportData, AccordOverview]:
    data = report_data(store, key)
    overview = accord_overview(store, key)
    assert data is not None and overview is not None
    return data, overview


def test_the_report_of_1_june_2021_says_everything_in_its_pages(
    qapp: QApplication, seeded_store: Store, tmp_path: Path
) -> None:
    data, overview = read(seeded_store)
    path = tmp_path / "report.pdf"
    pictures = [("World map", picture("darkgreen")), ("Timeline", picture("navy", 1600, 400))]
    pages = write_report(path, data, overview, JUNE_2021, pictures)
    pdf = PdfText(path)
    assert pdf.page_count == pages >= 3
    first = pdf.page_text(0)
    assert first.startswith("Abraham Accords As of 1 Jun 2021")
    assert RULE in first and AS_OF_RULE in first
    assert "Sudan signed a declaration in January 2021" in first  # the description
    # The participants table says what the window's table says, row by row.
    # Every column title whole: no word is broken to fit its column.
    assert (
        "Participant Status Since Prospective / in talks Expected to join Declaration signed "
        "Agreement signed Normalisation formalised Stalled Broker Citations"
    ) in first
    assert "Sudan Declaration signed; perhaps stalled (reported) by then Jan 2021" in first
    assert "Israel Agreement signed 15 Sep 2020" in first
    assert "Kazakhstan no status" in first
    # The pictures share the page after the table, each under its title.
    map_page = next(n for n in range(pages) if "World map" in pdf.page_text(n))
    # A page each: the timeline follows the map.
    assert "Timeline" in pdf.page_text(map_page + 1)
    text = pdf.text()
    # Every claim, with its citations by number, quotes in quotation marks.
    assert "Israel — agreement signed, 15 Sep 2020 (confirmed)" in text
    assert "Kazakhstan — expected to join, 6 Nov 2025 (expected)" in text
    assert (
        "[1] Kazakhstan joining Abraham Accords, US official confirms, para. 2: "
        "“formalized normalization agreements with Israel”"
    ) in text
    assert "Tokayev-Trump meeting on Kazakhstan joining — meeting, date not given (expected)" in (
        text
    )
    # The sources, numbered, at the end, in APA (the default style).
    sources = text[text.rindex("Sources [1]") :]
    assert (
        "[1] Carnahan, A., & Tomlinson, L. Y. (2025, November 6). Kazakhstan joining "
        "Abraham Accords, US official confirms. Fox News"
    ) in sources
    assert "[2] [Report that Kazakhstan will join the Abraham Accords]. (n.d.). Axios" in sources
    assert "[3]" in sources and "[4]" not in sources
    # Page numbers in every footer.
    for number in range(pages):
        assert f"Page {number + 1} of {pages}" in pdf.page_text(number)
    # Readable as any new file is (not private, as a temporary file is made).
    plain = tmp_path / "plain.txt"
    plain.write_text("")
    assert path.stat().st_mode == plain.stat().st_mode


def test_text_that_looks_like_html_prints_as_it_is(
    qapp: QApplication, seeded_store: Store, tmp_path: Path
) -> None:
    seeded_store.add(Party(key="x", name="<b>X</b> & <i>Y</i>", party_kind=PartyKind.STATE))
    seeded_store.add(
        StatusAction(
            key="x-joins",
            accord="abraham-accords",
            party="x",
            action=StatusKind.ANNOUNCED,
            note="<img src=nothing> is not a picture",
        )
    )
    data, overview = read(seeded_store)
    front, claims = front_html(data, overview, JUNE_2021), claims_html(data)
    assert "<b>X</b>" not in front + claims and "<img src=nothing>" not in claims
    assert "&lt;b&gt;X&lt;/b&gt; &amp; &lt;i&gt;Y&lt;/i&gt;" in front
    path = tmp_path / "report.pdf"
    write_report(path, data, overview, JUNE_2021)
    text = PdfText(path).text()
    # Its row in the table: an undated step holds on every day.
    assert "<b>X</b> & <i>Y</i> Announced date not given" in text
    assert "<b>X</b> & <i>Y</i> — announced, date not given (confirmed)" in text
    assert "Note: <img src=nothing> is not a picture citation needed" in text


@pytest.mark.parametrize(
    ("style", "entry"),
    [
        (
            "apa",
            "Writer, A., & Writer, B. (2021, May). The <Gazette> . https://example.org/a?b=1&c=<2>",
        ),
        (
            "modern-language-association",
            "Writer, A., and B. Writer. The <Gazette> . May 2021, https://example.org/a?b=1&c=<2>.",
        ),
    ],
)
def test_a_source_is_listed_in_the_chosen_style_its_text_as_text(
    qapp: QApplication, seeded_store: Store, tmp_path: Path, style: str, entry: str
) -> None:
    seeded_store.add(
        Source(
            key="gazette",
            title="The <Gazette>",
            publisher="Printer & Sons",
            authors=(Author("Writer", "A."), Author("Writer", "B.")),
            published=FuzzyDate.parse("2021-05"),
            url="https://example.org/a?b=1&c=<2>",
            accessed=FuzzyDate.parse("2021-06-02"),
        )
    )
    seeded_store.add(
        StatusAction(
            key="oman-talks",
            accord="abraham-accords",
            party="israel",
            action=StatusKind.PROSPECTIVE,
            citations=(Citation("gazette", "p. 4", "", "a note & more"),),
        )
    )
    data, overview = read(seeded_store)
    number = source_numbers(data)["gazette"]
    path = tmp_path / "report.pdf"
    assert "&lt;Gazette&gt;" in claims_html(data, style) and "<Gazette>" not in claims_html(data)
    write_report(path, data, overview, JUNE_2021, style=style)
    text = PdfText(path).text()
    assert f"[{number}] The <Gazette>, p. 4 — a note & more" in text
    # The style's entry, the address as text: the PDF reader decides about links.
    assert f"[{number}] {entry}" in text


def test_an_accord_with_no_participants_or_events_still_reports(
    qapp: QApplication, store: Store, tmp_path: Path
) -> None:
    store.add(Accord(key="empty-pact", name="Empty Pact"))
    data, overview = read(store, "empty-pact")
    path = tmp_path / "empty.pdf"
    assert write_report(path, data, overview, JUNE_2021) == PdfText(path).page_count
    text = PdfText(path).text()
    assert "No description." in text
    assert "No participant has a step in this accord." in text
    assert "No event of this accord is recorded." in text
    assert "Empty Pact — first signed: date not given citation needed" in text
    assert "Nothing in this report is cited." in text


def test_a_report_that_cannot_be_written_says_where_and_leaves_nothing(
    qapp: QApplication, seeded_store: Store, tmp_path: Path
) -> None:
    data, overview = read(seeded_store)
    missing = tmp_path / "no-such-folder" / "report.pdf"
    with pytest.raises(ReportNotWritten) as raised:
        write_report(missing, data, overview, JUNE_2021)
    assert str(missing) in str(raised.value)
    # A folder where the file should go: the report is written aside, then
    # cannot take its place, and is taken away again.
    folder = tmp_path / "taken.pdf"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept")
    with pytest.raises(ReportNotWritten) as raised:
        write_report(folder, data, overview, JUNE_2021)
    assert str(folder) in str(raised.value)
    assert partials(tmp_path) == []
    assert (folder / "inside.txt").read_text() == "kept"


def test_a_report_replaces_an_earlier_one_whole(
    qapp: QApplication, seeded_store: Store, tmp_path: Path
) -> None:
    data, overview = read(seeded_store)
    path = tmp_path / "report.pdf"
    path.write_bytes(b"an earlier report")
    pages = write_report(path, data, overview, date(2025, 11, 7))
    assert PdfText(path).page_count == pages
    text = PdfText(path).page_text(0)
    assert "As of 7 Nov 2025" in text
    assert "Kazakhstan Expected to join (expected) 6 Nov 2025" in text
    assert partials(tmp_path) == []
