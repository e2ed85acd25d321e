"""What every command prints the same way: failures, counts, progress, and the
end of a reader that went away.

Everything printed that holds stored or given text goes through
:func:`~viewer.domain.quoting.printable`: a name holding ``ESC ]0;…`` or
``ESC [2J`` shows as ``\x1b]0;…`` and never retitles or clears the terminal.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Callable
from typing import TextIO

from viewer.domain.quoting import printable

PROGRAM = "accords-viewer"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def say(message: str, err: TextIO) -> None:
    """A progress line; none once nobody reads them (the work goes on)."""
    with contextlib.suppress(BrokenPipeError):
        print(message, file=err, flush=True)


def reader_gone(out: TextIO) -> int:
    """What was printed is no longer read (``| head`` has all it wanted): end
    quietly, exit 1, and point standard output at the null device, so that
    Python's own last flush at exit finds no closed pipe to complain of."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return EXIT_FAILED
    try:
        os.dup2(null, out.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # not a file (a test's StringIO): nothing will flush it at exit
    finally:
        os.close(null)
    return EXIT_FAILED


def fail(message: str, err: TextIO | None = None) -> int:
    # A message may quote a file or the database: its control characters are
    # escaped, its own line breaks kept.
    shown = "\n".join(printable(line) for line in message.split("\n"))
    print(f"{PROGRAM}: {shown}", file=err or sys.stderr)
    return EXIT_FAILED


def usage(command: str, message: str, err: TextIO) -> int:
    """A mistake in the arguments of ``command``, said on ``err``: exit 2."""
    print(f"{PROGRAM} {command}: {message}", file=err)
    return EXIT_USAGE


def progress_line(err: TextIO, doing: str) -> Callable[[int, int], None] | None:
    """A line on ``err`` that counts the records done, for someone watching a
    terminal; None when ``err`` is not one (a log or a pipe gets the outcome only)."""
    if not err.isatty():
        return None

    def show(done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        finished = "\n" if done >= total else ""
        err.write(f"\r{doing}: {done:,} of {total:,} records ({percent}%){finished}")
        err.flush()

    return show


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``1 problem``, ``2 problems``, ``1,000 entries``: a count and its noun,
    singular for one (``plural`` when the noun does not just take an s)."""
    return f"{count:,} {singular if count == 1 else plural or singular + 's'}"


_SINGULAR = {"parties": "party", "people": "person", "entries": "entry"}


def many(count: int, name: str) -> str:
    """:func:`counted` from a plural written as a table's or a file section's
    name is (``status_actions``: ``1 status action``, ``2 status actions``)."""
    plural = name.replace("_", " ")
    *words, last = plural.split(" ")
    one = _SINGULAR.get(last, last.removesuffix("s"))
    return counted(count, " ".join([*words, one]), plural)


def printable_json(text: str) -> str:
    """JSON as ``json.dumps`` writes it, with the control characters it leaves
    as they are (DEL, C1 such as the one-byte CSI ``\\x9b``, invisible ones)
    written as ``\\u`` escapes: the same JSON, safe on a terminal."""
    return "".join(ch if ch.isprintable() or ch == "\n" else json.dumps(ch)[1:-1] for ch in text)
