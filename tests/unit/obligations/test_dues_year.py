"""NAT-4 / EDU-4 / NAT-5 for the dues screen: bracket edges, each month's state in the year
(probationary start, arrival mid-year, removal), the 6-month back-payment limit, one-key and
batch entry, and the 3-month lapse warning."""

from __future__ import annotations

from decimal import Decimal

import pytest

from branchtui.domain.dues import back_payment_problem, monthly_dues, owed_month_problem
from branchtui.domain.dues_entry import (
    back_payment,
    back_payment_choices,
    batch_paid,
    mark_paid,
    meetings_of_month,
    new_payment,
    payment_day_problem,
    payment_problems,
    theme_day_paid,
)
from branchtui.domain.dues_year import dues_year
from branchtui.domain.profile import NATIONAL, PLAN_2017
from branchtui.domain.records import DuesPayment, DuesRate

from .conftest import D, add, add_meeting, add_member, judge, one

ON = D(2026, 11, 27)


def pay(data, member, month, amount="50", paid=ON) -> DuesPayment:
    return add(
        data, DuesPayment(member_id=member.id, month=month, amount=Decimal(amount), paid=paid)
    )


def states(data, member, year=2026, on=ON) -> list[str]:
    (row,) = [r for r in dues_year(data, year, on) if r.member.id == member.id]
    return [m.state for m in row.months]


# --- NAT-4 brackets: each edge, on and just above ------------------------------------------


@pytest.mark.parametrize(
    ("category", "income", "expected"),
    [
        ("working", "0", "0.00"),
        ("working", "3000.00", "15.00"),  # ≤3000 → 0.5 %
        ("working", "3000.01", "30.00"),  # 3000–5000 → 1 %
        ("working", "5000.00", "50.00"),
        ("working", "5000.01", "75.00"),  # 5000–10000 → 1.5 %
        ("working", "10000.00", "150.00"),
        ("working", "10000.01", "200.00"),  # >10000 → 2 %
        ("retired", "5000.00", "25.00"),  # retirees ≤5000 → 0.5 %
        ("retired", "5000.01", "50.00"),  # >5000 → 1 %
        ("student", "20000", "0.20"),  # 0.2 元 whatever the income
        ("unemployed", None, "0.20"),
        ("low_income", None, "0.20"),
    ],
)
def test_NAT_4_bracket_edges(category: str, income: str | None, expected: str) -> None:
    value = Decimal(income) if income is not None else None
    assert monthly_dues(category, value, PLAN_2017) == Decimal(expected)
    assert monthly_dues(category, value, NATIONAL) == Decimal(expected)


def test_NAT_4_retiree_needs_income_too() -> None:
    with pytest.raises(ValueError):
        monthly_dues("retired", None, PLAN_2017)


# --- NAT-4: back-payment reaches 6 months before the day of payment --------------------------


def test_NAT_4_back_payment_limit_is_six_months_before_the_payment() -> None:
    assert back_payment_problem("2026-05", ON, PLAN_2017) is None  # 6 months back: allowed
    message = back_payment_problem("2026-04", ON, PLAN_2017)
    assert message is not None and "最多补交6个月" in message and "2026-05" in message
    # Paid in June for April: within the limit then, so recording it later is fine.
    assert back_payment_problem("2026-04", D(2026, 6, 10), PLAN_2017) is None
    assert back_payment_problem("2027-01", ON, PLAN_2017) is None  # paying ahead


def test_NAT_4_a_payment_beyond_the_limit_is_refused_at_the_month(data) -> None:
    m = add_member(data, monthly_income=Decimal("8000"))
    errors, _ = payment_problems(new_payment(m, "2026-04", data, ON), data)
    assert "最多补交6个月" in errors["month"]
    errors, _ = payment_problems(new_payment(m, "2026-05", data, ON), data)
    assert errors == {}
    assert isinstance(mark_paid(m, "2026-04", data, ON), str)


# --- EDU-4: which months are owed ------------------------------------------------------------


def test_EDU_4_probationary_member_pays_from_the_branch_meeting_month(data) -> None:
    m = add_member(data, status="probationary", joined=D(2026, 9, 18), full_date=None)
    assert owed_month_problem(m, "2026-08", data) is not None
    assert owed_month_problem(m, "2026-09", data) is None
    assert states(data, m) == [*["not_due"] * 8, "arrears", "arrears", "open", "open"]


def test_EDU_4_member_arriving_mid_year_owes_nothing_before_arrival(data) -> None:
    m = add_member(data, joined=D(2010, 7, 1), arrived=D(2026, 4, 10))
    message = owed_month_problem(m, "2026-03", data)
    assert message is not None and "2026年4月起" in message
    assert states(data, m)[:5] == ["not_due", "not_due", "not_due", "beyond", "arrears"]
    errors, _ = payment_problems(new_payment(m, "2026-03", data, ON), data)
    assert "无需交纳" in errors["month"]


def test_EDU_4_each_month_state_of_the_year(data) -> None:
    m = add_member(data, joined=D(2020, 1, 1), monthly_income=Decimal("5000"))
    add(data, DuesRate(member_id=m.id, year=2026, amount=Decimal("50.00")))
    pay(data, m, "2026-01")
    pay(data, m, "2026-02", amount="20")  # less than the rate
    pay(data, m, "2026-12")  # paid ahead
    got = states(data, m)
    assert got[:4] == ["paid", "partial", "beyond", "beyond"]
    assert got[4:10] == ["arrears"] * 6  # May–October: may still be paid back
    assert got[10:] == ["open", "paid"]  # this month not yet in arrears


def test_EDU_4_removed_member_owes_nothing_after_removal(data) -> None:
    m = add_member(data, removed=D(2026, 3, 15), removed_reason="transferred_out")
    assert states(data, m)[2:4] == ["beyond", "not_due"]
    assert "移出名册" in (owed_month_problem(m, "2026-04", data) or "")


def test_EDU_4_inflow_members_are_not_in_the_year(data) -> None:
    add_member(data, inflow=True)
    assert dues_year(data, 2026, ON) == []


# --- one key, batch, theme day, 补交 ---------------------------------------------------------


def test_EDU_4_one_key_payment_defaults_to_the_rate(data) -> None:
    m = add_member(data, monthly_income=Decimal("8000"))
    add(data, DuesRate(member_id=m.id, year=2026, amount=Decimal("100.00")))
    payment = mark_paid(m, "2026-10", data, ON)
    assert isinstance(payment, DuesPayment) and payment.amount == Decimal("100.00")
    add(data, payment)
    assert "已登记" in str(mark_paid(m, "2026-10", data, ON))
    # No rate for 2025: the calculator's amount (8000 → 1.5 %).
    assert new_payment(m, "2025-12", data, ON).amount == Decimal("120.00")


def test_EDU_4_one_key_needs_an_amount(data) -> None:
    m = add_member(data)  # working, no income, no rate
    assert "月收入" in str(mark_paid(m, "2026-10", data, ON))


def test_EDU_4_payment_form_warnings(data) -> None:
    m = add_member(data, monthly_income=Decimal("8000"))
    pay(data, m, "2026-10", amount="60")
    second = DuesPayment(member_id=m.id, month="2026-10", amount=Decimal("60"), paid=ON)
    errors, warned = payment_problems(second, data)
    assert errors == {}
    assert "已交纳60元" in warned["month"] and "120.00" in warned["amount"]


def test_EDU_4_theme_day_marks_every_present_member(data) -> None:
    a = add_member(data, monthly_income=Decimal("3000"))
    b = add_member(data, monthly_income=Decimal("6000"))
    c = add_member(data, monthly_income=Decimal("6000"))  # absent
    d = add_member(data, monthly_income=Decimal("4000"))  # paid already
    e = add_member(data, status="probationary", joined=D(2026, 11, 20), full_date=None)
    pay(data, d, "2026-11", amount="40")
    day = add_meeting(data, "theme_day", D(2026, 11, 3), attendees=[a, b, d, e], absent=[c])
    add_meeting(data, "committee_meeting", D(2026, 11, 2))
    assert meetings_of_month(data, "2026-11")[0] is day  # the theme day first
    batch = theme_day_paid(day, data)
    paid = {p.member_id: p.amount for p in batch.changes.inserts}
    assert paid == {a.id: Decimal("15.00"), b.id: Decimal("90.00")}
    assert all(p.month == "2026-11" and p.paid == day.date for p in batch.changes.inserts)
    # e owes November (admitted on the 20th) but has neither a rate nor an income: said why.
    assert [(m.id, "月收入" in why) for m, why in batch.skipped] == [(e.id, True)]
    # What the dues screen says of it names her once, not 李秀英：李秀英尚未核定….
    summary = batch.skipped_summary()
    assert summary.startswith(f"{e.name}尚未核定") and summary.count(e.name) == 1


def test_EDU_4_batch_for_a_month_beyond_the_limit_records_nothing(data) -> None:
    ms = [add_member(data, monthly_income=Decimal("3000")) for _ in range(3)]
    batch = batch_paid(ms, "2026-03", data, ON)
    assert batch.count == 0 and len(batch.skipped) == 3
    assert all("最多补交6个月" in why for _, why in batch.skipped)
    # Three left out, each named with the reason: a reason without the name gets it in front.
    summary = batch.skipped_summary(shown=2)
    assert summary.startswith(f"{ms[0].name}：超过补交期限") and f"{ms[1].name}：" in summary
    assert ms[2].name not in summary and summary.endswith("；等3人")
    assert batch_paid(ms, "2026-10", data, ON).count == 3


def test_EDU_4_back_payment_of_the_arrears_meets_the_rule(data) -> None:
    m = add_member(data, joined=D(2026, 7, 1), monthly_income=Decimal("3000"))
    assert one(judge("EDU-4", data, ON)).status == "due"
    batch = back_payment(m, ["2026-07", "2026-08", "2026-09", "2026-10"], data, ON)
    assert batch.count == 4 and all(p.note == "补交" for p in batch.changes.inserts)
    for p in batch.changes.inserts:
        add(data, p)
    assert one(judge("EDU-4", data, ON)).status == "met"


def test_NAT_4_back_payment_refuses_only_the_months_beyond_the_limit(data) -> None:
    m = add_member(data, joined=D(2026, 1, 1), monthly_income=Decimal("3000"))
    batch = back_payment(m, ["2026-04", "2026-05"], data, ON)
    assert [p.month for p in batch.changes.inserts] == ["2026-05"]
    assert batch.skipped[0][1] == "2026-04超过补交期限：最多补交6个月（2026-05起）"


def test_EDU_4_back_payment_choices_start_from_the_oldest_month(data) -> None:
    m = add_member(data, joined=D(2026, 7, 1), monthly_income=Decimal("3000"))
    choices = back_payment_choices(m, ["2026-09", "2026-08", "2026-10"], data, ON)
    assert [[p.month for p in c.payments] for c in choices] == [
        ["2026-08"],
        ["2026-08", "2026-09"],
        ["2026-08", "2026-09", "2026-10"],
    ]


def test_NAT_4_back_payment_day_neither_ahead_nor_beyond_the_limit(data) -> None:
    m = add_member(data, joined=D(2026, 1, 1), monthly_income=Decimal("3000"))
    (batch,) = back_payment_choices(m, ["2026-05"], data, ON)
    assert payment_day_problem(batch, m, data, ON, ON) is None
    assert payment_day_problem(batch, m, data, D(2026, 11, 28), ON) == "交纳日期不能晚于今天"
    assert payment_day_problem(batch, m, data, D(2026, 10, 1), ON) is None
    (later,) = back_payment_choices(m, ["2026-05"], data, ON)
    assert "超过补交期限" in (
        payment_day_problem(later, m, data, D(2026, 12, 1), D(2026, 12, 1)) or ""
    )
