"""建档前无记录可补: a periodic duty that fell due before the branch's records begin, with no
record to enter, marked so by the secretary.

The engine (engine.before_records) calls a month's, quarter's or year's duty overdue since a
deadline before the branch's start (periods.branch_start) due instead, its records to be entered
(待补录). When a record exists on paper she enters it and the duty is met. When none exists
(nothing was kept, or the previous secretary's is lost) she marks that duty of that period —
its rule ID (e.g. EDU-3 七一, LIFE-5 for a month before the start) and period key — with a short
说明 (a RecordsGap record): the duty then reads 不适用 with that 说明, so it counts as open in
neither the dashboard, the monthly report nor the year assessment. Deleting the mark undoes it.
Only a duty before_records changed may be marked: any other duty is still owed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from branchtui.domain.changes import RecordChanges
from branchtui.domain.obligations.base import Obligation
from branchtui.domain.obligations.catalogue import brief
from branchtui.domain.obligations.periods import period_label
from branchtui.domain.records import BranchData, RecordsGap

NOTE_MAX = 200
GapKey = tuple[str, str]


def gaps_by_duty(data: BranchData) -> dict[GapKey, RecordsGap]:
    """The marks of the data by (rule ID, period key)."""
    return {(g.rule, g.period): g for g in data.records_gaps}


def gap_of(data: BranchData, ob: Obligation) -> RecordsGap | None:
    """The mark of ``ob``'s rule and period, if any."""
    return gaps_by_duty(data).get((ob.rule, ob.period))


def may_mark(ob: Obligation) -> bool:
    """Whether ``ob`` may be marked 建档前无记录可补: a periodic duty the engine turned from
    overdue to due because its deadline passed before the branch's start, still unmet."""
    return ob.before_start and ob.status == "due" and bool(ob.period)


def may_unmark(ob: Obligation, data: BranchData) -> bool:
    """Whether ``ob`` reads 不适用 because of a mark that can be deleted (undone)."""
    return ob.before_start and ob.status == "not_applicable" and gap_of(data, ob) is not None


def note_problem(note: str) -> str | None:
    """Why ``note`` (the 说明) cannot be kept, in Chinese; None when it can."""
    text = note.strip()
    if not text:
        return "请填写说明，例如“前任书记未留存记录”"
    if len(text) > NOTE_MAX:
        return f"说明不能超过{NOTE_MAX}字（现有{len(text)}字）"
    return None


def mark_gap(ob: Obligation, note: str, on: dt.date) -> RecordChanges:
    """The mark of ``ob`` with ``note``, made on ``on``, to insert (ValueError with a Chinese
    message when ``ob`` may not be marked or the note is not acceptable)."""
    if not may_mark(ob):
        raise ValueError("只有建档前到期、记录待补录的事项才能标记为建档前无记录可补")
    problem = note_problem(note)
    if problem:
        raise ValueError(problem)
    gap = RecordsGap(rule=ob.rule, period=ob.period, note=note.strip(), marked=on)
    return RecordChanges(inserts=(gap,))


def unmark_gap(ob: Obligation, data: BranchData) -> RecordChanges:
    """The marks of ``ob``'s rule and period to delete (none when it has none)."""
    found = [g for g in data.records_gaps if (g.rule, g.period) == (ob.rule, ob.period)]
    return RecordChanges(deletes=tuple(found))


def without_records(ob: Obligation, gap: RecordsGap) -> Obligation:
    """``ob`` (overdue since before the start) read as 不适用, with the mark's 说明."""
    label = period_label(ob.period_kind, ob.period)
    detail = f"建档前无记录可补：{gap.note}"
    short = brief(detail, f"{label}建档前无记录可补")
    return dataclasses.replace(
        ob, status="not_applicable", detail=detail, brief=short, before_start=True
    )
