"""电子台帐 (SYS-3): the year's meetings and activities as the ledger lists them — recorder,
photos, filed or not — and the ledger entries that file the ones not yet filed.

A meeting files under 组织生活 and an activity under 学习教育, as the sample branch does; the
election's general meeting is filed by the election itself (domain.election_records), and a
meeting saved from the wizard files itself (``meeting_filing``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from branchtui.domain.changes import RecordChanges
from branchtui.domain.records import Activity, BranchData, LedgerEntry, Meeting
from branchtui.domain.records.ledgers import LedgerCategory


@dataclass(frozen=True)
class LedgerRow:
    """One meeting or activity of the year, as the electronic ledger shows it."""

    record_id: str
    table: str  # "meetings" or "activities"
    date: dt.date
    title: str
    category: LedgerCategory
    recorder_id: str | None
    photos: int
    filed: bool


def _category(record: Meeting | Activity) -> LedgerCategory:
    return "life" if isinstance(record, Meeting) else "education"


def ledger_rows(data: BranchData, year: int, until: dt.date) -> list[LedgerRow]:
    """SYS-3: the meetings and activities of ``year`` held by ``until``, by date, each with
    whether a ledger entry files it."""
    filed = {e.record_id for e in data.ledger_entries if e.record_id}
    records: list[tuple[str, Meeting | Activity]] = [
        ("meetings", m) for m in data.meetings if m.date.year == year and m.date <= until
    ]
    records += [
        ("activities", a) for a in data.activities if a.date.year == year and a.date <= until
    ]
    rows = [_row(table, r, filed=r.id in filed) for table, r in records]
    return sorted(rows, key=lambda row: (row.date, row.title))


def _row(table: str, record: Meeting | Activity, *, filed: bool) -> LedgerRow:
    return LedgerRow(
        record_id=record.id,
        table=table,
        date=record.date,
        title=record.topic if isinstance(record, Meeting) else record.title,
        category=_category(record),
        recorder_id=record.recorder_id,
        photos=len(record.photo_ids),
        filed=filed,
    )


def _entry(row: LedgerRow, today: dt.date) -> LedgerEntry:
    """The ledger entry that files ``row``'s record, dated ``today``."""
    return LedgerEntry(
        date=today,
        category=row.category,
        title=row.title,
        record_table=row.table,
        record_id=row.record_id,
    )


def filing_changes(rows: list[LedgerRow], today: dt.date) -> RecordChanges:
    """SYS-3: one ledger entry per row not yet filed, dated ``today``, in one commit."""
    return RecordChanges(tuple(_entry(row, today) for row in rows if not row.filed))


def meeting_filing(data: BranchData, meeting: Meeting, today: dt.date) -> LedgerEntry | None:
    """SYS-3: the ledger entry that files ``meeting`` as it is saved, dated ``today``; None
    when ``data`` already files it (an amendment, or filed by hand before)."""
    if any(e.record_id == meeting.id for e in data.ledger_entries):
        return None
    row = _row(Meeting.TABLE, meeting, filed=False)
    return _entry(dataclasses.replace(row, title=row.title or "会议记录"), today)
