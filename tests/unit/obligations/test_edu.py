"""EDU-1…8: study days, activities, 七一, dues, cards, duty list, attendance, cases."""

from __future__ import annotations

from decimal import Decimal

from branchtui.domain.records import (
    Activity,
    CaseStep,
    CertificateCard,
    DisciplineCase,
    DuesPayment,
    StudySession,
)

from .conftest import D, add, add_meeting, add_member, add_members, judge, one, statuses

ON = D(2026, 11, 27)
MARCH = D(2026, 3, 1)


def study(data, days: float, date=MARCH) -> None:
    add(data, StudySession(date=date, days=days, topic="党章学习"))


def test_EDU_1_fires_at_11_5_days(data) -> None:
    study(data, 6)
    study(data, 5.5, D(2026, 9, 1))
    ob = one(judge("EDU-1", data, ON), "2026")
    assert ob.status == "due"
    assert ob.progress == (11.5, 12.0)
    assert "还差0.5天" in ob.detail


def test_EDU_1_met_at_12_days(data) -> None:
    study(data, 12)
    assert one(judge("EDU-1", data, ON), "2026").status == "met"


def test_EDU_1_counts_study_hours_recorded_at_meetings(data) -> None:
    study(data, 11.5)
    group_study = add_meeting(data, "all_member_study", D(2026, 6, 3), study_hours=4)
    ob = one(judge("EDU-1", data, ON), "2026")
    assert ob.status == "met" and ob.progress == (12.0, 12.0)  # 4 hours = half a day
    assert group_study.id in ob.refs
    # A study session already standing for that meeting is not counted twice.
    add(
        data,
        StudySession(date=D(2026, 6, 3), days=0.5, topic="集中学习", meeting_id=group_study.id),
    )
    assert one(judge("EDU-1", data, ON), "2026").progress == (12.0, 12.0)


def test_EDU_1_past_year_short_is_overdue(data) -> None:
    study(data, 3, D(2025, 5, 1))
    assert one(judge("EDU-1", data, ON), "2025").status == "overdue"


def test_EDU_2_fires_without_practice_activity(data) -> None:
    add(data, Activity(date=D(2026, 7, 1), kind="commemoration", title="七一纪念"))
    assert one(judge("EDU-2", data, ON), "2026").status == "due"


def test_EDU_2_met_with_volunteer_activity(data) -> None:
    add(data, Activity(date=D(2026, 3, 5), kind="volunteer", title="学雷锋志愿服务"))
    assert one(judge("EDU-2", data, ON), "2026").status == "met"


def test_EDU_3_fires_overdue_without_july_first_activity(data) -> None:
    add(data, Activity(date=D(2026, 3, 5), kind="volunteer", title="志愿服务"))
    assert one(judge("EDU-3", data, ON), "2026").status == "overdue"


def test_EDU_3_upcoming_before_july(data) -> None:
    assert one(judge("EDU-3", data, D(2026, 6, 1)), "2026").status == "upcoming"


def test_EDU_3_met_with_activity_around_july_first(data) -> None:
    add(data, Activity(date=D(2026, 6, 30), kind="commemoration", title="庆祝建党105周年"))
    ob = one(judge("EDU-3", data, ON), "2026")
    assert ob.status == "met"
    assert "庆祝建党105周年" in ob.detail


def pay(data, member, month: str) -> None:
    add(data, DuesPayment(member_id=member.id, month=month, amount=Decimal("10"), paid=ON))


def test_EDU_4_fires_listing_unpaid_months(data) -> None:
    m = add_member(data, "张三", joined=D(2026, 8, 1))
    pay(data, m, "2026-08")
    ob = one(judge("EDU-4", data, ON))
    assert ob.status == "due"
    assert ob.people == (m.id,)
    assert "张三欠交2个月（2026-09起）" in ob.detail


def test_EDU_4_met_when_paid_to_last_month(data) -> None:
    m = add_member(data, joined=D(2026, 9, 15))
    for month in ("2026-09", "2026-10"):
        pay(data, m, month)
    assert statuses(judge("EDU-4", data, ON)) == ["met"]


def test_EDU_5_fires_for_member_without_card(data) -> None:
    a, b = add_members(data, 2)
    add(data, CertificateCard(member_id=a.id, number="350200001"))
    ob = one(judge("EDU-5", data, ON))
    assert (ob.status, ob.people) == ("due", (b.id,))


def test_EDU_5_met_when_every_member_has_a_card(data) -> None:
    for m in add_members(data, 2):
        add(data, CertificateCard(member_id=m.id, number=f"C{m.name}"))
    assert statuses(judge("EDU-5", data, ON)) == ["met"]


def test_EDU_6_met_by_the_catalogue_itself(data) -> None:
    ob = one(judge("EDU-6", data, ON))
    assert ob.status == "met"
    assert "规则目录" in ob.detail


def test_EDU_7_fires_after_three_months_absent(data) -> None:
    present, away = add_members(data, 2)
    for month in (9, 10, 11):
        add_meeting(data, "theme_day", D(2026, month, 2), attendees=[present], absent=[away])
    ob = one(judge("EDU-7", data, ON))
    assert ob.status == "warning"
    assert ob.people == (away.id,)
    assert "出勤率50%" in ob.detail


def test_EDU_7_met_when_absence_is_broken_by_attendance(data) -> None:
    a, b = add_members(data, 2)
    add_meeting(data, "theme_day", D(2026, 9, 2), attendees=[a], absent=[b])
    add_meeting(data, "theme_day", D(2026, 10, 9), attendees=[a, b])
    add_meeting(data, "theme_day", D(2026, 11, 2), attendees=[a], absent=[b])
    assert statuses(judge("EDU-7", data, ON)) == ["met"]


def test_EDU_7_not_applicable_without_meetings(data) -> None:
    add_members(data, 2)
    assert statuses(judge("EDU-7", data, ON)) == ["not_applicable"]


def test_EDU_8_fires_for_open_case_without_steps(data) -> None:
    m = add_member(data)
    add(data, DisciplineCase(member_id=m.id, opened=D(2026, 10, 1), reason="长期不参加组织生活"))
    assert statuses(judge("EDU-8", data, ON)) == ["due"]


def test_EDU_8_met_when_case_closed_with_outcome(data) -> None:
    m = add_member(data)
    case = DisciplineCase(
        member_id=m.id,
        opened=D(2026, 6, 1),
        reason="长期不交党费",
        steps=[CaseStep(step="talk", date=D(2026, 6, 5))],
        outcome="经谈话后补交党费",
        closed=D(2026, 7, 1),
    )
    add(data, case)
    assert statuses(judge("EDU-8", data, ON)) == ["met"]
