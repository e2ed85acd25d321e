"""BibTeX files read as sources, by bibtexparser 2.

The entries are parsed as written; names are split by bibtexparser
(``SeparateCoAuthors``, ``SplitNameParts``: "van der Berg, Jan" -> family
"van der Berg", given "Jan"; a name in braces, ``{Associated Press}``, is a
body's name whole), and TeX is decoded (``{\\'e}`` -> "é") by its
``LatexDecodingMiddleware`` — except in ``url``, ``doi``, ``date`` and
``urldate``, which biblatex reads verbatim and which the decoder would
mangle ("%25" and "~" are TeX). Only text that holds TeX goes through the
decoder: it takes most of a millisecond a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from bibtexparser import model
from bibtexparser.entrypoint import parse_string
from bibtexparser.library import Library
from bibtexparser.middlewares import (
    LatexDecodingMiddleware,
    NameParts,
    SeparateCoAuthors,
    SplitNameParts,
)

from viewer.domain.quoting import printable, quoted, shortened
from viewer.domain.records import Author
from viewer.domain.reference_items import ReadItem
from viewer.domain.reference_reading import UnreadableField, source_from_bibtex
from viewer.domain.reference_values import clean, with_suffix

# Read as written: biblatex takes them verbatim, and TeX decoding mangles them.
VERBATIM_FIELDS = frozenset({"url", "doi", "date", "urldate", "year", "month", "day"})
# The fields a source is made of; the others are not decoded (nor kept).
TEXT_FIELDS = (
    "title",
    "journal",
    "journaltitle",
    "howpublished",
    "publisher",
    "institution",
    "organization",
    "type",
)
_NEEDS_DECODING = re.compile(r"[\\{}$~%&]|--|``|''")
# A bare % or & is TeX's comment and column sign; in a field nobody means that.
_BARE_SIGN = re.compile(r"(?<!\\)([%&])")
# TeX's circumflex as the export writes it; the decoder would give the
# modifier letter circumflex (U+02C6) for it, not the ^ that was typed.
_CIRCUMFLEX = re.compile(r"\\textasciicircum(?:\{\}|\s*)")
# An escaped sign in a verbatim field, as some tools write them (a\_b).
_ESCAPED_SIGN = re.compile(r"\\([_%&#$~])")
_MESSAGE_LIMIT = 200


def read_bibtex(text: str) -> list[ReadItem]:
    """The items of a BibTeX file's text, in the file's order, broken entries too."""
    library = parse_string(text)
    library = SplitNameParts().transform(SeparateCoAuthors().transform(library))
    decoder = LatexDecodingMiddleware()
    found: list[tuple[int, ReadItem]] = [
        (_line(entry), _read_entry(entry, decoder, library)) for entry in library.entries
    ]
    found.extend((_line(block), _failed(block)) for block in library.failed_blocks)
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _read_entry(entry: model.Entry, decoder: LatexDecodingMiddleware, library: Library) -> ReadItem:
    label = f"entry {quoted(entry.key, 60)} (line {_line(entry)})"
    names = entry.fields_dict.get("author")
    parts: list[NameParts] = list(names.value) if names is not None else []
    texts = {
        name: entry[name]
        for name in TEXT_FIELDS
        if name in entry.fields_dict and isinstance(entry[name], str)
    }
    pieces = [piece for person in parts for piece in _pieces(person)]
    decoded = _decode([*texts.values(), *pieces], decoder, library)
    if decoded is None:
        return ReadItem(label, entry.key, None, "", "holds TeX that cannot be decoded: not read")
    fields = dict(zip(texts, decoded, strict=False))
    for name in VERBATIM_FIELDS:
        value = entry.fields_dict.get(name)
        if value is not None and isinstance(value.value, str):
            fields[name] = _ESCAPED_SIGN.sub(r"\1", value.value)
    authors = _authors(parts, iter(decoded[len(texts) :]))
    try:
        source = source_from_bibtex(entry.entry_type, fields, authors)
    except UnreadableField as error:
        return ReadItem(label, entry.key, None, error.field, f"{error.message}: not read")
    return ReadItem(label, entry.key, source)


def _pieces(person: NameParts) -> list[str]:
    return [*person.first, *person.von, *person.last, *person.jr]


def _authors(parts: Sequence[NameParts], decoded: Iterator[str]) -> list[Author]:
    authors = []
    for person in parts:
        first = [next(decoded) for _ in person.first]
        von = [next(decoded) for _ in person.von]
        last = [next(decoded) for _ in person.last]
        jr = [next(decoded) for _ in person.jr]
        braced = (
            len(person.last) == 1
            and person.last[0].startswith("{")
            and person.last[0].endswith("}")
            and not (person.first or person.von or person.jr)
        )
        if braced:
            authors.append(Author(literal=clean(last[0])))
            continue
        family = clean(" ".join([*von, *last]))
        given = with_suffix(clean(" ".join(first)), clean(" ".join(jr)))
        authors.append(Author(family=family, given=given) if family else Author(literal=given))
    return authors


def _decode(
    texts: Sequence[str], decoder: LatexDecodingMiddleware, library: Library
) -> list[str] | None:
    """``texts`` with their TeX decoded (None when the decoder fails)."""
    wanted = [index for index, text in enumerate(texts) if _NEEDS_DECODING.search(text)]
    if not wanted:
        return list(texts)
    holder = model.Entry(
        "misc", "decoding", [model.Field(str(i), _tex_input(texts[i])) for i in wanted]
    )
    result = decoder.transform_entry(holder, library)
    if not isinstance(result, model.Entry):
        return None
    decoded = list(texts)
    for index in wanted:
        decoded[index] = result[str(index)]
    return decoded


def _tex_input(text: str) -> str:
    """``text`` as the decoder should read it: a bare % or & as the sign it
    means, and TeX's circumflex as the ^ it prints."""
    return _CIRCUMFLEX.sub(lambda _found: r"\string^", _BARE_SIGN.sub(r"\\\1", text))


def _failed(block: model.ParsingFailedBlock) -> ReadItem:
    line = _line(block)
    if isinstance(block, model.DuplicateBlockKeyBlock):
        previous = _line(block.previous_block)
        return ReadItem(
            f"entry {quoted(block.key, 60)} (line {line})",
            "",
            None,
            "",
            f"has the key of the entry on line {previous}: give one of them another key; not read",
        )
    message = shortened(printable(str(block.error)), _MESSAGE_LIMIT)
    return ReadItem(f"the entry on line {line}", "", None, "", f"cannot be read: {message}")


def _line(block: model.Block) -> int:
    """The line a block starts on, counted from 1 as editors do."""
    return (block.start_line or 0) + 1
