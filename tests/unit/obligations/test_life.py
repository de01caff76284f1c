"""LIFE rules: 三会一课, 主题党日, 组织生活会, 民主评议, leaders, combined records."""

from __future__ import annotations

import datetime as dt

import pytest

from branchtui.domain.records import Appraisal, AppraisalResult, Lecture, Member
from tests.unit.obligations.conftest import (
    add,
    add_committee,
    add_group,
    add_meeting,
    add_member,
    add_members,
    judge,
    make_data,
    one,
)

D = dt.date
ON = D(2026, 11, 27)


def test_life1_general_meeting_on_the_quarters_last_day_meets_it() -> None:
    data = make_data()
    add_meeting(data, "general_meeting", D(2026, 9, 30))
    obs = judge("LIFE-1", data, D(2026, 10, 1))
    assert one(obs, "2026-Q3").status == "met"
    assert one(obs, "2026-Q2").status == "overdue"
    assert one(obs, "2026-Q4").status == "due"


def test_life1_no_overdue_before_the_branch_existed() -> None:
    data = make_data(created=D(2026, 8, 15))
    obs = judge("LIFE-1", data, ON)
    assert [o.period for o in obs] == ["2026-Q3", "2026-Q4"]
    assert [o.status for o in obs] == ["overdue", "due"]


def test_life2_committee_meeting_each_month() -> None:
    data = make_data(created=D(2026, 9, 1))
    add_meeting(data, "committee_meeting", D(2026, 9, 8))
    add_meeting(data, "committee_meeting", D(2026, 11, 3))
    obs = judge("LIFE-2", data, ON)
    assert {o.period: o.status for o in obs} == {
        "2026-09": "met",
        "2026-10": "overdue",
        "2026-11": "met",
    }


def test_life2_a_meeting_after_the_date_does_not_count() -> None:
    data = make_data(created=D(2026, 11, 1))
    add_meeting(data, "committee_meeting", D(2026, 11, 28))
    assert one(judge("LIFE-2", data, ON)).status == "due"


def test_life3_each_group_needs_its_own_meeting() -> None:
    data = make_data(created=D(2026, 11, 1))
    ms = add_members(data, 20)
    first = add_group(data, "第一党小组", ms[:10])
    second = add_group(data, "第二党小组", ms[10:])
    add_meeting(data, "group_meeting", D(2026, 11, 10), group_id=first.id)
    obs = judge("LIFE-3", data, ON)
    by_group = {o.refs[0]: o.status for o in obs}
    assert by_group == {first.id: "met", second.id: "due"}
    assert "第二党小组" in next(o.detail for o in obs if o.status == "due")


def test_life3_a_group_without_members_is_not_judged() -> None:
    data = make_data(created=D(2026, 10, 1))
    ms = add_members(data, 12)
    first = add_group(data, "第一党小组", ms)
    second = add_group(data, "第二党小组")  # nobody in it
    add_meeting(data, "group_meeting", D(2026, 10, 10), group_id=first.id)
    obs = judge("LIFE-3", data, ON)
    owed = {(o.period, o.refs[0]): o.status for o in obs if o.status != "not_applicable"}
    assert owed == {("2026-10", first.id): "met", ("2026-11", first.id): "due"}
    (empty,) = [o for o in obs if o.status == "not_applicable"]  # said once, for this month
    assert (empty.period, empty.refs) == ("2026-11", (second.id,))
    assert empty.detail == "2026年11月党小组“第二党小组”暂无党员，不要求召开党小组会"


def test_life3_a_group_emptied_this_month_is_judged_for_the_months_it_had_members() -> None:
    data = make_data(created=D(2026, 10, 1))
    left = add_member(data, "张三", removed=D(2026, 10, 20), removed_reason="transferred_out")
    group = add_group(data, "第一党小组", [left])
    obs = judge("LIFE-3", data, ON)
    assert {(o.period, o.status) for o in obs if group.id in o.refs} == {
        ("2026-10", "overdue"),
        ("2026-11", "not_applicable"),
    }
    # A branch whose groups hold nobody holds the all-member study instead.
    study = [o for o in obs if o.period == "2026-11" and o.status != "not_applicable"]
    assert [o.detail for o in study] == ["2026年11月党小组均无党员，全体党员学习 0 次（应 1 次）"]


def test_life3_branch_without_groups_holds_an_all_member_study() -> None:
    data = make_data(created=D(2026, 10, 1))
    add_meeting(data, "all_member_study", D(2026, 10, 20))
    obs = judge("LIFE-3", data, ON)
    assert {o.period: o.status for o in obs} == {"2026-10": "met", "2026-11": "due"}


def test_life4_lectures_by_the_secretary_and_each_leader() -> None:
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 4)
    leader = add_member(data, "王处长", is_leader=True)
    add_committee(data, D(2025, 6, 1), ms)
    add_meeting(data, "party_lecture", D(2026, 3, 5), lecture=Lecture(lecturer_id=ms[0].id))
    obs = judge("LIFE-4", data, ON)
    assert sorted(o.status for o in obs) == ["due", "met", "met"]
    pending = next(o for o in obs if o.status == "due")
    assert pending.people == (leader.id,) and "王处长" in pending.detail
    add_meeting(data, "party_lecture", D(2026, 6, 5), lecture=Lecture(lecturer_id=leader.id))
    assert {o.status for o in judge("LIFE-4", data, ON)} == {"met"}


def test_life4_no_lecture_last_year_is_overdue() -> None:
    data = make_data(created=D(2025, 1, 1))
    add_committee(data, D(2025, 1, 1), add_members(data, 3))
    obs = [o for o in judge("LIFE-4", data, ON) if o.period == "2025"]
    assert {o.status for o in obs} == {"overdue"}


@pytest.mark.parametrize(
    ("day", "minutes", "status"),
    [
        (D(2026, 11, 2), 120, "met"),  # the first working day
        (D(2026, 11, 4), 120, "met"),  # day +2
        (D(2026, 11, 5), 120, "warning"),  # day +3
        (D(2026, 11, 2), 119, "warning"),  # 1h59
    ],
)
def test_life5_theme_day_window_and_length(day: dt.date, minutes: int, status: str) -> None:
    data = make_data()
    add_meeting(data, "theme_day", day, minutes=minutes)
    assert one(judge("LIFE-5", data, ON), "2026-11").status == status


def test_life5_length_from_start_and_end_times() -> None:
    data = make_data()
    add_meeting(data, "theme_day", D(2026, 11, 2), minutes=None, start="14:00", end="15:59")
    ob = one(judge("LIFE-5", data, ON), "2026-11")
    assert ob.status == "warning" and "1 小时 59 分" in ob.detail


@pytest.mark.parametrize(
    ("on", "status"),
    [(D(2026, 11, 2), "due"), (D(2026, 11, 4), "due"), (D(2026, 11, 5), "overdue")],
)
def test_life5_missing_theme_day_is_overdue_after_the_window(on: dt.date, status: str) -> None:
    ob = one(judge("LIFE-5", make_data(), on), "2026-11")
    assert ob.status == status and ob.due == D(2026, 11, 4)


def test_life5_non_public_enterprise_may_use_a_weekend() -> None:
    data = make_data(non_public=True)
    add_meeting(data, "theme_day", D(2026, 11, 7))  # a Saturday
    assert one(judge("LIFE-5", data, ON), "2026-11").status == "met"
    public = make_data()
    add_meeting(public, "theme_day", D(2026, 11, 7))
    assert one(judge("LIFE-5", public, ON), "2026-11").status == "warning"


def test_life5_next_months_theme_day_is_upcoming() -> None:
    ob = one(judge("LIFE-5", make_data(), ON), "2026-12")
    assert ob.status == "upcoming" and "2026-12-01" in ob.detail


def test_life6_life_meeting_once_a_year() -> None:
    data = make_data(created=D(2025, 1, 1))
    add_meeting(data, "life_meeting", D(2026, 1, 20), criticism=True)
    obs = judge("LIFE-6", data, ON)
    assert {o.period: o.status for o in obs} == {"2025": "overdue", "2026": "met"}


def _appraisal(data_members: list[Member], year: int, grades: dict[str, str]) -> Appraisal:
    return Appraisal(
        year=year,
        results=[
            AppraisalResult(member_id=m.id, grade=grades.get(m.id, "qualified"))
            for m in data_members
        ],
    )


def test_life7_result_for_every_member_probationary_without_grade() -> None:
    data = make_data(created=D(2025, 1, 1))
    ms = add_members(data, 3)
    probationary = add_member(data, status="probationary", full_date=None, joined=D(2025, 6, 1))
    add(data, _appraisal([*ms, probationary], 2025, {probationary.id: ""}))
    assert one(judge("LIFE-7", data, ON), "2025").status == "met"


def test_life7_missing_result_or_graded_probationary_member_fires() -> None:
    data = make_data(created=D(2025, 1, 1))
    ms = add_members(data, 3)
    probationary = add_member(data, status="probationary", full_date=None, joined=D(2025, 6, 1))
    add(data, _appraisal([*ms[:2], probationary], 2025, {probationary.id: "excellent"}))
    ob = one(judge("LIFE-7", data, ON), "2025")
    assert ob.status == "overdue"
    assert "1 人无评议结果" in ob.detail and "预备党员不应评定等次" in ob.detail
    assert set(ob.people) == {ms[2].id, probationary.id}


def test_life7_this_years_appraisal_is_due_from_december() -> None:
    data = make_data(created=D(2026, 1, 1))
    add_members(data, 2)
    assert judge("LIFE-7", data, D(2026, 11, 1)) == []
    assert one(judge("LIFE-7", data, D(2026, 12, 1))).status == "due"
    assert one(judge("LIFE-7", data, D(2027, 3, 31)), "2026").status == "due"
    assert one(judge("LIFE-7", data, D(2027, 4, 1)), "2026").status == "overdue"


def test_life8_absent_leader_is_a_warning() -> None:
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 3)
    leader = add_member(data, "赵经理", is_leader=True)
    add_meeting(data, "general_meeting", D(2026, 3, 3), attendees=ms, absent=[leader])
    ob = one(judge("LIFE-8", data, ON))
    assert ob.status == "warning" and ob.people == (leader.id,) and "赵经理" in ob.detail


def test_life8_an_absence_with_its_reason_is_not_called_unexcused() -> None:
    """LIFE-8: 无故缺席 is an absence with no reason; one with its reason says so."""
    data = make_data(created=D(2026, 1, 1))
    ms = add_members(data, 3)
    leader = add_member(data, "郑佳芳", is_leader=True)
    meeting = add_meeting(data, "general_meeting", D(2026, 3, 3), attendees=ms, absent=[leader])
    meeting.attendance[-1].reason = "临时公出，赴集团参加会议"
    ob = one(judge("LIFE-8", data, ON))
    assert ob.status == "warning" and ob.people == (leader.id,)
    assert "无故" not in ob.detail
    assert ob.detail == "2026年领导干部缺席组织生活：郑佳芳（缺席1次，均已说明原因）"
    add_meeting(data, "theme_day", D(2026, 4, 3), attendees=ms, absent=[leader])
    detail = one(judge("LIFE-8", data, ON)).detail
    assert detail.endswith("郑佳芳（缺席2次，其中无故缺席1次）")


def test_life8_leader_attending_as_ordinary_member_is_met() -> None:
    data = make_data(created=D(2026, 1, 1))
    leader = add_member(data, "赵经理", is_leader=True)
    add_meeting(data, "theme_day", D(2026, 3, 2), attendees=[leader])
    assert one(judge("LIFE-8", data, ON)).status == "met"
    assert one(judge("LIFE-8", make_data(), ON)).status == "not_applicable"


def test_life9_one_record_counts_for_each_of_its_kinds() -> None:
    data = make_data(created=D(2026, 11, 1))
    ms = add_members(data, 3)
    add_committee(data, D(2026, 1, 1), ms)
    combined = add_meeting(
        data,
        ["theme_day", "party_lecture", "all_member_study"],
        D(2026, 11, 2),
        lecture=Lecture(lecturer_id=ms[0].id),
    )
    assert one(judge("LIFE-5", data, ON), "2026-11").status == "met"
    assert one(judge("LIFE-3", data, ON)).status == "met"
    assert {o.status for o in judge("LIFE-4", data, ON)} == {"met"}
    ob = one(judge("LIFE-9", data, ON))
    assert ob.status == "met" and ob.refs == (combined.id,)


def test_life9_committee_meeting_merged_with_a_members_meeting_is_a_warning() -> None:
    data = make_data(created=D(2026, 11, 1))
    add_meeting(data, ["committee_meeting", "theme_day"], D(2026, 11, 2))
    ob = one(judge("LIFE-9", data, ON))
    assert ob.status == "warning" and "分别记录" in ob.detail


def test_life7_status_counts_on_the_organization_review_day() -> None:
    data = make_data(created=D(2025, 1, 1))
    converted = add_member(data, status="full", joined=D(2024, 12, 1), full_date=D(2026, 1, 10))
    appraisal = _appraisal([converted], 2025, {converted.id: ""})
    appraisal.steps = {"organization_review": D(2025, 12, 20)}
    add(data, appraisal)
    assert one(judge("LIFE-7", data, ON), "2025").status == "met"  # still 预备 on the review day
    appraisal.results[0].grade = "qualified"
    ob = one(judge("LIFE-7", data, ON), "2025")
    assert ob.status == "overdue" and "预备党员不应评定等次" in ob.detail
