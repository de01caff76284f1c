"""A year of dues (EDU-4, NAT-4, NAT-5): each member's twelve months, as the dues grid shows them.

A month is ``paid`` (in full), ``partial`` (less than the year's amount), ``arrears`` (unpaid,
before this month, still within the back-payment limit), ``beyond`` (unpaid and older than the
limit: it can no longer be paid back), ``open`` (this month or later, not paid yet) or
``not_due`` (before the member's dues start here — a 预备党员 from the branch meeting, a member
who arrived mid-year from the month of arrival — or after removal).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from branchtui.domain.dates import month_key
from branchtui.domain.dues import (
    DuesBook,
    oldest_payable,
    owed_month_problem,
    proposed_dues,
    rate_of_year,
    unpaid_streak,
)
from branchtui.domain.profile import Profile, profile_of
from branchtui.domain.records import BranchData, DuesPayment, Member

MonthState = Literal["paid", "partial", "arrears", "beyond", "open", "not_due"]
MONTH_STATES: dict[MonthState, str] = {
    "paid": "已交",
    "partial": "未交足",
    "arrears": "欠交",
    "beyond": "欠交超过补交期限",
    "open": "未到期",
    "not_due": "无需交纳",
}


@dataclass(frozen=True)
class DuesMonth:
    """One member's dues for one month of the year."""

    month: str  # YYYY-MM
    state: MonthState
    owed: Decimal | None  # the year's monthly amount; None when it cannot be computed
    payments: tuple[DuesPayment, ...] = ()

    @property
    def paid_amount(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal(0))


@dataclass(frozen=True)
class DuesRow:
    """One member's year: the monthly amount, the twelve months, and the NAT-5 streak."""

    member: Member
    amount: Decimal | None  # the rate set for the year, else the calculator's (NAT-4)
    rate_set: bool
    months: tuple[DuesMonth, ...]
    streak: int  # unpaid months in a row up to last month (NAT-5)

    def month(self, key: str) -> DuesMonth | None:
        return next((m for m in self.months if m.month == key), None)

    @property
    def arrears(self) -> int:
        return sum(1 for m in self.months if m.state in ("arrears", "beyond"))


def year_amount(member: Member, year: int, data: BranchData, profile: Profile) -> Decimal | None:
    """The monthly amount of ``year``: the rate set at the year's start, else the calculator's."""
    rate = rate_of_year(member.id, year, data)
    return rate.amount if rate is not None else proposed_dues(member, profile)


def month_state(
    owed: Decimal | None,
    payments: tuple[DuesPayment, ...],
    month: str,
    not_due: bool,
    on: dt.date,
    oldest: str,
) -> MonthState:
    """The state of one month, given what is owed and paid for it (see the module's list)."""
    if payments:
        paid = sum((p.amount for p in payments), Decimal(0))
        return "paid" if owed is None or paid >= owed else "partial"
    if not_due:
        return "not_due"
    if month >= month_key(on):
        return "open"
    return "arrears" if month >= oldest else "beyond"


def payments_by_month(data: BranchData, year: int) -> dict[tuple[str, str], list[DuesPayment]]:
    """The year's payments by (member id, month)."""
    prefix = f"{year:04d}-"
    out: dict[tuple[str, str], list[DuesPayment]] = {}
    for p in data.dues_payments:
        if p.month.startswith(prefix):
            out.setdefault((p.member_id, p.month), []).append(p)
    return out


def members_of_year(data: BranchData, year: int) -> list[Member]:
    """Members the branch collects dues from in ``year``: on the roster at some time of the
    year, not in-flowing (they pay their home organization)."""
    first = dt.date(year, 1, 1)
    return [
        m
        for m in data.members
        if not m.inflow
        and (m.removed is None or m.removed >= first)
        and (m.counted_from is None or m.counted_from.year <= year)
    ]


def dues_year(data: BranchData, year: int, on: dt.date) -> list[DuesRow]:
    """Every member's twelve months of ``year`` as of ``on``, in roster order."""
    profile = profile_of(data)
    book = DuesBook.of(data)
    paid = payments_by_month(data, year)
    oldest = oldest_payable(on, profile)
    keys = [f"{year:04d}-{month:02d}" for month in range(1, 13)]
    # The latest rate recorded for the year wins, as in dues.rate_of_year.
    rates = {r.member_id: r for r in data.dues_rates if r.year == year}
    rows: list[DuesRow] = []
    for member in members_of_year(data, year):
        rate = rates.get(member.id)
        amount = rate.amount if rate is not None else proposed_dues(member, profile)
        months = []
        for key in keys:
            payments = tuple(paid.get((member.id, key), ()))
            not_due = owed_month_problem(member, key, data, book) is not None
            state = month_state(amount, payments, key, not_due, on, oldest)
            months.append(DuesMonth(key, state, amount, payments))
        streak = unpaid_streak(member, data, on, book) if member.removed is None else 0
        rows.append(DuesRow(member, amount, rate is not None, tuple(months), streak))
    return rows
