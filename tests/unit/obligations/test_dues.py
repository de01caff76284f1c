"""NAT-4 / EDU-4: the dues calculator, each month's dues, and arrears."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branchtui.domain.dues import arrears, dues_for, monthly_dues
from branchtui.domain.profile import PLAN_2017
from branchtui.domain.records import DuesPayment, DuesRate, Transfer

from .conftest import D, add, add_member

ON = D(2026, 11, 27)


@pytest.mark.parametrize(
    ("category", "income", "expected"),
    [
        ("working", "3000", "15.00"),  # on the bound: 0.5 %
        ("working", "3000.01", "30.00"),  # just over: 1 %
        ("working", "5000", "50.00"),
        ("working", "8000", "120.00"),
        ("working", "10000", "150.00"),
        ("working", "12345.67", "246.91"),  # 2 %, rounded half up to 分
        ("working", "2999", "15.00"),  # 14.995 → 15.00
        ("retired", "5000", "25.00"),
        ("retired", "6000", "60.00"),
        ("student", None, "0.20"),
        ("unemployed", None, "0.20"),
        ("low_income", "800", "0.20"),
    ],
)
def test_NAT_4_monthly_dues_by_bracket(category, income, expected) -> None:
    amount = monthly_dues(category, Decimal(income) if income else None, PLAN_2017)
    assert amount == Decimal(expected)


def test_NAT_4_income_needed_for_working_member() -> None:
    with pytest.raises(ValueError):
        monthly_dues("working", None, PLAN_2017)


@given(st.decimals(min_value=0, max_value=100000, places=2))
def test_NAT_4_dues_never_exceed_two_percent_and_have_cents(income: Decimal) -> None:
    amount = monthly_dues("working", income, PLAN_2017)
    assert amount <= (income * Decimal("0.02")).quantize(Decimal("0.01")) + Decimal("0.01")
    assert amount == amount.quantize(Decimal("0.01"))


def test_NAT_4_dues_for_uses_rate_of_the_year(data) -> None:
    m = add_member(data, monthly_income=Decimal("8000"))
    add(data, DuesRate(member_id=m.id, year=2026, amount=Decimal("100.00")))
    add(data, DuesPayment(member_id=m.id, month="2026-10", amount=Decimal("100"), paid=ON))
    october = dues_for(m, "2026-10", data)
    assert (october.amount, october.paid, october.paid_in_full) == (Decimal("100.00"), True, True)
    last_year = dues_for(m, "2025-10", data)  # no rate set: the calculator's amount
    assert (last_year.amount, last_year.paid) == (Decimal("120.00"), False)


def test_EDU_4_arrears_of_probationary_start_at_branch_meeting(data) -> None:
    m = add_member(data, status="probationary", joined=D(2026, 9, 18), full_date=None)
    owed = arrears(data, ON)
    assert owed[m.id].months == ("2026-09", "2026-10")


def test_NAT_4_back_payment_reaches_only_six_months(data) -> None:
    m = add_member(data, joined=D(2026, 1, 10))
    owed = arrears(data, ON)[m.id]
    assert len(owed.months) == 10
    assert owed.payable == ("2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10")
    assert owed.beyond_back_payment == ("2026-01", "2026-02", "2026-03", "2026-04")


def test_EDU_4_removed_and_paid_members_have_no_arrears(data) -> None:
    add_member(data, joined=D(2026, 1, 1), removed=D(2026, 2, 1), removed_reason="deceased")
    m = add_member(data, joined=D(2026, 10, 1))
    add(data, DuesPayment(member_id=m.id, month="2026-10", amount=Decimal("1"), paid=ON))
    assert arrears(data, ON) == {}


def test_EDU_4_dues_owed_here_only_since_transfer_in(data) -> None:
    m = add_member(data, joined=D(2010, 7, 1))
    add(
        data,
        Transfer(
            member_id=m.id,
            person_name=m.name,
            direction="in",
            instrument="relation_transfer",
            date=D(2026, 10, 12),
        ),
    )
    assert arrears(data, ON)[m.id].months == ("2026-10",)


def test_EDU_4_inflow_members_pay_at_home(data) -> None:
    add_member(data, joined=D(2026, 1, 1), inflow=True)
    assert arrears(data, ON) == {}
