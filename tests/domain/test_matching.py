"""Folding names and titles, normalising web addresses and DOIs, comparing titles."""

from __future__ import annotations

import pytest

from viewer.domain.matching import (
    fold_name,
    fold_text,
    fold_title,
    near_titles,
    normalise_doi,
    normalise_url,
    title_similarity,
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Émirats  Arabes-Unis", "emirats arabes unis"),
        ("Côte d’Ivoire", "COTE D'IVOIRE"),
        ("Mohammed\tbin Zayed", "mohammed bin zayed "),
        ("Straße", "STRASSE"),
    ],
)
def test_names_fold_alike_across_accents_case_punctuation_and_spaces(
    first: str, second: str
) -> None:
    assert fold_name(first) == fold_name(second)


def test_folding_keeps_letters_and_digits_apart_from_other_words() -> None:
    assert fold_text("Resolution 2334 (2016)") == "resolution 2334 2016"
    assert fold_name("Kazakhstan") != fold_name("Kyrgyzstan")
    assert fold_text("  ") == ""


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.org/news/accords",
        "HTTPS://Example.ORG/news/accords/",
        "http://example.org/news/accords",
        "https://example.org/news/accords?utm_source=x&utm_medium=email",
        "https://example.org/news/accords#section-2",
        "https://example.org:443/news/accords?fbclid=abc",
    ],
)
def test_url_variants_of_one_page_normalise_alike(variant: str) -> None:
    assert normalise_url(variant) == "https://example.org/news/accords"


def test_urls_of_different_pages_stay_different() -> None:
    assert normalise_url("https://example.org/a?id=1") != normalise_url(
        "https://example.org/a?id=2"
    )
    assert normalise_url("https://example.org/News") != normalise_url("https://example.org/news")
    assert normalise_url("https://example.org:8080/a") != normalise_url("https://example.org/a")
    assert normalise_url("https://example.org/a?id=1&utm_source=x") == (
        "https://example.org/a?id=1"
    )


def test_empty_and_odd_urls() -> None:
    assert normalise_url("") == ""
    assert normalise_url("   ") == ""
    assert normalise_url("Not A URL") == "not a url"
    assert normalise_url("http://[::1") == "http://[::1"  # unreadable: kept, folded


@pytest.mark.parametrize(
    "written",
    [
        "10.1000/XYZ123",
        "https://doi.org/10.1000/xyz123",
        "doi:10.1000/xyz123",
        " http://dx.doi.org/10.1000/Xyz123 ",
    ],
)
def test_dois_normalise_without_resolver_and_case(written: str) -> None:
    assert normalise_doi(written) == "10.1000/xyz123"


def test_titles_near_identical_or_not() -> None:
    title = "Kazakhstan to join Abraham Accords, Trump says"
    assert near_titles(title, "Kazakhstan to join the Abraham Accords, Trump says")
    assert near_titles(title, "KAZAKHSTAN TO JOIN ABRAHAM ACCORDS — TRUMP SAYS")
    assert not near_titles(title, "Azerbaijan to join Abraham Accords, officials say")
    assert title_similarity(title, title) == 1.0
    assert title_similarity("", title) == 0.0
    assert fold_title("A  “quoted” title!") == "a quoted title"
