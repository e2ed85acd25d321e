"""Writes the accord report as a PDF: A4 pages of the report's HTML (see
report_html.py) laid out by a QTextDocument, with a footer on each page.

The PDF is written to a temporary file beside the one asked for and renamed
over it once whole: a failure (a full disk, a folder that refuses) leaves no
partial file behind, and an earlier report of the same name as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from viewer.domain.csl import DEFAULT_STYLE
from viewer.domain.overview import AccordOverview
from viewer.domain.report import ReportData
from viewer.ui.report.report_html import claims_html, day_text, front_html, style_sheet

DPI = 300
MARGIN_MM = 18.0
# The map and the timeline share a page.
PICTURES_PER_PAGE = 1  # a page each: the map and the timeline are read in detail
TITLE_POINTS = 12
FOOTER_POINTS = 8


class ReportNotWritten(Exception):
    """The report could not be written to ``path``; the message says why, naming it."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"The report could not be written to {path}: {reason}")
        self.path = path
        self.reason = reason


def write_report(
    path: Path,
    data: ReportData,
    overview: AccordOverview,
    day: date,
    pictures: Sequence[tuple[str, QImage]] = (),
    style: str = DEFAULT_STYLE,
) -> int:
    """Write the report of ``data`` as of ``day`` to ``path`` (a PDF), with
    ``pictures`` (title, image: the map and the timeline) after the
    participants table and the sources in the citation style ``style``; the
    number of pages written.

    Raises :class:`ReportNotWritten` when the file cannot be written; then
    nothing was left at ``path`` that was not there before.
    """
    path = path.expanduser()
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise ReportNotWritten(path, _reason(error)) from None
    partial = Path(name)
    try:
        pages = _write_pdf(partial, data, overview, day, pictures, style)
        if partial.stat().st_size == 0:
            raise OSError("nothing could be written (is the disk full?)")
        # Readable as any new file of the user's is (mkstemp makes it private).
        partial.chmod(0o666 & ~_umask())
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ReportNotWritten(path, _reason(error)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return pages


def _write_pdf(
    path: Path,
    data: ReportData,
    overview: AccordOverview,
    day: date,
    pictures: Sequence[tuple[str, QImage]],
    style: str,
) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # Landscape: the participants table has a column per kind of step, and
    # the map and the timeline are wide pictures.
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter
    )
    writer.setTitle(data.accord.name)
    writer.setCreator("Accords Viewer")
    area = writer.pageLayout().paintRectPixels(DPI)
    footer_height = float(FOOTER_POINTS * DPI // 72 * 3)
    body = QSizeF(area.width(), area.height() - footer_height)
    front = _document(writer, body, front_html(data, overview, day), words_whole=True)
    claims = _document(writer, body, claims_html(data, style))
    shown = [(title, image) for title, image in pictures if not image.isNull()]
    picture_pages = [
        shown[i : i + PICTURES_PER_PAGE] for i in range(0, len(shown), PICTURES_PER_PAGE)
    ]
    total = front.pageCount() + len(picture_pages) + claims.pageCount()
    footer = f"{data.accord.name} \u00b7 as of {day_text(day)}"

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF could not be started")
    try:
        page = 0

        def start_page() -> None:
            nonlocal page
            if page and not writer.newPage():
                raise OSError("a new page could not be started")
            page += 1

        def end_page() -> None:
            _draw_footer(painter, body, footer_height, footer, f"Page {page} of {total}")

        for number in range(front.pageCount()):
            start_page()
            _draw_document_page(painter, front, number, body)
            end_page()
        for group in picture_pages:
            start_page()
            _draw_pictures(painter, group, body)
            end_page()
        for number in range(claims.pageCount()):
            start_page()
            _draw_document_page(painter, claims, number, body)
            end_page()
    finally:
        painter.end()
    return total


def _document(
    writer: QPdfWriter, body: QSizeF, html: str, *, words_whole: bool = False
) -> QTextDocument:
    """``html`` laid out in pages of ``body``'s size, in the writer's resolution.

    With ``words_whole``, no word is broken; else a word too long for a line
    (a URL) breaks anywhere rather than run off the page.
    """
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultStyleSheet(style_sheet(DPI))
    document.setDocumentMargin(0)
    if words_whole:
        # Lines break between words only: a table column is never narrower than
        # its longest word ("Normalisation" never splits into "Normalisati" "on").
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)
    document.setHtml(html)
    document.setPageSize(body)
    return document


def _draw_document_page(
    painter: QPainter, document: QTextDocument, number: int, body: QSizeF
) -> None:
    painter.save()
    top = number * body.height()
    painter.translate(0, -top)
    document.drawContents(painter, QRectF(0, top, body.width(), body.height()))
    painter.restore()


def _draw_pictures(painter: QPainter, pictures: Sequence[tuple[str, QImage]], body: QSizeF) -> None:
    """Each picture under its title, in an equal share of the page, keeping its shape."""
    painter.save()
    title_font = QFont()
    title_font.setPointSize(TITLE_POINTS)
    title_font.setBold(True)
    painter.setFont(title_font)
    title_height = painter.fontMetrics().height() * 1.5
    share = body.height() / len(pictures)
    for index, (title, image) in enumerate(pictures):
        top = index * share
        painter.drawText(
            QRectF(0, top, body.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        room = QSizeF(body.width(), share - title_height * 1.5)
        size = QSizeF(image.size()).scaled(room, Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRectF(0, top + title_height, size.width(), size.height()), image)
    painter.restore()


def _draw_footer(painter: QPainter, body: QSizeF, height: float, left: str, right: str) -> None:
    painter.save()
    font = QFont()
    font.setPointSize(FOOTER_POINTS)
    painter.setFont(font)
    bottom = QRectF(0, body.height(), body.width(), height)
    painter.drawText(bottom, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft, left)
    painter.drawText(bottom, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignRight, right)
    painter.restore()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__
