"""Completions for the edit dialogs' pickers, and keys for new records.

Every query here is bounded: a picker asks for the first few records whose
label starts with, then contains, what was typed, and for the labels of the
keys it shows; never for every record of a kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import select

from viewer.domain.enums import RecordKind
from viewer.domain.validation import KEY_PATTERN
from viewer.store.mapping import LABEL_COLUMNS, ROW_TYPES
from viewer.store.store import Store

# How many choices a picker is offered at a time: a screenful and then some.
COMPLETION_LIMIT = 50
# SQLite allows many more bound parameters; this keeps each IN list modest.
_KEYS_PER_QUERY = 500
# Above every character, so that `label < prefix + _TOP` ends a prefix's range.
_TOP = "\U0010ffff"


def complete(
    store: Store, kind: RecordKind, text: str, limit: int = COMPLETION_LIMIT
) -> list[tuple[str, str]]:
    """Up to ``limit`` (key, label) pairs of ``kind`` for a picker's typed ``text``.

    First the labels that start with the text (in any case), then those that
    contain it, each group by label. No text gives the first labels of all.
    The prefixes are read as ranges of the label's index and the rest with a
    LIMIT, so the cost follows ``limit``, not the number of records.
    """
    row_type, label = ROW_TYPES[kind], LABEL_COLUMNS[kind]
    typed = text.strip()
    by_label = select(row_type.key, label).order_by(label, row_type.id)
    if limit <= 0:
        return []
    with store.reading() as session:
        if not typed:
            return _pairs(session.execute(by_label.limit(limit)))
        folded = typed.casefold()
        starting: dict[str, str] = {}
        # One index range per usual way of writing the prefix ("uni", "Uni",
        # "UNI"): a case-insensitive prefix match that still uses the index.
        for prefix in _case_variants(typed):
            in_range = by_label.where(label >= prefix, label < prefix + _TOP).limit(limit)
            for key, shown in _pairs(session.execute(in_range)):
                if shown.casefold().startswith(folded):
                    starting[key] = shown
        first = sorted(starting.items(), key=lambda pair: (pair[1].casefold(), pair[1], pair[0]))
        found = first[:limit]
        if len(found) < limit:
            pattern = "%" + re.sub(r"([\\%_])", r"\\\1", typed) + "%"
            # ILIKE: in any case on both engines (PostgreSQL's LIKE minds case;
            # SQLAlchemy says it as lower() LIKE lower() on SQLite).
            containing = by_label.where(label.ilike(pattern, escape="\\"))
            # Enough rows that, less those already found, ``limit`` remain.
            for key, shown in _pairs(session.execute(containing.limit(limit + len(found)))):
                if key not in starting and len(found) < limit:
                    found.append((key, shown))
        return found


def labels_for(store: Store, kind: RecordKind, keys: Collection[str]) -> dict[str, str]:
    """The label of each of ``keys`` that names a record of ``kind`` (one indexed look-up each)."""
    row_type, label = ROW_TYPES[kind], LABEL_COLUMNS[kind]
    wanted = sorted(set(keys))
    found: dict[str, str] = {}
    with store.reading() as session:
        for start in range(0, len(wanted), _KEYS_PER_QUERY):
            chunk = wanted[start : start + _KEYS_PER_QUERY]
            query = select(row_type.key, label).where(row_type.key.in_(chunk))
            found.update(_pairs(session.execute(query)))
    return found


def new_key(store: Store, kind: RecordKind, label: str) -> str:
    """A free key for a new record called ``label``: 'united-states', 'united-states-2'..."""
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "-", ascii_label.lower()).strip("-")[:70].strip("-")
    base = base or kind.value.replace("_", "-")
    row_type = ROW_TYPES[kind]
    # Only the keys this one could clash with, read through the key's index
    # ('-' sorts just before '.'): never every key of the kind.
    same_stem = (row_type.key == base) | (
        (row_type.key >= f"{base}-") & (row_type.key < f"{base}.")
    )
    with store.reading() as session:
        taken = set(session.scalars(select(row_type.key).where(same_stem)))
    key, number = base, 2
    while key in taken or not KEY_PATTERN.match(key):
        key, number = f"{base}-{number}", number + 1
    return key


def _case_variants(text: str) -> list[str]:
    variants = [text, text.lower(), text.upper(), text[:1].upper() + text[1:], text.title()]
    return list(dict.fromkeys(variants))


def _pairs(rows: Iterable[Any]) -> list[tuple[str, str]]:
    return [(str(key), str(shown)) for key, shown in rows]
