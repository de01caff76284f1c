"""Entering dues (EDU-4, NAT-4): one month marked paid, a form's checks, batch entry, 补交.

Every way of recording a payment goes through ``payment_problems``: a month the member owes
nothing for, or one older than the back-payment limit (NAT-4, 6 months), is refused with a
Chinese message for the 所属月份 field; the amount defaults to the year's rate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from branchtui.domain.changes import RecordChanges
from branchtui.domain.dates import month_key
from branchtui.domain.dues import DuesBook, back_payment_problem, owed_month_problem
from branchtui.domain.dues_year import year_amount
from branchtui.domain.profile import profile_of
from branchtui.domain.records import BranchData, DuesPayment, Meeting, Member


def payment_problems(
    payment: DuesPayment, data: BranchData, book: DuesBook | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(errors, warnings) by field for a payment as entered (EDU-4, NAT-4).

    Errors: a month the member owes nothing for here; a month more than the back-payment
    limit before the day of payment. Warnings: the month already has a payment; the amount
    differs from the year's rate.
    """
    errors: dict[str, str] = {}
    warned: dict[str, str] = {}
    member = data.find("members", payment.member_id)
    month = payment.month
    if member is None or not _is_month(month):
        return errors, warned  # the record's own validation names these fields
    book = book or DuesBook.of(data)
    problem = owed_month_problem(member, month, data, book)
    if problem is None and isinstance(payment.paid, dt.date):
        problem = back_payment_problem(month, payment.paid, profile_of(data))
    if problem:
        errors["month"] = problem
    earlier = [
        p
        for p in (data.dues_payments if month in book.paid.get(member.id, ()) else ())
        if p.member_id == member.id and p.month == month and p.id != payment.id
    ]
    if earlier:
        total = sum(p.amount for p in earlier)
        warned["month"] = f"{member.name}{month}已交纳{total}元，本次为再次交纳"
    amount = year_amount(member, int(month[:4]), data, profile_of(data))
    if amount is not None and payment.amount is not None and payment.amount != amount:
        warned["amount"] = f"{int(month[:4])}年核定每月{amount}元，本次{payment.amount}元"
    return errors, warned


def _is_month(text: object) -> bool:
    return (
        isinstance(text, str)
        and len(text) == 7
        and text[4] == "-"
        and text[:4].isdigit()
        and text[5:].isdigit()
        and 1 <= int(text[5:]) <= 12
    )


def new_payment(member: Member, month: str, data: BranchData, paid: dt.date) -> DuesPayment:
    """A payment of ``month`` as the form first shows it: the amount is the year's rate
    (the calculator's when none was set; 0 when neither is known, for the user to fill)."""
    amount = year_amount(member, int(month[:4]), data, profile_of(data))
    return DuesPayment(member_id=member.id, month=month, amount=amount or Decimal(0), paid=paid)


def mark_paid(
    member: Member,
    month: str,
    data: BranchData,
    paid: dt.date,
    note: str = "",
    book: DuesBook | None = None,
) -> DuesPayment | str:
    """The payment of ``month`` at the year's rate, or why it cannot be recorded by one key
    (the month is not owed, too old to pay back, already paid, or no amount is known).
    Pass ``book`` (``DuesBook.of(data)``) when marking many."""
    book = book or DuesBook.of(data)
    if month in book.paid.get(member.id, ()):
        return f"{member.name}{month}的党费已登记，按 Enter 查看或修改"
    payment = new_payment(member, month, data, paid)
    errors, _ = payment_problems(payment, data, book)
    if errors:
        return next(iter(errors.values()))
    if not payment.amount:
        return f"{member.name}尚未核定党费标准，也缺少月收入；请按 Enter 填写交纳金额"
    payment.note = note
    return payment


@dataclass(frozen=True)
class BatchPayments:
    """What a batch entry records, and whom it leaves out with the reason."""

    payments: tuple[DuesPayment, ...]
    skipped: tuple[tuple[Member, str], ...] = ()

    @property
    def changes(self) -> RecordChanges:
        return RecordChanges(self.payments)

    @property
    def count(self) -> int:
        return len(self.payments)

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal(0))

    def skipped_summary(self, shown: int = 3) -> str:
        """Who was left out and why, the first ``shown`` of them, each named once: a reason
        that already names the member (李秀英尚未核定…) is not prefixed with the name again."""
        parts = [
            why if why.startswith(member.name) else f"{member.name}：{why}"
            for member, why in self.skipped[:shown]
        ]
        if len(self.skipped) > shown:
            parts.append(f"等{len(self.skipped)}人")
        return "；".join(parts)


def batch_paid(
    members: Iterable[Member], month: str, data: BranchData, paid: dt.date, note: str = ""
) -> BatchPayments:
    """Every listed member's ``month`` marked paid at their rate, in one commit. Members who
    already paid that month are left out silently; those who owe nothing for it, or whose
    month is beyond the back-payment limit, or whose amount is unknown, with the reason."""
    inserts: list[DuesPayment] = []
    skipped: list[tuple[Member, str]] = []
    book = DuesBook.of(data)
    for member in members:
        if month in book.paid.get(member.id, ()):
            continue
        result = mark_paid(member, month, data, paid, note, book)
        if isinstance(result, str):
            skipped.append((member, result))
        else:
            inserts.append(result)
    return BatchPayments(tuple(inserts), tuple(skipped))


def meetings_of_month(data: BranchData, month: str) -> list[Meeting]:
    """The meetings held in ``month``, 主题党日 first (dues are paid at the theme day, LIFE-5)."""
    found = [m for m in data.meetings if month_key(m.date) == month]
    return sorted(found, key=lambda m: ("theme_day" not in m.kinds, m.date))


def present_members(meeting: Meeting, data: BranchData) -> list[Member]:
    """The members present at ``meeting`` (出席), as listed in its attendance."""
    present = {a.member_id for a in meeting.attendance if a.status == "present"}
    return [m for m in data.members if m.id in present]


def theme_day_paid(
    meeting: Meeting, data: BranchData, paid: dt.date | None = None
) -> BatchPayments:
    """Everyone present at ``meeting`` paid the dues of its month (交纳党费 at the theme day)."""
    note = f"{meeting.date.isoformat()}{meeting.topic or '主题党日'}集中交纳"
    return batch_paid(
        present_members(meeting, data), month_key(meeting.date), data, paid or meeting.date, note
    )


def back_payment(
    member: Member, months: Iterable[str], data: BranchData, paid: dt.date
) -> BatchPayments:
    """补交: the member's unpaid ``months`` paid at each year's rate in one commit; months
    beyond the back-payment limit are refused with the reason (NAT-4)."""
    inserts: list[DuesPayment] = []
    skipped: list[tuple[Member, str]] = []
    book = DuesBook.of(data)
    for month in months:
        result = mark_paid(member, month, data, paid, "补交", book)
        if isinstance(result, str):
            skipped.append((member, f"{month}{result}" if month not in result else result))
        else:
            inserts.append(result)
    return BatchPayments(tuple(inserts), tuple(skipped))


def back_payment_choices(
    member: Member, payable: Iterable[str], data: BranchData, paid: dt.date
) -> list[BatchPayments]:
    """The 补交 a secretary may choose: the oldest payable month alone, the oldest two, …, all
    of them (EDU-4, NAT-4, NAT-5). Always from the oldest and without gaps: the oldest month
    is the first to pass the back-payment limit, and a month left unpaid between paid ones
    would keep the unpaid streak of NAT-5 open."""
    months = sorted(payable)
    return [back_payment(member, months[:count], data, paid) for count in range(1, len(months) + 1)]


def payment_day_problem(
    batch: BatchPayments, member: Member, data: BranchData, paid: dt.date, today: dt.date
) -> str | None:
    """Why the months of ``batch`` cannot be recorded as paid on ``paid``: a day after today,
    or one on which a month is beyond the back-payment limit (NAT-4)."""
    if paid > today:
        return "交纳日期不能晚于今天"
    months = [p.month for p in batch.payments]
    again = back_payment(member, months, data, paid)
    if again.skipped:
        return again.skipped[0][1]
    return None
