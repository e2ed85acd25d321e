"""The bundled dataset's quotes are short phrases copied word for word from its article.

A citation's quote carries one claim: it never reproduces a whole sentence of
:data:`LONG_SENTENCE_WORDS` or more words of the source article, and it is
found in that article, compared folded (whitespace and line breaks, case,
typographic quotes, apostrophes and dashes do not count).

The article (Fox News, 6 November 2025, in the seeds the dataset was built
from) is not ours to copy into the repository, so the test reads what
``tools/article_fingerprint.py`` kept of it in
``tests/store/data/seed_article_fingerprint.json``: the SHA-256 of each
sentence of ten or more words (its folded words) and of each quote found in
the article (its folded text). The sentence splitter that made the first list
is :func:`tools.article_fingerprint.sentences`; its docstring says how it
treats line breaks and abbreviations ("U.S.", "Nov.", "Sept." end nothing),
and the tests at the end of this module hold it to that.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tools.article_fingerprint import (
    DATASET,
    FINGERPRINT,
    LONG_SENTENCE_WORDS,
    dataset_quotes,
    digest,
    fingerprint,
    folded_words,
    long_sentence_in,
    sentences,
)
from viewer.domain.quote_check import fold


@pytest.fixture(scope="module")
def dataset() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATASET.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def article_fingerprint() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FINGERPRINT.read_text(encoding="utf-8"))
    assert data["long_sentence_words"] == LONG_SENTENCE_WORDS
    return data


def test_no_quote_reproduces_a_whole_long_sentence_of_the_article(
    dataset: dict[str, Any], article_fingerprint: dict[str, Any]
) -> None:
    long_sentences = set(article_fingerprint["long_sentences"])
    assert long_sentences, "the fingerprint lists no sentence of the article"
    whole_sentences = [
        f"{where}: {quote!r}"
        for where, quote in dataset_quotes(dataset)
        if long_sentence_in(quote, long_sentences) is not None
    ]
    assert not whole_sentences, "quotes that copy a whole sentence of the article:\n" + "\n".join(
        whole_sentences
    )


def test_every_quote_is_found_word_for_word_in_the_article(
    dataset: dict[str, Any], article_fingerprint: dict[str, Any]
) -> None:
    found = set(article_fingerprint["quotes_found"])
    not_found = [
        f"{where}: {quote!r}"
        for where, quote in dataset_quotes(dataset)
        if digest(fold(quote)) not in found
    ]
    assert not not_found, (
        "quotes not in the article (or tools/article_fingerprint.py not rerun after a change):\n"
        + "\n".join(not_found)
    )


def test_the_quotes_of_every_kind_of_record_are_judged(dataset: dict[str, Any]) -> None:
    kinds = {where.split("/")[0] for where, _quote in dataset_quotes(dataset)}
    assert kinds == {"accords", "parties", "people", "status_actions", "events"}


# How the judging works, on an article of our own.

ARTICLE = (
    "Envoys sign a pact in Geneva\n"
    "\n"
    "The U.S. envoy met the ministers of both states in Geneva on Sept. 9, 2025. "
    "They signed a short declaration on trade and transit after the meeting.\n"
    "Talks resumed on Nov. 3 in Washington, D.C. and lasted until late at night.\n"
    "\u201cWe\u2019ve turned the page,\u201d one minister said. "
    "(Photo: Jane Q. Public)\n"
    "A second round\u2014the last\u2014is due next week.\n"
)


def test_the_splitter_ends_sentences_at_line_breaks_and_stops_not_at_abbreviations() -> None:
    assert sentences(ARTICLE) == [
        "Envoys sign a pact in Geneva",
        "The U.S. envoy met the ministers of both states in Geneva on Sept. 9, 2025.",
        "They signed a short declaration on trade and transit after the meeting.",
        "Talks resumed on Nov. 3 in Washington, D.C. and lasted until late at night.",
        "\u201cWe\u2019ve turned the page,\u201d one minister said.",
        "(Photo: Jane Q. Public)",
        "A second round\u2014the last\u2014is due next week.",
    ]


def test_the_splitter_ends_at_question_and_exclamation_marks_and_closing_quotes() -> None:
    text = 'Will they sign? "Yes!" Version 2.5 of the text is final. It was agreed.'
    assert sentences(text) == [
        "Will they sign?",
        '"Yes!"',
        "Version 2.5 of the text is final.",
        "It was agreed.",
    ]


def test_folding_ignores_typography_whitespace_and_case() -> None:
    assert (
        fold("\u201cWe\u2019ve  turned\nthe PAGE\u2014now\u201d") == '"we\'ve turned the page-now"'
    )
    assert folded_words("Kazakhstan\u2019s U.S.-brokered deal, in D.C.") == (
        "kazakhstan's",
        "u.s",
        "brokered",
        "deal",
        "in",
        "d.c",
    )


def _judged(quote: str) -> tuple[bool, bool]:
    """(reproduces a whole long sentence, found in the article) for ``quote`` in ARTICLE."""
    dataset = {"events": [{"key": "talks", "citations": [{"quote": quote}]}]}
    made = fingerprint(ARTICLE, dataset)
    whole = long_sentence_in(quote, set(made["long_sentences"])) is not None
    return whole, digest(fold(quote)) in made["quotes_found"]


def test_a_quote_copying_a_sentence_of_ten_or_more_words_is_caught() -> None:
    sentence = "They signed a short declaration on trade and transit after the meeting."
    assert len(folded_words(sentence)) == 12
    assert _judged(sentence) == (True, True)
    assert _judged(sentence.rstrip(".").upper()) == (True, True)
    # Two sentences, or a sentence with the end of the one before it, still copy it whole.
    assert _judged("2025. " + sentence)[0]


def test_a_short_phrase_or_a_short_whole_sentence_passes() -> None:
    assert _judged("a short declaration on trade and transit") == (False, True)
    assert _judged("Envoys sign a pact in Geneva") == (False, True)


def test_a_quote_with_other_quotes_apostrophes_dashes_and_line_breaks_is_found() -> None:
    assert _judged('"We\'ve turned\nthe page," one minister said') == (False, True)
    assert _judged("A second round - the last - is due")[1] is True
    assert _judged("A second round-the last-is due")[1] is True


def test_a_quote_with_a_changed_word_is_not_found() -> None:
    assert _judged("a short declaration on trade and tariffs") == (False, False)
