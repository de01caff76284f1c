"""Amendments keep the earlier version; decisions and rectifications stay open until done, and
an overdue rectification shows on the dashboard (LIFE-6)."""

from __future__ import annotations

from branchtui.domain.meetings.edits import amend, mark_done, open_items, version_before
from branchtui.domain.records import (
    AgendaItem,
    Decision,
    LifeMeeting,
    Meeting,
    Rectification,
)
from tests.unit.obligations.conftest import D, add_meeting, add_member, judge, make_data

ON = D(2026, 11, 27)


def test_amend_keeps_each_earlier_version() -> None:
    stored = Meeting(
        kinds=["committee_meeting"], date=D(2026, 11, 3), topic="初稿", entered_on=D(2026, 11, 4)
    )
    edited = Meeting.from_dict(stored.to_dict())
    edited.topic, edited.entered_on = "修改稿", None
    amend(stored, edited, D(2026, 11, 10), "补记")
    assert edited.entered_on == D(2026, 11, 4) and stored.amendments == []
    again = Meeting.from_dict(edited.to_dict())
    again.topic = "定稿"
    amend(edited, again, D(2026, 11, 12))
    assert [a.date for a in again.amendments] == [D(2026, 11, 10), D(2026, 11, 12)]
    assert version_before(again, 0).topic == "初稿" and version_before(again, 1).topic == "修改稿"
    assert version_before(again, 1).amendments == []  # a version holds no history of its own


def test_open_items_and_overdue_rectifications() -> None:
    data = make_data()
    owner = add_member(data)
    decision = Decision(text="制定方案", owner_id=owner.id, due=D(2026, 12, 1))
    referred = Decision(text="提交大会", referred=True)
    add_meeting(
        data,
        "committee_meeting",
        D(2026, 11, 3),
        agenda=[AgendaItem(title="议题", decisions=[decision, referred])],
    )
    late = Rectification(problem="学习不深入", owner_id=owner.id, due=D(2026, 6, 30))
    life = add_meeting(
        data, "life_meeting", D(2026, 1, 15), life_meeting=LifeMeeting(rectifications=[late])
    )
    items = open_items(data, ON)
    assert [(i.kind, i.text, i.overdue) for i in items] == [
        ("rectification", "学习不深入", True),
        ("decision", "制定方案", False),
    ]
    ob = next(o for o in judge("LIFE-6", data, ON) if o.status == "warning")
    assert ob.detail == "组织生活会整改事项逾期未完成：学习不深入（时限2026-06-30）"
    assert ob.refs == (life.id,) and ob.people == (owner.id,)
    assert mark_done(life, late.id, D(2026, 7, 1)) and not mark_done(life, "nosuch", ON)
    assert all(o.status != "warning" for o in judge("LIFE-6", data, ON))


def test_find_meetings_by_kind_month_and_group() -> None:
    from branchtui.domain.meetings.edits import find_meetings

    data = make_data()
    a = add_meeting(data, ["theme_day", "party_lecture"], D(2026, 11, 2))
    b = add_meeting(data, "group_meeting", D(2026, 11, 12), group_id="g1")
    c = add_meeting(data, "party_lecture", D(2026, 10, 9))
    assert find_meetings(data, kind="party_lecture") == [a, c]
    assert find_meetings(data, month="2026-11") == [b, a]
    assert find_meetings(data, group_id="g1") == [b]
