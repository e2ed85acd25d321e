"""Where a picker finds its choices: a few at a time, for what was typed."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

# How many choices a picker shows for one piece of typed text.
CHOICES_SHOWN = 50


@dataclass(frozen=True)
class ChoiceLookup:
    """Finds records of one kind for a picker, never all of them.

    ``complete(text, limit)`` gives up to ``limit`` (key, label) pairs for
    typed text, the labels starting with it first; ``labels(keys)`` gives the
    label of each of ``keys`` that exists, to show a current value.
    """

    complete: Callable[[str, int], Sequence[tuple[str, str]]]
    labels: Callable[[Collection[str]], dict[str, str]]
    limit: int = CHOICES_SHOWN

    def find(self, text: str) -> list[tuple[str, str]]:
        return list(self.complete(text, self.limit))

    @classmethod
    def over(cls, pairs: Sequence[tuple[str, str]], limit: int = CHOICES_SHOWN) -> ChoiceLookup:
        """A lookup over pairs held in memory, matched as the store matches them."""
        held = list(pairs)

        def complete(text: str, most: int) -> list[tuple[str, str]]:
            wanted = text.strip().casefold()
            starting = [p for p in held if p[1].casefold().startswith(wanted)]
            starting.sort(key=lambda pair: pair[1].casefold())
            containing = [p for p in held if wanted in p[1].casefold() and p not in starting]
            return (starting + containing)[:most]

        def labels(keys: Collection[str]) -> dict[str, str]:
            return {key: label for key, label in held if key in keys}

        return cls(complete, labels, limit)
