"""Writing the map to a file: PNG and SVG bytes made in memory, then written whole.

A picture is made completely before its file is touched, and is written to
a temporary file beside the target that replaces it only once complete: a
failed export (a missing or read-only folder, a full disk) leaves any older
file as it was and raises OSError with a message that says what is wrong.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"PNG"))
    if not writer.write(image):
        raise OSError(f"Could not make the PNG picture of the map: {writer.errorString()}.")
    buffer.close()
    return bytes(data.data())


def svg_bytes(
    size: QSize, title: str, description: str, paint: Callable[[QPainter, QRectF], None]
) -> bytes:
    """An SVG document of ``size`` pixels that ``paint`` draws into."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    try:
        paint(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all."""
    folder = path.parent
    if not folder.is_dir():
        raise OSError(f"Could not save the map: the folder {folder} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise OSError(
            f"Could not save the map in {folder}: {error.strerror or error}. "
            "Choose a folder you can write to."
        ) from error
    try:
        with os.fdopen(handle, "wb") as output:
            output.write(data)
        Path(temporary).chmod(0o644)  # mkstemp makes it private; a picture is not
        Path(temporary).replace(path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise OSError(f"Could not save the map as {path}: {error.strerror or error}.") from error
