"""The status bar's word on what just happened: saved, undone, redone, copied."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QStatusBar

MESSAGE_MS = 5_000
# A line that names a file written or a backup made stays long enough to read it.
LONG_MESSAGE_MS = 15_000

# What a new change's command text ("Edit Kazakhstan") becomes once done.
_DONE = {
    "new": "Added",
    "add": "Added",
    "edit": "Saved",
    "change": "Saved",
    "delete": "Deleted",
    "revert": "Reverted",
}


class StatusFeedback(QObject):
    """Says in the status bar, for a few seconds, what the last action did.

    Every change goes through the undo stack, so the stack alone tells a new
    change ("Saved Kazakhstan"), an undo ("Undid: Edit Kazakhstan") and a
    redo ("Redid: …") apart: a new change is a command the stack did not
    hold at that place before. Anything else says its own line through
    :meth:`say`.
    """

    def __init__(self, bar: QStatusBar, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self._bar = bar
        self._stack = stack
        self._index = stack.index()
        self._held = self._commands()
        stack.indexChanged.connect(self._moved)

    def say(self, text: str) -> None:
        self._bar.showMessage(text, MESSAGE_MS)

    def last_message(self) -> str:
        return self._bar.currentMessage()

    def _commands(self) -> list[QUndoCommand | None]:
        return [self._stack.command(i) for i in range(self._stack.count())]

    def _moved(self, index: int) -> None:
        try:
            commands = self._commands()
        except RuntimeError:
            return  # the stack is being destroyed with its window: nothing to say
        before, self._index = self._index, index
        held, self._held = self._held, commands
        if index < before:
            command = self._stack.command(index)
            if command is not None:
                self.say(f"Undid: {command.text()}")
            return
        if index == before or index == 0:
            return
        command = self._stack.command(index - 1)
        if command is None:
            return
        if index - 1 < len(held) and held[index - 1] is command:
            self.say(f"Redid: {command.text()}")
        else:
            self.say(done_text(command))


def done_text(command: QUndoCommand) -> str:
    """ "Edit Kazakhstan" -> "Saved Kazakhstan"; a text of another form is said as it is."""
    text = command.text()
    verb, _, rest = text.partition(" ")
    done = _DONE.get(verb.lower())
    return f"{done} {rest}" if done and rest else text
