"""SYS-1…4: systems, the work plan, records and ledger, inspections."""

from __future__ import annotations

from branchtui.domain.records import (
    Activity,
    Inspection,
    LedgerEntry,
    PlanItem,
    SystemDoc,
    ThemeDay,
    WorkPlan,
)
from branchtui.domain.records.ledgers import SYSTEM_KINDS

from .conftest import D, add, add_meeting, add_member, judge, make_data, one, statuses

ON = D(2026, 11, 27)


def test_SYS_1_fires_listing_missing_systems(data) -> None:
    add(data, SystemDoc(kind="three_meetings", title="三会一课制度"))
    ob = one(judge("SYS-1", data, ON))
    assert ob.status == "due"
    assert "党务公开制度" in ob.detail and "三会一课" not in ob.detail
    assert ob.progress == (1.0, 6.0)


def test_SYS_1_met_with_all_systems(data) -> None:
    for kind, label in SYSTEM_KINDS.items():
        add(data, SystemDoc(kind=kind, title=label))
    assert statuses(judge("SYS-1", data, ON)) == ["met"]


def test_SYS_2_fires_overdue_without_plan_after_january(data) -> None:
    ob = one(judge("SYS-2", data, D(2026, 2, 1)))
    assert (ob.status, ob.due) == ("overdue", D(2026, 1, 31))


def test_SYS_2_due_in_january(data) -> None:
    assert statuses(judge("SYS-2", data, D(2026, 1, 10))) == ["due"]


def test_SYS_2_branch_created_in_october_owes_no_plan_for_that_january() -> None:
    data = make_data(created=D(2026, 10, 8))
    ob = one(judge("SYS-2", data, ON))
    assert (ob.status, ob.due) == ("not_applicable", D(2027, 1, 31))
    assert "2027年工作计划" in ob.detail


def test_SYS_2_branch_created_in_january_still_owes_that_plan() -> None:
    data = make_data(created=D(2026, 1, 20))
    assert statuses(judge("SYS-2", data, ON)) == ["overdue"]


def test_SYS_2_fires_for_late_plan_item(data) -> None:
    items = [
        PlanItem(content="党课", due=D(2026, 6, 30), done=D(2026, 6, 20)),
        PlanItem(content="民主评议", due=D(2026, 11, 1)),
    ]
    add(data, WorkPlan(year=2026, adopted=D(2026, 1, 15), items=items))
    ob = one(judge("SYS-2", data, ON))
    assert ob.status == "overdue"
    assert "民主评议" in ob.detail
    assert ob.progress == (1.0, 2.0)


def test_SYS_2_met_with_plan_on_track(data) -> None:
    items = [PlanItem(content="民主评议", due=D(2026, 12, 31))]
    add(data, WorkPlan(year=2026, adopted=D(2026, 1, 15), items=items))
    assert statuses(judge("SYS-2", data, ON)) == ["met"]


# A theme day recorded in full: time, place, host and content (nothing for 台账体检 to flag).
COMPLETE = {
    "start": "14:30",
    "place": "党员活动室",
    "theme_day": ThemeDay(content_types=["政治学习"]),
}


def test_SYS_3_fires_when_meeting_has_no_recorder(data) -> None:
    m = add_member(data)
    add_meeting(data, "theme_day", D(2026, 11, 2), attendees=[m], topic="主题党日")
    ob = one(judge("SYS-3", data, ON))
    assert ob.status == "due"
    assert "未指定记录人" in ob.detail and "主题党日" in ob.detail


def test_SYS_3_warns_when_not_filed(data) -> None:
    m = add_member(data)
    add_meeting(data, "theme_day", D(2026, 11, 2), recorder_id=m.id, photo_ids=["p1"])
    assert statuses(judge("SYS-3", data, ON)) == ["warning"]


def test_SYS_3_met_when_recorded_photographed_and_filed(data) -> None:
    m = add_member(data)
    meeting = add_meeting(
        data,
        "theme_day",
        D(2026, 11, 2),
        attendees=[m],
        recorder_id=m.id,
        host_id=m.id,
        photo_ids=["p1"],
        **COMPLETE,
    )
    act = add(
        data, Activity(date=D(2026, 5, 1), title="志愿服务", recorder_id=m.id, photo_ids=["p2"])
    )
    for record in (meeting, act):
        add(data, LedgerEntry(date=record.date, title="归档", record_id=record.id))
    assert statuses(judge("SYS-3", data, ON)) == ["met"]


def test_SYS_3_ledger_check_defects_make_it_a_warning(data) -> None:
    m = add_member(data)
    fields = {**COMPLETE, "place": ""}
    meeting = add_meeting(
        data, "theme_day", D(2026, 11, 2), attendees=[m], recorder_id=m.id, host_id=m.id, **fields
    )
    add(data, LedgerEntry(date=meeting.date, title="归档", record_id=meeting.id))
    ob = one(judge("SYS-3", data, ON))
    assert ob.status == "warning" and ob.refs == (meeting.id,)
    assert "台账体检：1条记录有1处问题（如2026-11-02 主题党日“会议”：未填写会议地点）" in ob.detail
    assert ob.progress == (0.0, 1.0)  # the record with a defect is not counted as done


def test_SYS_3_progress_counts_records_without_defects(data) -> None:
    m = add_member(data)
    sound = add_meeting(
        data, "theme_day", D(2026, 10, 9), attendees=[m], recorder_id=m.id, host_id=m.id, **COMPLETE
    )
    flawed = add_meeting(
        data,
        "theme_day",
        D(2026, 11, 2),
        attendees=[m],
        recorder_id=m.id,
        host_id=m.id,
        **{**COMPLETE, "place": ""},
    )
    unfiled = add(data, Activity(date=D(2026, 5, 1), title="志愿服务", recorder_id=m.id))
    for record in (sound, flawed):
        add(data, LedgerEntry(date=record.date, title="归档", record_id=record.id))
    ob = one(judge("SYS-3", data, ON))
    assert ob.progress == (1.0, 3.0)
    assert unfiled.id in ob.refs and flawed.id in ob.refs


def test_SYS_4_fires_in_december_without_inspection(data) -> None:
    assert one(judge("SYS-4", data, D(2026, 12, 2)), "2026").status == "due"
    assert one(judge("SYS-4", data, ON), "2025").status == "overdue"


def test_SYS_4_met_with_inspection(data) -> None:
    add(data, Inspection(date=D(2026, 9, 1), inspector="集团党委"))
    assert one(judge("SYS-4", data, ON), "2026").status == "met"
