"""A review of the overview's accord in the detail pane: the chosen accord is
named by its name, also for a participant with no step in it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.overview.test_view_window import window
from viewer.domain.enums import RecordKind
from viewer.domain.records import Accord
from viewer.ui.window.main_window import MainWindow

__all__ = ["window"]  # the fixture, shared with the window tests


def test_an_accord_without_the_participants_steps_is_named_not_keyed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.store.add(Accord("lone-pact", "Lone Pact"))
    window.refresh()
    window.finish_reads()
    window.accord_choice.set_key("lone-pact")
    window.finish_reads()
    assert window.select_record(RecordKind.PARTY, "bahrain")
    window.finish_reads()
    text = window.detail_pane.text.toPlainText()
    assert "Status actions in Lone Pact" in text
    assert "lone-pact" not in text
    # Back in an accord it has steps in, the name still comes from the steps.
    window.accord_choice.set_key("abraham-accords")
    window.finish_reads()
    assert "Status actions in Abraham Accords" in window.detail_pane.text.toPlainText()
