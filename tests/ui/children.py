"""Finding a widget's children in tests, typed: a missing child fails with its name."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_O = TypeVar("_O", bound=QObject)


def child(parent: QObject, kind: type[_O], name: str | None = None) -> _O:
    """The child of ``parent`` of type ``kind`` called ``name`` (any name if None)."""
    found = parent.findChild(kind) if name is None else parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} {name!r} in {type(parent).__name__}"
    return found
