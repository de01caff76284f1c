"""NAT-5's third part: work the branch assigned (党员分配工作, 设岗定责 …) left undone past its due
date without good reason counts month by month — a warning at 3 months, handling at 6 — beside
unpaid dues and missed organizational life, which behave as before."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from branchtui.domain.assignments import overdue_months, work_state, work_streak
from branchtui.domain.lapse import lapses
from branchtui.domain.profile import get_profile
from branchtui.domain.records import BranchData, DisciplineCase, DuesPayment, Member, WorkAssignment

from .conftest import D, add, add_meeting, add_member, judge, one, statuses

ON = D(2026, 11, 27)


def work(member: Member, due: dt.date | None, **fields: object) -> WorkAssignment:
    values: dict[str, object] = {
        "member_id": member.id,
        "assigned": D(2026, 1, 10),
        "content": "负责三号楼党员责任区",
        "form": "responsibility_area",
        "due": due,
    }
    values.update(fields)
    return WorkAssignment(**values)  # type: ignore[arg-type]


def dutiful(data: BranchData, name: str = "李四") -> Member:
    """A member who pays every month and came to the last theme day: only work can lapse."""
    member = add_member(data, name, joined=D(2026, 1, 1))
    for month in range(1, 11):
        add(
            data,
            DuesPayment(
                member_id=member.id, month=f"2026-{month:02d}", amount=Decimal("1"), paid=ON
            ),
        )
    add_meeting(data, "theme_day", D(2026, 11, 3), attendees=[member])
    return member


# The months themselves -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "months"),
    [
        (D(2026, 8, 27), 3),  # three whole months late
        (D(2026, 8, 28), 2),  # a day short of three
        (D(2026, 5, 27), 6),
        (D(2026, 4, 27), 7),
        (D(2026, 11, 27), 0),  # due today: not late yet
        (D(2026, 12, 31), 0),
        (None, 0),  # 长期: nothing to be late for
    ],
)
def test_months_late_count_from_the_due_date(due: dt.date | None, months: int) -> None:
    m = Member(name="李四")
    assert overdue_months(work(m, due), ON) == months


def test_work_done_counts_nothing_from_the_day_it_is_done() -> None:
    m = Member(name="李四")
    late = work(m, D(2026, 4, 27), completed=D(2026, 11, 20))
    assert overdue_months(late, ON) == 0 and work_state(late, ON) == "已完成"
    # Looking back before it was done, it was late.
    assert overdue_months(late, D(2026, 11, 1)) == 6


def test_a_good_reason_breaks_the_run_and_counting_restarts_when_it_ends() -> None:
    m = Member(name="李四")
    ill = work(
        m,
        D(2026, 3, 31),
        excuse="因病住院",
        excused_from=D(2026, 5, 1),
        excused_until=D(2026, 8, 27),
    )
    assert overdue_months(ill, ON) == 3  # September to November only, not since March
    assert work_state(ill, ON) == "逾期3个月"
    assert work_state(ill, D(2026, 6, 1)) == "有正当理由"
    still_ill = work(m, D(2026, 3, 31), excuse="因病住院", excused_from=D(2026, 5, 1))
    assert overdue_months(still_ill, ON) == 0  # a reason still running counts nothing
    before = work(
        m,
        D(2026, 5, 27),
        excuse="出差",
        excused_from=D(2026, 2, 1),
        excused_until=D(2026, 3, 1),
    )
    assert overdue_months(before, ON) == 6  # a reason over before the due date changes nothing
    later = work(m, D(2026, 5, 27), excuse="手术", excused_from=D(2026, 12, 1))
    assert overdue_months(later, ON) == 6  # nor does one that starts after the date


def test_a_member_is_judged_by_the_assignment_furthest_past_due(data: BranchData) -> None:
    m = dutiful(data)
    add(data, work(m, D(2026, 9, 1), content="整理支部台帐"))
    far = add(data, work(m, D(2026, 4, 27)))
    add(data, work(m, D(2026, 1, 31), completed=D(2026, 2, 1), content="春节慰问"))
    assert work_streak(m, data, ON) == (7, far)


# NAT-5 as an obligation ------------------------------------------------------------------


def test_NAT_5_warns_at_three_months_of_undone_work_naming_it(data: BranchData) -> None:
    m = dutiful(data)
    w = add(data, work(m, D(2026, 8, 27)))
    ob = one(judge("NAT-5", data, ON))
    assert (ob.status, ob.people, ob.refs) == ("warning", (m.id,), (w.id,))
    assert ob.detail == (
        "李四连续3个月未完成党组织分配的工作“负责三号楼党员责任区”，满6个月将按自行脱党处理，请及时谈话"
    )
    assert ob.short == "李四连续3个月未完成分配的工作"
    assert ob.progress == (3.0, 6.0)


def test_NAT_5_is_due_at_six_months_of_undone_work(data: BranchData) -> None:
    m = dutiful(data)
    add(data, work(m, D(2026, 4, 27)))
    ob = one(judge("NAT-5", data, ON))
    assert ob.status == "due"
    assert ob.detail.startswith("李四连续7个月未完成党组织分配的工作“负责三号楼党员责任区”")
    assert ob.detail.endswith("，应按自行脱党处理")


def test_NAT_5_is_met_when_the_work_is_done_on_time_or_is_long_term(data: BranchData) -> None:
    m = dutiful(data)
    add(data, work(m, D(2026, 4, 27), completed=D(2026, 4, 20)))
    add(data, work(m, None, content="党员示范岗", form="model_post"))
    add(data, work(m, D(2026, 12, 31), content="年终总结"))
    ob = one(judge("NAT-5", data, ON))
    assert ob.status == "met" and "未完成分配工作" in ob.detail


def test_NAT_5_is_met_while_the_member_has_a_good_reason(data: BranchData) -> None:
    m = dutiful(data)
    add(data, work(m, D(2026, 4, 27), excuse="因病住院", excused_from=D(2026, 9, 1)))
    assert statuses(judge("NAT-5", data, ON)) == ["met"]


def test_NAT_5_excused_months_do_not_reach_the_handling(data: BranchData) -> None:
    m = dutiful(data)
    add(
        data,
        work(
            m,
            D(2026, 3, 31),
            excuse="因病住院",
            excused_from=D(2026, 5, 1),
            excused_until=D(2026, 8, 27),
        ),
    )
    ob = one(judge("NAT-5", data, ON))
    assert ob.status == "warning" and "连续3个月未完成" in ob.detail


def test_NAT_5_names_every_part_a_member_has_left_undone(data: BranchData) -> None:
    m = add_member(data, "欠费者", joined=D(2026, 1, 1))
    for month in range(1, 8):
        add(
            data,
            DuesPayment(member_id=m.id, month=f"2026-{month:02d}", amount=Decimal("1"), paid=ON),
        )
    add(data, work(m, D(2026, 4, 27)))
    ob = one(judge("NAT-5", data, ON))
    assert ob.status == "due"
    assert "连续3个月未交党费、连续7个月未完成党组织分配的工作" in ob.detail
    assert ob.short == "欠费者连续7个月未尽党员义务"


def test_NAT_5_leaves_a_member_with_an_open_case_to_the_case(data: BranchData) -> None:
    m = dutiful(data)
    add(data, work(m, D(2026, 4, 27)))
    add(data, DisciplineCase(member_id=m.id, opened=ON, reason="未完成分配的工作"))
    ob = one(judge("NAT-5", data, ON))
    assert ob.status == "met" and "李四（处置中）" in ob.detail


def test_the_dues_and_attendance_parts_are_unchanged_by_assignments(data: BranchData) -> None:
    m = add_member(data, "失联者", joined=D(2026, 1, 1))
    other = dutiful(data, "王五")
    for month in range(1, 6):
        add(
            data,
            DuesPayment(member_id=m.id, month=f"2026-{month:02d}", amount=Decimal("1"), paid=ON),
        )
    for month in range(6, 12):
        add_meeting(data, "theme_day", D(2026, month, 3), attendees=[other], absent=[m])
    add(data, work(m, D(2026, 10, 1), completed=D(2026, 9, 30)))  # done: counts nothing
    ob = one(judge("NAT-5", data, ON))
    assert (ob.status, ob.people, ob.refs) == ("due", (m.id,), ())
    assert ob.detail == "失联者连续5个月未交党费、连续6个月未参加组织生活，应按自行脱党处理"
    (lapse,) = lapses(data, ON, get_profile(None))
    assert (lapse.dues_months, lapse.life_months, lapse.work_months) == (5, 6, 0)


# What the form refuses --------------------------------------------------------------------


def test_a_good_reason_needs_its_start_and_a_range_needs_its_reason() -> None:
    from branchtui.domain.validation import validate

    m = Member(name="李四")
    assert validate(work(m, D(2026, 6, 30)), ON) == {}
    no_start = validate(work(m, D(2026, 6, 30), excuse="因病住院"), ON)
    assert no_start == {"excused_from": "请填写理由起始日期"}
    no_reason = validate(work(m, D(2026, 6, 30), excused_from=D(2026, 5, 1)), ON)
    assert no_reason == {"excuse": "请填写正当理由"}
    early = validate(work(m, D(2025, 12, 31)), ON)
    assert early == {"due": "完成期限不能早于分配日期"}
    assert validate(work(m, None, completed=D(2026, 12, 1)), ON) == {
        "completed": "完成日期不能晚于今天"
    }
    assert "content" in validate(work(m, None, content=" "), ON)
