"""Finding likely duplicates: sources with the same web address, DOI or a
near-identical title on the same date; parties and people with the same name.

Linear in the records, never pairwise over the whole database: each kind is
read once as plain columns, records are put in blocks by a normalised key (a
dict of lists), and titles are compared one against another only within one
issued date. Blocks that share a record join into one group (union-find).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import func, select

from viewer.domain.dates import DateError, FuzzyDate
from viewer.domain.enums import RecordKind
from viewer.domain.matching import (
    TITLE_SIMILARITY,
    fold_name,
    fold_title,
    normalise_doi,
    normalise_url,
)
from viewer.store.schema import CitationRow, PartyRow, PersonRow, SourceRow
from viewer.store.store import Store

# The kinds whose duplicates are looked for, in the order they are listed.
DUPLICATE_KINDS = (RecordKind.SOURCE, RecordKind.PARTY, RecordKind.PERSON)

# A date shared by more sources than this is not compared title by title
# (an import that dated everything alike): only exact folded titles match there.
_LARGEST_DATE_BLOCK = 2_000

# Titles of this many words together or more are compared only when they
# share half their words: a near-identical title changes a word or two, and
# the check costs a set intersection where the comparison costs a quadratic
# alignment.
_FEW_WORDS = 8

# The reasons, as the list shows them.
SAME_URL = "same web address"
SAME_DOI = "same DOI"
SAME_TITLE = "same title and date"
NEAR_TITLE = "near-identical title, same date"
SAME_NAME = "same name"


@dataclass(frozen=True, slots=True)
class DuplicateCandidate:
    """One record of a group, as the list shows it: its label, date (as
    shown), address, how many citations it has, and its version when read."""

    kind: RecordKind
    key: str
    label: str
    date: str
    url: str
    citations: int
    version: int
    iso_code: str | None = None


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Records of one kind that are likely the same, and why, in words.
    The record with the most citations comes first (the one to keep)."""

    kind: RecordKind
    reason: str
    records: tuple[DuplicateCandidate, ...]


Progress = Callable[[str], None]


def find_duplicates(
    store: Store,
    kinds: Sequence[RecordKind] = DUPLICATE_KINDS,
    *,
    threshold: float = TITLE_SIMILARITY,
    progress: Progress | None = None,
) -> list[DuplicateGroup]:
    """Every group of likely duplicates among ``kinds``, sources first.

    ``threshold`` is how alike two folded titles of one date must be (0 to 1);
    ``progress`` is told the kind being searched.
    """
    groups: list[DuplicateGroup] = []
    for kind in kinds:
        if progress is not None:
            progress(kind.label)
        with store.failures_explained(f"looking for duplicate {kind.label} records"):
            if kind is RecordKind.SOURCE:
                groups += _source_groups(store, threshold)
            elif kind in (RecordKind.PARTY, RecordKind.PERSON):
                groups += _name_groups(store, kind)
            else:
                raise ValueError(f"duplicates of {kind.label} records are not looked for")
    return groups


# -- sources -------------------------------------------------------------------


def _source_groups(store: Store, threshold: float) -> list[DuplicateGroup]:
    columns: list[Any] = [
        SourceRow.key,
        SourceRow.title,
        SourceRow.published_edtf,
        SourceRow.url,
        SourceRow.claims,
        SourceRow.version,
        SourceRow.doi,
    ]
    with store.reading() as session:
        rows = [tuple(row) for row in session.execute(select(*columns).order_by(SourceRow.id))]
    by_url: dict[str, list[int]] = defaultdict(list)
    by_doi: dict[str, list[int]] = defaultdict(list)
    by_date: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        url = normalise_url(row[3] or "")
        if url:
            by_url[url].append(index)
        doi = normalise_doi(row[6] or "")
        if doi:
            by_doi[doi].append(index)
        if row[2]:
            by_date[row[2]].append(index)
    joined = _Joined(len(rows))
    joined.blocks(by_url.values(), SAME_URL)
    joined.blocks(by_doi.values(), SAME_DOI)
    for members in by_date.values():
        if len(members) > 1:
            _join_titles(joined, [(i, fold_title(rows[i][1])) for i in members], threshold)

    def candidate(index: int) -> DuplicateCandidate:
        key, title, edtf, url, claims, version = rows[index][:6]
        return DuplicateCandidate(
            RecordKind.SOURCE, key, title, _shown_date(edtf), url or "", claims or 0, version
        )

    return joined.groups(RecordKind.SOURCE, candidate)


def _join_titles(joined: _Joined, titles: list[tuple[int, str]], threshold: float) -> None:
    """Join the sources of one date whose folded titles are the same or near."""
    exact: dict[str, list[int]] = defaultdict(list)
    for index, title in titles:
        if title:
            exact[title].append(index)
    joined.blocks(exact.values(), SAME_TITLE)
    if len(exact) > _LARGEST_DATE_BLOCK:
        return
    distinct = [(members[0], title, frozenset(title.split())) for title, members in exact.items()]
    matcher = SequenceMatcher(autojunk=False)
    for position, (first, first_title, first_words) in enumerate(distinct):
        matcher.set_seq2(first_title)  # the side SequenceMatcher prepares, kept for the row
        first_length = len(first_title)
        for second, second_title, second_words in distinct[position + 1 :]:
            lengths = first_length + len(second_title)
            if 2 * min(first_length, len(second_title)) < threshold * lengths:
                continue  # their lengths alone rule it out
            words = len(first_words) + len(second_words)
            if words >= _FEW_WORDS and 4 * len(first_words & second_words) < words:
                continue  # fewer than half their words shared: not a near repeat
            matcher.set_seq1(second_title)
            if matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold:
                joined.join(first, second, NEAR_TITLE)


def _shown_date(edtf: str | None) -> str:
    if not edtf:
        return ""
    try:
        return FuzzyDate.parse(edtf).display()
    except DateError:
        return edtf


# -- parties and people ----------------------------------------------------------


def _name_groups(store: Store, kind: RecordKind) -> list[DuplicateGroup]:
    row_type = PartyRow if kind is RecordKind.PARTY else PersonRow
    claim = CitationRow.party_id if kind is RecordKind.PARTY else CitationRow.person_id
    iso: Any = PartyRow.iso_code if kind is RecordKind.PARTY else None
    columns: list[Any] = [row_type.id, row_type.key, row_type.name, row_type.version]
    with store.reading() as session:
        counts = dict(
            session.execute(
                select(claim, func.count()).where(claim.is_not(None)).group_by(claim)
            ).all()
        )
        rows = [
            tuple(row)
            for row in session.execute(
                select(*columns, *([iso] if iso is not None else [])).order_by(row_type.id)
            )
        ]
    by_name: dict[str, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        name = fold_name(row[2])
        if name:
            by_name[name].append(index)
    joined = _Joined(len(rows))
    for members in by_name.values():
        # Two states with different ISO codes are different states, whatever their names.
        by_code: dict[str | None, list[int]] = defaultdict(list)
        for index in members:
            by_code[rows[index][4] if len(rows[index]) > 4 else None].append(index)
        if len([code for code in by_code if code]) > 1:
            joined.blocks([by_code.get(None, [])], SAME_NAME)
        else:
            joined.blocks([members], SAME_NAME)

    def candidate(index: int) -> DuplicateCandidate:
        row = rows[index]
        code = row[4] if len(row) > 4 else None
        return DuplicateCandidate(kind, row[1], row[2], "", "", counts.get(row[0], 0), row[3], code)

    return joined.groups(kind, candidate)


# -- joining blocks into groups -------------------------------------------------------


class _Joined:
    """Union-find over record positions, remembering why each set was joined."""

    def __init__(self, size: int) -> None:
        self._parent = list(range(size))
        self._reasons: dict[int, list[str]] = {}

    def find(self, index: int) -> int:
        parent = self._parent
        root = index
        while parent[root] != root:
            root = parent[root]
        while parent[index] != root:
            parent[index], index = root, parent[index]
        return root

    def join(self, first: int, second: int, reason: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self._parent[b] = a
            self._reasons.setdefault(a, []).extend(self._reasons.pop(b, []))
        reasons = self._reasons.setdefault(a, [])
        if reason not in reasons:
            reasons.append(reason)

    def blocks(self, blocks: Iterable[list[int]], reason: str) -> None:
        for members in blocks:
            for other in members[1:]:
                self.join(members[0], other, reason)

    def groups(
        self, kind: RecordKind, candidate: Callable[[int], DuplicateCandidate]
    ) -> list[DuplicateGroup]:
        # Every record joined to another has its set's root among the reasons' keys.
        members: dict[int, list[int]] = {root: [] for root in self._reasons}
        for index in range(len(self._parent)):
            root = self.find(index)
            if root in members:
                members[root].append(index)
        groups = []
        for root, indexes in members.items():
            if len(indexes) < 2:
                continue
            records = sorted((candidate(i) for i in indexes), key=lambda r: -r.citations)
            reasons = list(dict.fromkeys(self._reasons.get(root, [])))
            groups.append(DuplicateGroup(kind, "; ".join(reasons), tuple(records)))
        groups.sort(key=lambda group: fold_title(group.records[0].label))
        return groups
