"""REL-1…6 decisions on one case (domain/relations.py): the instrument at the 3 and 6 month
boundaries, the 回执 warning, the 6-month no-contact warning, the late approval, the
report-back, and what recording a transfer does to the roster in one set of changes."""

from __future__ import annotations

import dataclasses

import pytest

from branchtui.domain.profile import NATIONAL, PLAN_2017
from branchtui.domain.records import FlowingMember, Member, Transfer, TravelAbroad
from branchtui.domain.relations import (
    instrument_advice,
    instrument_fits,
    proposed_instrument,
    receipt_due,
    transfer_in,
    transfer_out,
    travel_approval_problem,
)

from .conftest import D, add, add_group, add_member, judge, one, statuses

ON = D(2026, 11, 27)


@pytest.mark.parametrize(
    ("months", "fixed", "proof", "expected"),
    [
        (1, True, False, "none"),
        (3, True, False, "none"),  # 3 months or less: no certificate …
        (3, False, False, "none"),  # … wherever it is
        (3, True, True, "certificate_letter"),  # … unless membership must be proved there
        (4, True, False, "certificate_letter"),
        (6, True, False, "certificate_letter"),  # 6 months or less: a 党员证明信
        (7, True, False, "relation_transfer"),  # more than 6 months at a fixed place
        (24, True, False, "relation_transfer"),
        (7, False, False, "flow_card"),  # place not fixed
        (5, None, False, "flow_card"),  # place unknown
        (None, True, False, "flow_card"),  # time unknown
    ],
)
def test_REL_1_instrument_at_the_boundaries(
    months: int | None, fixed: bool | None, proof: bool, expected: str
) -> None:
    for profile in (PLAN_2017, NATIONAL):
        assert proposed_instrument(months, fixed, profile, needs_proof=proof) == expected


def test_REL_1_boundaries_follow_the_profile() -> None:
    longer = dataclasses.replace(PLAN_2017, transfer_over_months=12, no_certificate_max_months=1)
    assert proposed_instrument(7, True, longer) == "certificate_letter"
    assert proposed_instrument(13, True, longer) == "relation_transfer"
    assert proposed_instrument(2, True, longer) == "certificate_letter"
    instrument, why = instrument_advice(7, True, PLAN_2017)
    assert instrument == "relation_transfer" and "超过6个月" in why


def out(member: Member | None = None, **fields: object) -> Transfer:
    values: dict[str, object] = {
        "member_id": member.id if member else None,
        "person_name": member.name if member else "张三",
        "direction": "out",
        "instrument": "relation_transfer",
        "date": D(2026, 10, 8),
        "platform_ref": "EJ2026",
        "months_away": 12,
        "place_fixed": True,
    }
    values.update(fields)
    return Transfer(**values)  # type: ignore[arg-type]


def test_REL_1_a_short_trip_may_carry_a_letter_but_a_long_one_must_transfer() -> None:
    assert instrument_fits(out(months_away=2, instrument="certificate_letter"), PLAN_2017)
    assert instrument_fits(out(months_away=2, instrument="none"), PLAN_2017)
    assert not instrument_fits(out(months_away=12, instrument="certificate_letter"), PLAN_2017)
    assert instrument_fits(out(direction="in", instrument="none"), PLAN_2017)


def test_REL_2_warns_when_the_receipt_is_not_back_after_the_profiles_days(data) -> None:
    m = add_member(data, "王五", removed=D(2026, 10, 8), removed_reason="transferred_out")
    sent = D(2026, 10, 8)
    transfer = add(data, out(m, letter_sent=sent))
    assert receipt_due(transfer, PLAN_2017) == D(2026, 11, 7)  # 30 days
    assert statuses(judge("REL-2", data, D(2026, 11, 7))) == ["met"]  # the 30th day: not yet
    ob = one(judge("REL-2", data, D(2026, 11, 8)))
    assert (ob.status, ob.refs) == ("warning", (transfer.id,))
    assert "回执尚未退回" in ob.detail and "王五" in ob.detail
    shorter = dataclasses.replace(PLAN_2017, transfer_receipt_days=10)
    assert statuses(judge("REL-2", data, D(2026, 10, 19), shorter)) == ["warning"]
    transfer.receipt_returned = D(2026, 11, 20)
    assert statuses(judge("REL-2", data, ON)) == ["met"]


def test_REL_2_no_receipt_is_awaited_for_a_letter_of_proof_or_without_a_letter(data) -> None:
    add(data, out(letter_sent=None))
    add(data, out(instrument="certificate_letter", months_away=5, letter_sent=D(2026, 1, 5)))
    assert statuses(judge("REL-2", data, ON)) == ["met"]


def test_REL_3_approval_after_departure_is_a_warning_while_away(data) -> None:
    m = add_member(data, "赵六")
    trip = TravelAbroad(
        member_id=m.id,
        destination="日本",
        depart=D(2026, 11, 20),
        decision="keep",
        approved=D(2026, 11, 22),
    )
    assert travel_approval_problem(trip) == (
        "late",
        "审批时间晚于出境时间：党籍审批应在出境前办理",
    )
    add(data, trip)
    assert statuses(judge("REL-3", data, ON)) == ["warning"]
    trip.return_date = D(2026, 11, 25)
    assert statuses(judge("REL-3", data, ON)) == ["met"]
    kind, message = travel_approval_problem(dataclasses.replace(trip, decision="")) or ("", "")
    assert kind == "missing" and "保留或停止党籍" in message


def outflow(**fields: object) -> FlowingMember:
    values: dict[str, object] = {
        "person_name": "李四",
        "direction": "outflow",
        "place": "深圳",
        "start": D(2025, 9, 1),
        "card_number": "LD-0001",
        "contact_person_id": "c1",
        "contact_info": "13800000000",
    }
    values.update(fields)
    return FlowingMember(**values)  # type: ignore[arg-type]


def test_REL_4_no_contact_for_six_months_is_a_warning_from_the_day_they_are_full(data) -> None:
    flow = add(data, outflow(last_contact=D(2026, 5, 28)))
    assert statuses(judge("REL-4", data, D(2026, 11, 27))) == ["met"]
    ob = one(judge("REL-4", data, D(2026, 11, 28)))
    assert (ob.status, ob.due, ob.refs) == ("warning", D(2026, 11, 28), (flow.id,))
    assert "6个月以上未联系" in ob.detail
    flow.last_contact = D(2026, 11, 20)
    assert statuses(judge("REL-4", data, D(2026, 11, 28))) == ["met"]


def test_REL_4_without_any_contact_counts_from_the_start(data) -> None:
    add(data, outflow(start=D(2026, 5, 27), last_contact=None))
    assert statuses(judge("REL-4", data, ON)) == ["warning"]


def test_REL_6_the_report_back_to_the_home_organization_is_owed_every_half_year(data) -> None:
    m = add_member(data, "孙八", inflow=True)
    flow = add(
        data,
        FlowingMember(
            member_id=m.id,
            person_name=m.name,
            direction="inflow",
            start=D(2026, 3, 1),
            home_org="泉州某党支部",
        ),
    )
    ob = one(judge("REL-6", data, ON))
    assert (ob.status, ob.due) == ("warning", D(2026, 9, 1))
    assert "未向流出地党组织反馈" in ob.detail
    flow.reported_back = D(2026, 10, 1)
    assert statuses(judge("REL-6", data, ON)) == ["met"]


def test_a_relation_transferred_out_leaves_the_roster_with_history_in_the_same_changes(
    data,
) -> None:
    leader = add_member(data, "王五")
    group = add_group(data, "第一党小组", [leader], leader_id=leader.id)
    transfer = out(leader, other_org="中共某公司支部", date=D(2026, 11, 20))
    changes = transfer_out(data, transfer)
    assert changes.inserts == (transfer,)
    updated = {type(r).__name__: r for r in changes.updates}
    member = updated["Member"]
    assert (member.removed, member.removed_reason) == (D(2026, 11, 20), "transferred_out")
    assert member.removed_note == "转往中共某公司支部"
    assert updated["PartyGroup"].id == group.id and updated["PartyGroup"].leader_id is None


def test_a_flow_card_registers_the_member_as_flowing_out_and_keeps_them_on_the_roster(
    data,
) -> None:
    m = add_member(data, "李四")
    transfer = out(m, instrument="flow_card", months_away=None, place_fixed=None, other_org="深圳")
    changes = transfer_out(data, transfer, card_number="LD-7")
    assert changes.updates == ()
    flow = changes.inserts[1]
    assert isinstance(flow, FlowingMember)
    assert (flow.member_id, flow.direction, flow.card_number, flow.place, flow.start) == (
        m.id,
        "outflow",
        "LD-7",
        "深圳",
        transfer.date,
    )


def test_a_letter_of_proof_changes_nothing_on_the_roster(data) -> None:
    m = add_member(data)
    changes = transfer_out(data, out(m, instrument="certificate_letter", months_away=4))
    assert len(changes.inserts) == 1 and changes.updates == ()


def test_transfer_in_adds_a_new_member_arrived_on_the_date(data) -> None:
    newcomer = Member(name="周卫东", joined=D(2010, 7, 1))
    transfer = Transfer(
        person_name="", direction="in", instrument="relation_transfer", date=D(2026, 11, 2)
    )
    changes = transfer_in(data, transfer, newcomer)
    saved_transfer, member = changes.inserts
    assert isinstance(member, Member) and member.arrived == D(2026, 11, 2)
    assert (saved_transfer.member_id, saved_transfer.person_name) == (newcomer.id, "周卫东")


def test_transfer_in_brings_a_former_member_back(data) -> None:
    former = add_member(data, "吴刚", removed=D(2024, 5, 1), removed_reason="transferred_out")
    transfer = Transfer(
        person_name="吴刚", direction="in", instrument="relation_transfer", date=D(2026, 11, 2)
    )
    changes = transfer_in(data, transfer, former)
    (back,) = changes.updates
    assert back.id == former.id and back.removed is None and back.removed_reason == ""
    assert back.arrived == D(2026, 11, 2)
