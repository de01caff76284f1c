"""电子台帐 (SYS-3): the year's meetings and activities as the ledger lists them — recorder,
photos, filed or not — and the ledger entries that file them.

A meeting files under 组织生活 and an activity under 学习教育, as the sample branch does. A record
of a kind the ledger lists is filed as it is entered (``entry_filing``: the meeting wizard, the
activity register, the election's general meeting under 组织建设), in the same commit; an edit
files nothing more. What was entered before is filed from 电子台帐 (``filing_changes``). Deleting
a record deletes the entries that file it (domain.deletion): an entry exists only to file it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from branchtui.domain.changes import RecordChanges
from branchtui.domain.meetings.titles import meeting_subject
from branchtui.domain.records import Activity, BranchData, LedgerEntry, Meeting
from branchtui.domain.records.ledgers import LedgerCategory

# SYS-3: the kinds of record the electronic ledger lists, by table, with the category each
# files under.
LEDGER_LISTED: dict[str, LedgerCategory] = {Meeting.TABLE: "life", Activity.TABLE: "education"}
# The title of an entry filing a meeting without a topic (the entry's title is required).
UNTITLED = "会议记录"


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


def ledger_rows(data: BranchData, year: int, until: dt.date) -> list[LedgerRow]:
    """SYS-3: the meetings and activities of ``year`` held by ``until``, by date, each with
    whether a ledger entry files it and the category it is filed under (an election's general
    meeting under 组织建设), else the one its kind files under."""
    entries = {(e.record_table, e.record_id): e for e in data.ledger_entries if e.record_id}
    rows = [
        _row(table, r, entries.get((table, r.id)) or entries.get(("", r.id)))
        for table in LEDGER_LISTED
        for r in getattr(data, table)  # data.meetings, data.activities
        if r.date.year == year and r.date <= until
    ]
    return sorted(rows, key=lambda row: (row.date, row.title))


def _row(table: str, record: Meeting | Activity, entry: LedgerEntry | None = None) -> LedgerRow:
    """The record as the ledger lists it, filed by ``entry`` (None: not filed)."""
    return LedgerRow(
        record_id=record.id,
        table=table,
        date=record.date,
        title=meeting_subject(record) if isinstance(record, Meeting) else record.title,
        category=entry.category if entry is not None else LEDGER_LISTED[table],
        recorder_id=record.recorder_id,
        photos=len(record.photo_ids),
        filed=entry is not None,
    )


def _entry(row: LedgerRow, today: dt.date) -> LedgerEntry:
    """The ledger entry that files ``row``'s record, dated ``today``."""
    return LedgerEntry(
        date=today,
        category=row.category,
        title=row.title or UNTITLED,
        record_table=row.table,
        record_id=row.record_id,
    )


def filing_changes(rows: list[LedgerRow], today: dt.date) -> RecordChanges:
    """SYS-3: one ledger entry per row not yet filed, dated ``today``, in one commit."""
    return RecordChanges(tuple(_entry(row, today) for row in rows if not row.filed))


def entry_filing(
    data: BranchData,
    changes: RecordChanges,
    today: dt.date,
    *,
    category: LedgerCategory | None = None,
) -> RecordChanges:
    """SYS-3: the ledger entries, dated ``today``, that file each record of a kind the ledger
    lists which ``changes`` insert — a record being entered, filed in the same commit — under
    its kind's category (or ``category``). An update files nothing; a record that ``data`` or
    ``changes`` already file is not filed again."""
    filed = {e.record_id for e in data.ledger_entries if e.record_id}
    filed |= {r.record_id for r in changes.inserts if isinstance(r, LedgerEntry)}
    entries = []
    for record in changes.inserts:
        if not isinstance(record, Meeting | Activity) or record.id in filed:
            continue
        row = _row(record.TABLE, record)
        entry = _entry(row, today)
        if category is not None:
            entry.category = category
        entries.append(entry)
    return RecordChanges(tuple(entries))
