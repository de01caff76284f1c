"""The education area's domain functions at their boundaries: EDU-1's 12 days, EDU-7's 3
months absent, NAT-6's 6 months and 2 years, NAT-5's 3 and 6 months, and the exits of EDU-8
and NAT-6 that take a member off the roster with history in the same change."""

from __future__ import annotations

from decimal import Decimal

import pytest

from branchtui.domain.attendance_overview import attendance_overview
from branchtui.domain.discipline import (
    add_step,
    close_problems,
    last_step,
    step_problems,
    step_warnings,
)
from branchtui.domain.lapse import followed_up, lapse_of, lapses
from branchtui.domain.lost_contact import (
    early_note,
    next_step,
    record_found,
    record_step,
    step_problem,
)
from branchtui.domain.profile import get_profile
from branchtui.domain.records import (
    CaseStep,
    DisciplineCase,
    DuesPayment,
    LostContact,
    StudySession,
)
from branchtui.domain.study import format_days, study_year

from .conftest import D, add, add_group, add_meeting, add_member, add_members, judge, one

ON = D(2026, 11, 27)
PROFILE = get_profile("plan-2017")


# EDU-1: 12 days ----------------------------------------------------------------------------


def test_study_year_is_met_at_12_days_not_at_11_75(data) -> None:
    add(data, StudySession(date=D(2026, 3, 1), days=11.75, topic="党章"))
    short = study_year(data, 2026, ON, PROFILE)
    assert (short.total, short.met, short.missing) == (11.75, False, 0.25)
    add(data, StudySession(date=D(2026, 11, 20), days=0.25, topic="补学"))
    assert study_year(data, 2026, ON, PROFILE).met
    assert one(judge("EDU-1", data, ON), "2026").status == "met"


def test_study_year_counts_meeting_hours_once_and_not_after_the_day(data) -> None:
    linked = add_meeting(data, "theme_day", D(2026, 5, 6), study_hours=8)
    counted = add_meeting(data, "theme_day", D(2026, 6, 3), study_hours=4)
    add_meeting(data, "theme_day", D(2026, 12, 2), study_hours=8)  # after today
    add(data, StudySession(date=D(2026, 5, 6), days=1, topic="专题", meeting_id=linked.id))
    year = study_year(data, 2026, ON, PROFILE)
    assert [m.id for m in year.meetings] == [counted.id]  # the linked one counts as the session
    assert (year.session_days, year.meeting_days, year.total) == (1, 0.5, 1.5)
    assert "集中学习1.5天" in one(judge("EDU-1", data, ON), "2026").detail


def test_days_are_written_without_trailing_zeros() -> None:
    assert [format_days(v) for v in (12.0, 10.5, 0.1 + 0.2)] == ["12", "10.5", "0.3"]


# EDU-7: 3 months absent --------------------------------------------------------------------


def absent_months(data, months):
    present, away = add_members(data, 2)
    for month in months:
        add_meeting(data, "theme_day", D(2026, month, 2), attendees=[present], absent=[away])
    return present, away


def test_two_months_absent_is_not_flagged_three_are(data) -> None:
    present, away = absent_months(data, (10, 11))
    rows = {r.member.id: r for r in attendance_overview(data, 2026, ON, PROFILE)}
    assert (rows[away.id].streak, rows[away.id].flagged) == (2, False)
    add_meeting(data, "theme_day", D(2026, 9, 2), attendees=[present], absent=[away])
    rows = attendance_overview(data, 2026, ON, PROFILE)
    assert rows[0].member.id == away.id  # flagged first
    assert (rows[0].streak, rows[0].flagged, rows[0].rate_text) == (3, True, "0%")
    assert rows[1].rate_text == "100%"


def test_a_past_year_flags_nobody(data) -> None:
    absent_months(data, (9, 10, 11))
    assert not any(r.flagged for r in attendance_overview(data, 2026, D(2027, 3, 1), PROFILE))


def test_EDU_7_is_met_once_the_absent_member_is_followed_up(data) -> None:
    _, away = absent_months(data, (9, 10, 11))
    assert one(judge("EDU-7", data, ON)).status == "warning"
    add(data, LostContact(member_id=away.id, since=D(2026, 9, 1)))
    ob = one(judge("EDU-7", data, ON))
    assert ob.status == "met"
    assert "已登记失联" in ob.detail and ob.people == (away.id,)
    assert attendance_overview(data, 2026, ON, PROFILE)[0].follow_up == "已登记失联"


# NAT-6: 6 months, then 2 years -------------------------------------------------------------


def test_suspension_is_due_on_the_day_six_months_are_full(data) -> None:
    m = add_member(data)
    case = add(data, LostContact(member_id=m.id, since=D(2026, 5, 27)))
    step = next_step(case, PROFILE)
    assert step is not None and (step.kind, step.due) == ("suspend", D(2026, 11, 27))
    assert one(judge("NAT-6", data, ON)).status == "overdue"
    assert one(judge("NAT-6", data, D(2026, 11, 26))).status == "upcoming"
    assert early_note(case, "suspend", D(2026, 11, 26), PROFILE) == (
        "失联未满6个月（2026-11-27满）"
    )
    assert early_note(case, "suspend", ON, PROFILE) == ""


def test_removal_is_due_two_years_after_the_suspension(data) -> None:
    m = add_member(data)
    case = add(data, LostContact(member_id=m.id, since=D(2024, 1, 1), suspended=D(2024, 11, 27)))
    step = next_step(case, PROFILE)
    assert step is not None and (step.kind, step.due) == ("remove", D(2026, 11, 27))
    assert one(judge("NAT-6", data, ON)).status == "overdue"
    assert early_note(case, "remove", D(2026, 11, 26), PROFILE).startswith("停止党籍未满2年")


def test_recording_suspension_then_removal_takes_the_member_off_the_roster(data) -> None:
    m = add_member(data)
    group = add_group(data, "第一党小组", [m], leader_id=m.id)
    case = add(data, LostContact(member_id=m.id, since=D(2024, 1, 1)))
    assert step_problem(case, "remove", ON, ON) == "须先停止党籍，满2年仍无联系的才能除名"
    suspended, member_suspended, group_after = record_step(
        data, case, "suspend", D(2024, 7, 1)
    ).updates
    assert suspended.suspended == D(2024, 7, 1)
    # 停止党籍 takes her off the roster (no organizational life, no dues), kept as history.
    assert (member_suspended.removed, member_suspended.removed_reason) == (
        D(2024, 7, 1),
        "suspended",
    )
    assert group_after.id == group.id and group_after.leader_id is None
    assert step_problem(suspended, "suspend", ON, ON) == "已于2024-07-01停止党籍"
    data.lost_contacts[:] = [suspended]
    data.members[:] = [member_suspended]
    changes = record_step(data, suspended, "remove", ON)
    case_after, member_after = changes.updates
    assert case_after.removed == ON
    # She left the roster on the day of the suspension; 除名 makes it 自行脱党.
    assert (member_after.removed, member_after.removed_reason) == (D(2024, 7, 1), "quit")
    assert "按自行脱党除名" in member_after.removed_note
    assert next_step(case_after, PROFILE) is None


def test_steps_are_refused_before_the_loss_in_the_future_and_once_found(data) -> None:
    m = add_member(data)
    case = add(data, LostContact(member_id=m.id, since=D(2026, 3, 1)))
    assert "早于失联起始时间" in step_problem(case, "suspend", D(2026, 2, 1), ON)
    assert step_problem(case, "found", D(2026, 12, 1), ON) == "日期不能晚于今天"
    (found,) = record_found(case, D(2026, 6, 1)).updates
    assert step_problem(found, "suspend", ON, ON).startswith("该党员已恢复联系")
    assert next_step(found, PROFILE) is None


# NAT-5: warning at 3, due at 6 -------------------------------------------------------------


def paid_until(data, member, last_month: int) -> None:
    for month in range(1, last_month + 1):
        add(
            data,
            DuesPayment(member_id=member.id, month=f"2026-{month:02d}", amount=Decimal(1), paid=ON),
        )


@pytest.mark.parametrize(
    ("last_paid", "months", "level"),
    [(8, 2, None), (7, 3, "warning"), (5, 5, "warning"), (4, 6, "due")],
)
def test_lapse_levels_at_three_and_six_unpaid_months(data, last_paid, months, level) -> None:
    m = add_member(data, joined=D(2026, 1, 1))
    paid_until(data, m, last_paid)
    lapse = lapse_of(m, data, ON, PROFILE)
    assert (lapse.dues_months, lapse.level) == (months, level)
    assert [x.member_id for x in lapses(data, ON, PROFILE)] == ([m.id] if level else [])


def test_an_open_case_moves_the_member_from_NAT_5_to_EDU_8(data) -> None:
    m = add_member(data, "欠费者", joined=D(2026, 1, 1))
    paid_until(data, m, 4)
    assert one(judge("NAT-5", data, ON)).status == "due"
    (lapse,) = lapses(data, ON, PROFILE)
    assert lapse.case_reason == "连续6个月未交党费（NAT-5）"
    add(data, DisciplineCase(member_id=m.id, opened=ON, reason=lapse.case_reason))
    assert followed_up(data) == {m.id: "处置中"}
    ob = one(judge("NAT-5", data, ON))
    assert ob.status == "met" and "欠费者（处置中）" in ob.detail
    assert one(judge("EDU-8", data, ON)).status == "due"  # the case has no step yet


# EDU-8: steps and exits --------------------------------------------------------------------


def test_an_exit_step_closes_the_case_and_removes_the_member(data) -> None:
    m = add_member(data)
    case = add(
        data, DisciplineCase(member_id=m.id, opened=D(2026, 6, 1), reason="连续6个月未交党费")
    )
    (talked,) = add_step(data, case, CaseStep(step="talk", date=D(2026, 6, 5))).updates
    assert talked.closed is None and m.removed is None
    assert step_problems(talked, CaseStep(step="talk", date=D(2026, 5, 1))) == {
        "date": "步骤日期不能早于立案时间2026-06-01"
    }
    changes = add_step(data, talked, CaseStep(step="quit", date=D(2026, 11, 20)))
    closed, member = changes.updates
    assert closed.closed == D(2026, 11, 20)
    assert closed.outcome == "2026-11-20自行脱党，已从党员名册移出"
    assert (member.removed, member.removed_reason) == (D(2026, 11, 20), "quit")
    assert member.removed_note == "自行脱党：连续6个月未交党费"
    assert last_step(closed).step == "quit"
    assert close_problems(closed) == {}
    data.tables["discipline_cases"][0] = closed
    data.tables["members"][0] = member
    assert one(judge("EDU-8", data, ON)).status == "met"


def test_expelling_keeps_a_written_outcome_and_closing_needs_one(data) -> None:
    m = add_member(data)
    case = DisciplineCase(
        member_id=m.id, opened=D(2026, 6, 1), reason="严重违纪", outcome="经支部大会讨论"
    )
    closed, member = add_step(data, case, CaseStep(step="expel", date=D(2026, 7, 1))).updates
    assert closed.outcome == "经支部大会讨论" and member.removed_reason == "expelled"
    assert close_problems(case) == {"closed": "请填写结案时间"}
    assert "outcome" in close_problems(DisciplineCase(member_id=m.id, opened=ON, reason="x"))


def test_quitting_before_six_months_is_warned_not_refused(data) -> None:
    m = add_member(data, "欠费者", joined=D(2026, 1, 1))
    paid_until(data, m, 7)  # 3 months unpaid
    case = DisciplineCase(member_id=m.id, opened=ON, reason="欠费")
    quit_step = CaseStep(step="quit", date=ON)
    warned = step_warnings(data, case, quit_step, PROFILE)["step"]
    assert warned.startswith("按自行脱党处理须连续6个月未尽党员义务，欠费者目前最长连续3个月")
    assert step_problems(case, quit_step) == {}
    paid_until_six = add_member(data, "久欠者", joined=D(2026, 1, 1))
    paid_until(data, paid_until_six, 4)
    late = DisciplineCase(member_id=paid_until_six.id, opened=ON, reason="欠费")
    assert step_warnings(data, late, quit_step, PROFILE) == {
        "step": "保存后将结案，并将久欠者从党员名册移出（自行脱党）"
    }
    assert step_warnings(data, late, CaseStep(step="talk", date=ON), PROFILE) == {}
