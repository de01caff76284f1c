"""停止党籍 of a 因私出国（境） trip (REL-3) and 恢复党籍.

The plan: 出国（境）前应办理保留或停止党籍审批手续 — the decision is for the time abroad, so the
member leaves the roster on the day she leaves, in the same commit as the trip once she has left
(a trip registered ahead is recorded on its day, and REL-3 says so until it is). Coming back does
not restore membership: 本人申请、支部大会讨论、上级党委批准 are recorded, and she is back on the
roster from the day restored — dues (EDU-4), organizational life and the appraisal count her
again from that day, never for the months she was suspended."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from branchtui.domain.abroad import suspend_abroad, travel_changes, travel_note, trip_state
from branchtui.domain.appraisal import appraisal_gaps
from branchtui.domain.attendance import member_on
from branchtui.domain.dues import unpaid_months
from branchtui.domain.lost_contact import next_step, record_step
from branchtui.domain.profile import get_profile
from branchtui.domain.records import (
    Appraisal,
    DuesRate,
    LostContact,
    MembershipRestoration,
    TravelAbroad,
)
from branchtui.domain.report_monthly import monthly_report_context
from branchtui.domain.restoration import restoration_problems, restore_membership
from branchtui.domain.roster import count_by_status
from branchtui.domain.validation import validate
from branchtui.storage.reports import render_monthly, render_year
from branchtui.storage.store import Store

from .conftest import D, add, add_member, add_members, judge

ON = D(2026, 11, 27)
PROFILE = get_profile("plan-2017")


def apply(data, changes) -> None:
    for record in (*changes.updates, *changes.inserts):
        table = data.records(record.TABLE)
        table[:] = [r for r in table if r.id != record.id] + [record]


def trip(member, depart, decision="suspend") -> TravelAbroad:
    return TravelAbroad(
        member_id=member.id,
        destination="澳大利亚",
        depart=depart,
        decision=decision,
        approved=D(2026, 9, 1),
        approval_ref="党委〔2026〕8号",
    )


def test_a_departed_trip_with_suspension_takes_her_off_the_roster_in_the_same_commit(
    data,
) -> None:
    add_members(data, 2)
    wang = add_member(data, "王颖娜")
    going = trip(wang, D(2026, 10, 1))
    changes = travel_changes(data, None, going, ON)
    assert going in changes.inserts
    (member,) = [r for r in changes.updates if r.TABLE == "members"]
    assert (member.removed, member.removed_reason) == (D(2026, 10, 1), "suspended")
    assert member.removed_note == "因私出国（境）赴澳大利亚，出境期间停止党籍（党委〔2026〕8号）"
    assert "保存后该党员自出境之日（2026-10-01）起停止党籍" in travel_note(data, going, ON)
    apply(data, changes)
    assert count_by_status(data.members, ON)["full"] == 2
    assert not [o for o in judge("REL-3", data, ON) if o.status != "met"]


def test_keeping_membership_changes_nothing_on_the_roster(data) -> None:
    wang = add_member(data, "王颖娜")
    keeping = trip(wang, D(2026, 10, 1), decision="keep")
    changes = travel_changes(data, None, keeping, ON)
    assert changes.updates == () and travel_note(data, keeping, ON) == ""


def test_a_trip_ahead_is_recorded_on_its_day_and_rel_3_says_so_until_it_is(data) -> None:
    wang = add_member(data, "王颖娜")
    going = trip(wang, D(2026, 12, 10))
    assert [r.TABLE for r in travel_changes(data, None, going, ON).updates] == []
    assert "出境后按 s 记录" in travel_note(data, going, ON)
    add(data, going)
    assert not [o for o in judge("REL-3", data, ON) if o.status != "met"]
    later = D(2026, 12, 12)
    (due,) = [o for o in judge("REL-3", data, later) if o.status == "due"]
    assert "王颖娜已于2026-12-10出境" in due.detail and "尚未移出党员名册" in due.detail
    assert due.refs == (going.id,) and due.people == (wang.id,)
    apply(data, suspend_abroad(data, going))
    assert wang.id not in {m.id for m in data.active_members}
    assert data.find("members", wang.id).removed == D(2026, 12, 10)
    assert not [o for o in judge("REL-3", data, later) if o.status == "due"]


def restoration(member, restored, **fields) -> MembershipRestoration:
    values = {
        "member_id": member.id,
        "applied": D(2027, 2, 1),
        "meeting": D(2027, 2, 20),
        "approved": D(2027, 3, 5),
        "approval_ref": "党委〔2027〕3号",
        "restored": restored,
    }
    return MembershipRestoration(**{**values, **fields})


def test_restored_she_counts_again_from_that_day_and_not_for_the_months_suspended(data) -> None:
    others = add_members(data, 2)
    wang = add_member(data, "王颖娜")
    for m in [*others, wang]:
        for year in (2026, 2027):
            add(data, DuesRate(member_id=m.id, year=year, amount=Decimal("10.00")))
    going = add(data, trip(wang, D(2026, 10, 1)))
    apply(data, suspend_abroad(data, going))
    back = restoration(wang, D(2027, 3, 10))
    today = D(2027, 3, 12)
    assert restoration_problems(data, back) == {}
    assert validate(back, today) == {}
    changes = restore_membership(data, back)
    (saved,) = changes.inserts
    assert saved.suspended == D(2026, 10, 1)  # the suspension day is kept on the record
    apply(data, changes)
    member = data.find("members", wang.id)
    assert (member.removed, member.removed_reason, member.arrived) == (None, "", D(2027, 3, 10))
    assert wang.id in {m.id for m in data.active_members}
    # Organizational life: expected from the day restored, not the day before.
    assert not member_on(member, D(2027, 3, 9)) and member_on(member, D(2027, 3, 10))
    # Dues: March 2027 on, never the months she was suspended.
    assert unpaid_months(member, data, D(2027, 6, 1)) == ["2027-03", "2027-04", "2027-05"]
    edu_4 = judge("EDU-4", data, D(2027, 6, 1))
    assert any(wang.id in o.people for o in edu_4)
    # The appraisal of 2027 counts her; she was not a member when 2026's was held.
    missing = {m.id for m in appraisal_gaps(add(data, Appraisal(year=2027)), data.members).missing}
    assert wang.id in missing
    assert count_by_status(data.members, D(2027, 3, 12))["full"] == 3


def test_restoration_needs_a_suspended_member_and_a_day_after_the_suspension(data) -> None:
    wang = add_member(data, "王颖娜")
    assert restoration_problems(data, restoration(wang, D(2027, 3, 10))) == {
        "member_id": "该党员不是停止党籍的党员，无需恢复党籍"
    }
    going = add(data, trip(wang, D(2026, 10, 1)))
    apply(data, suspend_abroad(data, going))
    early = restoration(wang, D(2026, 10, 1))
    assert restoration_problems(data, early) == {
        "restored": "恢复党籍时间应晚于停止党籍时间2026-10-01"
    }
    unordered = restoration(wang, D(2027, 3, 10), meeting=D(2027, 1, 5))
    assert validate(unordered, D(2027, 3, 12))["meeting"] == "大会讨论时间不能早于本人申请时间"


def test_restoring_a_lost_member_closes_her_lost_contact_record(data) -> None:
    lost = add_member(data, "周敏")
    case = add(data, LostContact(member_id=lost.id, since=D(2026, 1, 1)))
    apply(data, record_step(data, case, "suspend", D(2026, 8, 1)))
    apply(data, restore_membership(data, restoration(lost, D(2027, 3, 10))))
    closed = data.find("lost_contacts", case.id)
    assert closed.found == D(2027, 3, 10) and next_step(closed, PROFILE) is None
    assert data.find("members", lost.id).removed is None


def test_once_restored_her_trip_asks_nothing_more(data) -> None:
    wang = add_member(data, "王颖娜")
    going = add(data, trip(wang, D(2026, 10, 1)))
    apply(data, suspend_abroad(data, going))
    apply(data, restore_membership(data, restoration(wang, D(2027, 3, 10))))
    later = D(2027, 4, 1)
    assert not [o for o in judge("REL-3", data, later) if o.status == "due"]
    assert trip_state(data, going, later) == "停止党籍：已于2027-03-10恢复党籍"
    assert travel_changes(data, going, going, later).updates == (going,)


def test_a_restoration_typed_without_its_day_yet_is_left_to_validation(data) -> None:
    wang = add_member(data, "王颖娜")
    apply(data, suspend_abroad(data, add(data, trip(wang, D(2026, 10, 1)))))
    typing = dataclasses.replace(restoration(wang, D(2027, 3, 10)), restored=None)
    assert restoration_problems(data, typing) == {}
    assert validate(typing, D(2027, 3, 12))["restored"] == "请填写恢复党籍时间"


def test_a_trip_typed_without_its_departure_yet_says_nothing(data) -> None:
    wang = add_member(data, "王颖娜")
    typing = dataclasses.replace(trip(wang, D(2026, 10, 1)), depart=None)
    assert travel_note(data, typing, ON) == ""


def test_the_reports_keep_the_suspension_and_say_the_restoration(data, data_dir) -> None:
    """Once restored she no longer holds the suspension: the month she left still says 减少党员
    （停止党籍）, the month she came back says 恢复党籍, and the year counts both."""
    add_members(data, 2)
    wang = add_member(data, "王颖娜")
    apply(data, suspend_abroad(data, add(data, trip(wang, D(2026, 10, 1)))))
    apply(data, restore_membership(data, restoration(wang, D(2027, 3, 10))))
    later = D(2027, 4, 5)
    october = monthly_report_context(data, "2026-10", PROFILE, later)["changes"]
    assert [(r["name"], r["reason"]) for r in october["removed"]] == [("王颖娜", "停止党籍")]
    march = monthly_report_context(data, "2027-03", PROFILE, later)["changes"]
    assert [(r["name"], r["date"], r["suspended"]) for r in march["restored"]] == [
        ("王颖娜", D(2027, 3, 10), D(2026, 10, 1))
    ]
    Store.open(data_dir, create=True).replace_all(data)
    text = render_monthly(Store.open(data_dir), "2027-03", later)
    assert "- 恢复党籍：王颖娜（2027年3月10日；2026年10月1日停止党籍）" in text
    year = render_year(Store.open(data_dir), 2027, later)
    assert "其他减少 0 名，恢复党籍 1 名。" in year


def test_correcting_the_trip_corrects_the_roster_with_it(data) -> None:
    """停止党籍 entered by mistake: 保留党籍 puts her back on the roster in the same save; another
    day of departure moves the day she left."""
    wang = add_member(data, "王颖娜")
    going = add(data, trip(wang, D(2026, 10, 1)))
    apply(data, suspend_abroad(data, going))
    later_day = dataclasses.replace(going, depart=D(2026, 10, 8))
    assert "移出时间随之改为出境之日（2026-10-08）" in travel_note(data, later_day, ON)
    (_, moved) = travel_changes(data, going, later_day, ON).updates
    assert (moved.removed, moved.removed_reason) == (D(2026, 10, 8), "suspended")
    keeping = dataclasses.replace(going, decision="keep")
    assert "改为保留党籍，保存后重新列入名册" in travel_note(data, keeping, ON)
    changes = travel_changes(data, going, keeping, ON)
    assert changes.updates[0] == keeping
    (back,) = changes.updates[1:]
    assert (back.removed, back.removed_reason) == (None, "")
    apply(data, changes)
    assert wang.id in {m.id for m in data.active_members}
