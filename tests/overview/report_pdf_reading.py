"""Reads back the text of a PDF that Qt's QPdfWriter wrote, for the report's tests.

The venv has neither PySide6.QtPdf (it holds PySide6-Essentials only) nor a
PDF library, and one is not worth a dependency for this: Qt writes each page
as one content stream (Flate-compressed) that selects Type0 fonts and shows
glyph codes as hex strings (``<0001> Tj``), each font with a ToUnicode map.
That is all this reads: enough to tell what words each page shows, in the
order Qt drew them (a table cell's lines together).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from pathlib import Path

_STREAM_START = re.compile(rb"stream\r?\n")
_REF = rb"(\d+) 0 R"
_TEXT_OPS = re.compile(rb"/(\w+) [-\d.]+ Tf|[-\d.]+ ([-\d.]+) Td|<([0-9A-Fa-f]*)> Tj|\bBT\b")
_HEX = re.compile(rb"<([0-9A-Fa-f]+)>")


class PdfText:
    """The pages of one PDF file and the text each shows."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        assert data.startswith(b"%PDF-"), f"{path} is not a PDF"
        self._objects = _objects(data)
        self._maps: dict[int, dict[int, str]] = {}
        [pages_body] = [b for b in self._objects.values() if b"/Type /Pages" in b]
        kids = re.search(rb"/Kids\s*\[(.*?)\]", pages_body, re.S)
        assert kids is not None
        self.page_objects = [int(n) for n in re.findall(_REF, kids.group(1))]

    @property
    def page_count(self) -> int:
        return len(self.page_objects)

    def page_text(self, index: int) -> str:
        """The words page ``index`` (0-based) shows, one space between each."""
        page = self._objects[self.page_objects[index]]
        fonts = self._fonts(self._resolve(page, b"Resources"))
        contents = self._stream(self._ref(page, b"Contents"))
        pieces: list[str] = []
        font: dict[int, str] = {}
        for name, rise, glyphs in (
            (m.group(1), m.group(2), m.group(3)) for m in _TEXT_OPS.finditer(contents)
        ):
            if name is not None:
                font = fonts.get(name.decode(), {})
            elif glyphs is not None:
                codes = bytes.fromhex(glyphs.decode())
                pieces.extend(
                    font.get(int.from_bytes(codes[i : i + 2], "big"), "\ufffd")
                    for i in range(0, len(codes), 2)
                )
            elif rise is None or float(rise) != 0:
                pieces.append(" ")  # a new line or a new run of text
        text = unicodedata.normalize("NFKC", "".join(pieces))
        return " ".join(text.split())

    def text(self) -> str:
        return " ".join(self.page_text(index) for index in range(self.page_count))

    def _ref(self, body: bytes, key: bytes) -> int:
        found = re.search(rb"/" + key + rb"\s+" + _REF, body)
        assert found is not None, f"no /{key.decode()} reference"
        return int(found.group(1))

    def _resolve(self, body: bytes, key: bytes) -> bytes:
        found = re.search(rb"/" + key + rb"\s+" + _REF, body)
        if found is not None:
            return self._objects[int(found.group(1))]
        return body  # given inline

    def _stream(self, number: int) -> bytes:
        body = self._objects[number]
        start = _STREAM_START.search(body)
        assert start is not None, f"object {number} holds no stream"
        head = body[: start.start()]
        length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head)
        assert length is not None, f"object {number} gives no length"
        size = int(length.group(1))
        if length.group(2):  # given in an object of its own
            size = int(self._objects[size].split()[0])
        raw = body[start.end() : start.end() + size]
        return zlib.decompress(raw) if b"/FlateDecode" in head else raw

    def _fonts(self, resources: bytes) -> dict[str, dict[int, str]]:
        block = re.search(rb"/Font\s*<<(.*?)>>", resources, re.S)
        if block is None:
            return {}
        fonts: dict[str, dict[int, str]] = {}
        for name, number in re.findall(rb"/(\w+)\s+" + _REF, block.group(1)):
            font = self._objects[int(number)]
            to_unicode = re.search(rb"/ToUnicode\s+" + _REF, font)
            if to_unicode is not None:
                fonts[name.decode()] = self._cmap(int(to_unicode.group(1)))
        return fonts

    def _cmap(self, number: int) -> dict[int, str]:
        if number not in self._maps:
            self._maps[number] = _read_cmap(self._stream(number))
        return self._maps[number]


def _objects(data: bytes) -> dict[int, bytes]:
    """Each object's body (after ``N 0 obj``), found through the cross-reference
    table, so that binary stream data is never searched for keywords."""
    at = data.rindex(b"startxref")
    xref = int(data[at + len(b"startxref") :].split()[0])
    header = data[xref:].split(b"\n", 2)
    assert header[0].strip() == b"xref", "a cross-reference stream: not what Qt writes"
    first = int(header[1].split()[0])
    count = int(header[1].split()[1])
    table = header[2][: count * 20]
    offsets: dict[int, int] = {}
    for index, entry in enumerate(re.finditer(rb"(\d{10}) (\d{5}) ([nf])", table)):
        if entry.group(3) == b"n":
            offsets[first + index] = int(entry.group(1))
    ends = sorted([*offsets.values(), xref])
    objects: dict[int, bytes] = {}
    for number, offset in offsets.items():
        end = ends[ends.index(offset) + 1]
        body = data[offset:end]
        objects[number] = body[body.index(b"obj") + 3 :]
    return objects


def _read_cmap(cmap: bytes) -> dict[int, str]:
    """Glyph code to text, from a ToUnicode CMap's bfchar and bfrange sections."""
    found: dict[int, str] = {}
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        values = _HEX.findall(section)
        for code, text in zip(values[::2], values[1::2], strict=True):
            found[int(code, 16)] = _utf16(text)
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for line in re.findall(
            rb"<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*(?:\[[^\]]*\]|<[0-9A-Fa-f]+>)", section
        ):
            first, last, *targets = _HEX.findall(line)
            start, end = int(first, 16), int(last, 16)
            if b"[" in line:
                for offset, text in enumerate(targets):
                    found[start + offset] = _utf16(text)
            else:
                base = int(targets[0], 16)
                for offset in range(end - start + 1):
                    found[start + offset] = chr(base + offset)
    return found


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be")
