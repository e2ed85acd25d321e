"""Choices for the edit dialogs' pickers, and keys for new records."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select

from viewer.domain.enums import RecordKind
from viewer.domain.validation import KEY_PATTERN
from viewer.store.mapping import LABEL_COLUMNS, ROW_TYPES
from viewer.store.store import Store


def choices(store: Store, kind: RecordKind) -> list[tuple[str, str]]:
    """Every (key, label) of ``kind``, sorted by label, for a picker."""
    row_type, label = ROW_TYPES[kind], LABEL_COLUMNS[kind]
    with store.reading() as session:
        rows = session.execute(select(row_type.key, label).order_by(label, row_type.id))
        return [(str(key), str(text)) for key, text in rows]


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
