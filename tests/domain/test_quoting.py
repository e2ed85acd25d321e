"""Values repeated in messages stay short, on one line and inert."""

from __future__ import annotations

from viewer.domain.quoting import QUOTE_LIMIT, printable, quoted, shortened


def test_a_short_value_is_quoted_whole() -> None:
    assert quoted("Bahrain") == "'Bahrain'"


def test_a_long_value_is_cut_and_says_so() -> None:
    text = quoted("x" * 10_000_000)
    assert len(text) < QUOTE_LIMIT + 60
    assert "cut; 10,000,000 characters in all" in text


def test_control_and_invisible_characters_are_escaped() -> None:
    assert printable("\x1b]0;owned\x07") == "\\x1b]0;owned\\x07"
    assert quoted("Bahrain\u200b") == "'Bahrain\\u200b'"
    assert "\n" not in quoted("two\nlines")


def test_shortened_keeps_short_text_and_cuts_long_text() -> None:
    assert shortened("short") == "short"
    assert shortened("y" * 200, 10) == "yyyyyyyyyy… (cut; 200 characters in all)"
