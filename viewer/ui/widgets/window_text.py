"""Stored text inside a window title or an action's text, shown as written.

Qt reads two things into such texts. In a window title, ``[*]`` is the
place of the "modified" mark: Qt removes it (or shows ``*``), and only
``[*][*]`` shows ``[*]`` itself (``qt_setWindowTitle_helperHelper`` in
qwidget.cpp). In the text of an action, a menu or a button, ``&`` marks the
next letter as its Alt key: ``R&D`` shows "RD" with the D underlined, and
only ``&&`` shows ``&``. Each piece of stored or typed text put into one goes
through :func:`title_part` or :func:`action_part`; the app's own words around
it keep their meaning.
"""

from __future__ import annotations

from viewer.domain.display_text import one_line

# The most of a stored text a title or a menu entry shows.
TITLE_PART_LIMIT = 80
MODIFIED_MARK = "[*]"


def title_part(text: str, limit: int = TITLE_PART_LIMIT) -> str:
    """``text`` as part of a window title: on one line, cut at ``limit``
    characters, and any ``[*]`` in it shown as written."""
    return one_line(text, limit).replace(MODIFIED_MARK, MODIFIED_MARK * 2)


def action_part(text: str, limit: int = TITLE_PART_LIMIT) -> str:
    """``text`` as part of an action's or a menu's text: on one line, cut at
    ``limit`` characters, and any ``&`` in it shown as written."""
    return one_line(text, limit).replace("&", "&&")
