"""Party dues (党费, NAT-4, EDU-4): the monthly amount, each month's state, and arrears."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from branchtui.domain.dates import add_months, month_key, month_number
from branchtui.domain.profile import Profile, profile_of
from branchtui.domain.records import BranchData, DuesPayment, DuesRate, Member

CENT = Decimal("0.01")
# Categories that pay the fixed minimum instead of a share of income (NAT-4).
MINIMUM_CATEGORIES = frozenset({"student", "unemployed", "low_income"})


def monthly_dues(category: str, income: Decimal | None, profile: Profile) -> Decimal:
    """The monthly dues for a member of ``category`` with ``income`` after tax, rounded to 分.

    Working members and retirees pay a share by bracket (an income on a bracket's upper
    bound belongs to that bracket); students, unemployed and low-income members pay the
    profile's minimum. Raises ``ValueError`` when a share is needed and income is unknown.
    """
    if category in MINIMUM_CATEGORIES:
        return profile.dues_minimum_monthly
    if category == "retired":
        brackets = profile.dues_brackets_retired
    elif category == "working":
        brackets = profile.dues_brackets_working
    else:
        raise ValueError(f"unknown dues category {category!r}")
    if income is None or income < 0:
        raise ValueError("monthly income is needed to compute the dues")
    for upper, rate in brackets:
        if upper is None or income <= upper:
            return (income * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    raise ValueError("the profile's dues brackets have no open upper bracket")


def proposed_dues(member: Member, profile: Profile) -> Decimal | None:
    """The calculator's amount for a member's recorded category and income; None if unknown."""
    try:
        return monthly_dues(member.dues_category, member.monthly_income, profile)
    except ValueError:
        return None


@dataclass(frozen=True)
class MonthDues:
    """One member's dues for one month: the amount owed and what was paid."""

    member_id: str
    month: str
    amount: Decimal | None
    payments: tuple[DuesPayment, ...] = ()
    rate: DuesRate | None = None

    @property
    def paid_amount(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal("0"))

    @property
    def paid(self) -> bool:
        return bool(self.payments)

    @property
    def paid_in_full(self) -> bool:
        return self.paid and (self.amount is None or self.paid_amount >= self.amount)


def rate_of_year(member_id: str, year: int, data: BranchData) -> DuesRate | None:
    """The amount set for the member at the start of ``year`` (the latest record wins)."""
    rates = [r for r in data.dues_rates if r.member_id == member_id and r.year == year]
    return rates[-1] if rates else None


def dues_for(member: Member, month: str, data: BranchData) -> MonthDues:
    """The dues of ``member`` for ``month`` (``YYYY-MM``): the year's rate, paid or not."""
    rate = rate_of_year(member.id, int(month[:4]), data)
    if rate is not None:
        amount: Decimal | None = rate.amount
    else:
        profile = profile_of(data)
        amount = proposed_dues(member, profile)
    payments = tuple(p for p in data.dues_payments if p.member_id == member.id and p.month == month)
    return MonthDues(member.id, month, amount, payments, rate)


def dues_start(member: Member, data: BranchData, book: DuesBook | None = None) -> dt.date | None:
    """The first month a member owes dues here.

    From joining (for a 预备党员, ``joined`` is the day of the branch meeting), from arriving
    in this branch (``arrived``), or from the latest transfer in, but never before the branch's
    records start, so history from before the app or from the former organization is not
    counted (EDU-4, NAT-5).
    """
    if book is not None:
        moved_in = book.moved_in.get(member.id)
    else:
        moved_in = max(
            (t.date for t in data.transfers if t.direction == "in" and t.member_id == member.id),
            default=None,
        )
    created = data.branch.created if data.branch else None
    starts = [d for d in (member.counted_from, created, moved_in) if d]
    return max(starts).replace(day=1) if starts else None


def oldest_payable(on: dt.date, profile: Profile) -> str:
    """The oldest month (``YYYY-MM``) that may still be paid back on ``on`` (NAT-4)."""
    return month_key(add_months(on.replace(day=1), -profile.dues_back_payment_max_months))


def back_payment_problem(month: str, paid: dt.date, profile: Profile) -> str | None:
    """NAT-4: dues are paid back for at most 6 months (the profile's number) before the month
    of payment; an older month is refused, in Chinese, for the 所属月份 field."""
    oldest = oldest_payable(paid, profile)
    if month >= oldest:
        return None
    return f"超过补交期限：最多补交{profile.dues_back_payment_max_months}个月（{oldest}起）"


def owed_month_problem(
    member: Member, month: str, data: BranchData, book: DuesBook | None = None
) -> str | None:
    """Why ``member`` owes no dues here for ``month`` (EDU-4), or None when the month is owed:
    before the member's dues start (a 预备党员 pays from the branch meeting, a member who
    arrived mid-year from the month of arrival), after removal, or an in-flowing member."""
    if member.inflow:
        return f"{member.name}是流入党员，党费向原党组织交纳"
    start = dues_start(member, data, book)
    if start is not None and month < month_key(start):
        return f"{member.name}自{start.year}年{start.month}月起在本支部交纳党费，{month}无需交纳"
    if member.removed is not None and month > month_key(member.removed):
        return f"{member.name}已于{member.removed.isoformat()}移出名册，{month}无需交纳"
    return None


def paid_months(data: BranchData) -> dict[str, set[str]]:
    """The months each member has a payment for, built once for questions about many members."""
    out: dict[str, set[str]] = {}
    for p in data.dues_payments:
        months = out.get(p.member_id)
        if months is None:
            months = out[p.member_id] = set()
        months.add(p.month)
    return out


@dataclass(frozen=True)
class DuesBook:
    """Payments and transfers in, indexed once so that per-member questions do not rescan."""

    paid: dict[str, set[str]]
    moved_in: dict[str, dt.date]  # the latest transfer in, per member

    @classmethod
    def of(cls, data: BranchData) -> DuesBook:
        moved_in: dict[str, dt.date] = {}
        for t in data.transfers:
            if (
                t.direction == "in"
                and t.date
                and (t.member_id not in moved_in or t.date > moved_in[t.member_id])
            ):
                moved_in[t.member_id] = t.date
        return cls(paid_months(data), moved_in)


@lru_cache(maxsize=4096)
def _key_of(number: int) -> str:
    return f"{number // 12:04d}-{number % 12 + 1:02d}"


@lru_cache(maxsize=1024)
def _keys(first: int, stop: int) -> tuple[str, ...]:
    """Month keys from month number ``first`` up to, not including, ``stop``."""
    return tuple(_key_of(n) for n in range(first, stop))


def _owed_span(
    member: Member, data: BranchData, on: dt.date, book: DuesBook | None
) -> tuple[int, int] | None:
    """Month numbers [first, stop) the member owes dues for before ``on``'s month."""
    start = dues_start(member, data, book)
    if start is None:
        return None
    stop = month_number(on)
    if member.removed is not None:
        stop = min(stop, month_number(member.removed) + 1)
    return month_number(start), stop


@dataclass(frozen=True)
class Arrears:
    """A member's unpaid months up to the last complete month before a date."""

    member_id: str
    months: tuple[str, ...]
    payable: tuple[str, ...] = field(default=())

    @property
    def beyond_back_payment(self) -> tuple[str, ...]:
        """Unpaid months too old to be paid back (over the profile's limit)."""
        return tuple(m for m in self.months if m not in self.payable)


def unpaid_months(
    member: Member, data: BranchData, on: dt.date, book: DuesBook | None = None
) -> list[str]:
    """Months from the member's dues start to the month before ``on`` with no payment.

    Pass ``book`` (``DuesBook.of(data)``) when asking for many members.
    """
    span = _owed_span(member, data, on, book)
    if span is None:
        return []
    done = (book.paid if book is not None else paid_months(data)).get(member.id, set())
    return [key for key in _keys(*span) if key not in done]


def unpaid_streak(
    member: Member, data: BranchData, on: dt.date, book: DuesBook | None = None
) -> int:
    """Unpaid dues months in a row, ending with the last complete month before ``on`` (NAT-5)."""
    span = _owed_span(member, data, on, book)
    if span is None:
        return 0
    first, stop = span
    month = month_number(on) - 1
    if month >= stop:  # removed before last month: nothing owed then
        return 0
    done = (book.paid if book is not None else paid_months(data)).get(member.id, set())
    streak = 0
    # Walk back only as far as the run goes, not over the whole history.
    while month >= first and _key_of(month) not in done:
        streak += 1
        month -= 1
    return streak


def collected_after_leaving(member: Member) -> bool:
    """EDU-4: whether the branch still collects what ``member`` owes once off the roster.

    A member who transferred out owes the months she belonged here, the month of the transfer
    included (转出前应交清: the letter says to which month dues were paid), while they may
    still be paid back (NAT-4); one who died, was suspended or left the party owes nothing
    once gone.
    """
    return member.removed is not None and member.removed_reason == "transferred_out"


def leaving_unpaid(member: Member, data: BranchData, day: dt.date) -> list[str]:
    """The months ``member`` has not paid when she leaves on ``day``: from her dues start to
    the month of leaving, that month included (it is owed here, ``owed_month_problem``)."""
    return unpaid_months(member, data, add_months(day.replace(day=1), 1))


def leaving_dues_note(member: Member, data: BranchData, day: dt.date) -> str:
    """注意：… said before a transfer out on ``day`` while months are unpaid ('' otherwise)."""
    months = [] if member.inflow else leaving_unpaid(member, data, day)
    if not months:
        return ""
    first, last = months[0], months[-1]
    label = f"{int(first[:4])}年{int(first[5:])}月"
    if len(months) > 1:
        year = "" if last[:4] == first[:4] else f"{int(last[:4])}年"
        label += f"至{year}{int(last[5:])}月共{len(months)}个月"
    return f"{member.name}尚未交纳{label}党费，转出前应交清（EDU-4）"


def arrears(data: BranchData, on: dt.date, book: DuesBook | None = None) -> dict[str, Arrears]:
    """Unpaid months per active member (members with none are left out), and of members who
    transferred out, the months of here that may still be paid back.

    The current month is not yet in arrears; months older than the back-payment limit
    (6 by default) are listed but not ``payable``. In-flowing members are left out: their
    dues are reported back to their home organization.
    """
    profile = profile_of(data)
    oldest = oldest_payable(on, profile)
    book = book or DuesBook.of(data)
    out: dict[str, Arrears] = {}
    for member in data.members:
        if member.inflow or (member.removed is not None and not collected_after_leaving(member)):
            continue
        months = unpaid_months(member, data, on, book)
        payable = tuple(m for m in months if m >= oldest)
        if member.removed is not None:
            months = list(payable)  # gone: only what may still be paid is asked for
        if months:
            out[member.id] = Arrears(member.id, tuple(months), payable)
    return out
