"""Reading the revision log back, and reverting a record to a revision."""

from __future__ import annotations

import dataclasses

import pytest

from tests import samples
from viewer.domain.enums import RecordKind, RevisionAction, StatusKind
from viewer.store.errors import RecordNotFound
from viewer.store.history import record_at, revert
from viewer.store.schema import RevisionRow
from viewer.store.store import Store
from viewer.store.write_log import MAX_AUTHOR, author_with_role


def add_samples(store: Store) -> None:
    for record in samples.ALL:
        store.add(record)


def test_record_at_gives_the_record_as_it_was(store: Store) -> None:
    add_samples(store)
    store.update(dataclasses.replace(samples.ACTION, version=1, action=StatusKind.JOINED))
    created, updated = store.revisions(RecordKind.STATUS_ACTION, "kz-expected")
    assert record_at(store, RecordKind.STATUS_ACTION, "kz-expected", created.id) == samples.ACTION
    later = record_at(store, RecordKind.STATUS_ACTION, "kz-expected", updated.id)
    assert later is not None and later.action is StatusKind.JOINED  # type: ignore[union-attr]


def test_revert_is_a_new_logged_change(store: Store) -> None:
    add_samples(store)
    store.update(dataclasses.replace(samples.ACTION, version=1, action=StatusKind.JOINED))
    created = store.revisions(RecordKind.STATUS_ACTION, "kz-expected")[0]
    reverted = revert(store, RecordKind.STATUS_ACTION, "kz-expected", created.id)
    assert reverted == dataclasses.replace(samples.ACTION, version=3)
    log = store.revisions(RecordKind.STATUS_ACTION, "kz-expected")
    assert [r.action for r in log] == [
        RevisionAction.CREATE,
        RevisionAction.UPDATE,
        RevisionAction.UPDATE,
    ]
    assert log[-1].changes["action"] == ("joined", "expected_to_join")


def test_reverting_to_before_a_deletion_brings_the_record_back(store: Store) -> None:
    add_samples(store)
    store.delete(RecordKind.EVENT, "meeting")
    created, deleted = store.revisions(RecordKind.EVENT, "meeting")
    assert record_at(store, RecordKind.EVENT, "meeting", deleted.id) is None
    back = revert(store, RecordKind.EVENT, "meeting", created.id)
    assert back == dataclasses.replace(samples.EVENT, version=1)
    assert revert(store, RecordKind.EVENT, "meeting", deleted.id) is None
    assert store.get(RecordKind.EVENT, "meeting") is None


def test_a_revision_of_another_record_is_refused(store: Store) -> None:
    add_samples(store)
    other = store.revisions(RecordKind.SOURCE, "report")[0]
    with pytest.raises(RecordNotFound):
        record_at(store, RecordKind.EVENT, "meeting", other.id)


def test_revisions_after_an_id_are_the_ones_written_since(store: Store) -> None:
    add_samples(store)
    everything = store.revisions()
    last = everything[-1].id
    assert store.revisions(after=last) == []
    assert store.revisions(after=everything[0].id) == everything[1:]
    assert store.revisions(after=0) == everything
    assert store.revisions(after=None) == everything
    store.update(dataclasses.replace(samples.ACTION, version=1, action=StatusKind.JOINED))
    store.delete(RecordKind.EVENT, "meeting")
    since = store.revisions(after=last)
    assert [(r.action, r.record_kind, r.record_key) for r in since] == [
        (RevisionAction.UPDATE, RecordKind.STATUS_ACTION, "kz-expected"),
        (RevisionAction.DELETE, RecordKind.EVENT, "meeting"),
    ]
    assert since == store.revisions()[len(everything) :]
    # Combined with a record: that record's revisions after the id, and no other's.
    assert store.revisions(RecordKind.EVENT, "meeting", after=last) == since[1:]
    assert store.revisions(RecordKind.STATUS_ACTION, after=since[0].id) == []


def test_a_long_author_is_shortened_in_the_log_never_the_role(store: Store) -> None:
    author = "Ana María " * 30  # 300 characters
    store.set_author(author)
    store.add(samples.SOURCE)  # a server refuses a name longer than its column
    logged = store.revisions(RecordKind.SOURCE, samples.SOURCE.key)[-1].user
    assert len(logged) <= MAX_AUTHOR
    assert logged.startswith("Ana María Ana María")
    assert "…" in logged
    if store.on_server:
        assert logged.endswith(f"… ({store.role})")
    # A store made with a long author, as a command's --author makes one.
    other = Store(store.engine, author)
    other.add(samples.ACCORD)
    logged = other.revisions(RecordKind.ACCORD, samples.ACCORD.key)[-1].user
    assert len(logged) == MAX_AUTHOR
    assert logged.endswith("…")


def test_the_longest_author_fits_the_log() -> None:
    assert RevisionRow.__table__.c.user.type.length == MAX_AUTHOR  # type: ignore[attr-defined]
    assert author_with_role("Ana", "ana") == "Ana (ana)"
    assert author_with_role("  ", "ana") == "ana"
    shortened = author_with_role("x" * 250, "a_long_role")
    assert shortened == "x" * (MAX_AUTHOR - len(" (a_long_role)") - 1) + "… (a_long_role)"
