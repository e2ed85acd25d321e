"""ISO 3166-1 country codes and names, from the maintained ``pycountry`` data."""

from __future__ import annotations

import unicodedata
from functools import cache


def country_name(alpha_2: str) -> str | None:
    """The country's common name for an alpha-2 code, or None if there is none."""
    return _names().get(alpha_2.upper())


def countries() -> list[tuple[str, str]]:
    """Every (alpha-2 code, name) pair, sorted by name."""
    return sorted(_names().items(), key=lambda item: _sort_key(item[1]))


def _sort_key(name: str) -> str:
    # "Åland Islands" sorts with the A's, not after "Zimbabwe".
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


@cache
def _names() -> dict[str, str]:
    import pycountry  # loaded when a code is first looked up, not at start-up

    return {
        country.alpha_2: getattr(country, "common_name", None) or country.name
        for country in pycountry.countries
    }
