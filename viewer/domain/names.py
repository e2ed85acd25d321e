"""Names and keys as they are kept, and as they look.

Text pasted from a web page often carries characters nobody sees: a
zero-width space, a byte-order mark, a bidirectional control. Kept in a name
they make "Bahrain" and "Bahrain" two different participants. So names,
titles and keys are *cleaned on input* (:func:`clean_text`, :func:`clean_key`,
:func:`cleaned`: Unicode NFC, invisible characters dropped, ends trimmed) by
the import and the forms, silently, as a user pasting a name expects; the
store refuses a record that was not (:func:`invisible_problem`), so nothing
reaches the database another way.

Two names that differ but *look* the same ("Bahrain" in Latin letters, and
the same with a Cyrillic "a", U+0430) are told apart by their :func:`skeleton`:
compatibility-normalised (NFKC), case-folded, without invisible characters,
each letter that imitates a Latin one (a small table of Cyrillic and Greek
letters, :data:`CONFUSABLES`) replaced by it, and spaces collapsed. A new
participant whose skeleton is an existing one's is refused, naming that one.
The table is deliberately small: it covers the letters that pass for Latin
ones in common fonts, not the whole of Unicode's confusables list.

The zero-width non-joiner and joiner (U+200C, U+200D) are part of the
spelling of Persian, Urdu, Kurdish and Indic words; they are kept between two
letters of such a script, and dropped anywhere else (a skeleton drops them
always).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Any, TypeVar

from viewer.domain.records import RECORD_TYPES, Author, Citation, Event, EventRole, Record

R = TypeVar("R", bound=Record)

# Zero-width space, marks and controls that only steer direction, word
# joiner and invisible operators, isolates, byte-order mark.
_INVISIBLE = "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_DROPPED = re.compile(f"[{_INVISIBLE}]")
_JOINERS = re.compile("[\u200c\u200d]")
_ANY_INVISIBLE = re.compile(f"[{_INVISIBLE}\u200c\u200d\u00ad\u034f]")

# Letters of other scripts that look like a Latin letter, after case folding
# (so the capitals they imitate are covered too: Cyrillic capital en, U+041D, folds to U+043D).
CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "с": "c",
        "ԁ": "d",
        "е": "e",
        "һ": "h",
        "н": "h",
        "і": "i",
        "ј": "j",
        "к": "k",
        "ӏ": "l",
        "м": "m",
        "о": "o",
        "р": "p",
        "ԛ": "q",
        "ѕ": "s",
        "т": "t",
        "у": "y",
        "ԝ": "w",
        "х": "x",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "η": "h",
        "ι": "i",
        "κ": "k",
        "μ": "m",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ζ": "z",
        # Latin letters that pass for others
        "ı": "i",
        "ȷ": "j",
    }
)

# The fields cleaned as names: one-line text that names or labels something.
NAME_FIELDS = ("name", "title", "office", "publisher", "container_title", "location")
# The fields that hold a key: the record's own, or one it refers to.
_KEY_FIELDS = ("key", "accord", "party", "person", "alternative_of")


def clean_text(text: str) -> str:
    """``text`` as a name is kept: NFC, no invisible character, ends trimmed."""
    if text.isascii():
        return text.strip()
    return _visible(unicodedata.normalize("NFC", text)).strip()


def _visible(text: str) -> str:
    """``text`` without its invisible characters (but the joiners that spell)."""
    text = _DROPPED.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _JOINERS.sub(lambda match: _joiner(text, match.start()), text)
    return text


def _joiner(text: str, at: int) -> str:
    """The joiner at ``at`` if it sits between two letters of a script that
    spells with it (anything but Latin letters), else nothing."""
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    if _spells_with_joiners(before) and _spells_with_joiners(after):
        return text[at]
    return ""


def _spells_with_joiners(ch: str) -> bool:
    return bool(ch) and not ch.isascii() and unicodedata.category(ch)[0] in "LM"


def clean_key(key: str) -> str:
    """``key`` without invisible characters or spaces at its ends (a key is
    checked for what it may hold afterwards)."""
    if key.isascii():
        return key.strip()
    return _ANY_INVISIBLE.sub("", unicodedata.normalize("NFC", key)).strip()


def skeleton(text: str) -> str:
    """What ``text`` looks like: equal for two names a reader cannot tell apart."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    if not folded.isascii():
        folded = _ANY_INVISIBLE.sub("", folded).translate(CONFUSABLES)
    return " ".join(folded.split())


def invisible_problem(text: str) -> str | None:
    """Why ``text`` cannot be kept as a name (it holds invisible characters
    that :func:`clean_text` drops), or None. (Text that is merely not in NFC,
    or has spaces at its ends, is kept as given: it shows as it reads.)"""
    if text.isascii() or _ANY_INVISIBLE.search(text) is None or _visible(text) == text:
        return None
    hidden = sorted({f"U+{ord(ch):04X}" for ch in text if _visible(ch) != ch})
    shown = ", ".join(hidden[:5]) or "joiners"
    return f"holds invisible characters ({shown}): remove them"


def _name_parts(author: Author) -> tuple[str, str, str]:
    return (author.family, author.given, author.literal)


def cleaned(record: R) -> R:
    """``record`` with its key, the keys it refers to and its names cleaned;
    ``record`` itself when nothing changes (the usual case, and fast: a
    bulk import cleans every record)."""
    keys, names = _FIELDS[type(record)]
    changes: dict[str, Any] = {}
    for name in keys:
        value = getattr(record, name)
        if value and _unclean(value):
            changes[name] = clean_key(value)
    for name in names:
        value = getattr(record, name)
        if value and _unclean(value):
            changes[name] = clean_text(value)
    authors: tuple[Author, ...] = getattr(record, "authors", ())
    if any(_unclean(part) for author in authors for part in _name_parts(author)):
        changes["authors"] = tuple(
            Author(*(clean_text(part) for part in _name_parts(author))) for author in authors
        )
    citations: tuple[Citation, ...] = getattr(record, "citations", ())
    if any(_unclean(c.source) for c in citations):
        changes["citations"] = tuple(
            dataclasses.replace(c, source=clean_key(c.source)) for c in citations
        )
    if isinstance(record, Event) and any(_role_changes(role) for role in record.roles):
        changes["roles"] = tuple(
            EventRole(
                role.role,
                clean_key(role.party) if role.party else role.party,
                clean_key(role.person) if role.person else role.person,
            )
            for role in record.roles
        )
    return dataclasses.replace(record, **changes) if changes else record


def _unclean(text: str) -> bool:
    """Whether cleaning could change ``text`` (quick: most text is clean)."""
    if text[:1].isspace() or text[-1:].isspace():
        return True
    if text.isascii():
        return False
    return not unicodedata.is_normalized("NFC", text) or _ANY_INVISIBLE.search(text) is not None


def _role_changes(role: EventRole) -> bool:
    return any(value and _unclean(value) for value in (role.party, role.person))


# Each record type's key fields (its own and those it refers to) and name fields.
_FIELDS: dict[type[Any], tuple[tuple[str, ...], tuple[str, ...]]] = {
    cls: (
        tuple(f.name for f in dataclasses.fields(cls) if f.name in _KEY_FIELDS),
        tuple(f.name for f in dataclasses.fields(cls) if f.name in NAME_FIELDS),
    )
    for cls in RECORD_TYPES.values()
}
