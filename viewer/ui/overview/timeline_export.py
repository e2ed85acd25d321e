"""Pictures of the accord timeline: an image in memory, a PNG file, an SVG file.

Each takes a function that paints the timeline on a painter of a given size,
so the files show exactly what the widget draws.  The picture is made in
memory first and written in one go: a folder that does not exist or cannot be
written to raises OSError with a plain message, and no half-written file is
left behind.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

Paint = Callable[[QPainter], None]


def render_image(paint: Paint, width: int, height: int) -> QImage:
    """The timeline painted on a ``width`` by ``height`` image."""
    image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        paint(painter)
    finally:
        painter.end()
    return image


def save_png(paint: Paint, width: int, height: int, path: Path) -> None:
    """Write the timeline to ``path`` as a PNG image."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str, though its stubs say bytes (which it refuses).
    if not render_image(paint, width, height).save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError(f"The timeline could not be turned into a PNG image for {path}.")
    buffer.close()
    _write(path, bytes(data.data()))


def save_svg(paint: Paint, width: int, height: int, path: Path, title: str) -> None:
    """Write the timeline to ``path`` as an SVG drawing titled ``title``."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setResolution(96)  # the CSS pixel: browsers show it at the size of the widget
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle(title)
    generator.setDescription("Exported from Accords Viewer")
    painter = QPainter(generator)
    try:
        paint(painter)
    finally:
        painter.end()
    buffer.close()
    _write(path, bytes(data.data()))


def _write(path: Path, data: bytes) -> None:
    """``data`` to ``path`` whole: through a temporary file beside it, then renamed."""
    folder = path.parent
    if not folder.is_dir():
        raise OSError(f"The folder {folder} does not exist: choose a folder that does.")
    partial = path.with_name(f".{path.name}.part")
    try:
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as error:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        reason = error.strerror or str(error)
        raise OSError(
            f"Could not save the timeline to {path}: {reason}. Choose another folder or file name."
        ) from error
