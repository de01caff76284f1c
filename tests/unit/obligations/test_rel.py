"""REL-1…6: transfers, travel abroad, flowing members."""

from __future__ import annotations

import datetime as dt

from branchtui.domain.obligations.rel import proposed_instrument
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import FlowingMember, Transfer, TravelAbroad

from .conftest import D, add, add_member, judge, one, statuses

ON = D(2026, 11, 27)


def transfer(member_id: str | None, **fields: object) -> Transfer:
    values: dict[str, object] = {
        "member_id": member_id,
        "person_name": "张三",
        "direction": "out",
        "instrument": "relation_transfer",
        "date": D(2026, 10, 8),
        "platform_ref": "XM2026-001",
    }
    values.update(fields)
    return Transfer(**values)  # type: ignore[arg-type]


def outflow(**fields: object) -> FlowingMember:
    values: dict[str, object] = {
        "person_name": "李四",
        "direction": "outflow",
        "place": "深圳",
        "start": D(2026, 9, 1),
        "card_number": "LD-0001",
        "contact_person_id": "c1",
        "contact_info": "13800000000",
        "last_contact": D(2026, 11, 1),
    }
    values.update(fields)
    return FlowingMember(**values)  # type: ignore[arg-type]


def test_REL_1_instrument_follows_time_and_place() -> None:
    assert proposed_instrument(7, True, PLAN_2017) == "relation_transfer"
    assert proposed_instrument(6, True, PLAN_2017) == "certificate_letter"
    assert proposed_instrument(3, True, PLAN_2017) == "none"
    assert proposed_instrument(8, False, PLAN_2017) == "flow_card"
    assert proposed_instrument(None, None, PLAN_2017) == "flow_card"


def test_REL_1_fires_when_a_member_left_without_a_register_entry(data) -> None:
    gone = add_member(data, "王五", removed=D(2026, 9, 1), removed_reason="transferred_out")
    ob = one(judge("REL-1", data, ON))
    assert ob.status == "due"
    assert ob.people == (gone.id,)
    assert "王五" in ob.detail


def test_REL_1_warns_when_instrument_does_not_fit(data) -> None:
    m = add_member(data)
    add(data, transfer(m.id, instrument="certificate_letter", months_away=12, place_fixed=True))
    ob = one(judge("REL-1", data, ON))
    assert ob.status == "warning"
    assert "转组织关系" in ob.detail


def test_REL_1_met_when_registered_with_the_right_instrument(data) -> None:
    m = add_member(data, removed=D(2026, 10, 8), removed_reason="transferred_out")
    add(data, transfer(m.id, months_away=12, place_fixed=True))
    assert statuses(judge("REL-1", data, ON)) == ["met"]


def test_REL_2_fires_without_platform_reference(data) -> None:
    add(data, transfer(None, platform_ref=""))
    ob = one(judge("REL-2", data, ON))
    assert ob.status == "due"
    assert ob.needs


def test_REL_2_met_with_platform_reference(data) -> None:
    add(data, transfer(None))
    assert statuses(judge("REL-2", data, ON)) == ["met"]


def test_REL_3_fires_overdue_for_a_trip_started_without_approval(data) -> None:
    m = add_member(data, "赵六")
    add(data, TravelAbroad(member_id=m.id, destination="日本", depart=D(2026, 11, 20)))
    ob = one(judge("REL-3", data, ON))
    assert ob.status == "overdue"
    assert "赵六" in ob.detail


def test_REL_3_due_before_departure(data) -> None:
    m = add_member(data)
    add(data, TravelAbroad(member_id=m.id, destination="日本", depart=D(2026, 12, 20)))
    assert statuses(judge("REL-3", data, ON)) == ["due"]


def test_REL_3_met_with_approved_decision(data) -> None:
    m = add_member(data)
    trip = TravelAbroad(
        member_id=m.id,
        destination="日本",
        depart=D(2026, 12, 20),
        decision="keep",
        approved=D(2026, 11, 1),
    )
    add(data, trip)
    assert statuses(judge("REL-3", data, ON)) == ["met"]


def test_REL_4_fires_on_incomplete_register(data) -> None:
    add(data, outflow(card_number="", contact_person_id=None))
    ob = one(judge("REL-4", data, ON))
    assert ob.status == "due"
    assert "流动党员活动证编号" in ob.needs and "联系人" in ob.needs


def test_REL_4_warns_after_six_months_without_contact(data) -> None:
    add(data, outflow(start=D(2025, 1, 1), last_contact=D(2026, 5, 26)))
    ob = one(judge("REL-4", data, ON))
    assert ob.status == "warning"
    assert ob.due == D(2026, 11, 26)


def test_REL_4_met_when_complete_and_in_touch(data) -> None:
    add(data, outflow(last_contact=D(2026, 5, 28)))
    assert statuses(judge("REL-4", data, ON)) == ["met"]


def test_REL_5_fires_when_returned_card_not_checked(data) -> None:
    add(data, outflow(end=D(2026, 11, 10)))
    ob = one(judge("REL-5", data, ON))
    assert ob.status == "due"
    assert "查验" in ob.detail


def test_REL_5_shows_conversion_date_of_a_flowing_probationary(data) -> None:
    m = add_member(data, "钱七", status="probationary", joined=D(2026, 3, 1), full_date=None)
    add(data, outflow(member_id=m.id, person_name="钱七"))
    ob = one(judge("REL-5", data, ON))
    assert (ob.status, ob.due) == ("upcoming", D(2027, 3, 1))
    late = judge("REL-5", data, D(2027, 3, 2))
    assert statuses(late) == ["overdue"]


def test_REL_5_met_when_card_checked(data) -> None:
    add(data, outflow(end=D(2026, 11, 10), card_checked=True))
    assert statuses(judge("REL-5", data, ON)) == ["met"]


def test_REL_6_fires_for_inflow_member_not_registered(data) -> None:
    m = add_member(data, "孙八", inflow=True)
    ob = one(judge("REL-6", data, ON))
    assert ob.status == "due"
    assert m.id in ob.people


def test_REL_6_fires_without_home_organization(data) -> None:
    m = add_member(data, inflow=True)
    add(data, FlowingMember(member_id=m.id, person_name=m.name, direction="inflow", start=ON))
    assert statuses(judge("REL-6", data, ON)) == ["due"]


def test_REL_6_met_with_registered_inflow(data) -> None:
    m = add_member(data, inflow=True)
    flow = FlowingMember(
        member_id=m.id,
        person_name=m.name,
        direction="inflow",
        start=ON - dt.timedelta(days=30),
        home_org="泉州某党支部",
    )
    add(data, flow)
    assert statuses(judge("REL-6", data, ON)) == ["met"]
