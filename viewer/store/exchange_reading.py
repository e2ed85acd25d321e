"""Reading an exchange file: bounded, strict JSON, or the one problem that stops it.

The file is read through a stream that stops one byte past
:data:`MAX_FILE_BYTES`, whatever size the file claims (a FIFO or a device
claims none), so that no file can fill the memory. Its text must be UTF-8 (a
byte-order mark is allowed) and JSON in which no object gives a key twice:
readers differ on which of the two values they keep, so such a file means
different things to different programs and is refused, each repeated key
named by its JSON path. Every message repeats at most a short part of what
the file holds (:mod:`viewer.domain.quoting`).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from viewer.domain.quoting import printable, shortened
from viewer.domain.serial import Problem, join_path
from viewer.store.bulk import without_cycle_collection

MAX_FILE_BYTES = 200 * 1024 * 1024


def read_file(path: Path) -> tuple[Any, list[Problem]]:
    """The parsed JSON of ``path``, or the problem that stops reading it.

    At most :data:`MAX_FILE_BYTES` are read, whatever the file says its size
    is (a FIFO or a device says 0): a longer one is refused as too big. A
    key that appears twice in one object is refused, naming each such key
    and where it is, since JSON readers differ on which value they keep.
    """
    name = printable(str(path))
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE_BYTES:
                return None, [Problem("", _too_big(name, f"is {size:,} bytes, over"))]
            raw = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None, [Problem("", f"{name} does not exist")]
    except IsADirectoryError:
        return None, [Problem("", f"{name} is a folder, not an exchange file")]
    except OSError as error:
        return None, [Problem("", f"cannot read {name}: {error.strerror or error}")]
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem("", _too_big(name, "holds more than"))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [
            Problem(
                "",
                f"{name} is not UTF-8 text (byte {error.start:,} cannot be read): "
                "it is not an exchange file, or was saved in another encoding; "
                "nothing was imported",
            )
        ]
    del raw
    return _parse(name, text)


def _too_big(name: str, how: str) -> str:
    limit = MAX_FILE_BYTES // (1024 * 1024)
    return (
        f"{name} {how} the limit of {limit} MB ({MAX_FILE_BYTES:,} bytes): "
        "split it and import it in parts; nothing was imported"
    )


def _parse(name: str, text: str) -> tuple[Any, list[Problem]]:
    twice = _Duplicates()
    try:
        with without_cycle_collection():  # every object parsed stays alive
            data = json.loads(text, object_pairs_hook=twice)
    except json.JSONDecodeError as error:
        return None, [
            Problem(
                "",
                f"{name} is not valid JSON: {error.msg} at line "
                f"{error.lineno:,}, column {error.colno:,}; nothing was imported",
            )
        ]
    except ValueError as error:  # e.g. an integer too long to convert
        return None, [
            Problem(
                "", f"{name} cannot be read as JSON: {shortened(str(error))}; nothing was imported"
            )
        ]
    except RecursionError:
        return None, [
            Problem("", f"{name} nests too deeply to be an exchange file; nothing was imported")
        ]
    if twice.found:
        del data
        tracer = _Tracer()
        with without_cycle_collection():
            json.loads(text, object_pairs_hook=tracer)
        return None, [Problem("", tracer.message(name))]
    return data, []


class _Duplicates:
    """The JSON reader's ``object_pairs_hook``: builds each object, noting
    whether any key appears more than once in one (cheap: no paths kept)."""

    def __init__(self) -> None:
        self.found = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(pairs)
        if len(made) != len(pairs):
            self.found = True
        return made


class _Tracer:
    """A second reading, when a key was given twice: each object and list
    knows its parent, so that each repeated key is named by its JSON path
    (including those in a value that a later copy of its key replaced)."""

    SHOWN = 20

    def __init__(self) -> None:
        self.parents: dict[int, tuple[Any, str | int]] = {}
        self.repeated: list[tuple[dict[str, Any], str, int]] = []
        self.alive: list[Any] = []  # every value stays alive: its id stays its own

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(pairs)
        self.alive.append(pairs)
        for key, value in pairs:
            self._adopt(made, key, value)
        if len(made) != len(pairs):
            counts = Counter(key for key, _ in pairs)
            self.repeated += [(made, key, n) for key, n in counts.items() if n > 1]
        return made

    def _adopt(self, parent: Any, step: str | int, value: Any) -> None:
        # Lists within lists are walked with a stack: however deep the file
        # nests, this is no deeper a call.
        waiting: list[tuple[Any, str | int, Any]] = [(parent, step, value)]
        while waiting:
            parent, step, value = waiting.pop()
            if isinstance(value, (dict, list)):
                self.parents[id(value)] = (parent, step)
            if isinstance(value, list):
                waiting.extend((value, index, item) for index, item in enumerate(value))

    def path(self, value: Any) -> str:
        steps: list[str | int] = []
        while id(value) in self.parents:
            value, step = self.parents[id(value)]
            steps.append(step)
        path = ""
        for step in reversed(steps):
            path = join_path(path, step if isinstance(step, int) else _shown_key(step))
        return path

    def message(self, name: str) -> str:
        places = [
            f"{shortened(join_path(self.path(made), _shown_key(key)))} ({n} times)"
            for made, key, n in self.repeated
        ]
        more = f" and {len(places) - self.SHOWN:,} more" if len(places) > self.SHOWN else ""
        return (
            f"{name} gives the same key more than once in one object, and readers differ "
            f"on which value they keep: {', '.join(places[: self.SHOWN])}{more}; "
            "nothing was imported"
        )


def _shown_key(key: str) -> str:
    return shortened(printable(key))
