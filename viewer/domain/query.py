"""The search language: what a person types into the search field, read into
words, phrases, exclusions, alternatives and field filters.

Reading fails only for a query longer than ``MAX_QUERY_CHARS`` (a
:class:`QueryError`, whose message is one short line; the bounds are in
:mod:`viewer.domain.search_limits`). Whatever else cannot be understood is
searched as plain words where that makes sense, dropped otherwise, and
explained in ``notes`` (the search field shows them in its tooltip): past
``MAX_TERMS`` words or ``MAX_FILTERS`` filters, the first ones are used. The
store turns a :class:`Query` into its database's own full-text syntax;
nothing typed here reaches that syntax unquoted, and ``%``, ``_`` or ``*``
are punctuation like any other, never a wildcard.

Words are compared folded (:func:`searchable`): full Unicode case folding and
compatibility forms, so that "STRASSE" finds "Straße", the Kelvin sign finds
"k" and "ﬁ" finds "fi"; the index also ignores diacritics.

    israel signing          both words (each as the start of a word)
    "signing ceremony"      the exact phrase
    -withdrawn              not this word
    morocco OR sudan        either word
    kind:event party:UAE    field filters (see FILTERS); -kind:event excludes
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from viewer.domain import quoting
from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import Certainty, RecordKind, StatusKind
from viewer.domain.search_limits import MAX_FILTERS, MAX_QUERY_CHARS, MAX_TERMS

# A snippet marks each match between these two characters (Unicode private
# use, never in real text: the index strips them from what it holds).
MATCH_START, MATCH_END = "\ue000", "\ue001"
_NO_MARKS = str.maketrans("", "", MATCH_START + MATCH_END)

FILTERS: dict[str, str] = {
    "kind": "the kind of record: participant, event, person, source, accord, status",
    "party": "records about a participant (name, key or ISO code)",
    "person": "records about a person (name or key): their events, participant, sources",
    "accord": "records of an accord (name or key)",
    "status": "status actions of that kind, and participants with one",
    "certainty": "events and status actions of that certainty",
    "source": "records citing a source (title, publisher or key), and the source",
    "after": "dated on or after the start of a date (after:2020-09)",
    "before": "dated before the start of a date (before:2021)",
    "year": "dated in that year (year:2025)",
    "has": "has:citation, has:quote or has:date",
    "missing": "missing:citation, missing:quote or missing:date",
}
PRESENCE = ("citation", "quote", "date")


class QueryError(ValueError):
    """A query that cannot be searched at all; the message (one short line)
    says why, and searching it changed nothing."""


@dataclass(frozen=True, slots=True)
class Term:
    """A word (matched as the start of a word) or an exact phrase."""

    text: str
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Filter:
    name: str
    value: str
    negated: bool = False

    def __str__(self) -> str:
        value = f'"{self.value}"' if " " in self.value else self.value
        return f"{'-' if self.negated else ''}{self.name}:{value}"


@dataclass(frozen=True)
class Query:
    """All of ``groups`` must match (each group is a set of alternatives), none
    of ``excluded``, and every filter."""

    groups: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: tuple[Filter, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def empty(self) -> bool:
        return not (self.groups or self.excluded or self.filters)

    @property
    def words(self) -> tuple[Term, ...]:
        """Every term that should show as a match (for highlighting)."""
        return tuple(term for group in self.groups for term in group)


def normalise(text: str) -> str:
    """NFC, with control characters turned into spaces."""
    text = unicodedata.normalize("NFC", text)
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in text)


def has_word_characters(text: str) -> bool:
    """Whether ``text`` holds anything a word index keeps (letters or digits)."""
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def check_length(text: str) -> None:
    """Raise :class:`QueryError` if ``text`` is too long to be a query."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query is {len(text):,} characters; at most {MAX_QUERY_CHARS:,} "
            f"can be searched: {quoting.quoted(text, 40)}"
        )


def parse(text: str) -> Query:
    """``text`` read as the search language (see the module's documentation).

    Raises :class:`QueryError` if it is longer than ``MAX_QUERY_CHARS``.
    """
    check_length(text)
    notes: list[str] = []
    tokens = _tokens(normalise(text), notes)
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    filters: list[Filter] = []
    join_next = False
    for raw, quoted in tokens:
        if not quoted and raw == "OR":
            if groups and not join_next:
                join_next = True
            else:
                notes.append("OR needs a word on each side")
            continue
        if not quoted and raw == "AND":
            continue  # words are joined by AND anyway
        negated = not quoted and raw.startswith("-") and len(raw) > 1
        body = raw[1:] if negated else raw
        found = None if quoted else _filter(body, negated, notes)
        if found is not None:
            if found in filters:
                pass  # the same filter twice narrows no further
            elif len(filters) == MAX_FILTERS:
                if not any("filters were used" in note for note in notes):
                    notes.append(f"only the first {MAX_FILTERS} filters were used")
            else:
                filters.append(found)
            join_next = False
            continue
        phrase = quoted or (body.startswith('"') and body.endswith('"') and len(body) > 1)
        term_text = body.strip('"') if not quoted else body
        if not has_word_characters(term_text):
            if term_text.strip() and not quoted:
                notes.append(f"{quoting.quoted(raw)} holds no letters or digits and was left out")
            join_next = False
            continue
        term = Term(term_text, phrase=phrase or " " in term_text)
        if negated:
            excluded.append(term)
        elif join_next and groups:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if join_next:
        notes.append("OR needs a word on each side")
    if sum(len(group) for group in groups) + len(excluded) > MAX_TERMS:
        notes.append(f"only the first {MAX_TERMS} words were searched")
        groups, excluded = _first_terms(groups, excluded)
    return Query(
        tuple(tuple(group) for group in groups), tuple(excluded), tuple(filters), tuple(notes)
    )


def _tokens(text: str, notes: list[str]) -> list[tuple[str, bool]]:
    """Whitespace-separated tokens; a double-quoted run is one token (quoted=True).

    ``name:"a b"`` stays one unquoted token with its quotes, for the filter reader.
    """
    tokens: list[tuple[str, bool]] = []
    index, length = 0, len(text)
    while index < length:
        if text[index].isspace():
            index += 1
            continue
        if text[index] == '"' or (text[index] == "-" and text[index + 1 : index + 2] == '"'):
            negated = text[index] == "-"
            start = index + (2 if negated else 1)
            end = text.find('"', start)
            if end < 0:
                notes.append("a quote was not closed; the rest was read as a phrase")
                end = length
            phrase = text[start:end].strip()
            if phrase:
                tokens.append((f'-"{phrase}"', False) if negated else (phrase, True))
            index = end + 1
            continue
        start = index
        while index < length and not text[index].isspace():
            if text[index] == '"':  # name:"value with spaces"
                close = text.find('"', index + 1)
                if close < 0:
                    notes.append("a quote was not closed; the rest was read as a phrase")
                    index = length
                    break
                index = close
            index += 1
        tokens.append((text[start:index], False))
    return tokens


def _filter(token: str, negated: bool, notes: list[str]) -> Filter | None:
    name, colon, value = token.partition(":")
    if not colon or not name or not name.isascii() or not name.isalpha():
        return None
    if name.lower() not in FILTERS:
        notes.append(
            f"{quoting.shortened(name, 40)}: is not a filter, so "
            f"{quoting.quoted(token)} was searched as words "
            f"(filters: {', '.join(f'{known}:' for known in FILTERS)})"
        )
        return None
    value = value.strip().strip('"').strip()
    if not value:
        notes.append(f"{name.lower()}: needs a value, e.g. {_example(name.lower())}")
        return Filter(name.lower(), "", negated)
    return Filter(name.lower(), value, negated)


def _example(name: str) -> str:
    description = FILTERS[name]
    start = description.find("(")
    if start >= 0 and ":" in description[start:]:
        return description[start + 1 : description.find(")", start)]
    if name in ("has", "missing"):
        return f"{name}:citation"
    return f"{name}:…"


def _first_terms(
    groups: list[list[Term]], excluded: list[Term]
) -> tuple[list[list[Term]], list[Term]]:
    kept: list[list[Term]] = []
    budget = MAX_TERMS
    for group in groups:
        if budget <= 0:
            break
        kept.append(group[:budget])
        budget -= len(kept[-1])
    return kept, excluded[: max(budget, 0)]


def searchable(text: str) -> str:
    """``text`` as the index holds it and compares a query's words with it:
    compatibility forms unified and full Unicode case folding ("Straße" and
    "STRASSE" are both "strasse", the Kelvin sign is "k", "ﬁ" is "fi"), NFKC
    (the index's tokenizer then ignores diacritics), without the two characters
    that mark a match in a snippet. Equality of names uses it too."""
    if text.isascii():
        return text.lower()
    once = unicodedata.normalize("NFKC", text).casefold()
    return unicodedata.normalize("NFKC", once).translate(_NO_MARKS)


def folded(text: str) -> str:
    """``text`` as the index compares it: :func:`searchable`, without diacritics."""
    decomposed = unicodedata.normalize("NFD", searchable(text))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


class _Folds(dict[int, str]):
    """Each character's :func:`folded` form, worked out once, for ``str.translate``."""

    def __missing__(self, code: int) -> str:
        value = self[code] = folded(chr(code))
        return value


_FOLDS = _Folds()


def folded_with_origins(text: str) -> tuple[str, list[int] | None]:
    """``text`` :func:`folded` character by character, and for each character
    of that the index of the character of ``text`` it came from (None: the
    same index, as when no character became two or none)."""
    if text.isascii():
        return text.lower(), None
    haystack = text.translate(_FOLDS)
    if len(haystack) == len(text) and all(len(_FOLDS[ord(ch)]) == 1 for ch in set(text)):
        return haystack, None
    origins: list[int] = []
    for index, ch in enumerate(text):
        origins.extend([index] * len(_FOLDS[ord(ch)]))
    return haystack, origins


def spans(snippet: str) -> list[tuple[str, bool]]:
    """A snippet cut into (text, is a match) pieces at its match marks."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(MATCH_START)
        if start < 0:
            pieces.append((rest, False))
            break
        if start:
            pieces.append((rest[:start], False))
        end = rest.find(MATCH_END, start)
        end = len(rest) if end < 0 else end
        pieces.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return [(text, match) for text, match in pieces if text]


# -- what filter values name ----------------------------------------------------

KIND_NAMES: dict[str, RecordKind] = {
    **{kind.value: kind for kind in RecordKind},
    **{kind.label.casefold(): kind for kind in RecordKind},
    "participant": RecordKind.PARTY,
    "people": RecordKind.PERSON,
    "parties": RecordKind.PARTY,
    "participants": RecordKind.PARTY,
    "status": RecordKind.STATUS_ACTION,
    "action": RecordKind.STATUS_ACTION,
}


def kind_named(value: str) -> RecordKind | None:
    return KIND_NAMES.get(value.casefold().rstrip("s")) or KIND_NAMES.get(value.casefold())


def _choices(enum: type[StatusKind] | type[Certainty]) -> str:
    return ", ".join(member.value.replace("_", "-") for member in enum)


def enum_value(enum: type[StatusKind] | type[Certainty], value: str) -> str | None:
    """The enum value ``value`` names: its value or label, any case, with
    spaces, hyphens or underscores; or the only one it begins."""
    wanted = value.casefold().replace("-", "_").replace(" ", "_")
    for member in enum:
        if wanted in (member.value, member.label.casefold().replace(" ", "_")):
            return member.value
    starting = [member.value for member in enum if member.value.startswith(wanted)]
    return starting[0] if len(starting) == 1 else None


def read_date(value: str) -> FuzzyDate | None:
    """A filter's date: EDTF or the readable forms the forms accept."""
    for read in (FuzzyDate.parse, FuzzyDate.from_text):
        try:
            found = read(value)
        except DateError:
            continue
        if found.lower is not None or found.upper is not None:
            return found
    return None


def filter_problems(query: Query) -> list[str]:
    """What is wrong with the query's filter values (shown beside its notes)."""
    problems = []
    for found in query.filters:
        value, shown = found.value, quoting.shortened(found.value)
        if not value:
            continue
        if found.name == "kind" and kind_named(value) is None:
            names = ", ".join(sorted({k.label.casefold() for k in RecordKind}))
            problems.append(f"kind:{shown} is not a kind of record ({names})")
        elif found.name == "status" and enum_value(StatusKind, value) is None:
            problems.append(f"status:{shown} is not a status ({_choices(StatusKind)})")
        elif found.name == "certainty" and enum_value(Certainty, value) is None:
            problems.append(f"certainty:{shown} is not a certainty ({_choices(Certainty)})")
        elif found.name in ("after", "before") and read_date(value) is None:
            problems.append(f"{found.name}:{shown} is not a date (e.g. 2021, 2020-09, 2020-09-15)")
        elif found.name == "year" and not (value.isascii() and value.isdigit()):
            problems.append(f"year:{shown} is not a year (e.g. year:2025)")
        elif found.name in ("has", "missing") and value.casefold().rstrip("s") not in PRESENCE:
            problems.append(f"{found.name}:{shown} is not known ({', '.join(PRESENCE)})")
    return problems


def explain(query: Query) -> list[str]:
    """Everything to tell the user about how ``query`` was read."""
    return [*query.notes, *filter_problems(query)]


def match_ranges(text: str, terms: tuple[Term, ...]) -> list[tuple[int, int]]:
    """Where ``terms`` match in ``text``, as the index matches them (at the start
    of a word, any case, diacritics ignored): sorted, merged (start, end) ranges
    of ``text``'s characters, for highlighting."""
    merged: list[tuple[int, int]] = []
    for start, end, _term in sorted(term_matches(text, terms)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def term_matches(text: str, terms: tuple[Term, ...]) -> list[tuple[int, int, int]]:
    """Each match of ``terms`` in ``text``: (start, end, which term), in the
    order of the terms, then of the text."""
    if not text or not terms:
        return []
    haystack, origins = folded_with_origins(text)
    found: list[tuple[int, int, int]] = []
    for number, term in enumerate(terms):
        needle = " ".join(folded(term.text).split())
        if not needle:
            continue
        start = haystack.find(needle)
        while start >= 0:
            if start == 0 or not haystack[start - 1].isalnum():
                end = start + len(needle) - 1
                if origins is None:
                    found.append((start, end + 1, number))
                else:
                    found.append((origins[start], origins[end] + 1, number))
            start = haystack.find(needle, start + 1)
    return found
