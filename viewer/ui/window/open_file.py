"""The database the window shows, kept so that the window's end closes it."""

from __future__ import annotations

from collections.abc import Callable

from viewer.store.api import Location, OpenedDatabase, OpenedServer


class OpenFile:
    """The database the window shows, closed when the window is gone.

    Plain Python, so that it outlives the Qt objects at the window's end.
    """

    def __init__(self) -> None:
        self.opened: OpenedDatabase | OpenedServer | None = None
        self.stop_task: Callable[[], None] | None = None

    def close(self) -> None:
        if self.stop_task is not None:
            self.stop_task()  # an import must not write through a closed engine
        if self.opened is not None:
            self.opened.close()
            self.opened = None


def location_of(opened: OpenedDatabase | OpenedServer) -> Location:
    return opened.path if isinstance(opened, OpenedDatabase) else opened.address
