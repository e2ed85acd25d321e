"""Showing stored or typed text where Qt would guess whether it is HTML."""

from __future__ import annotations

from html import escape


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly as written.

    Qt reads a tooltip as HTML when it looks like HTML; escaping it inside an
    explicit rich-text wrapper means it is never read as markup. Empty text
    stays empty, so no tooltip appears.
    """
    if not text:
        return ""
    return "<qt>" + escape(text).replace("\n", "<br>") + "</qt>"
