"""The edit dialog of a status action: one dated step of a party in an accord."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from viewer.domain.enums import Certainty, ClaimRank, RecordKind, StatusKind
from viewer.domain.records import Record, StatusAction
from viewer.domain.serial import Problem
from viewer.ui.edit.forms.dialog_services import DialogServices
from viewer.ui.edit.forms.record_dialog import RecordDialog, SaveHandler
from viewer.ui.widgets.choice_lookup import ChoiceLookup
from viewer.ui.widgets.fuzzy_date_edit import FuzzyDateEdit
from viewer.ui.widgets.key_picker import KeyPicker
from viewer.ui.widgets.window_text import title_part


class StatusActionDialog(RecordDialog):
    """A status action: participant, accord, what happened, when, how sure,
    its rank among competing claims (with the reason a deprecated one is
    kept, and the claim it competes with), a note and the citations behind it.

    "Competes with" offers the participant's first claims in the chosen
    accord, a few at a time as the user types; Reason is enabled only for a
    deprecated claim, which needs one."""

    NOUN = "status action"
    KIND = RecordKind.STATUS_ACTION

    def __init__(
        self,
        original: StatusAction | None,
        services: DialogServices,
        save: SaveHandler,
        parent: QWidget | None = None,
        party: str | None = None,
        accord: str | None = None,
    ) -> None:
        self._preset_party = party  # a new action for the selected participant
        self._preset_accord = accord  # in the accord the window shows
        super().__init__(original, services, save, parent)
        # Named after the participant, as every other form is after its record.
        party_key = original.party if original is not None else party
        found = self._party_name(party_key) if party_key else None
        name = title_part(found) if found else None
        if original is not None:
            self.setWindowTitle(f"Edit status step of {name}" if name else "Edit status step")
        elif name:
            self.setWindowTitle(f"Change status of {name}")

    def _party_name(self, key: str) -> str | None:
        names = self.services.lookup(RecordKind.PARTY).labels([key])
        return names.get(key)

    def _build(self) -> None:
        self.party_picker = KeyPicker("participant", "Participant", optional=False, parent=self)
        self.party_picker.setObjectName("partyPicker")
        self.party_picker.set_lookup(self.services.lookup(RecordKind.PARTY))
        self.accord_picker = KeyPicker("accord", "Accord", optional=False, parent=self)
        self.accord_picker.setObjectName("accordPicker")
        accords = self.services.lookup(RecordKind.ACCORD)
        self.accord_picker.set_lookup(accords)
        self.action_combo = self.enum_combo(StatusKind, "actionCombo")
        self.date_edit = FuzzyDateEdit("Date", self)
        self.date_edit.setObjectName("dateEdit")
        self.certainty_combo = self.enum_combo(Certainty, "certaintyCombo")
        # Created in the order they are shown: the Tab order follows the eye.
        self.rank_combo = self.enum_combo(ClaimRank, "rankCombo")
        self.rank_combo.setCurrentIndex(self.rank_combo.findData(ClaimRank.NORMAL.value))
        self.reason_edit = self.line("reasonEdit", "why it is kept but not believed")
        self.rival_picker = KeyPicker("claim", "Competes with", optional=True, parent=self)
        self.rival_picker.setObjectName("rivalPicker")
        self.rival_picker.setToolTip(
            "Another claim of this participant in this accord that this one disagrees with "
            "(its group's first claim); empty when it competes with none"
        )
        self.note_edit = self.text_box("noteEdit")
        self.citations_editor = self.citations_for("this status action")
        self.add_row("party", "&Participant:", self.party_picker)
        self.add_row("accord", "A&ccord:", self.accord_picker)
        self.add_row("action", "&Status:", self.action_combo)
        self.add_row("date", "&Date:", self.date_edit)
        self.add_row("certainty", "C&ertainty:", self.certainty_combo)
        self.add_row("rank", "Ran&k:", self.rank_combo)
        self.add_row("rank_reason", "&Reason:", self.reason_edit)
        self.add_row("alternative_of", "Competes &with:", self.rival_picker)
        self.add_row("note", "N&ote:", self.note_edit)
        self.add_row("citations", "Ci&tations:", self.citations_editor)
        if self.original is None:
            self.party_picker.set_key(self._preset_party)
            if self._preset_accord:
                self.accord_picker.set_key(self._preset_accord)
            else:
                # With one accord in the database there is nothing to choose.
                first_two = accords.complete("", 2)
                if len(first_two) == 1:
                    self.accord_picker.set_key(first_two[0][0])
        self._offer_rivals()
        self._enable_reason()

    def _connect_signals(self) -> None:
        super()._connect_signals()
        for picker in (self.party_picker, self.accord_picker):
            picker.changed.connect(self._offer_rivals)
            picker.changed.connect(self.revalidate)
        for combo in (self.action_combo, self.certainty_combo, self.rank_combo):
            combo.currentIndexChanged.connect(self.revalidate)
        self.rank_combo.currentIndexChanged.connect(self._enable_reason)
        self.reason_edit.textChanged.connect(self.revalidate)
        self.rival_picker.changed.connect(self.revalidate)
        self.date_edit.changed.connect(self.revalidate)
        self.note_edit.textChanged.connect(self.revalidate)
        self.citations_editor.changed.connect(self.revalidate)

    def _fill(self, record: Record) -> None:
        assert isinstance(record, StatusAction)
        self.party_picker.set_key(record.party)
        self.accord_picker.set_key(record.accord)
        self.action_combo.setCurrentIndex(self.action_combo.findData(record.action.value))
        self.date_edit.set_value(record.date)
        self.certainty_combo.setCurrentIndex(self.certainty_combo.findData(record.certainty.value))
        self.rank_combo.setCurrentIndex(self.rank_combo.findData(record.rank.value))
        self.reason_edit.setText(record.rank_reason)
        self._offer_rivals()
        self.rival_picker.set_key(record.alternative_of)
        self._enable_reason()
        self.note_edit.setPlainText(record.note)
        self.citations_editor.set_citations(record.citations)

    def _collect(self) -> StatusAction:
        party = self.party_picker.key() or ""
        action = StatusKind(self.action_combo.currentData())
        return StatusAction(
            key=self.new_key(RecordKind.STATUS_ACTION, f"{party} {action.value}"),
            accord=self.accord_picker.key() or "",
            party=party,
            action=action,
            date=self.date_edit.value(),
            certainty=Certainty(self.certainty_combo.currentData()),
            rank=self._rank(),
            # A reason is kept only for a deprecated claim, the only one that has it.
            rank_reason=(
                self.reason_edit.text().strip() if self._rank() is ClaimRank.DEPRECATED else ""
            ),
            alternative_of=self.rival_picker.key(),
            note=self.note_edit.toPlainText().strip(),
            citations=self.citations_editor.citations(),
            version=self.version(),
        )

    def _widget_problems(self) -> list[Problem]:
        problems = [Problem("citations", p) for p in self.citations_editor.problems()]
        for field, widget in (
            ("party", self.party_picker),
            ("accord", self.accord_picker),
            ("date", self.date_edit),
            ("alternative_of", self.rival_picker),
        ):
            problem = widget.problem()
            if problem:
                problems.append(Problem(field, problem))
        return problems

    def _rank(self) -> ClaimRank:
        return ClaimRank(self.rank_combo.currentData())

    def _enable_reason(self) -> None:
        """Reason is for a deprecated claim only (and required there)."""
        self.reason_edit.setEnabled(self._rank() is ClaimRank.DEPRECATED)

    def _offer_rivals(self) -> None:
        """Offer the chosen participant's first claims in the chosen accord
        (this claim left out): nothing to offer until both are chosen."""
        party, accord = self.party_picker.key(), self.accord_picker.key()
        own = self.original.key if self.original is not None else None
        found = self.services.claims
        if found is None or party is None or accord is None:
            self.rival_picker.set_lookup(ChoiceLookup.over(()))
            return
        lookup = found(party, accord)
        self.rival_picker.set_lookup(
            ChoiceLookup(
                lambda text, limit: [p for p in lookup.complete(text, limit + 1) if p[0] != own][
                    :limit
                ],
                lookup.labels,
            )
        )
