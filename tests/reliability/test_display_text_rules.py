"""The rules every pane uses to show stored text (viewer.domain.display_text)."""

from __future__ import annotations

from viewer.domain.display_text import (
    ONE_LINE_CHARACTERS,
    SHOWN_CHARACTERS,
    SHOWN_LINES,
    bounded,
    excerpt,
    one_line,
)
from viewer.ui.widgets.window_text import action_part, title_part


def test_one_line_marks_every_kind_of_line_break_and_tab() -> None:
    assert one_line("a\nb\r\nc\rd\u2028e\tf") == "a↵b↵c↵d↵e⇥f"


def test_other_control_characters_show_as_their_escapes() -> None:
    assert one_line("x\x1b[2Jy\x9b\x00") == "x\\x1b[2Jy\\x9b\\x00"
    assert excerpt("x\x1b]0;t\x07\ny").text == "x\\x1b]0;t\\x07\ny"


def test_one_line_cuts_a_long_text_with_a_mark() -> None:
    shown = one_line("N" * 2_000_000)
    assert len(shown) == ONE_LINE_CHARACTERS + 1 and shown.endswith("…")
    assert one_line("short") == "short"


def test_an_excerpt_keeps_lines_and_tabs_and_stops_at_its_bounds() -> None:
    assert excerpt("one\r\n\ttwo").text == "one\n\ttwo" and not excerpt("one\r\n\ttwo").cut
    assert excerpt("one\n\ttwo").text == "one\n\ttwo" and not excerpt("one\n\ttwo").cut
    many = excerpt("line\n" * 1_000)
    assert many.cut and many.total == 5_000
    assert many.text.count("\n") == SHOWN_LINES - 1
    wide = excerpt("w" * 100_000)
    assert wide.cut and len(wide.text) == SHOWN_CHARACTERS


def test_bounded_says_how_long_the_whole_was() -> None:
    assert bounded("z" * 5_000, 10, 3) == "zzzzzzzzzz… (5,000 characters in all)"
    assert bounded("two\nlines") == "two\nlines"


def test_qt_marks_in_stored_text_are_doubled_for_titles_and_actions() -> None:
    assert title_part("Modified[*] Org") == "Modified[*][*] Org"
    assert action_part("R&D Council") == "R&&D Council"
    assert action_part("a\tb") == "a⇥b"  # a tab would start a menu entry's shortcut column
