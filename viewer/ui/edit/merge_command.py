"""The undoable merge of two duplicate records, already saved when pushed."""

from __future__ import annotations

from viewer.domain.field_labels import record_noun
from viewer.store.api import MergeResult, Store, remerge_records, unmerge_records
from viewer.ui.edit.commands import ChangeListener, ErrorListener, RecordCommand, title_of


def merge_text(store: Store, merge: MergeResult) -> str:
    """ "Merge source Fox News reports… into Fox News reports…"."""
    noun = record_noun(merge.kind)
    merged, survivor = title_of(store, merge.merged), title_of(store, merge.survivor_after)
    return f"Merge {noun} {merged} into {survivor}"


class MergeRecordsCommand(RecordCommand):
    """ "Merge participant Kazakstan into Kazakhstan": undo puts the merged
    record back and every record the merge changed as it was, in one
    transaction; redo merges again. Either is refused (and reported) if
    another writer changed one of those records since.
    """

    def __init__(
        self,
        store: Store,
        merge: MergeResult,
        on_change: ChangeListener,
        on_error: ErrorListener,
    ) -> None:
        survivor = merge.survivor_after
        super().__init__(
            merge_text(store, merge), store, survivor.kind, survivor.key, on_change, on_error
        )
        self.merge = merge

    def _undo(self) -> None:
        unmerge_records(self.store, self.merge)

    def _redo(self) -> None:
        self.merge = remerge_records(self.store, self.merge)
