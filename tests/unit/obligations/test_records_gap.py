"""建档前无记录可补 (domain/obligations/records_gap.py): a periodic duty due before the branch
was set up (engine.before_records: EDU-3 七一, LIFE-5 主题党日 of a month before) may be marked
as having no record to enter, with a 说明; it then reads 不适用 and is open nowhere — not on the
dashboard, nor in the monthly report's open duties, nor in the year assessment. Deleting the
mark puts it back to 待补录. No other duty may be marked."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.changes import RecordChanges
from branchtui.domain.obligations import Obligation, obligations_on
from branchtui.domain.obligations.records_gap import (
    NOTE_MAX,
    mark_gap,
    may_mark,
    may_unmark,
    note_problem,
    unmark_gap,
)
from branchtui.domain.records import Activity, BranchData, RecordsGap
from branchtui.domain.report_scoring import share_met
from branchtui.domain.report_sections import open_obligations
from tests.unit.obligations.conftest import add_members, make_data

D = dt.date
CREATED = D(2026, 9, 1)
ON = D(2026, 11, 27)


def _data(created: dt.date = CREATED) -> BranchData:
    data = make_data(created=created)
    add_members(data, 5)
    return data


def _duty(data: BranchData, rule: str, period: str) -> Obligation:
    return next(o for o in obligations_on(data, ON) if (o.rule, o.period) == (rule, period))


def _apply(data: BranchData, changes: RecordChanges) -> None:
    for record in changes.inserts:
        data.records_gaps.append(record)
    for record in changes.deletes:
        data.records_gaps.remove(record)


def test_a_duty_due_before_the_start_marked_reads_not_applicable_with_the_note() -> None:
    data = _data()
    july = _duty(data, "EDU-3", "2026")
    assert july.status == "due" and july.before_start and may_mark(july)
    _apply(data, mark_gap(july, "  前任书记未留存记录 ", ON))
    (gap,) = data.records_gaps
    assert (gap.rule, gap.period, gap.note, gap.marked) == (
        "EDU-3",
        "2026",
        "前任书记未留存记录",
        ON,
    )
    marked = _duty(data, "EDU-3", "2026")
    assert marked.status == "not_applicable"
    assert marked.detail == "建档前无记录可补：前任书记未留存记录"
    assert may_unmark(marked, data) and not may_mark(marked)
    found = obligations_on(data, ON)
    # Open nowhere: the monthly report's open duties and the year assessment's count.
    assert "EDU-3" not in {r["rule"] for r in open_obligations(found)["open"]}
    assert share_met(found, ["EDU-3"], 2026, over=False)["failed"] == 0
    # Undone: to be entered again.
    _apply(data, unmark_gap(marked, data))
    again = _duty(data, "EDU-3", "2026")
    assert again.status == "due" and again.detail.endswith("记录待补录）")
    assert share_met(obligations_on(data, ON), ["EDU-3"], 2026, over=False)["failed"] == 1


def test_a_month_before_the_start_is_marked_alone() -> None:
    # Set up on 2026-09-10: September's 主题党日 (LIFE-5, by 09-03) came before; October's is owed.
    data = _data(D(2026, 9, 10))
    september = _duty(data, "LIFE-5", "2026-09")
    _apply(data, mark_gap(september, "建档前未留存", ON))
    assert _duty(data, "LIFE-5", "2026-09").status == "not_applicable"
    october = _duty(data, "LIFE-5", "2026-10")
    assert october.status == "overdue" and not may_mark(october)


def test_only_a_duty_the_engine_turned_to_be_entered_may_be_marked() -> None:
    data = _data()
    owed = [o for o in obligations_on(data, ON) if not o.before_start]
    assert owed and not any(may_mark(o) for o in owed)
    september = _duty(data, "LIFE-5", "2026-09")
    with pytest.raises(ValueError, match="只有建档前到期"):
        mark_gap(september, "无记录", ON)
    # A mark of a period after the start (put in the file by hand) changes nothing.
    data.records_gaps.append(RecordsGap(rule="LIFE-5", period="2026-09", note="x", marked=ON))
    assert _duty(data, "LIFE-5", "2026-09").status == "overdue"


def test_a_record_entered_later_meets_the_duty_whatever_the_mark() -> None:
    data = _data()
    july = _duty(data, "EDU-3", "2026")
    _apply(data, mark_gap(july, "原以为无记录", ON))
    data.activities.append(Activity(date=D(2026, 7, 1), title="七一纪念活动"))
    assert _duty(data, "EDU-3", "2026").status == "met"


@pytest.mark.parametrize(
    ("note", "message"),
    [("", "请填写说明"), ("   ", "请填写说明"), ("字" * (NOTE_MAX + 1), "不能超过")],
)
def test_the_note_is_required_and_short(note: str, message: str) -> None:
    assert message in (note_problem(note) or "")
    july = _duty(_data(), "EDU-3", "2026")
    with pytest.raises(ValueError, match=message):
        mark_gap(july, note, ON)
    assert note_problem("前任未移交") is None
