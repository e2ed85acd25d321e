"""Rules a record must meet before it is saved, each reported against its field."""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import urlsplit

from viewer.domain import limits
from viewer.domain.claims import rank_problems
from viewer.domain.countries import country_name
from viewer.domain.enums import PartyKind
from viewer.domain.names import NAME_FIELDS, invisible_problem
from viewer.domain.quoting import quoted
from viewer.domain.records import (
    Accord,
    Author,
    Citation,
    Event,
    Party,
    Person,
    Record,
    Source,
    StatusAction,
)
from viewer.domain.serial import Problem, join_path

# \Z, not $: "$" would also match before a final newline.
# A host name (letters of any script, digits, dots, hyphens) or an IP literal.
_HOST = re.compile(r"^(?:[^\W_](?:[\w-]*[^\W_])?\.?)+$|^[0-9a-fA-F]*:[0-9a-fA-F:.]+$|^[0-9.]+$")
KEY_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?\Z")
# The limits of one-line and of free text (each field's is in viewer.domain.limits).
MAX_SHORT_TEXT = limits.NAME
MAX_LONG_TEXT = limits.LONG_TEXT
_TEXT_FIELDS = tuple(name for name in limits.FIELD_LIMITS if name not in ("key", "authors"))


def validate(record: Record) -> list[Problem]:
    """Every problem with ``record`` on its own (references are the store's job)."""
    problems: list[Problem] = []
    if not KEY_PATTERN.match(record.key):
        problems.append(
            Problem(
                "key",
                f"{quoted(record.key)} is not a key: use 1 to 80 lower-case "
                "letters, digits and inner hyphens, like 'united-states'",
            )
        )
    _check_lengths(record, "", problems)
    for field in NAME_FIELDS:
        value = getattr(record, field, "")
        if isinstance(value, str) and not value.isascii() and (problem := invisible_problem(value)):
            problems.append(Problem(field, problem))
    match record:
        case Accord() | Party() | Person():
            _require(record.name, "name", problems)
        case Source() | Event():
            _require(record.title, "title", problems)
        case StatusAction():
            _require(record.accord, "accord", problems)
            _require(record.party, "party", problems)
            problems += rank_problems(record)
    if isinstance(record, Party):
        _check_party(record, problems)
    if isinstance(record, Source):
        _check_source(record, problems)
    if isinstance(record, Event):
        for index, role in enumerate(record.roles):
            if (role.party is None) == (role.person is None):
                problems.append(
                    Problem(
                        join_path(join_path("roles", index), "party"),
                        "a role names either a party or a person, not both or neither",
                    )
                )
    for index, citation in enumerate(getattr(record, "citations", ())):
        _check_citation(citation, join_path("citations", index), problems)
    return problems


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be a source's link, or None when it can (or is empty)."""
    if not url:
        return None
    parts = urlsplit(url)
    if (link := with_scheme(url)) != url:
        return f"needs https:// in front, as in {link[:70]}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"{quoted(url, 60)} is not a web link: only http:// and https:// links are kept"
    if not parts.netloc or any(ch.isspace() for ch in url):
        return f"{quoted(url, 60)} is not a complete web address"
    try:
        host = parts.hostname or ""
    except ValueError:
        host = ""
    if not _HOST.match(host):
        return (
            f"{quoted(url, 60)} does not name a web site: its host {quoted(host, 40)} "
            "is not a host name"
        )
    return None


def with_scheme(url: str) -> str:
    """``url`` as a link: "www.example.org/x" -> "https://www.example.org/x".

    People copy addresses as browsers show them, without the scheme. Text
    that would still be no web address with https:// in front (or that
    already names a scheme) is given back unchanged.
    """
    text = url.strip()
    if not text or "://" in text or text.lower().startswith(("javascript:", "mailto:")):
        return url
    candidate = f"https://{text}"
    host = urlsplit(candidate).hostname or ""
    if "." not in host or url_problem(candidate) is not None:
        return url
    return candidate


def _require(value: str, field: str, problems: list[Problem]) -> None:
    if not value.strip():
        problems.append(Problem(field, "is required"))


def _check_lengths(record: object, base: str, problems: list[Problem]) -> None:
    for field, limit in _limited_fields(type(record)):
        value = getattr(record, field)
        if isinstance(value, str) and len(value) > limit:
            problems.append(Problem(join_path(base, field), limits.too_long(len(value), limit)))


def _limited_fields(cls: type[Any]) -> tuple[tuple[str, int], ...]:
    """The text fields of ``cls`` that have a limit, with it (worked out once per type)."""
    found = _LIMITED.get(cls)
    if found is None:
        names = {f.name for f in dataclasses.fields(cls)}
        found = tuple(
            (field, limits.FIELD_LIMITS[field]) for field in _TEXT_FIELDS if field in names
        )
        _LIMITED[cls] = found
    return found


_LIMITED: dict[type[Any], tuple[tuple[str, int], ...]] = {}


def _check_party(party: Party, problems: list[Problem]) -> None:
    if party.party_kind is PartyKind.ORGANISATION:
        if party.iso_code:
            problems.append(Problem("iso_code", "an organisation has no ISO 3166 country code"))
        return
    if party.iso_code is not None and country_name(party.iso_code) is None:
        problems.append(
            Problem(
                "iso_code", f"{quoted(party.iso_code)} is not an ISO 3166-1 alpha-2 country code"
            )
        )
    elif party.iso_code is not None and party.iso_code != party.iso_code.upper():
        problems.append(Problem("iso_code", "is written in capitals, like 'KZ'"))


def _check_source(source: Source, problems: list[Problem]) -> None:
    message = url_problem(source.url)
    if message:
        problems.append(Problem("url", message))
    for index, author in enumerate(source.authors):
        _check_author(author, join_path("authors", index), problems)
    published, accessed = source.published, source.accessed
    if (
        published
        and accessed
        and published.lower
        and accessed.upper
        and accessed.upper < published.lower
    ):
        problems.append(
            Problem(
                "accessed",
                f"{accessed.display()} is before the source was published ({published.display()})",
            )
        )


def _check_author(author: Author, path: str, problems: list[Problem]) -> None:
    parts = {name: getattr(author, name) for name in ("family", "given", "literal")}
    if not any(text.strip() for text in parts.values()):
        problems.append(Problem(path, "has no name"))
        return
    if author.literal.strip() and (author.family.strip() or author.given.strip()):
        problems.append(
            Problem(path, "is either a body's whole name or a person's family and given names")
        )
    elif author.given.strip() and not author.family.strip():
        problems.append(Problem(join_path(path, "family"), "is missing: a given name needs one"))
    for name, text in parts.items():
        if len(text) > limits.NAME:
            problems.append(Problem(join_path(path, name), limits.too_long(len(text), limits.NAME)))
        elif problem := invisible_problem(text):
            problems.append(Problem(join_path(path, name), problem))


def _check_citation(citation: Citation, path: str, problems: list[Problem]) -> None:
    if not citation.source.strip():
        problems.append(Problem(join_path(path, "source"), "is required"))
    _check_lengths(citation, path, problems)
