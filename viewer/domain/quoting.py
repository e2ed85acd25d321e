"""Values as messages quote them: on one line, no control character, never long.

Every message that repeats something a user typed, a file held or the
database stores goes through :func:`quoted` (or :func:`printable` where no
quotes are wanted), so that a 10 MB value cannot flood a terminal or a
dialog, and stored text cannot drive a terminal with escape sequences.
"""

from __future__ import annotations

# How much of a value a message repeats; the rest is said to be cut.
QUOTE_LIMIT = 80


def printable(text: str) -> str:
    """``text`` with every control or invisible formatting character escaped
    (``\\x1b``, ``\\n``, ``\\u200b``), so that it shows as itself."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
    )


def shortened(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, saying how long it was when cut."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… (cut; {len(text):,} characters in all)"


def quoted(value: object, limit: int = QUOTE_LIMIT) -> str:
    """``value`` in quotes as a message repeats it (as ``repr`` quotes a
    string: control and invisible characters escaped), at most ``limit``
    characters of it, marked when cut."""
    text = value if isinstance(value, str) else str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… (cut; {len(text):,} characters in all)"
