"""The accord report and competing claims: a party whose every step in the
accord is deprecated is in no participants table, yet its claims are printed
with their rank."""

from __future__ import annotations

from datetime import date

from tests.store.test_claims_participation import ACCORD, ATLANTIS, RUMOUR
from viewer.store.overview import accord_overview
from viewer.store.report_data import report_data
from viewer.store.store import Store
from viewer.ui.report.report_html import claims_html, front_html

DAY = date(2031, 1, 1)  # after the deprecated step's date


def _report(store: Store) -> tuple[str, str]:
    data = report_data(store, ACCORD)
    overview = accord_overview(store, ACCORD)
    assert data is not None and overview is not None
    return front_html(data, overview, DAY), claims_html(data)


def test_the_report_prints_a_deprecated_claim_but_no_participant_for_it(
    seeded_store: Store,
) -> None:
    table_before, _claims = _report(seeded_store)
    seeded_store.add(ATLANTIS)
    seeded_store.add(RUMOUR)
    table, claims = _report(seeded_store)
    assert "Atlantis" not in table
    assert table == table_before
    assert (
        "Atlantis — expected to join, Mar 2030 (confirmed) "
        "[deprecated: a satirical site&#x27;s story]" in claims
    )
