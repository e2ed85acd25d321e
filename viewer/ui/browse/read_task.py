"""One read for the detail reader, run on a thread of its pool."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QRunnable

# Reads something and returns it; runs on the pool's thread.
Work = Callable[[], object]
# Takes the generation, the result (None on failure) and the error ("" on success).
Reply = Callable[[int, object, str], None]


class ReadTask(QRunnable):
    """Runs ``work`` for request ``generation`` and hands back what it read.

    A request the user has already left (``is_current`` says so) is not read
    at all; an exception is caught and handed back as a message, because an
    exception on a pool thread has nowhere to go.
    """

    def __init__(
        self, work: Work, generation: int, is_current: Callable[[int], bool], reply: Reply
    ) -> None:
        super().__init__()
        self._work = work
        self._generation = generation
        self._is_current = is_current
        self._reply = reply

    def run(self) -> None:
        try:
            current = self._is_current(self._generation)
        except RuntimeError:
            return  # the reader was deleted (its window closed) before this started
        if not current:
            return  # stale before it started: nobody is waiting for it
        result: object = None
        error = ""
        try:
            result = self._work()
        except Exception as problem:  # shown in the pane, never raised into Qt
            error = str(problem) or type(problem).__name__
        # A reader deleted meanwhile (its window gone) raises RuntimeError: nobody waits.
        with suppress(RuntimeError):
            self._reply(self._generation, result, error)
