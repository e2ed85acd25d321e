"""The forms in which two sources' URLs, DOIs and titles are compared."""

from __future__ import annotations

import pytest

from viewer.domain.matching import fold_title as title_form
from viewer.domain.matching import normalise_doi as doi_form
from viewer.domain.matching import normalise_url as url_form


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/news/deal",
        "HTTPS://WWW.Example.com/news/deal/",
        "https://example.com/news/deal?utm_source=feed&utm_medium=rss",
        "https://example.com/news/deal#comments",
        "http://www.example.com:80/news/deal",
    ],
)
def test_one_page_has_one_url_form(url: str) -> None:
    assert url_form(url) == "https://example.com/news/deal"


def test_a_path_keeps_its_case_and_other_parameters_stay() -> None:
    assert (
        url_form("https://example.com/News?id=7&utm_campaign=x") == "https://example.com/News?id=7"
    )
    assert url_form("https://example.com/news") != url_form("https://example.com/News")
    assert url_form("") == ""


def test_a_doi_is_compared_without_its_resolver_and_case() -> None:
    assert doi_form("https://doi.org/10.1000/ABC.12") == doi_form("10.1000/abc.12")
    assert doi_form("doi:10.1000/abc.12") == "10.1000/abc.12"


def test_a_title_is_folded() -> None:
    assert title_form("Élysée: the “deal”,   at last!") == title_form("ELYSEE -- The Deal at Last")
    assert title_form("Deal signed") != title_form("Deal unsigned")
