"""NAT-1…7 as obligations: votes, development limits, dues rates, lapse, lost contact, grades."""

from __future__ import annotations

from decimal import Decimal

from branchtui.domain.records import (
    Appraisal,
    AppraisalResult,
    Candidate,
    CandidateEvent,
    DuesPayment,
    DuesRate,
    LostContact,
    Vote,
)

from .conftest import (
    D,
    add,
    add_committee,
    add_meeting,
    add_member,
    add_members,
    judge,
    one,
    statuses,
)

ON = D(2026, 11, 27)


def test_NAT_1_warns_on_vote_without_quorum(data) -> None:
    ms = add_members(data, 10)
    add_meeting(
        data,
        "general_meeting",
        D(2026, 10, 9),
        attendees=ms[:5],
        absent=ms[5:],
        votes=[Vote(motion="接收张三为预备党员", yes=5)],
    )
    ob = one(judge("NAT-1", data, ON))
    assert ob.status == "warning"
    assert "应到10人，实到5人" in ob.detail and "表决无效" in ob.detail


def test_NAT_1_met_with_quorum(data) -> None:
    ms = add_members(data, 10)
    add_members(data, 2, status="probationary", full_date=None)  # no vote, not counted
    add_meeting(
        data,
        "general_meeting",
        D(2026, 10, 9),
        attendees=ms[:6],
        votes=[Vote(motion="接收张三为预备党员", yes=6)],
    )
    assert statuses(judge("NAT-1", data, ON)) == ["met"]


def test_NAT_2_warns_when_half_the_committee_is_absent(data) -> None:
    ms = add_members(data, 4)
    add_committee(
        data, D(2025, 1, 1), ms[:4], ("secretary", "organization", "discipline", "propaganda")
    )
    add_meeting(data, "committee_meeting", D(2026, 11, 5), attendees=ms[:2], absent=ms[2:4])
    assert statuses(judge("NAT-2", data, ON)) == ["warning"]


def test_NAT_2_an_inquorate_committee_meeting_without_a_vote_is_not_called_an_invalid_vote(
    data,
) -> None:
    """NAT-2: nothing was put to the vote, so nothing was 表决无效; the meeting could not decide."""
    ms = add_members(data, 4)
    add_committee(
        data, D(2025, 1, 1), ms[:4], ("secretary", "organization", "discipline", "propaganda")
    )
    add_meeting(data, "committee_meeting", D(2026, 11, 5), attendees=ms[:2], absent=ms[2:4])
    ob = one(judge("NAT-2", data, ON))
    assert "表决" not in ob.detail and "表决" not in (ob.brief or "")
    assert "应到4人，实到2人" in ob.detail and "不能作出决定" in ob.detail


def test_NAT_2_an_inquorate_committee_meeting_with_a_vote_says_the_vote_is_invalid(data) -> None:
    ms = add_members(data, 4)
    add_committee(
        data, D(2025, 1, 1), ms[:4], ("secretary", "organization", "discipline", "propaganda")
    )
    add_meeting(
        data,
        "committee_meeting",
        D(2026, 11, 5),
        attendees=ms[:2],
        absent=ms[2:4],
        votes=[Vote(motion="推荐张三为发展对象", yes=2)],
    )
    assert "表决无效" in one(judge("NAT-2", data, ON)).detail


def test_NAT_2_met_with_majority_of_committee(data) -> None:
    ms = add_members(data, 3)
    add_committee(data, D(2025, 1, 1), ms)
    add_meeting(data, "committee_meeting", D(2026, 11, 5), attendees=ms[:2])
    assert statuses(judge("NAT-2", data, ON)) == ["met"]


def test_NAT_3_fires_when_applicant_not_talked_within_a_month(data) -> None:
    c = add(
        data,
        Candidate(name="申请人甲", events=[CandidateEvent(step="applied", date=D(2026, 10, 20))]),
    )
    ob = one(judge("NAT-3", data, ON))
    assert (ob.status, ob.due, ob.refs) == ("overdue", D(2026, 11, 20), (c.id,))
    assert "党组织派人谈话" in ob.detail


def test_NAT_3_met_when_talk_held_and_next_step_has_no_limit(data) -> None:
    events = [
        CandidateEvent(step="applied", date=D(2026, 10, 20)),
        CandidateEvent(step="talked", date=D(2026, 11, 2)),
    ]
    add(data, Candidate(name="申请人甲", events=events))
    ob = one(judge("NAT-3", data, ON))
    assert ob.status == "met"
    assert "第3步 推荐和确定入党积极分子" in ob.detail


def test_NAT_3_warns_when_target_named_before_a_year_of_training(data) -> None:
    events = [
        CandidateEvent(step="applied", date=D(2025, 10, 1)),
        CandidateEvent(step="activist", date=D(2026, 1, 1)),
        CandidateEvent(step="target", date=D(2026, 6, 1)),
    ]
    add(data, Candidate(name="对象乙", events=events))
    assert "warning" in statuses(judge("NAT-3", data, ON))


def test_NAT_3_a_probationary_entered_by_hand_is_due_for_conversion_a_year_after_joining(
    data,
) -> None:
    # No development file (entered in the roster or imported): probation runs from 入党时间.
    m = add_member(data, "马丽", joined=D(2026, 3, 23), status="probationary", full_date=None)
    ob = one(judge("NAT-3", data, D(2027, 3, 10)))
    assert (ob.status, ob.due, ob.people) == ("upcoming", D(2027, 3, 23), (m.id,))
    assert ob.action == "screen:roster"  # the conversion is recorded on her roster entry
    late = one(judge("NAT-3", data, D(2027, 3, 24)))
    assert late.status == "overdue"
    assert "马丽的预备期已于2027-03-23期满" in late.detail
    assert one(judge("NAT-3", data, ON)).status == "met"  # months ahead: shown, not owed


def test_NAT_3_an_extension_recorded_on_the_entry_moves_the_conversion(data) -> None:
    m = add_member(data, "马丽", joined=D(2025, 10, 1), status="probationary", full_date=None)
    assert one(judge("NAT-3", data, D(2026, 10, 2))).status == "overdue"
    m.probation_extension_months = 6  # the branch meeting extended it by six months
    ob = one(judge("NAT-3", data, D(2026, 10, 2)))
    assert (ob.status, ob.due) == ("met", D(2027, 4, 1))
    assert ob.detail == "预备党员马丽的预备期（延长预备期6个月）至2027-04-01期满，届时讨论转正"


def test_NAT_3_an_imported_probationary_of_long_ago_is_overdue(data) -> None:
    add_member(data, "马丽", joined=D(2014, 4, 4), status="probationary", full_date=None)
    ob = one(judge("NAT-3", data, ON))
    assert (ob.status, ob.due) == ("overdue", D(2015, 4, 4))


def test_NAT_3_a_converted_or_removed_member_owes_no_conversion(data) -> None:
    add_member(data, "王五", joined=D(2025, 3, 1), status="full", full_date=D(2026, 3, 1))
    add_member(
        data,
        "赵六",
        joined=D(2025, 3, 1),
        status="probationary",
        full_date=None,
        removed=D(2025, 9, 1),
    )
    assert statuses(judge("NAT-3", data, ON)) == ["not_applicable"]


def test_NAT_3_a_probationary_with_a_file_is_counted_once_by_the_file(data) -> None:
    m = add_member(data, "于毅", joined=D(2026, 1, 5), status="probationary", full_date=None)
    events = [
        CandidateEvent(step="branch_vote", date=D(2026, 1, 5)),
        CandidateEvent(step="approved", date=D(2026, 2, 10)),
        CandidateEvent(step="probation_extended", date=D(2027, 1, 5), months=6),
    ]
    c = add(data, Candidate(name="于毅", events=events, member_id=m.id))
    obs = judge("NAT-3", data, D(2027, 7, 6))
    mine = [ob for ob in obs if m.id in ob.people or c.id in ob.refs]
    assert all(ob.refs == (c.id,) for ob in mine)  # the file's steps, no roster line beside
    assert not any(ob.action == "screen:roster" for ob in obs)


def test_conversion_due_follows_the_file_and_its_extension(data) -> None:
    from branchtui.domain.probation import conversion_due
    from branchtui.domain.profile import get_profile

    profile = get_profile("plan-2017")
    m = add_member(data, "于毅", joined=D(2026, 1, 5), status="probationary", full_date=None)
    assert conversion_due(m, profile) == D(2027, 1, 5)
    events = [
        CandidateEvent(step="branch_vote", date=D(2026, 1, 5)),
        CandidateEvent(step="probation_extended", date=D(2027, 1, 5), months=6),
    ]
    c = add(data, Candidate(name="于毅", events=events, member_id=m.id))
    assert conversion_due(m, profile, [c]) == D(2027, 7, 5)
    full = add_member(data, "王五", status="full")
    assert conversion_due(full, profile, [c]) is None


def member_with_rate(data, amount: str, income: str = "6000"):
    m = add_member(data, monthly_income=Decimal(income))
    add(
        data,
        DuesRate(member_id=m.id, year=2026, monthly_income=Decimal(income), amount=Decimal(amount)),
    )
    return m


def test_NAT_4_fires_when_rate_not_set_for_the_year(data) -> None:
    m = add_member(data, "张三", monthly_income=Decimal("6000"))
    ob = one(judge("NAT-4", data, ON))
    assert (ob.status, ob.people) == ("due", (m.id,))


def test_NAT_4_warns_when_rate_differs_from_the_brackets(data) -> None:
    member_with_rate(data, "60.00")
    ob = one(judge("NAT-4", data, ON))
    assert ob.status == "warning"
    assert "应为90.00元" in ob.detail


def test_NAT_4_met_when_rates_follow_the_brackets(data) -> None:
    member_with_rate(data, "90.00")
    assert statuses(judge("NAT-4", data, ON)) == ["met"]


def pay_months(data, member, months) -> None:
    for month in months:
        add(data, DuesPayment(member_id=member.id, month=month, amount=Decimal("1"), paid=ON))


def test_NAT_5_warns_at_three_unpaid_months(data) -> None:
    m = add_member(data, "欠费者", joined=D(2026, 1, 1))
    pay_months(data, m, [f"2026-{i:02d}" for i in range(1, 8)])
    ob = one(judge("NAT-5", data, ON))
    assert ob.status == "warning"
    assert "连续3个月未交党费" in ob.detail


def test_NAT_5_due_at_six_months_absent_and_unpaid(data) -> None:
    m = add_member(data, "失联者", joined=D(2026, 1, 1))
    other = add_member(data, joined=D(2026, 1, 1))
    pay_months(data, m, [f"2026-{i:02d}" for i in range(1, 6)])
    pay_months(data, other, [f"2026-{i:02d}" for i in range(1, 11)])
    for month in range(6, 12):
        add_meeting(data, "theme_day", D(2026, month, 3), attendees=[other], absent=[m])
    ob = one(judge("NAT-5", data, ON))
    assert (ob.status, ob.people) == ("due", (m.id,))
    assert "连续6个月未参加组织生活" in ob.detail


def test_NAT_5_met_when_paying_and_attending(data) -> None:
    m = add_member(data, joined=D(2026, 1, 1))
    pay_months(data, m, [f"2026-{i:02d}" for i in range(1, 11)])
    add_meeting(data, "theme_day", D(2026, 11, 3), attendees=[m])
    assert statuses(judge("NAT-5", data, ON)) == ["met"]


def test_NAT_6_fires_when_six_months_lost_and_not_suspended(data) -> None:
    m = add_member(data)
    add(data, LostContact(member_id=m.id, since=D(2026, 5, 1)))
    ob = one(judge("NAT-6", data, ON))
    assert (ob.status, ob.due) == ("overdue", D(2026, 11, 1))
    assert "停止党籍" in ob.detail


def test_NAT_6_after_suspension_next_step_is_removal_in_two_years(data) -> None:
    m = add_member(data)
    add(data, LostContact(member_id=m.id, since=D(2026, 1, 1), suspended=D(2026, 7, 10)))
    ob = one(judge("NAT-6", data, ON))
    assert (ob.status, ob.due) == ("met", D(2028, 7, 10))
    assert "除名" in ob.detail


def test_NAT_6_met_when_found(data) -> None:
    m = add_member(data)
    add(data, LostContact(member_id=m.id, since=D(2025, 1, 1), found=D(2025, 3, 1)))
    assert statuses(judge("NAT-6", data, ON)) == ["met"]


def test_NAT_7_warns_when_probationary_member_is_graded(data) -> None:
    full = add_member(data)
    prob = add_member(data, "预备甲", status="probationary", joined=D(2026, 5, 1), full_date=None)
    results = [
        AppraisalResult(member_id=full.id, grade="qualified"),
        AppraisalResult(member_id=prob.id, grade="excellent"),
    ]
    add(data, Appraisal(year=2026, results=results))
    ob = one(judge("NAT-7", data, ON))
    assert ob.status == "warning"
    assert "预备甲为预备党员" in ob.detail


def test_NAT_7_met_when_probationary_member_takes_part_without_grade(data) -> None:
    full = add_member(data)
    prob = add_member(data, status="probationary", joined=D(2026, 5, 1), full_date=None)
    results = [
        AppraisalResult(member_id=full.id, grade="excellent"),
        AppraisalResult(member_id=prob.id, grade=""),
    ]
    add(data, Appraisal(year=2026, results=results))
    assert statuses(judge("NAT-7", data, ON)) == ["met"]


def test_NAT_7_warns_on_a_grade_that_is_none_of_the_four(data) -> None:
    m = add_member(data, "张三")
    add(data, Appraisal(year=2026, results=[AppraisalResult(member_id=m.id, grade="良好")]))
    ob = one(judge("NAT-7", data, ON))
    assert ob.status == "warning"
    assert "张三的等次“良好”无效" in ob.detail


def test_NAT_7_judges_status_on_the_day_of_the_review(data) -> None:
    # 预备 at last year's review, 正式 since March: the grade was still wrong.
    m = add_member(data, "李四", joined=D(2025, 3, 1), full_date=D(2026, 3, 1))
    results = [AppraisalResult(member_id=m.id, grade="qualified")]
    steps = {"organization_review": D(2026, 1, 15)}
    add(data, Appraisal(year=2025, results=results, steps=steps))
    ob = one(judge("NAT-7", data, ON))
    assert (ob.status, ob.period) == ("warning", "2025")
    assert "李四为预备党员" in ob.detail
