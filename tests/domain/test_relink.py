"""Moving references from a merged record to its survivor, in plain records."""

from __future__ import annotations

import dataclasses

from tests import samples
from viewer.domain.enums import RecordKind, RoleKind
from viewer.domain.records import Citation, EventRole, Party, Person, Source
from viewer.domain.relink import filled_from, once, relink, with_citations_of


def test_a_source_s_citations_move_and_repeats_are_kept_once() -> None:
    event = dataclasses.replace(
        samples.EVENT,
        citations=(Citation("report", "para. 6"), Citation("copy", "para. 6"), Citation("copy")),
    )
    moved = relink(event, RecordKind.SOURCE, "copy", "report")
    assert moved.citations == (Citation("report", "para. 6"), Citation("report"))  # type: ignore[union-attr]
    assert relink(event, RecordKind.PARTY, "copy", "report") == event


def test_a_party_s_roles_people_and_status_actions_move() -> None:
    event = dataclasses.replace(
        samples.EVENT,
        roles=(
            EventRole(RoleKind.SUBJECT, party="kazakhstan"),
            EventRole(RoleKind.SUBJECT, party="twin"),
            EventRole(RoleKind.HOST, party="twin"),
        ),
    )
    moved = relink(event, RecordKind.PARTY, "twin", "kazakhstan")
    assert moved.roles == (  # type: ignore[union-attr]
        EventRole(RoleKind.SUBJECT, party="kazakhstan"),
        EventRole(RoleKind.HOST, party="kazakhstan"),
    )
    person = Person(key="envoy", name="Envoy", party="twin")
    assert relink(person, RecordKind.PARTY, "twin", "kazakhstan").party == "kazakhstan"  # type: ignore[union-attr]
    action = dataclasses.replace(samples.ACTION, party="twin")
    assert relink(action, RecordKind.PARTY, "twin", "kazakhstan").party == "kazakhstan"  # type: ignore[union-attr]
    role = EventRole(RoleKind.ANNOUNCER, person="twin")
    assert relink(
        dataclasses.replace(samples.EVENT, roles=(role,)), RecordKind.PERSON, "twin", "x"
    ).roles == (  # type: ignore[union-attr]
        EventRole(RoleKind.ANNOUNCER, person="x"),
    )


def test_the_survivor_gets_citations_and_empty_fields_of_the_merged() -> None:
    survivor = Party(key="a", name="A", citations=(Citation("s", "1"),))
    merged = Party(
        key="b", name="B", iso_code="KZ", notes="n", citations=(Citation("s", "1"), Citation("t"))
    )
    both = filled_from(with_citations_of(survivor, merged), merged)
    assert both == Party(
        key="a", name="A", iso_code="KZ", notes="n", citations=(Citation("s", "1"), Citation("t"))
    )
    source = Source(key="s", title="T", url="u")
    assert filled_from(source, Source(key="o", title="O", url="v", doi="d")) == Source(
        key="s", title="T", url="u", doi="d"
    )
    assert with_citations_of(source, merged) == source  # a source holds no citations
    assert once([1, 2, 1, 3, 2]) == (1, 2, 3)  # type: ignore[type-var]
