"""CARE-1…3: required talks, 党务公开, hardship cases."""

from __future__ import annotations

from branchtui.domain.obligations.care import owed_talks, talk_about, talk_events
from branchtui.domain.records import (
    Announcement,
    CaseStep,
    DisciplineCase,
    FlowingMember,
    Fluctuation,
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


def test_CARE_1_a_fluctuation_owes_a_special_talk_until_one_is_recorded(data) -> None:
    m = add_member(data, "王五")
    entry = add(
        data,
        Fluctuation(member_id=m.id, noticed=D(2026, 11, 10), description="晋升未果，情绪低落"),
    )
    (event,) = talk_events(data, ON)
    assert (event.id, event.trigger, event.date, event.person_name) == (
        entry.id,
        "fluctuation",
        D(2026, 11, 10),
        "王五",
    )
    (ob,) = judge("CARE-1", data, ON)
    assert ob.status == "due" and ob.refs == (entry.id,) and ob.people == (m.id,)
    assert ob.detail == "王五于2026-11-10出现思想波动，书记尚未与其谈心谈话"
    assert ob.short == "王五思想波动，尚未谈话"
    talk = talk_about(event, data, ON)
    assert (talk.trigger, talk.kind, talk.about_id, talk.member_id) == (
        "fluctuation",
        "special",
        entry.id,
        m.id,
    )
    add(data, talk)
    assert statuses(judge("CARE-1", data, ON)) == ["met"]
    assert owed_talks(data, ON) == []


def test_CARE_1_a_closed_fluctuation_still_owes_its_talk(data) -> None:
    # Closing the entry says the problem is resolved, not that the secretary talked.
    m = add_member(data)
    add(
        data,
        Fluctuation(
            member_id=m.id,
            noticed=D(2026, 10, 1),
            description="对岗位调整有情绪",
            closed=D(2026, 11, 1),
            resolution="经所在部门做工作已安心工作",
        ),
    )
    assert statuses(judge("CARE-1", data, ON)) == ["due"]


def test_CARE_1_a_case_is_handling_until_it_records_a_sanction(data) -> None:
    m = add_member(data, "赵六")
    case = add(
        data,
        DisciplineCase(
            member_id=m.id,
            opened=D(2026, 9, 1),
            reason="违反廉洁纪律",
            steps=[CaseStep(step="warning", date=D(2026, 9, 10))],
        ),
    )
    (event,) = talk_events(data, ON)
    assert event.trigger == "handling"  # 警示诫勉 handles an unqualified member: no sanction
    assert talk_about(event, data, ON).kind == "reminder"
    assert "需组织处理" in one(judge("CARE-1", data, ON)).detail
    case.steps.append(CaseStep(step="expel", date=D(2026, 10, 8)))  # 开除党籍: 党纪处分
    (event,) = talk_events(data, ON)
    assert event.trigger == "discipline"
    assert talk_about(event, data, ON).kind == "admonishing"  # 诫勉谈话
    assert one(judge("CARE-1", data, ON)).detail == (
        "赵六于2026-09-01需受党纪处分，书记尚未与其谈心谈话"
    )


def test_CARE_1_a_cases_talk_step_is_the_talk_it_owes(data) -> None:
    """谈话提醒 recorded as a step of the 处置 case settles the case's talk: entered once."""
    m = add_member(data, "袁明阳")
    case = add(
        data,
        DisciplineCase(member_id=m.id, opened=D(2026, 10, 1), reason="连续3个月未交党费"),
    )
    assert one(judge("CARE-1", data, ON)).status == "due"
    case.steps.append(CaseStep(step="warning", date=D(2026, 10, 5)))  # not a talk
    assert one(judge("CARE-1", data, ON)).status == "due"
    case.steps.append(CaseStep(step="talk", date=D(2026, 12, 3), note="书记谈话提醒"))
    assert one(judge("CARE-1", data, ON)).status == "due"  # not held yet on ON
    case.steps[-1].date = D(2026, 10, 8)
    assert one(judge("CARE-1", data, ON)).status == "met"
    assert owed_talks(data, ON) == []


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
