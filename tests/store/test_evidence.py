"""The evidence that needs attention: counted, listed a page at a time, and checked quotes."""

from __future__ import annotations

import dataclasses

from tests import samples
from viewer.domain.enums import RecordKind
from viewer.domain.evidence import CitedAt, EvidenceRow, EvidenceTopic
from viewer.domain.quote_check import Verdict
from viewer.domain.records import Citation, Event, Party, Source, StatusAction
from viewer.store.details import load_detail
from viewer.store.evidence import evidence_counts, evidence_report, evidence_rows
from viewer.store.store import Store

ARCHIVE = (
    "The accord was first signed in 2020. Kazakhstan is expected to join it.\n"
    "They said: \u201cWe\u2019ve turned\nthe page.\u201d"
)
SECOND = Source(key="wire", title="A wire story", url="", accessed=None)


def _cite(store: Store, kind: RecordKind, key: str, *citations: Citation) -> None:
    record = store.get(kind, key)
    assert isinstance(record, Party | Event)
    store.update(dataclasses.replace(record, citations=citations))


def _filled(store: Store) -> None:
    """The samples, with an archived text for the report, a quote found and one
    changed by a word, an uncited participant, a second source for the event."""
    store.add(dataclasses.replace(samples.SOURCE, archived_text=ARCHIVE))
    store.add(SECOND)
    for record in samples.ALL[1:]:
        store.add(record)
    _cite(store, RecordKind.PARTY, "kazakhstan", Citation("report", "", "we've turned the page"))
    _cite(
        store, RecordKind.PARTY, "league", Citation("report", "para. 3", "We have turned the page")
    )
    _cite(
        store,
        RecordKind.EVENT,
        "meeting",
        Citation("report", "para. 6"),
        Citation("wire", "para. 1"),
    )
    store.add(Party(key="atlantis", name="Atlantis"))


def _all_rows(store: Store, topic: EvidenceTopic, limit: int) -> list[EvidenceRow]:
    rows: list[EvidenceRow] = []
    after = None
    while True:
        page = evidence_rows(store, topic, after, limit)
        assert len(page.rows) <= limit
        rows += page.rows
        if page.after is None:
            return rows
        after = page.after


def test_each_topic_counts_and_lists_its_records(store: Store) -> None:
    _filled(store)
    assert evidence_counts(store) == {
        EvidenceTopic.UNCITED: 1,
        EvidenceTopic.NO_LOCATOR: 1,
        EvidenceTopic.QUOTE_NOT_FOUND: 1,
        EvidenceTopic.SOURCE_INCOMPLETE: 1,
        EvidenceTopic.SINGLE_SOURCE: 5,
    }
    (uncited,) = _all_rows(store, EvidenceTopic.UNCITED, 10)
    assert (uncited.kind, uncited.key, uncited.label) == (RecordKind.PARTY, "atlantis", "Atlantis")
    (no_locator,) = _all_rows(store, EvidenceTopic.NO_LOCATOR, 10)
    assert (no_locator.open_kind, no_locator.open_key) == (RecordKind.PARTY, "kazakhstan")
    assert "A report on the accords" in no_locator.note
    (unfound,) = _all_rows(store, EvidenceTopic.QUOTE_NOT_FOUND, 10)
    assert (unfound.key, unfound.label) == ("league", "A League")
    assert "We have turned the page" in unfound.note
    (incomplete,) = _all_rows(store, EvidenceTopic.SOURCE_INCOMPLETE, 10)
    assert (incomplete.key, incomplete.note) == ("wire", "no URL, no accessed date")
    single = _all_rows(store, EvidenceTopic.SINGLE_SOURCE, 10)
    # The event has two sources; a status action opens its participant.
    assert [(row.kind, row.key) for row in single] == [
        (RecordKind.ACCORD, "sample-accord"),
        (RecordKind.PARTY, "kazakhstan"),
        (RecordKind.PARTY, "league"),
        (RecordKind.PERSON, "president"),
        (RecordKind.STATUS_ACTION, "kz-expected"),
    ]
    assert single[0].note == "only source: “A report on the accords”"
    assert uncited.note == "no citation"
    action = single[-1]
    assert (action.open_kind, action.open_key) == (RecordKind.PARTY, "kazakhstan")
    assert action.label == "Kazakhstan: expected to join"


def test_pages_walk_a_topic_whole_in_order(seeded_store: Store) -> None:
    counts = evidence_counts(seeded_store)
    for topic in EvidenceTopic:
        whole = _all_rows(seeded_store, topic, 1000)
        assert len(whole) == counts[topic], topic
        assert _all_rows(seeded_store, topic, 3) == whole


def test_check_reports_every_count_and_warns_only_of_those_it_does_not_fail_on() -> None:
    counts = dict.fromkeys(EvidenceTopic, 0) | {
        EvidenceTopic.UNCITED: 2,
        EvidenceTopic.NO_LOCATOR: 1_234,
    }
    assert evidence_report(counts) == [
        "evidence: claims without a citation: 2",
        "evidence: citations without a locator: 1,234 (warning)",
        "evidence: quotes not found in their source's text: 0",
        "evidence: sources without a URL or accessed date: 0",
        "evidence: claims resting on a single source: 0",
    ]


def test_the_detail_brings_each_quotes_verdict_not_the_archived_text(store: Store) -> None:
    _filled(store)
    party = load_detail(store, RecordKind.PARTY, "kazakhstan")
    assert party is not None
    # Its own claim, then its status action's: each quoting citation is judged.
    assert party.verdicts == {(0, 0): Verdict.VERIFIED, (1, 0): Verdict.VERIFIED}
    assert party.sources["report"].archived_text == ""
    league = load_detail(store, RecordKind.PARTY, "league")
    assert league is not None and league.verdicts == {(0, 0): Verdict.NOT_FOUND}
    # A source without a text: the quote cannot be checked, and says so.
    _cite(store, RecordKind.PARTY, "league", Citation("wire", "para. 3", "turned the page"))
    league = load_detail(store, RecordKind.PARTY, "league")
    assert league is not None and league.verdicts == {(0, 0): Verdict.NO_TEXT}
    # An edited text is checked afresh, not from the folded copy kept before.
    report = store.get(RecordKind.SOURCE, "report")
    assert isinstance(report, Source)
    store.update(dataclasses.replace(report, archived_text="Nothing quoted here."))
    party = load_detail(store, RecordKind.PARTY, "kazakhstan")
    assert party is not None
    assert party.verdicts == {(0, 0): Verdict.NOT_FOUND, (1, 0): Verdict.NOT_FOUND}


def test_a_citation_rows_names_its_citation_as_its_claim_lists_it(store: Store) -> None:
    _filled(store)
    _cite(
        store,
        RecordKind.EVENT,
        "meeting",
        Citation("report", "para. 6"),
        Citation("wire", "", "", "first"),
        Citation("wire", " ", "", "second"),
    )
    action = store.get(RecordKind.STATUS_ACTION, "kz-expected")
    assert isinstance(action, StatusAction)
    store.update(dataclasses.replace(action, citations=(Citation("wire", ""),)))
    rows = _all_rows(store, EvidenceTopic.NO_LOCATOR, 2)
    cited = {(row.kind, row.key, row.cited) for row in rows}
    assert cited == {
        (
            RecordKind.PARTY,
            "kazakhstan",
            CitedAt(0, Citation("report", "", "we've turned the page")),
        ),
        (RecordKind.EVENT, "meeting", CitedAt(1, Citation("wire", "", "", "first"))),
        (RecordKind.EVENT, "meeting", CitedAt(2, Citation("wire", " ", "", "second"))),
        (RecordKind.STATUS_ACTION, "kz-expected", CitedAt(0, Citation("wire", ""))),
    }
    # Each is found in the detail of the record the row opens, under its claim.
    for row in rows:
        detail = load_detail(store, row.open_kind, row.open_key)
        assert detail is not None and row.cited is not None
        (claim,) = [
            c for c in detail.claims if (c.record.kind, c.record.key) == (row.kind, row.key)
        ]
        assert row.cited.found_in(claim.citations) == row.cited.index
    (unfound,) = _all_rows(store, EvidenceTopic.QUOTE_NOT_FOUND, 10)
    assert unfound.cited == CitedAt(0, Citation("report", "para. 3", "We have turned the page"))
    # The other topics' rows are records, not citations.
    assert all(row.cited is None for row in _all_rows(store, EvidenceTopic.SINGLE_SOURCE, 10))


def test_a_citation_is_found_again_after_its_claim_changed() -> None:
    wanted = Citation("wire", "", "", "second")
    at = CitedAt(2, wanted)
    first, other = Citation("report", "para. 6"), Citation("wire", "", "", "first")
    assert at.found_in((first, other, wanted)) == 2
    assert at.found_in((other, wanted)) == 1  # one before it was removed
    assert at.found_in((first, other)) is None  # it was removed
    assert at.found_in((first, other, Citation("wire", "p. 2", "", "second"))) is None  # changed
    assert CitedAt(1, other).found_in((other, other)) == 1  # the same twice: its own place
