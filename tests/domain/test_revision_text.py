"""The revision log in words: names, labels, the app's dates, lists as added and removed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from viewer.domain.enums import RecordKind, RevisionAction
from viewer.domain.records import Revision
from viewer.domain.revision_text import (
    TEXT_LIMIT,
    describe_log,
    mentioned_keys,
    when_text,
)

AT = datetime(2025, 11, 6, 9, 30, tzinfo=UTC)
NAMES = {
    (RecordKind.PARTY, "kazakhstan"): "Kazakhstan",
    (RecordKind.PARTY, "united-states"): "United States",
    (RecordKind.PERSON, "donald-trump"): "Donald Trump",
    (RecordKind.SOURCE, "fox"): "Kazakhstan joins",
    (RecordKind.SOURCE, "reuters"): "Reuters report",
    (RecordKind.EVENT, "meeting"): "Tokayev-Trump meeting",
    (RecordKind.ACCORD, "abraham-accords"): "Abraham Accords",
}


def revision(
    number: int,
    kind: RecordKind,
    key: str,
    changes: dict[str, tuple[Any, Any]],
    action: RevisionAction = RevisionAction.UPDATE,
) -> Revision:
    return Revision(number, AT, "Ada Lovelace", action, kind, key, changes)


def texts(rev: Revision, names: dict[tuple[RecordKind, str], str] = NAMES) -> list[str]:
    return [change.text for change in describe_log([rev], names)[0].changes]


def test_citations_read_as_added_and_removed_sources_with_their_locators() -> None:
    edit = revision(
        1,
        RecordKind.PARTY,
        "kazakhstan",
        {
            "citations": (
                [{"source": "reuters", "locator": "", "quote": "", "note": ""}],
                [{"source": "fox", "locator": "para. 1", "quote": "joins", "note": ""}],
            )
        },
    )
    assert texts(edit) == ["Citations:\n+ Kazakhstan joins, para. 1\n− Reuters report"]
    full = describe_log([edit], NAMES)[0].changes[0].full
    assert full == "Citations\nbefore:\nReuters report\nafter:\nKazakhstan joins, para. 1 — “joins”"


def test_a_citation_whose_quote_changed_is_one_edited_line() -> None:
    edit = revision(
        1,
        RecordKind.PARTY,
        "kazakhstan",
        {
            "citations": (
                [{"source": "fox", "locator": "para. 1", "quote": "old", "note": ""}],
                [{"source": "fox", "locator": "para. 1", "quote": "new", "note": "why"}],
            )
        },
    )
    assert texts(edit) == ["Citations:\n± Kazakhstan joins, para. 1 (quote and note edited)"]


def test_roles_read_as_role_and_name() -> None:
    edit = revision(
        1,
        RecordKind.EVENT,
        "meeting",
        {
            "roles": (
                [{"role": "host", "party": "united-states", "person": None}],
                [
                    {"role": "host", "party": "united-states", "person": None},
                    {"role": "broker", "party": None, "person": "donald-trump"},
                ],
            )
        },
    )
    assert texts(edit) == ["Roles:\n+ broker: Donald Trump"]


def test_enums_dates_authors_and_references_read_as_the_forms_show_them() -> None:
    source = revision(
        1,
        RecordKind.SOURCE,
        "fox",
        {
            "source_kind": ("news_article", "official_document"),
            "authors": (["Doe, Jane"], ["Doe, Jane", "Roe, Rick"]),
            "published": ("2025-11", "2025-11-06"),
            "url": ("", "https://example.org/a"),
        },
    )
    assert texts(source) == [
        "Kind: news article → official document",
        "Authors: Doe, Jane → Doe, Jane; Roe, Rick",
        "Published: Nov 2025 → 6 Nov 2025",
        "Web address: (empty) → https://example.org/a",
    ]
    person = revision(2, RecordKind.PERSON, "donald-trump", {"party": (None, "united-states")})
    assert texts(person) == ["Party: (empty) → United States"]


def test_a_key_without_a_name_is_quoted_and_a_gone_record_keeps_its_logged_name() -> None:
    created = revision(
        1,
        RecordKind.EVENT,
        "summit",
        {"title": (None, "Summit"), "accord": (None, "gone-accord")},
        RevisionAction.CREATE,
    )
    deleted = revision(
        2,
        RecordKind.EVENT,
        "summit",
        {"title": ("Summit", None), "accord": ("gone-accord", None)},
        RevisionAction.DELETE,
    )
    first, second = describe_log([created, deleted], NAMES)
    assert first.headline == "Created event Summit"
    assert [c.text for c in first.changes] == ["Title: Summit", "Accord: “gone-accord”"]
    assert second.headline == "Deleted event Summit"
    unnamed = revision(3, RecordKind.PERSON, "nobody", {"office": ("a", "b")})
    assert describe_log([unnamed], {})[0].headline == "Edited person “nobody” — Office"


def test_a_status_change_is_named_by_its_participant_and_status_then() -> None:
    key = "kz-joined"
    created = revision(
        1,
        RecordKind.STATUS_ACTION,
        key,
        {"party": (None, "kazakhstan"), "action": (None, "expected_to_join")},
        RevisionAction.CREATE,
    )
    edited = revision(2, RecordKind.STATUS_ACTION, key, {"action": ("expected_to_join", "joined")})
    newest_first = describe_log([edited, created], NAMES)
    assert [text.headline for text in newest_first] == [
        "Edited status change Kazakhstan: joined — Status",
        "Created status change Kazakhstan: expected to join",
    ]
    assert [c.text for c in newest_first[0].changes] == ["Status: expected to join → joined"]


def test_a_value_outside_the_vocabulary_or_a_bad_date_is_shown_as_logged() -> None:
    edit = revision(
        1, RecordKind.EVENT, "meeting", {"event_kind": ("gala", "summit"), "date": ("soon", None)}
    )
    assert texts(edit) == ["Kind: gala → summit", "Date: soon → (empty)"]


def test_the_byline_says_when_as_the_app_writes_dates_and_who() -> None:
    text = describe_log([revision(1, RecordKind.PARTY, "kazakhstan", {})], NAMES)[0]
    assert text.byline == f"{when_text(AT)} · Ada Lovelace"
    local = AT.astimezone()
    assert when_text(AT).startswith(f"{local.day} Nov 2025, ")


def test_mentioned_keys_name_every_reference_once_and_stay_bounded() -> None:
    edit = revision(
        1,
        RecordKind.EVENT,
        "meeting",
        {
            "accord": (None, "abraham-accords"),
            "roles": ([], [{"role": "host", "party": "united-states", "person": "donald-trump"}]),
            "citations": ([{"source": "fox"}], [{"source": "fox"}, {"source": "reuters"}]),
        },
    )
    assert mentioned_keys([edit]) == {
        RecordKind.EVENT: {"meeting"},
        RecordKind.ACCORD: {"abraham-accords"},
        RecordKind.PARTY: {"united-states"},
        RecordKind.PERSON: {"donald-trump"},
        RecordKind.SOURCE: {"fox", "reuters"},
    }
    many = [
        revision(n, RecordKind.PERSON, f"person-{n}", {"party": (None, f"party-{n}")})
        for n in range(1, 400)
    ]
    found = mentioned_keys(many, limit=100)
    assert sum(len(keys) for keys in found.values()) == 100
    assert "person-399" in found[RecordKind.PERSON]  # the newest come first
    assert "person-1" not in found[RecordKind.PERSON]


def test_only_a_text_longer_than_any_note_is_shortened_in_the_row() -> None:
    note = "word " * 300  # 1,500 characters: shown whole, wrapped by the view
    assert texts(revision(1, RecordKind.PARTY, "kazakhstan", {"notes": ("", note)})) == [
        f"Notes: (empty) → {note}"
    ]
    huge = "word " * 1000
    edit = revision(2, RecordKind.PARTY, "kazakhstan", {"notes": ("", huge)})
    [change] = describe_log([edit], NAMES)[0].changes
    assert change.text.endswith(" …") and len(change.text) < TEXT_LIMIT + 40
    assert change.full.endswith(huge)  # the tooltip keeps all of it
