"""ISO 3166-1 alpha-2 codes and names."""

from __future__ import annotations

import unicodedata

import pytest

from viewer.domain.countries import countries, country_name


def test_country_name() -> None:
    assert country_name("KZ") == "Kazakhstan"
    assert country_name("IL") == "Israel"


@pytest.mark.parametrize("code", ["kz", "Kz", "kZ"])
def test_lookup_ignores_case(code: str) -> None:
    assert country_name(code) == "Kazakhstan"


@pytest.mark.parametrize("code", ["ZZ", "", "KAZ", "K", "xx"])
def test_unknown_code(code: str) -> None:
    assert country_name(code) is None


def test_countries_sorted_by_name() -> None:
    listed = countries()
    names = [name for _, name in listed]

    def plain(name: str) -> str:
        return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()

    assert names == sorted(names, key=plain)
    assert names[0] == "Afghanistan" and names.index("Kazakhstan") < names.index("Kenya")
    assert ("IL", "Israel") in listed
    assert ("KZ", "Kazakhstan") in listed
    codes = [code for code, _ in listed]
    assert len(codes) == len(set(codes))
    assert len(listed) > 240
    assert all(len(code) == 2 and code.isupper() for code in codes)


def test_countries_agree_with_country_name() -> None:
    for code, name in countries():
        assert country_name(code) == name


def test_accented_names_sort_with_their_letter() -> None:
    names = [name for _, name in countries()]
    assert names.index("Åland Islands") < names.index("Albania")
