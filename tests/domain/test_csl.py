"""viewer.domain.csl: sources as CSL-JSON items, formatted by citeproc-py in shipped styles."""

from __future__ import annotations

import pytest

from viewer.domain.authors import guess_author
from viewer.domain.csl import (
    CSL_TYPES,
    STYLES,
    Formatted,
    bibliography,
    bibliography_entry,
    csl_date,
    csl_item,
    csl_locator,
    csl_name,
    in_text_citation,
    styles_folder,
)
from viewer.domain.dates import FuzzyDate
from viewer.domain.enums import RecordKind, SourceKind
from viewer.domain.records import Author, Citation, Source
from viewer.store.store import Store

# The bundled dataset's source, as resources/data holds it (no URL, no accessed date).
FOX = Source(
    key="fox-news-kazakhstan-abraham-accords-2025-11-06",
    title="Kazakhstan joining Abraham Accords, US official confirms",
    publisher="Fox News",
    authors=(Author("Carnahan", "Ashley"), Author("Tomlinson", "Lucas Y.")),
    published=FuzzyDate.parse("2025-11-06"),
    container_title="Fox News",
)
TITLE = "Kazakhstan joining Abraham Accords, US official confirms"


def test_the_bundled_fox_source_is_the_one_formatted_here(seeded_store: Store) -> None:
    bundled = seeded_store.get(RecordKind.SOURCE, FOX.key)

    assert isinstance(bundled, Source)
    assert (
        bundled.title,
        bundled.publisher,
        bundled.authors,
        bundled.published,
        bundled.container_title,
    ) == (FOX.title, FOX.publisher, FOX.authors, FOX.published, FOX.container_title)


@pytest.mark.parametrize(
    ("kind", "csl_type"),
    [
        (SourceKind.NEWS_ARTICLE, "article-newspaper"),
        (SourceKind.OFFICIAL_DOCUMENT, "document"),
        (SourceKind.TREATY, "treaty"),
        (SourceKind.WEB_PAGE, "webpage"),
        (SourceKind.REPORT, "report"),
        (SourceKind.INTERVIEW, "interview"),
        (SourceKind.BROADCAST, "broadcast"),
        (SourceKind.OTHER, "document"),
    ],
)
def test_each_source_kind_has_its_csl_type(kind: SourceKind, csl_type: str) -> None:
    item = csl_item(Source("s", "Title", source_kind=kind))
    assert item["type"] == csl_type
    # Only the official document, which CSL has no type for, says its genre.
    assert item.get("genre") == (
        "official document" if kind is SourceKind.OFFICIAL_DOCUMENT else None
    )
    assert set(CSL_TYPES) == set(SourceKind)


def test_an_official_document_says_so_in_the_styles_that_print_a_genre() -> None:
    statement = Source(
        "joint-statement",
        "Joint Statement of the United States, the State of Israel, and the United Arab Emirates",
        source_kind=SourceKind.OFFICIAL_DOCUMENT,
        publisher="The White House",
        authors=(Author(literal="The White House"),),
        published=FuzzyDate.parse("2020-08-13"),
    )
    apa = bibliography_entry(statement, "apa").text
    assert "United Arab Emirates [Official document]. The White House." in apa
    assert "Official document." in bibliography_entry(statement, "chicago-author-date").text


def test_a_news_article_item_has_every_field_it_knows() -> None:
    source = Source(
        "s",
        "A  title",
        publisher="Fox Corporation",
        authors=(Author("Carnahan", "Ashley"),),
        published=FuzzyDate.parse("2025-11"),
        url=" https://example.org/a ",
        accessed=FuzzyDate.parse("2025-11-07"),
        container_title="Fox News",
        doi="10.1234/ABC.5",
    )

    assert csl_item(source) == {
        "id": "item",
        "type": "article-newspaper",
        "title": "A title",
        "publisher": "Fox Corporation",
        "container-title": "Fox News",
        "author": [{"family": "Carnahan", "given": "Ashley"}],
        "issued": {"date-parts": [[2025, 11]]},
        "accessed": {"date-parts": [[2025, 11, 7]]},
        "DOI": "10.1234/ABC.5",
        "URL": "https://example.org/a",
    }
    report = csl_item(Source("r", "R", source_kind=SourceKind.REPORT, publisher="UN"))
    assert "container-title" not in report and "issued" not in report


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Lucas Y. Tomlinson", {"family": "Tomlinson", "given": "Lucas Y."}),
        ("Tomlinson, Lucas Y.", {"family": "Tomlinson", "given": "Lucas Y."}),
        ("Mohammed bin Salman", {"family": "bin Salman", "given": "Mohammed"}),
        ("Ahmed al-Sharaa", {"family": "al-Sharaa", "given": "Ahmed"}),
        ("Jan van der Berg", {"family": "van der Berg", "given": "Jan"}),
        ("van der Berg, Jan", {"family": "van der Berg", "given": "Jan"}),
        ("Abdullah bin Zayed Al Nahyan", {"family": "bin Zayed Al Nahyan", "given": "Abdullah"}),
        ("Reuters", {"literal": "Reuters"}),
        ("Associated Press", {"literal": "Associated Press"}),
        ("Ministry of Foreign Affairs", {"literal": "Ministry of Foreign Affairs"}),
    ],
)
def test_names_keep_their_particles_and_bodies_stay_whole(
    written: str, name: dict[str, str]
) -> None:
    assert csl_name(guess_author(written)) == name


def test_a_name_in_parts_is_the_csl_name_as_it_is() -> None:
    assert csl_name(Author("al-Zayani", "Abdullatif")) == {
        "family": "al-Zayani",
        "given": "Abdullatif",
    }
    assert csl_name(Author(literal=" Reuters ")) == {"literal": "Reuters"}
    assert csl_name(Author("Plato")) == {"family": "Plato"}


@pytest.mark.parametrize(
    ("edtf", "date"),
    [
        ("2025-11-06", {"date-parts": [[2025, 11, 6]]}),
        ("2021-01", {"date-parts": [[2021, 1]]}),
        ("2021", {"date-parts": [[2021]]}),
        ("2021~", {"date-parts": [[2021]], "circa": True}),
        ("2021-01-15?", {"date-parts": [[2021, 1, 15]], "circa": True}),
        ("2021-01%", {"date-parts": [[2021, 1]], "circa": True}),
        ("2021-21", {"date-parts": [[2021]]}),
        ("2019/2021", {"date-parts": [[2019], [2021]]}),
    ],
)
def test_a_date_has_only_the_parts_known(edtf: str, date: dict[str, object]) -> None:
    assert csl_date(FuzzyDate.parse(edtf)) == date


def test_no_date_is_no_csl_date() -> None:
    assert csl_date(None) is None


@pytest.mark.parametrize(
    ("locator", "labelled"),
    [
        ("para. 3", ("paragraph", "3")),
        ("Fox News article, para. 6", ("paragraph", "6")),
        ("p. 12", ("page", "12")),
        ("pp. 12-14", ("page", "12-14")),
        ("sec. 2", ("section", "2")),
        ("00:12:30", ("timestamp", "00:12:30")),
        ("headline", None),
        ("", None),
    ],
)
def test_our_locators_become_csl_labels(locator: str, labelled: tuple[str, str] | None) -> None:
    assert csl_locator(locator) == labelled


def test_every_shipped_style_is_a_file_with_its_licence() -> None:
    for style in STYLES:
        text = (styles_folder() / f"{style}.csl").read_text(encoding="utf-8")
        assert "http://creativecommons.org/licenses/by-sa/3.0/" in text


def test_the_fox_source_in_apa() -> None:
    entry = bibliography_entry(FOX, "apa")

    assert entry.text == (
        f"Carnahan, A., & Tomlinson, L. Y. (2025, November 6). {TITLE}. Fox News."
    )
    assert entry.html == (
        f"Carnahan, A., &amp; Tomlinson, L. Y. (2025, November 6). {TITLE}. <i>Fox News</i>."
    )


def test_the_fox_source_in_mla() -> None:
    # MLA 9 writes given names whole (initialize="false") and, in American
    # English, the period after a title inside its quotation marks: two things
    # citeproc-py 0.11 leaves undone, corrected in viewer/domain/citeproc_fix.py.
    entry = bibliography_entry(FOX, "modern-language-association")

    assert entry.text == (
        "Carnahan, Ashley, and Lucas Y. Tomlinson. "
        "“Kazakhstan Joining Abraham Accords, US Official Confirms.” Fox News, 6 Nov. 2025."
    )


def test_the_fox_source_in_chicago_and_harvard() -> None:
    assert bibliography_entry(FOX, "chicago-author-date").text == (
        "Carnahan, Ashley, and Lucas Y. Tomlinson. 2025. “Kazakhstan Joining Abraham "
        "Accords, US Official Confirms.” Fox News, November 6, 2025."
    )
    # British English (Cite Them Right's en-GB) keeps the comma outside the quotation.
    assert bibliography_entry(FOX, "harvard-cite-them-right").text == (
        "Carnahan, A. and Tomlinson, L.Y. (2025) ‘Kazakhstan joining Abraham Accords, "
        "US official confirms’, Fox News, 6 November."
    )


def test_whole_given_names_keep_their_initials_marked_and_a_question_keeps_its_mark() -> None:
    source = Source(
        "why-now",
        "Why now? The Gulf’s choice",
        container_title="The Gazette",
        authors=(Author("van der Berg", "Jan"), Author("Smith", "J R R")),
        published=FuzzyDate.parse("2025"),
    )
    mla = bibliography_entry(source, "modern-language-association")
    assert mla.text == (
        "van der Berg, Jan, and J. R. R. Smith. “Why Now? The Gulf’s Choice.” The Gazette, 2025."
    )
    assert "“Why Now? The Gulf’s Choice.” <i>The Gazette</i>, 2025." in mla.html
    # APA initialises: its style says nothing against it.
    assert bibliography_entry(source, "apa").text.startswith("van der Berg, J., & Smith, J. R. R.")


@pytest.mark.parametrize("style", list(STYLES))
def test_every_style_gives_authors_title_publisher_and_date_in_its_order(style: str) -> None:
    text = bibliography_entry(FOX, style).text

    found = [text.find(part) for part in ("Carnahan", "Tomlinson", "Abraham", "Fox News")]
    assert -1 not in found and found == sorted(found)
    assert "2025" in text


def test_the_in_text_citation_carries_the_locator() -> None:
    citation = Citation(FOX.key, locator="para. 3")

    assert in_text_citation(FOX, citation, "apa").text == "(Carnahan & Tomlinson, 2025, para. 3)"
    assert in_text_citation(FOX, citation, "apa").html == (
        "(Carnahan &amp; Tomlinson, 2025, para. 3)"
    )
    assert in_text_citation(FOX, Citation(FOX.key, "p. 12"), "apa").text == (
        "(Carnahan & Tomlinson, 2025, p. 12)"
    )
    assert in_text_citation(FOX, citation, "chicago-author-date").text == (
        "(Carnahan and Tomlinson 2025, para. 3)"
    )
    assert in_text_citation(FOX, citation, "harvard-cite-them-right").text == (
        "(Carnahan and Tomlinson, 2025, para. 3)"
    )


def test_a_locator_with_no_csl_label_is_kept_as_written() -> None:
    cited = in_text_citation(FOX, Citation(FOX.key, "headline"), "apa")

    assert cited.text == "(Carnahan & Tomlinson, 2025, headline)"


def test_circa_and_literal_names_reach_the_reference() -> None:
    source = Source(
        "s",
        "Title",
        source_kind=SourceKind.REPORT,
        authors=(Author(literal="Associated Press"),),
        published=FuzzyDate.parse("2021~"),
    )

    assert bibliography_entry(source, "apa").text == "Associated Press. (ca. 2021). Title."


def test_markup_in_the_data_is_escaped_in_html_and_kept_in_text() -> None:
    jane = (Author("Doe", "Jane"),)
    source = Source("s", "<b>x</b> & y", container_title="<i>P</i>", authors=jane)

    entry = bibliography_entry(source, "apa")
    assert "<b>" not in entry.html and "&lt;b&gt;x&lt;/b&gt; &amp; y" in entry.html
    assert "&lt;i&gt;P&lt;/i&gt;" in entry.html
    assert "<b>x</b> & y" in entry.text


def test_an_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="no such citation style"):
        bibliography_entry(FOX, "vancouver")


def test_a_title_standing_in_for_the_author_is_not_repeated() -> None:
    # The bundled Axios source: APA moves the title to the author's place,
    # and (viewer/domain/citeproc_fix.py) it is then not shown again.
    axios = Source(
        "axios", "[Report that Kazakhstan will join]", publisher="Axios", container_title="Axios"
    )

    assert bibliography_entry(axios, "apa").text == (
        "[Report that Kazakhstan will join]. (n.d.). Axios."
    )
    assert in_text_citation(axios, Citation("axios", "para. 2"), "apa").text == (
        "(“[Report That Kazakhstan Will Join],” n.d., para. 2)"
    )
    for style in STYLES:
        assert bibliography_entry(axios, style).text.lower().count("kazakhstan") == 1


ZAYED = Source(
    key="zayed",
    title="A <b>bold</b> & frank talk",
    source_kind=SourceKind.REPORT,
    publisher="Institute & Co.",
    authors=(Author("bin Zayed", "Abdullah"),),
    published=FuzzyDate.parse("2021"),
)
ADAMS = Source(
    key="adams",
    title="Normalisation",
    source_kind=SourceKind.REPORT,
    authors=(Author("Adams", "Ann"),),
    published=FuzzyDate.parse("2020"),
)


@pytest.mark.parametrize("style", list(STYLES))
def test_a_bibliography_holds_each_source_once_in_the_styles_order(style: str) -> None:
    listed = bibliography([ZAYED, FOX, ADAMS, FOX], style)
    lines = listed.text.split("\n")
    assert len(lines) == 3
    # Every shipped style sorts by author, a particle first as written: Adams, bin Zayed, Carnahan.
    assert lines == [bibliography_entry(source, style).text for source in (ADAMS, ZAYED, FOX)]
    paragraphs = listed.html.removeprefix("<p>").removesuffix("</p>").split("</p><p>")
    assert len(paragraphs) == 3
    assert [paragraph.count("Carnahan") for paragraph in paragraphs] == [0, 0, 1]
    assert "&lt;b&gt;bold&lt;/b&gt;" in listed.html and "<b>" not in listed.html
    assert "Institute &amp; Co." in listed.html


def test_an_empty_bibliography_is_empty() -> None:
    assert bibliography([]) == Formatted("", "")


def test_punctuation_moves_into_quotes_but_leaves_an_ellipsis_a_number_and_nested_marks_whole() -> (
    None
):
    def entry(title: str, style: str) -> str:
        return bibliography_entry(Source("t", title), style).text

    # The user's own text: an ellipsis and a decimal after a quotation stay as typed.
    ellipsis = "Netanyahu: “we will sign”... and then silence"
    assert entry(ellipsis, "apa").startswith(ellipsis)
    decimal = "The “Deal of the Century”.5 version"
    assert entry(decimal, "apa").startswith(decimal)
    # A headline ending in a quotation: the style's period goes inside both marks.
    headline = Source("t", "Saudi Arabia will join “soon”", authors=(Author("Roe", "Ann"),))
    chicago = bibliography_entry(headline, "chicago-author-date").text
    assert chicago.endswith("“Saudi Arabia Will Join “soon.””")
