"""停止党籍 (NAT-6) is one change whichever screen records it: the 失联 register's step, the
roster's 移除党员 and a 处置 case's step all take the member off the roster (reason 停止党籍,
kept as history) and mark her open 失联 record, so that the roster, dues (EDU-4, NAT-4), the
appraisal (LIFE-7) and the monthly report stop counting her. 除名 two years after the
suspension (党员教育管理工作条例 2019 §31) records her as 自行脱党 without bringing her back."""

from __future__ import annotations

from decimal import Decimal

from branchtui.domain.appraisal import appraisal_gaps
from branchtui.domain.discipline import add_step, step_warnings
from branchtui.domain.lost_contact import next_step, record_step
from branchtui.domain.profile import get_profile
from branchtui.domain.records import (
    Appraisal,
    CaseStep,
    DisciplineCase,
    DuesRate,
    LostContact,
    TravelAbroad,
)
from branchtui.domain.removal import (
    NO_GROUND_FOR_SUSPENSION,
    RemovalCheck,
    removal_changes,
    removal_check,
)
from branchtui.domain.report_monthly import monthly_report_context
from branchtui.domain.roster import count_by_status

from .conftest import D, add, add_group, add_member, add_members, judge, one

ON = D(2026, 11, 27)
PROFILE = get_profile("plan-2017")


def apply(data, changes) -> None:
    for record in (*changes.updates, *changes.inserts):
        table = data.records(record.TABLE)
        table[:] = [r for r in table if r.id != record.id] + [record]


def lost_branch(data):
    """Four members; 王颖娜 lost since 2026-04-01 (over 6 months on 2026-11-27)."""
    others = add_members(data, 3)
    lost = add_member(data, "王颖娜")
    case = add(data, LostContact(member_id=lost.id, since=D(2026, 4, 1), note="电话停机"))
    return others, lost, case


def test_suspension_from_the_register_takes_the_member_off_the_roster_in_one_change(
    data,
) -> None:
    others, lost, case = lost_branch(data)
    group = add_group(data, "第一党小组", [lost], leader_id=lost.id)
    changes = record_step(data, case, "suspend", ON)
    by_table = {r.TABLE: r for r in changes.updates}
    assert by_table["lost_contacts"].suspended == ON
    member = by_table["members"]
    assert (member.removed, member.removed_reason) == (ON, "suspended")
    assert "2026-04-01" in member.removed_note and "停止党籍" in member.removed_note
    assert by_table["groups"].id == group.id and by_table["groups"].leader_id is None
    apply(data, changes)
    assert [m.name for m in data.active_members] == [m.name for m in others]
    # NAT-6: the next step is 除名, 2 years after the suspension (not after the loss).
    step = next_step(data.find("lost_contacts", case.id), PROFILE)
    assert step is not None and (step.kind, step.due) == ("remove", D(2028, 11, 27))


def test_the_roster_and_the_register_make_the_same_change(data) -> None:
    _, lost, case = lost_branch(data)
    from_register = record_step(data, case, "suspend", ON)
    from_roster = removal_changes(data, lost, "suspended", ON, "")
    assert from_roster == from_register
    assert removal_check(data, lost, "suspended", ON, ON, PROFILE).error == ""


def test_suspended_member_owes_no_dues_no_rate_no_grade_and_the_report_counts_her_out(
    data,
) -> None:
    others, lost, case = lost_branch(data)
    for m in [*others, lost]:
        add(data, DuesRate(member_id=m.id, year=2026, amount=Decimal("10.00")))
    apply(data, record_step(data, case, "suspend", ON))
    later = D(2027, 2, 15)
    edu_4 = one(judge("EDU-4", data, later))
    assert "王颖娜" not in edu_4.detail and lost.id not in edu_4.people
    nat_4 = judge("NAT-4", data, later)
    assert all(lost.id not in o.people for o in nat_4)
    appraisal = add(data, Appraisal(year=2026))
    missing = {m.id for m in appraisal_gaps(appraisal, data.members).missing}
    assert lost.id not in missing and len(missing) == 3
    assert count_by_status(data.members, ON)["full"] == 3
    report = monthly_report_context(data, "2026-11", PROFILE, ON)
    assert report["roster"]["total"] == 3
    assert [(r["name"], r["reason"]) for r in report["changes"]["removed"]] == [
        ("王颖娜", "停止党籍")
    ]


def test_removal_two_years_later_keeps_her_off_the_roster_as_quit(data) -> None:
    _, lost, case = lost_branch(data)
    apply(data, record_step(data, case, "suspend", ON))
    suspended = data.find("lost_contacts", case.id)
    apply(data, record_step(data, suspended, "remove", D(2028, 11, 27)))
    member = data.find("members", lost.id)
    assert (member.removed, member.removed_reason) == (ON, "quit")
    assert "2028-11-27" in member.removed_note and "停止党籍" in member.removed_note
    assert data.find("lost_contacts", case.id).removed == D(2028, 11, 27)


def test_roster_suspension_needs_a_lost_contact_record_and_warns_before_six_months(
    data,
) -> None:
    member = add_member(data, "李明")
    check = removal_check(data, member, "suspended", ON, ON, PROFILE)
    assert check.error == NO_GROUND_FOR_SUSPENSION
    assert "失去联系满6个月" in check.error and "NAT-6" in check.error
    add(data, LostContact(member_id=member.id, since=D(2026, 9, 1)))
    check = removal_check(data, member, "suspended", ON, ON, PROFILE)
    assert check.error == "" and check.warning == "失联未满6个月（2027-03-01满）"
    early = removal_check(data, member, "suspended", D(2026, 8, 1), ON, PROFILE)
    assert early.error == "日期不能早于失联起始时间2026-09-01"


def test_roster_suspension_of_a_trip_abroad_with_suspension_decided(data) -> None:
    member = add_member(data, "出国者")
    add(
        data,
        TravelAbroad(
            member_id=member.id, destination="加拿大", depart=D(2026, 10, 1), decision="suspend"
        ),
    )
    assert removal_check(data, member, "suspended", ON, ON, PROFILE).error == ""
    (after,) = [r for r in removal_changes(data, member, "suspended", ON, "出国").updates]
    assert (after.removed, after.removed_reason, after.removed_note) == (ON, "suspended", "出国")


def test_roster_quit_of_a_lost_member_needs_the_suspension_first(data) -> None:
    _, lost, _ = lost_branch(data)
    check = removal_check(data, lost, "quit", ON, ON, PROFILE)
    assert check.error == "须先停止党籍，满2年仍无联系的才能除名"


def test_roster_quit_without_six_months_of_lapse_is_warned_with_nat_5(data) -> None:
    member = add_member(data, "新党员", joined=D(2026, 9, 1), full_date=None, status="probationary")
    check = removal_check(data, member, "quit", ON, ON, PROFILE)
    assert check == RemovalCheck(
        warning="按自行脱党处理须连续6个月未尽党员义务，新党员目前最长连续2个月（NAT-5）"
    )


def test_roster_quit_of_a_member_with_an_open_case_closes_the_case(data) -> None:
    member = add_member(data, "处置对象")
    case = add(
        data, DisciplineCase(member_id=member.id, opened=D(2026, 6, 1), reason="连续6个月未交党费")
    )
    check = removal_check(data, member, "quit", ON, ON, PROFILE)
    assert check.warning.startswith("将作为处置步骤记入该党员的不合格党员处置案件")
    changes = removal_changes(data, member, "quit", ON, "经教育仍不改正")
    by_table = {r.TABLE: r for r in changes.updates}
    assert by_table["discipline_cases"].closed == ON
    assert by_table["discipline_cases"].steps[-1].note == "经教育仍不改正"
    assert by_table["members"].removed_reason == "quit"
    assert case.closed is None  # the data read is not changed in place


def test_a_case_step_of_suspension_takes_the_member_off_the_roster_and_keeps_the_case_open(
    data,
) -> None:
    member = add_member(data, "处置对象")
    case = add(data, DisciplineCase(member_id=member.id, opened=D(2026, 6, 1), reason="不合格"))
    step = CaseStep(step="suspend", date=ON)
    assert "从党员名册移出（停止党籍）" in step_warnings(data, case, step, PROFILE)["step"]
    by_table = {r.TABLE: r for r in add_step(data, case, step).updates}
    assert by_table["discipline_cases"].closed is None
    assert (by_table["members"].removed, by_table["members"].removed_reason) == (ON, "suspended")


def test_the_report_of_the_removal_month_says_the_removal_and_keeps_the_suspension_reason(
    data,
) -> None:
    _, _lost, case = lost_branch(data)
    apply(data, record_step(data, case, "suspend", ON))
    apply(data, record_step(data, data.find("lost_contacts", case.id), "remove", D(2028, 11, 27)))
    then = monthly_report_context(data, "2026-11", PROFILE, D(2028, 12, 5))["changes"]
    assert [(r["name"], r["reason"]) for r in then["removed"]] == [("王颖娜", "停止党籍")]
    later = monthly_report_context(data, "2028-11", PROFILE, D(2028, 12, 5))["changes"]
    assert later["removed"] == []
    assert [(r["name"], r["date"], r["suspended"]) for r in later["quit_after_suspension"]] == [
        ("王颖娜", D(2028, 11, 27), ON)
    ]


def test_found_after_the_suspension_keeps_her_off_the_roster_and_says_how_she_comes_back(
    data,
) -> None:
    from branchtui.domain.lost_contact import found_note, record_found

    _, lost, case = lost_branch(data)
    assert found_note(case) == "已记录恢复联系，保留为历史"
    apply(data, record_step(data, case, "suspend", ON))
    suspended = data.find("lost_contacts", case.id)
    apply(data, record_found(suspended, D(2027, 3, 1)))
    assert data.find("members", lost.id).removed == ON  # restoring is a decision, not a find
    note = found_note(suspended)
    assert note.startswith("已记录恢复联系；该党员已于2026-11-27停止党籍，仍不在名册中")
    assert "报上级党委批准" in note
