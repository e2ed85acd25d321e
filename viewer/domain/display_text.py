"""Stored text as the window lays it out: as written, and never more than a frame's work.

Two shapes of the same rule:

- :func:`excerpt` for places with room for several lines (the detail page):
  line breaks and tabs stay what they are, and a text longer than
  :data:`SHOWN_CHARACTERS` characters or :data:`SHOWN_LINES` lines is cut
  there, the rest left for a "Show all" that opens the whole of it.
- :func:`one_line` for places with one line (list cells, tree rows, window
  titles, menu entries): a line break shows as :data:`LINE_MARK` and a tab as
  :data:`TAB_MARK` rather than growing the row or vanishing into a space, and
  the text is cut, marked by "…", at :data:`ONE_LINE_CHARACTERS`.

Either way, a control character other than a line break or a tab (an escape
sequence's ``ESC``) shows as its escape (``\\x1b``), as in messages (see
:mod:`viewer.domain.quoting`). Each function reads at most a bounded prefix
of its text, so a 2 MB value costs what a short one does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a pane lays out of one field at most, and how many of its lines.
SHOWN_CHARACTERS = 2_000
SHOWN_LINES = 40
# What a one-line place (a list cell, a title) shows of a text at most.
ONE_LINE_CHARACTERS = 300
# "↵" (U+21B5) and "⇥" (U+21E5) are the Return and Tab keys' own symbols, and
# in the fonts desktops ship (DejaVu, Noto, Segoe UI), unlike "⏎" or "␉".
LINE_MARK = "↵"
TAB_MARK = "⇥"
CUT_MARK = "…"

# Every way text can break a line: CR LF, CR, LF, and Unicode's own separators.
_LINE_BREAK = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# Control characters (C0 and C1, DEL) a line break or a tab is not.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The start of a text that a pane shows, and how long the whole text is."""

    text: str
    total: int
    # Whether some of the text is left out (a "Show all" gives it).
    cut: bool = False


def excerpt(text: str, characters: int = SHOWN_CHARACTERS, lines: int = SHOWN_LINES) -> Excerpt:
    """The part of ``text`` a pane lays out: at most ``characters`` characters
    and ``lines`` lines, tabs kept and line breaks kept (each as ``\n``);
    other control characters are shown escaped."""
    head = text[: characters + 1]
    end = min(len(text), characters)
    for breaks, found in enumerate(_LINE_BREAK.finditer(head), start=1):
        if breaks >= lines:
            end = min(end, found.start())
            break
    shown = text[:end]
    if end < len(text):
        shown = shown.rstrip()
    return Excerpt(visible_controls(_LINE_BREAK.sub("\n", shown)), len(text), end < len(text))


def bounded(text: str, characters: int = SHOWN_CHARACTERS, lines: int = SHOWN_LINES) -> str:
    """The :func:`excerpt` of ``text``, ending in "… (N characters in all)" when cut:
    for a tooltip or a message, which have no "Show all"."""
    shown = excerpt(text, characters, lines)
    if not shown.cut:
        return shown.text
    return f"{shown.text}{CUT_MARK} ({characters_text(shown.total)} in all)"


def one_line(text: str, characters: int = ONE_LINE_CHARACTERS) -> str:
    """``text`` on one line: line breaks as ↵, tabs as ⇥, cut with "…" after
    ``characters`` characters."""
    head = text[: characters + 1]
    shown = _LINE_BREAK.sub(LINE_MARK, head).replace("\t", TAB_MARK)
    shown = visible_controls(shown)
    if len(text) > characters:
        return shown[:characters].rstrip() + CUT_MARK
    return shown


def visible_controls(text: str) -> str:
    """``text`` with each control character other than a line break or a tab
    written as its escape (``\\x1b``): Qt would draw nothing, or a box."""
    return _CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode("ascii"), text)


def characters_text(total: int) -> str:
    """ "100,000 characters": how long a cut text is, as a note says it."""
    return f"{total:,} character" + ("" if total == 1 else "s")
