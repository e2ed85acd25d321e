"""Links in a rich text view, found by where they point."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser


def select_anchor(view: QTextBrowser, href: str) -> bool:
    """Put ``view``'s cursor on the first link to ``href``, selected as the
    keyboard selects a link (Tab), so that Return follows it; False when the
    page has no such link."""
    block = view.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                view.setTextCursor(cursor)
                return True
            fragments += 1
        block = block.next()
    return False
