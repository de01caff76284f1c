"""CARE-1…3: required talks, 党务公开, hardship cases."""

from __future__ import annotations

from branchtui.domain.records import (
    Announcement,
    DisciplineCase,
    FlowingMember,
    HardshipCase,
    Talk,
    Transfer,
    TravelAbroad,
)

from .conftest import D, add, add_member, judge, one, statuses

ON = D(2026, 11, 27)


def test_CARE_1_fires_for_each_event_without_a_talk(data) -> None:
    m = add_member(data, "张三")
    add(
        data,
        Transfer(
            member_id=m.id,
            person_name="张三",
            direction="in",
            instrument="relation_transfer",
            date=D(2026, 10, 1),
        ),
    )
    add(data, TravelAbroad(member_id=m.id, destination="新加坡", depart=D(2026, 11, 1)))
    add(data, FlowingMember(person_name="李四", direction="outflow", start=D(2026, 9, 1)))
    add(data, DisciplineCase(member_id=m.id, opened=D(2026, 8, 1), reason="违纪"))
    obs = judge("CARE-1", data, ON)
    assert statuses(obs) == ["due"] * 4
    assert any("李四" in o.detail for o in obs)


def test_CARE_1_talk_after_the_event_settles_it(data) -> None:
    m = add_member(data)
    add(data, TravelAbroad(member_id=m.id, destination="新加坡", depart=D(2026, 11, 1)))
    add(data, Talk(member_id=m.id, date=D(2026, 10, 20), kind="special"))
    assert statuses(judge("CARE-1", data, ON)) == ["due"]  # talked before the trip: not enough
    add(data, Talk(member_id=m.id, date=D(2026, 11, 2), kind="special"))
    assert statuses(judge("CARE-1", data, ON)) == ["met"]


def test_CARE_1_met_by_talk_about_the_event(data) -> None:
    flow = add(data, FlowingMember(person_name="李四", direction="outflow", start=D(2026, 9, 1)))
    add(data, Talk(person_name="李四", date=D(2026, 8, 30), about_id=flow.id))
    assert statuses(judge("CARE-1", data, ON)) == ["met"]


def test_CARE_2_fires_without_announcement(data) -> None:
    assert one(judge("CARE-2", data, ON), "2026").status == "due"


def test_CARE_2_met_with_announcement(data) -> None:
    add(data, Announcement(date=D(2026, 4, 1), title="发展对象公示"))
    assert one(judge("CARE-2", data, ON), "2026").status == "met"


def test_CARE_3_fires_for_application_not_reported(data) -> None:
    m = add_member(data, "王五")
    add(data, HardshipCase(member_id=m.id, applied=D(2026, 11, 1), description="家人重病"))
    ob = one(judge("CARE-3", data, ON))
    assert ob.status == "due"
    assert "王五" in ob.detail


def test_CARE_3_met_when_help_given(data) -> None:
    m = add_member(data)
    add(
        data,
        HardshipCase(
            member_id=m.id,
            applied=D(2026, 11, 1),
            description="家人重病",
            reported_up=D(2026, 11, 3),
            helped=D(2026, 11, 10),
        ),
    )
    assert statuses(judge("CARE-3", data, ON)) == ["met"]
