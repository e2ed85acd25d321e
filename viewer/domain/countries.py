"""ISO 3166-1 country codes and names, from the maintained ``pycountry`` data."""

from __future__ import annotations

from functools import cache

import pycountry


def country_name(alpha_2: str) -> str | None:
    """The country's common name for an alpha-2 code, or None if there is none."""
    return _names().get(alpha_2.upper())


def countries() -> list[tuple[str, str]]:
    """Every (alpha-2 code, name) pair, sorted by name."""
    return sorted(_names().items(), key=lambda item: item[1])


@cache
def _names() -> dict[str, str]:
    return {
        country.alpha_2: getattr(country, "common_name", None) or country.name
        for country in pycountry.countries
    }
