"""Checking a citation's quote against its source's archived text."""

from __future__ import annotations

from viewer.domain.quote_check import FoldedTexts, Verdict, fold, verify, verify_folded

ARCHIVE = (
    "Envoys sign a pact in Geneva\n\n"
    "\u201cWe\u2019ve turned the\npage,\u201d one minister said after the talks.\n"
    "A second round\u2014the last\u2014is due next week, at the\u00a0U.N. offices.\n"
    "The co\u00adoperation treaty was \ufb01nally signed.\n"
)


def test_a_quote_split_by_a_line_break_with_a_typographic_apostrophe_is_found() -> None:
    assert verify("We've turned the page", ARCHIVE) is Verdict.VERIFIED
    assert verify("\u201cWe\u2019ve turned\nthe page,\u201d", ARCHIVE) is Verdict.VERIFIED


def test_a_changed_word_is_not_found() -> None:
    assert verify("We've turned the leaf", ARCHIVE) is Verdict.NOT_FOUND
    assert verify("one minister said before the talks", ARCHIVE) is Verdict.NOT_FOUND
    # A word left out, or one added, changes the quote too.
    assert verify("We've turned page", ARCHIVE) is Verdict.NOT_FOUND
    assert verify("We've now turned the page", ARCHIVE) is Verdict.NOT_FOUND


def test_dashes_spacing_case_and_compatibility_forms_do_not_count() -> None:
    assert verify("a second round - the last - is due", ARCHIVE) is Verdict.VERIFIED
    assert verify("A SECOND ROUND-THE LAST-IS DUE", ARCHIVE) is Verdict.VERIFIED
    assert verify("at the U.N. offices", ARCHIVE) is Verdict.VERIFIED  # a no-break space
    assert verify("The cooperation treaty was finally signed", ARCHIVE) is Verdict.VERIFIED
    assert verify("\u2018turned the page\u2019", "'turned the page'") is Verdict.VERIFIED
    assert verify("\u00abvoil\u00e0\u00bb", '"voil\u00e0"') is Verdict.VERIFIED


def test_nothing_to_check_is_said_as_such() -> None:
    assert verify("", ARCHIVE) is Verdict.NO_QUOTE
    assert verify("  \n", ARCHIVE) is Verdict.NO_QUOTE
    assert verify("We've turned the page", "") is Verdict.NO_TEXT
    assert verify("We've turned the page", " \n ") is Verdict.NO_TEXT
    assert verify_folded("\u00ad", fold(ARCHIVE)) is Verdict.NO_QUOTE


def test_fold_makes_copies_alike() -> None:
    folded = fold("\u201cWe\u2019ve  turned\nthe PAGE\u2014now\u201d")
    assert folded == '"we\'ve turned the page-now"'
    assert fold("1\u2033 and 2\u2032") == "1\" and 2'"  # primes before NFKC splits them


def test_each_verdict_has_a_label_and_a_meaning() -> None:
    for verdict in Verdict:
        assert verdict.label and verdict.meaning.endswith(".")
    assert Verdict.NO_TEXT.label == "no archived text"


def test_a_long_text_is_folded_once_per_source() -> None:
    text = "Lorem ipsum dolor sit amet, consectetur.\n" * 50_000  # 2 MB
    folded = FoldedTexts()
    verdicts = [folded.verdict(f"dolor sit amet{n % 2}", "s1", 1, text) for n in range(200)]
    assert set(verdicts) == {Verdict.NOT_FOUND}
    assert folded.verdict("amet, consectetur. lorem", "s1", 1, text) is Verdict.VERIFIED
    # A changed text (a new version) is folded again, not taken from before.
    assert folded.verdict("amet, consectetur. lorem", "s1", 2, "other") is Verdict.NOT_FOUND
    assert len(folded) == 2  # each version of the text folded once


def test_the_same_source_and_version_with_another_text_is_folded_again() -> None:
    # Another database (opened after, or a backup restored and edited) may
    # hold the same key at the same version with another text.
    folded = FoldedTexts()
    assert folded.verdict("turned the page", "report", 1, "We turned the page.") is Verdict.VERIFIED
    assert folded.verdict("turned the page", "report", 1, "Nothing here.") is Verdict.NOT_FOUND
    assert folded.verdict("turned the page", "report", 1, "We turned the page.") is Verdict.VERIFIED
