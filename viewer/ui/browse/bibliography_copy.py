"""What "Copy bibliography" copies: every reference behind a record, in one style."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from viewer.domain.csl import Formatted, bibliography
from viewer.domain.records import Source
from viewer.domain.views import Detail


def sources_behind(detail: Detail | None) -> list[Source]:
    """The sources of every citation of ``detail``'s claims, each once, in the
    order first cited; a source record's is the source itself."""
    if detail is None:
        return []
    if isinstance(detail.record, Source):
        return [detail.record]
    found: dict[str, Source] = {}
    for claim in detail.claims:
        for citation in claim.citations:
            source = detail.sources.get(citation.source)
            if source is not None:
                found.setdefault(source.key, source)
    return list(found.values())


def copy_bibliography(detail: Detail | None, style: str) -> Formatted | None:
    """Put the reference list of ``detail``'s sources on the clipboard, as plain
    text and HTML (the sources' text escaped); what was copied, or None when
    the record rests on no source."""
    sources = sources_behind(detail)
    if not sources:
        return None
    listed = bibliography(sources, style)
    mime = QMimeData()
    mime.setText(listed.text)
    mime.setHtml(listed.html)
    QGuiApplication.clipboard().setMimeData(mime)
    return listed
