"""What a rule decides one user action does to the records, for storage to commit at once."""

from __future__ import annotations

from dataclasses import dataclass

from branchtui.domain.records import Record


@dataclass(frozen=True)
class RecordChanges:
    """Records to insert, update and delete, written in one commit (DESIGN: one commit per
    user action). Updates and deletes carry the ``rev`` they were read with, so a stale edit is
    a conflict."""

    inserts: tuple[Record, ...] = ()
    updates: tuple[Record, ...] = ()
    deletes: tuple[Record, ...] = ()

    def __add__(self, other: RecordChanges) -> RecordChanges:
        return RecordChanges(
            self.inserts + other.inserts,
            self.updates + other.updates,
            self.deletes + other.deletes,
        )
