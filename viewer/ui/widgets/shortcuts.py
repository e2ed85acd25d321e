"""Keyboard shortcuts: the app's own keys plus the platform's for the same command."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def shortcuts(main: str, standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    """``main`` plus the platform's own keys for the same thing, each once."""
    keys = [QKeySequence(main)]
    keys += [key for key in QKeySequence.keyBindings(standard) if key not in keys]
    return keys
