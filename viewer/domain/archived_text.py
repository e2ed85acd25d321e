"""A source's archived text: read from a .txt or .html file, and summed up.

An HTML page is reduced to its text with the standard library's parser and
nothing else: the content of ``<script>``, ``<style>``, ``<noscript>`` and
``<template>`` is dropped with the comments, block elements end a line,
character references are read ("&amp;" is "&"). Nothing in the page is run
and nothing it refers to is fetched; the text is only ever kept as text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import PurePath

from viewer.domain.limits import ARCHIVED_TEXT

HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml"))
TEXT_SUFFIXES = frozenset((".txt", ".text"))

# Elements whose content is never text a reader sees.
_HIDDEN = frozenset(("script", "style", "noscript", "template", "head", "title", "svg"))
# Elements that begin and end a line of their own.
_BLOCKS = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    )
)
# Blocks that only begin a line (a list's items, a table's cells, a line break).
_LINES = frozenset(("br", "hr", "li", "dt", "dd", "td", "th"))
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class ArchivedTextError(ValueError):
    """A file that cannot be kept as a source's text; the message says why."""


def html_to_text(page: str) -> str:
    """The text a reader sees in the HTML ``page``: one paragraph a line or
    two, spaces folded, hidden content and comments left out."""
    reader = _TextReader()
    reader.feed(page)
    reader.close()
    return tidy("".join(reader.pieces))


def tidy(text: str) -> str:
    """``text`` with runs of spaces folded, each line trimmed, and no more than
    one empty line between paragraphs."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def text_from_file(name: str, data: bytes) -> str:
    """The archived text in a file called ``name`` holding ``data``: HTML
    reduced to text, any other file read as plain text (UTF-8).

    Raises :class:`ArchivedTextError` for a file that is not UTF-8 or whose
    text is longer than a source may keep.
    """
    if len(data) > 4 * ARCHIVED_TEXT:  # more than UTF-8 could fit in the limit
        raise ArchivedTextError(_too_long_message(len(data), "bytes"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArchivedTextError(
            f"it is not UTF-8 text (byte {error.start + 1:,} cannot be read); "
            "save it as UTF-8 and load it again"
        ) from None
    is_page = PurePath(name).suffix.lower() in HTML_SUFFIXES
    text = html_to_text(text) if is_page else tidy(text)
    if len(text) > ARCHIVED_TEXT:
        raise ArchivedTextError(_too_long_message(len(text), "characters"))
    return text


def word_count(text: str) -> int:
    """How many words ``text`` holds (runs of characters between spaces)."""
    return len(text.split())


def summary(text: str) -> str:
    """The archived text in a few words: "2,345 words", "1 word" or "none"."""
    words = word_count(text)
    if not text.strip():
        return "none"
    return f"{words:,} word" + ("" if words == 1 else "s")


def _too_long_message(size: int, unit: str) -> str:
    return f"it holds {size:,} {unit}; a source keeps at most {ARCHIVED_TEXT:,} characters"


class _TextReader(HTMLParser):
    """Collects the visible text of a page; comments are not handled, so dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden = 0
        self._preformatted = 0  # inside <pre>: its line breaks are the text's

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.pieces.append("\n")
            self._preformatted += tag == "pre"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:  # <br/>, <hr/>
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS and tag not in _LINES:
            self.pieces.append("\n\n")
            if tag == "pre":
                self._preformatted = max(0, self._preformatted - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.pieces.append(data if self._preformatted else data.replace("\n", " "))
