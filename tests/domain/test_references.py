"""format_reference and display_source: plain-text author-date references."""

from __future__ import annotations

import pytest

from viewer.domain.dates import FuzzyDate
from viewer.domain.records import Citation, Source
from viewer.domain.references import MAX_QUOTE, display_source, format_reference

FOX = Source(
    key="fox-news-kazakhstan-abraham-accords-2025-11-06",
    title="Kazakhstan joining Abraham Accords, US official confirms",
    publisher="Fox News",
    authors=("Ashley Carnahan", "Lucas Y. Tomlinson"),
    published=FuzzyDate.parse("2025-11-06"),
)


def test_fox_article_reference_reads_exactly_as_author_date() -> None:
    citation = Citation(FOX.key, locator="para. 1")

    assert format_reference(FOX, citation) == (
        "Carnahan, A., & Tomlinson, L. Y. (2025, November 6). "
        "Kazakhstan joining Abraham Accords, US official confirms. Fox News. para. 1."
    )


def test_without_a_citation_the_reference_ends_with_the_publisher() -> None:
    assert format_reference(FOX).endswith("US official confirms. Fox News.")


def test_without_authors_the_reference_starts_with_the_title() -> None:
    source = Source("axios", "[Report that Kazakhstan will join]", publisher="Axios")

    assert format_reference(source) == "[Report that Kazakhstan will join]. (n.d.). Axios."


@pytest.mark.parametrize(
    ("edtf", "shown"),
    [
        ("2021-01", "(2021, January)"),
        ("2021", "(2021)"),
        ("2021~", "(ca. 2021)"),
        ("2021-01-15?", "(2021, January 15?)"),
        ("2021-21", "(2021, Spring)"),
        ("202X", "(202X)"),
        ("2025-11-10/2025-11-16", "(2025, November 10 – 2025, November 16)"),
    ],
)
def test_a_partial_date_is_given_as_far_as_it_is_known(edtf: str, shown: str) -> None:
    source = Source("s", "Title", authors=("Jane Doe",), published=FuzzyDate.parse(edtf))

    assert format_reference(source) == f"Doe, J. {shown}. Title."


def test_a_source_without_a_date_is_n_d() -> None:
    source = Source("s", "Title", authors=("Jane Doe",), published=None)

    assert format_reference(source) == "Doe, J. (n.d.). Title."


def test_locator_and_quote_are_appended() -> None:
    citation = Citation(FOX.key, locator="para. 1", quote="Kazakhstan is expected\nto join")

    assert format_reference(FOX, citation).endswith(
        "Fox News. para. 1. “Kazakhstan is expected to join”"
    )


def test_a_long_quote_is_shortened_at_a_word_with_an_ellipsis() -> None:
    quote = "word " * MAX_QUOTE
    reference = format_reference(FOX, Citation(FOX.key, quote=quote))

    shown = reference.split("“", 1)[1]
    assert shown.endswith("word…”")
    assert len(shown) <= MAX_QUOTE + 2


def test_url_is_appended_before_the_locator() -> None:
    source = Source("s", "Title", publisher="Pub", url="https://example.org/a")

    assert format_reference(source, Citation("s", "p. 3")) == (
        "Title. (n.d.). Pub. https://example.org/a p. 3."
    )


@pytest.mark.parametrize(
    ("authors", "shown"),
    [
        (("Reuters",), "Reuters."),
        (("Tomlinson, Lucas Y.",), "Tomlinson, L. Y."),
        (("Jean-Paul Sartre",), "Sartre, J.-P."),
        (("A B", "C D", "E F"), "B, A., D, C., & F, E."),
        (tuple(f"Given Family{n}" for n in range(22)), "Family18, G., …, Family21, G."),
    ],
)
def test_author_names_are_family_name_then_initials(authors: tuple[str, ...], shown: str) -> None:
    reference = format_reference(Source("s", "Title", authors=authors))

    assert reference.split(" (n.d.)")[0].endswith(shown)


def test_display_source_is_title_publisher_and_date() -> None:
    assert display_source(FOX) == (
        "Kazakhstan joining Abraham Accords, US official confirms — Fox News, 6 Nov 2025"
    )
    assert display_source(Source("s", "Title")) == "Title"
