"""Authors' names: as written in a form or an older file, and as stored.

A source's authors are structured (:class:`~viewer.domain.records.Author`):
family and given names for a person, the whole name for a body. In a form
each author is written on one line, as reference managers and BibTeX do:

- ``Carnahan, Ashley`` — a person, family name first, then the given names;
- ``van der Berg, Jan`` — the particle belongs to the family name;
- ``Associated Press`` — no comma: a body's name, kept whole;
- ``{Ministry of Foreign Affairs, UAE}`` — braces keep a body's name whole
  even when it holds a comma.

Older databases and exchange files hold each author as one text ("Ashley
Carnahan"); :func:`guess_author` splits such a text once, when it is read
or migrated, and what it decides can then be corrected in the form.
"""

from __future__ import annotations

from typing import Any

from viewer.domain.records import Author

# Words that begin a family name ("Mohammed bin Salman", "Jan van der Berg").
PARTICLES = frozenset(
    (
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "ben",
        "abu",
        "van",
        "von",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "dos",
        "das",
        "la",
        "le",
        "ter",
        "ten",
    )
)
# Words that make a name a body's, kept whole rather than split into given and family.
BODY_WORDS = frozenset(
    (
        "agency",
        "association",
        "broadcasting",
        "bureau",
        "centre",
        "center",
        "commission",
        "committee",
        "council",
        "corporation",
        "department",
        "embassy",
        "foundation",
        "government",
        "group",
        "house",
        "institute",
        "ministry",
        "network",
        "news",
        "office",
        "organisation",
        "organization",
        "party",
        "post",
        "press",
        "presidency",
        "service",
        "times",
        "union",
        "university",
    )
)


def author_line(author: Author) -> str:
    """The one line a form shows for ``author`` (read back by :func:`parse_author_line`)."""
    if author.literal:
        return f"{{{author.literal}}}" if "," in author.literal else author.literal
    if author.given:
        return f"{author.family}, {author.given}"
    return f"{author.family},"


def parse_author_line(line: str) -> Author | None:
    """An author from one line as written in a form; None for an empty line."""
    text = _clean(line)
    if not text:
        return None
    if text.startswith("{") and text.endswith("}"):
        inner = _clean(text[1:-1])
        return Author(literal=inner) if inner else None
    if "," in text:
        family, given = (_clean(part) for part in text.split(",", 1))
        if family:
            return Author(family=family, given=given)
        return Author(literal=given) if given else None
    return Author(literal=text)


def guess_author(name: str) -> Author:
    """An author from a name written whole, as older files hold them.

    "Family, Given" is split at the comma; otherwise a one-word name, or one
    with a word that reads as a body's ("Associated Press", "Ministry of
    Foreign Affairs"), is a body's name; otherwise the family name is the last
    word, or begins at a particle ("Jan van der Berg", "Mohammed bin Salman").
    """
    text = _clean(name)
    if "," in text:
        found = parse_author_line(text)
        return found if found is not None else Author(literal=text)
    words = text.split(" ")
    if len(words) == 1 or any(word.lower() in BODY_WORDS for word in words):
        return Author(literal=text)
    start = next(
        (index for index, word in enumerate(words[1:-1], 1) if _is_particle(word)),
        len(words) - 1,
    )
    return Author(family=" ".join(words[start:]), given=" ".join(words[:start]))


def _is_particle(word: str) -> bool:
    lowered = word.lower()
    return lowered in PARTICLES or (lowered.rstrip("-") in PARTICLES and lowered.endswith("-"))


def _clean(text: str) -> str:
    return " ".join(text.split())


def stored_authors(authors: tuple[Author, ...]) -> list[dict[str, str]]:
    """Authors as stored and exchanged: each name's parts that are not empty."""
    return [
        {
            part: text
            for part, text in (
                ("family", author.family),
                ("given", author.given),
                ("literal", author.literal),
            )
            if text
        }
        for author in authors
    ]


def read_stored_authors(data: list[Any]) -> tuple[Author, ...]:
    """Authors as :func:`stored_authors` writes them (an older row's names
    written whole are split by :func:`guess_author`)."""
    return tuple(
        guess_author(item)
        if isinstance(item, str)
        else Author(
            family=str(item.get("family", "")),
            given=str(item.get("given", "")),
            literal=str(item.get("literal", "")),
        )
        for item in data
    )
